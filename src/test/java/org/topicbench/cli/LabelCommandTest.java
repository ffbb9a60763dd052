package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.run;
import static org.topicbench.testsupport.Cli.runWithStdin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.Datasets;
import org.topicbench.eval.CarryOver;
import org.topicbench.model.HostilePayloads;
import org.topicbench.testsupport.Cli.Run;
import org.topicbench.text.Sentence;
import org.topicbench.text.SentenceSegmenter;

/**
 * {@code topicbench train} and {@code topicbench label} end to end on the five articles' text files: one
 * row per sentence in every format, the same labels from a saved model, and every bad input refused
 * with one line and exit 2.
 */
class LabelCommandTest {
  static final Path ARTICLES = Path.of("datasets", "articles");
  static final Path ARTICLE = ARTICLES.resolve("002_6a83be4a3eb838ab.txt");
  static final List<String> LABELS = List.of("boilerplate", "misconduct", "partygate", "political_response");

  @TempDir static Path dir;
  static Path model;

  /** The default learner trained on the bundled data, saved once for the whole class. */
  @BeforeAll
  static void train() {
    model = dir.resolve("default.tbm");
    Run r = run("train", "--save", model.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("saved "), r.out());
    assertTrue(r.err().contains("topicbench: learner "), r.err());
  }

  static List<Sentence> sentences(Path file) throws IOException {
    return SentenceSegmenter.english().segment(Files.readString(file));
  }

  static List<CSVRecord> csv(String out) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(out)).getRecords();
  }

  static List<JsonNode> jsonl(String out) throws IOException {
    ObjectMapper m = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : out.lines().toList()) {
      rows.add(m.readTree(line));
    }
    return rows;
  }

  @Test
  void csvHasOneRowPerSentenceWithOffsetsAndProbabilitiesSummingToOne() throws IOException {
    Run r = run("label", "--model", model.toString(), "--format", "csv", ARTICLE.toString());
    assertEquals(0, r.code(), r.err());
    String text = Files.readString(ARTICLE);
    List<Sentence> expected = sentences(ARTICLE);
    List<CSVRecord> rows = csv(r.out());
    assertEquals(expected.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      CSVRecord row = rows.get(i);
      Sentence s = expected.get(i);
      assertEquals(ARTICLE.toString(), row.get("file"));
      assertEquals(i + 1, Integer.parseInt(row.get("sentence")));
      assertEquals(s.line(), Integer.parseInt(row.get("line")));
      int start = Integer.parseInt(row.get("start"));
      int end = Integer.parseInt(row.get("end"));
      assertEquals(s.start(), start);
      assertEquals(s.end(), end);
      assertEquals(text.substring(start, end), row.get("text"));
      double sum = 0;
      double best = -1;
      String argMax = null;
      for (String l : LABELS) {
        double p = Double.parseDouble(row.get("p_" + l));
        assertTrue(p >= 0 && p <= 1, row.toString());
        sum += p;
        if (p > best) {
          best = p;
          argMax = l;
        }
      }
      assertEquals(1.0, sum, 5e-6, row.toString());
      assertTrue(LABELS.contains(row.get("label")), row.toString());
      assertEquals(best, Double.parseDouble(row.get("p_" + row.get("label"))), 1e-9, "the label has the largest probability: " + row + " " + argMax);
    }
  }

  @Test
  void jsonlAndTableAgreeWithCsv() throws IOException {
    List<CSVRecord> csv = csv(run("label", "--model", model.toString(), "--format", "csv", ARTICLE.toString()).out());
    Run json = run("label", "--model", model.toString(), "--format", "jsonl", ARTICLE.toString());
    assertEquals(0, json.code(), json.err());
    List<JsonNode> rows = jsonl(json.out());
    assertEquals(csv.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode j = rows.get(i);
      CSVRecord c = csv.get(i);
      assertEquals(c.get("label"), j.get("label").asText());
      assertEquals(c.get("text"), j.get("text").asText());
      assertEquals(Integer.parseInt(c.get("start")), j.get("start").asInt());
      double sum = 0;
      for (String l : LABELS) {
        double p = j.get("probabilities").get(l).asDouble();
        assertEquals(Double.parseDouble(c.get("p_" + l)), p, 5e-7);
        sum += p;
      }
      assertEquals(1.0, sum, 1e-9);
    }
    Run table = run("label", "--model", model.toString(), "--width", "100", ARTICLE.toString());
    assertEquals(0, table.code(), table.err());
    List<String> lines = table.out().lines().toList();
    assertTrue(lines.getFirst().startsWith("probability of each label: boil = boilerplate"), lines.getFirst());
    int title = lines.indexOf(ARTICLE + ": " + csv.size() + " sentences");
    assertTrue(title > 0 && lines.get(title - 1).isEmpty(), table.out());
    assertTrue(lines.get(title + 1).matches("\\s+# +line +start +end +label +boil misc part poli +text"), lines.get(title + 1));
    // one numbered row per sentence (continuation lines are indented and unnumbered), no line too wide
    long numbered = lines.stream().skip(title + 2).filter(l -> l.matches("\\s*\\d+ +\\d+ +\\d+ +\\d+ +\\S.*")).count();
    assertEquals(csv.size(), numbered);
    for (String l : lines) {
      assertTrue(l.length() <= 100, l);
    }
    for (int i = 0; i < csv.size(); i++) {
      String label = csv.get(i).get("label");
      String prefix = String.format("%4d ", i + 1);
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix) && l.contains(" " + label + " ")), "row " + (i + 1));
    }
  }

  @Test
  void aSavedModelGivesTheSameOutputAsTrainingTheSameLearnerNow() throws IOException {
    String learner = jsonHeader(model).get("learner").get("name").asText();
    Run saved = run("label", "--model", model.toString(), "--format", "jsonl", ARTICLE.toString());
    Run fresh = run("label", "--learner", learner, "--format", "jsonl", ARTICLE.toString());
    Run byDefault = run("label", "--train", "--format", "jsonl", ARTICLE.toString());
    assertEquals(0, fresh.code(), fresh.err());
    assertEquals(saved.out(), fresh.out());
    assertEquals(saved.out(), byDefault.out());
    // --train without --model says which learner it chose, and why
    assertTrue(byDefault.err().contains("topicbench: learner " + learner + ", chosen among the calibrated learners (best"
        + " mean macro-F1 over both split directions"),
        byDefault.err());
    assertTrue(byDefault.err().contains(CarryOver.FILE.toString()), byDefault.err());
    assertTrue(byDefault.err().contains("training " + learner + " on datasets/sentences.csv + datasets/external-dev.csv (331 sentences)"),
        byDefault.err());
  }

  static JsonNode jsonHeader(Path file) throws IOException {
    return new ObjectMapper().readTree(Files.readAllLines(file, StandardCharsets.ISO_8859_1).get(1));
  }

  @Test
  void theModelHeaderRecordsLearnerFeaturesLabelsDataAndVersion() throws IOException {
    JsonNode h = jsonHeader(model);
    assertEquals("topicbench-model", h.get("format").asText());
    assertEquals(1, h.get("format_version").asInt());
    assertEquals(org.topicbench.Topicbench.version(), h.get("topicbench_version").asText());
    assertEquals(h.get("learner").get("hyperparameters").get("features").asText(), h.get("features").asText());
    assertEquals(LABELS, new ObjectMapper().convertValue(h.get("labels"), List.class));
    assertEquals("sentences.csv", h.get("training").get(0).get("file").asText());
    assertEquals(Datasets.read(Datasets.SENTENCES).sha256(), h.get("training").get(0).get("sha256").asText());
    assertEquals("external-dev.csv", h.get("training").get(1).get("file").asText());
    assertEquals(Datasets.read(Datasets.EXTERNAL_DEV).sha256(), h.get("training").get(1).get("sha256").asText());
    assertEquals(64, h.get("payload").get("sha256").asText().length());
  }

  @Test
  void severalFilesAFolderAndStandardInput() throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.list(ARTICLES)) {
      all = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertEquals(5, all.size());
    Run folder = run("label", "--model", model.toString(), "--format", "csv", ARTICLES.toString());
    assertEquals(0, folder.code(), folder.err());
    List<CSVRecord> rows = csv(folder.out());
    List<String> expectedFiles = new ArrayList<>();
    for (Path p : all) {
      for (int i = 0; i < sentences(p).size(); i++) {
        expectedFiles.add(p.toString());
      }
    }
    assertEquals(expectedFiles, rows.stream().map(r -> r.get("file")).toList());

    Run two = run("label", "--model", model.toString(), "--format", "csv", all.get(3).toString(), all.get(0).toString());
    List<CSVRecord> twoRows = csv(two.out());
    assertEquals(sentences(all.get(3)).size() + sentences(all.get(0)).size(), twoRows.size());
    assertEquals(all.get(3).toString(), twoRows.getFirst().get("file"));
    assertEquals(all.get(0).toString(), twoRows.getLast().get("file"));

    Run stdin = runWithStdin(Files.readAllBytes(ARTICLE), "label", "--model", model.toString(), "--format", "csv", "-");
    assertEquals(0, stdin.code(), stdin.err());
    List<CSVRecord> fromFile = csv(run("label", "--model", model.toString(), "--format", "csv", ARTICLE.toString()).out());
    List<CSVRecord> fromStdin = csv(stdin.out());
    assertEquals(fromFile.size(), fromStdin.size());
    for (int i = 0; i < fromFile.size(); i++) {
      assertEquals("-", fromStdin.get(i).get("file"));
      assertEquals(fromFile.get(i).get("label"), fromStdin.get(i).get("label"));
      assertEquals(fromFile.get(i).get("text"), fromStdin.get(i).get("text"));
    }
  }

  @Test
  void freeTextWithoutParagraphLinesIsSegmentedToo() {
    byte[] text = "The watchdog published its report. The mayor responded within hours! Was it enough?"
        .getBytes(StandardCharsets.UTF_8);
    Run r = runWithStdin(text, "label", "--model", model.toString(), "--format", "jsonl", "-");
    assertEquals(0, r.code(), r.err());
    assertEquals(3, r.out().lines().count());
  }

  /** Exit 2 with exactly one line, which contains {@code expected}. */
  static void refused(Run r, String expected) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals("", r.out());
    List<String> lines = r.err().lines().filter(l -> !l.startsWith("topicbench: model ")).toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.getFirst().startsWith("topicbench: ") && lines.getFirst().contains(expected), r.err());
  }

  @Test
  void badInputsAreRefusedWithOneLineBeforeAnythingIsPrinted() throws IOException {
    Path good = ARTICLE;
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    Path blank = Files.writeString(dir.resolve("blank.txt"), "\n  \n\t\n");
    Path binary = Files.write(dir.resolve("binary.txt"), new byte[] {'a', 'b', 0, 'c'});
    Path latin1 = Files.write(dir.resolve("latin1.txt"), "café au lait\n".getBytes(StandardCharsets.ISO_8859_1));
    Path noText = Files.createDirectories(dir.resolve("no-text"));
    Files.writeString(noText.resolve("notes.md"), "not a .txt file");
    String m = model.toString();
    refused(run("label", "--model", m, good.toString(), empty.toString()), empty + ": empty, nothing to label");
    refused(run("label", "--model", m, blank.toString()), blank + ": holds only blank lines");
    refused(run("label", "--model", m, binary.toString()), binary + ":1: binary file");
    refused(run("label", "--model", m, latin1.toString()), latin1 + ":1: invalid UTF-8 (byte 0xE9 at byte offset 3)");
    refused(run("label", "--model", m, noText.toString()), noText + ": folder holds no text files (*.txt)");
    refused(run("label", "--model", m, dir.resolve("missing.txt").toString()), "missing.txt: no such file");
    refused(runWithStdin(new byte[0], "label", "--model", m, "-"), "standard input (<stdin>): empty");
    refused(runWithStdin("x".getBytes(StandardCharsets.UTF_8), "label", "--model", m, "-", "-"), "standard input can be read only once");
    refused(run("label", "--learner", "weka.nope", good.toString()), "--learner: spec 'weka.nope': unknown learner 'weka.nope'");
    refused(run("label", "--model", dir.resolve("none.tbm").toString(), good.toString()), "none.tbm: no such model file");
    refused(run("label", "--model", good.toString(), good.toString()), "not a topicbench model file");
    refused(run("label", "--model", dir.toString(), good.toString()), "is a directory, not a model file");
    Run both = run("label", "--model", m, "--learner", "weka.smo", good.toString());
    assertEquals(2, both.code());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
  }

  /** A copy of the model with a change. */
  static Path tampered(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void tamperedTruncatedAndForeignModelFilesAreRefused() throws Exception {
    byte[] b = Files.readAllBytes(model);
    String text = new String(b, StandardCharsets.ISO_8859_1);
    int payloadStart = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
    long seed = 7L;
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] flipped = b.clone();
    int at = payloadStart + rnd.nextInt(b.length - payloadStart);
    flipped[at] ^= 0x20;
    String a = ARTICLE.toString();
    refused(run("label", "--model", tampered("flipped.tbm", flipped).toString(), a), "SHA-256 does not match");

    String edited = text.replaceFirst("\"seed\":2022", "\"seed\":2023");
    assertTrue(!edited.equals(text));
    refused(run("label", "--model", tampered("edited.tbm", edited.getBytes(StandardCharsets.ISO_8859_1)).toString(), a),
        "the header was edited");
    refused(run("label", "--model", tampered("truncated.tbm", Arrays.copyOf(b, b.length - 100)).toString(), a),
        "(truncated file)");
    byte[] random = new byte[5000];
    for (int i = 0; i < random.length; i++) {
      random[i] = (byte) rnd.nextInt(256);
    }
    refused(run("label", "--model", tampered("random.tbm", random).toString(), a), "not a topicbench model file");

    // a valid Java-serialized object of a class the allowlist refuses, behind a correct digest
    byte[] forged = HostilePayloads.modelFile(b, HostilePayloads.serialize(new java.net.URI("https://example.org/")));
    refused(run("label", "--model", tampered("forged.tbm", forged).toString(), a),
        "the payload holds what a model file may not: class java.net.URI");
  }

  @Test
  void aSerialDosModelFileIsRefusedWithOneLineInsteadOfHanging() throws IOException {
    // nested HashMaps whose hashing would take 2^100 steps, behind a correct header, length and digest
    byte[] hostile = HostilePayloads.modelFile(Files.readAllBytes(model), HostilePayloads.serialize(HostilePayloads.nestedMaps(100)));
    String file = tampered("serialdos.tbm", hostile).toString();
    Run r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run("label", "--model", file, ARTICLE.toString()));
    refused(r, file + ": model file: the payload holds a hash table keyed by java.util.HashMap objects");
  }

  @Test
  void trainRefusesBadOptions() throws IOException {
    refused(run("train", "--learner", "nope", "--save", dir.resolve("x.tbm").toString()), "--learner: spec 'nope': unknown learner 'nope'");
    refused(run("train", "--save", dir.toString()), "is a directory");
    refused(run("train", "--train", dir.resolve("missing.csv").toString(), "--save", dir.resolve("x.tbm").toString()),
        "missing.csv");
    Run noSave = run("train");
    assertEquals(2, noSave.code());
    assertTrue(noSave.err().contains("--save"), noSave.err());
    assertTrue(!Files.exists(dir.resolve("x.tbm")));
  }

  @Test
  void trainOnAGivenDatasetRecordsIt() throws IOException {
    Path out = dir.resolve("nb.tbm");
    Run r = run("train", "--learner", "smile.nb-complement", "--train", "datasets/sentences.csv", "--seed", "5", "--save", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    JsonNode h = jsonHeader(out);
    assertEquals("smile.nb-complement", h.get("learner").get("name").asText());
    assertEquals(5, h.get("seed").asLong());
    assertEquals(1, h.get("training").size());
    assertEquals(116, h.get("training").get(0).get("examples").asInt());
    Run labelled = run("label", "--model", out.toString(), "--format", "jsonl", ARTICLE.toString());
    assertEquals(0, labelled.code(), labelled.err());
    assertEquals(sentences(ARTICLE).size(), labelled.out().lines().count());
  }
}
