package org.topicbench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.check.Baseline;
import org.topicbench.data.Dataset;
import org.topicbench.data.InputException;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationResult;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.LearnerResult;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.testsupport.Fixtures;

/** The run format's one owner: what it writes it reads back, keyed by dataset; what it may replace. */
class RunFormatTest {
  @TempDir Path tmp;

  /** Two datasets (d: kfold and split; e: kfold), two learners. */
  static EvaluationResult small() {
    Dataset d = Fixtures.dataset("d", 5, 8, 1);
    Dataset t = Fixtures.dataset("t", 2, 6, 2);
    Dataset e = Fixtures.dataset("e", 4, 8, 3);
    return Evaluation.run(new EvaluationSpec(
        List.of(ProtocolSpec.kfold("d", d, 4, 2), ProtocolSpec.split("d", d, t), ProtocolSpec.kfold("e", e, 4, 2)),
        List.of(new Fixtures.FirstWord(), new Fixtures.SeededGuess()), 3, 100, 2));
  }

  @Test
  void whatItWritesItReadsBackKeyedByDataset() throws IOException {
    EvaluationResult r = small();
    Path dir = tmp.resolve("run");
    Run written = RunWriter.write(r, dir);
    for (String f : RunFormat.FILES) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    Run read = RunReader.read(dir);
    assertEquals(written.manifest(), read.manifest());
    assertEquals(written.summary(), read.summary());
    assertEquals(written.perClass(), read.perClass());
    assertEquals(written.confusion(), read.confusion());
    assertEquals(written.pairwise().size(), read.pairwise().size());
    assertEquals(written.examples(), read.examples());
    assertEquals(written.ranks(), read.ranks());
    assertEquals(written.ranking(), read.ranking());
    assertEquals(written.wins(), read.wins());
    assertEquals(written.predictions().size(), read.predictions().size());
    assertEquals(List.of("d/kfold", "d/split", "e/kfold"), read.tasks().stream().map(Manifest.Task::key).toList());
    // every row names its dataset
    assertTrue(Files.readString(dir.resolve("summary.csv")).startsWith("dataset,protocol,learner,rank,"));
    Manifest.Task dk = read.manifest().task("d/kfold");
    Rows.Summary first = read.summary(dk).getFirst();
    LearnerResult l = r.protocols().getFirst().learner(first.learner());
    assertEquals(Double.parseDouble(org.topicbench.eval.Metrics.fixed(l.macroF1Pooled().mean())),
        first.macroF1Pooled().mean());
    assertEquals(1, first.rank());
    // predictions: 2 learners x (d: 2 x 40 + 12 test; e: 2 x 32)
    assertEquals(2 * (2 * 40 + 12 + 2 * 32), read.predictions().size());
    Rows.Prediction p = read.predictions(dk, "test.first-word").getFirst();
    assertNull(p.probabilities(), "first-word gives no probabilities");
    double[] g = read.predictions(dk, "test.guess").getFirst().probabilities();
    assertNotNull(g);
    assertEquals(1.0, java.util.Arrays.stream(g).sum(), 1e-5);
    assertArrayEquals(written.predictions().getLast().probabilities(), read.predictions().getLast().probabilities());
    // two datasets: a ranking with two blocks
    assertNotNull(read.manifest().ranking());
    assertEquals(List.of("d", "e"), read.manifest().ranking().blocks());
    assertEquals(2 * 2, read.ranks().size());
    assertEquals(2, read.wins().size());
    JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    assertEquals(RunFormat.FORMAT, m.get("format").asText());
    assertEquals("d", m.get("tasks").get(0).get("dataset").asText());
    assertEquals("d.csv", m.get("tasks").get(0).get("files").get(0).get("file").asText());
    assertEquals("first word", m.get("learners").get(0).get("hyperparameters").get("rule").asText());
    assertEquals(2, m.get("tasks").get(0).get("fold_seeds").size());
    assertFalse(Files.readString(dir.resolve("summary.csv")).contains("\r"), "LF line ends");
  }

  @Test
  void twoRunsGiveByteIdenticalFilesButTimings() throws IOException {
    RunWriter.write(small(), tmp.resolve("a"));
    RunWriter.write(small(), tmp.resolve("b"));
    for (String f : RunFormat.FILES) {
      if (!f.equals(RunFormat.TIMINGS)) {
        assertEquals(-1L, Files.mismatch(tmp.resolve("a").resolve(f), tmp.resolve("b").resolve(f)), f);
      }
    }
  }

  @Test
  void anOlderFormatIsRefusedWithOneLineThatSaysToRegenerate() throws IOException {
    Path dir = tmp.resolve("old");
    RunWriter.write(small(), dir);
    Path m = dir.resolve("manifest.json");
    Files.writeString(m, Files.readString(m).replace(RunFormat.FORMAT, "topicbench-run/1"));
    InputException e = assertThrows(InputException.class, () -> RunReader.read(dir));
    assertEquals(m + ": format topicbench-run/1 is not topicbench-run/3, which this topicbench reads: regenerate"
        + " the run ('topicbench evaluate'; for a baseline, 'topicbench check --update')", e.getMessage());
  }

  @Test
  void brokenFilesAreOneLineErrorsNamingFileAndLine() throws IOException {
    Path dir = tmp.resolve("run");
    RunWriter.write(small(), dir);
    Path summary = dir.resolve("summary.csv");
    String text = Files.readString(summary);
    Files.writeString(summary, text.replaceFirst("\nd,kfold,([^,]+),1,", "\nd,kfold,$1,one,"));
    InputException e = assertThrows(InputException.class, () -> RunReader.read(dir));
    assertEquals(summary + ":2: rank: not a whole number: 'one'", e.getMessage());
    Files.writeString(summary, text.replaceFirst("\nd,kfold,", "\nq,kfold,"));
    e = assertThrows(InputException.class, () -> RunReader.read(dir));
    assertEquals(summary + ":2: task q/kfold is not in manifest.json", e.getMessage());
    Files.writeString(summary, text.substring(0, text.length() - 5));
    e = assertThrows(InputException.class, () -> RunReader.read(dir));
    assertTrue(e.getMessage().startsWith(summary + ":"), e.getMessage());
    Files.writeString(summary, text);
    Path m = dir.resolve("manifest.json");
    Files.writeString(m, Files.readString(m).replace("\"seed\" :", "\"colour\" : 1,\n  \"seed\" :"));
    e = assertThrows(InputException.class, () -> RunReader.read(dir));
    assertTrue(e.getMessage().startsWith(m + ": does not match topicbench-run/3: Unrecognized field \"colour\""),
        e.getMessage());
  }

  @Test
  void replacesItsOwnRunAndLeavesNothingBeside() throws IOException {
    EvaluationResult r = small();
    Path dir = tmp.resolve("run");
    RunWriter.write(r, dir);
    Files.writeString(dir.resolve("report.html"), "an older report");
    Files.createDirectories(dir.resolve("charts"));
    Files.writeString(dir.resolve("charts").resolve("d-kfold-cost.svg"), "<svg/>");
    Files.createDirectories(dir.resolve(".report.tmp-123").resolve("charts")); // a killed 'topicbench report'
    RunWriter.write(r, dir, (d, run) -> Files.writeString(d.resolve("report.html"), run.runId()));
    assertFalse(Files.exists(dir.resolve(".report.tmp-123")));
    assertEquals(r.runId(), Files.readString(dir.resolve("report.html")));
    assertFalse(Files.exists(dir.resolve("charts")));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(dir), s.toList());
    }
  }

  /** What is not provably a topicbench run directory holding only topicbench's files is never replaced. */
  @Test
  void refusesToReplaceAnythingButARunDirectoryOfItsOwnFiles() throws IOException {
    Path project = tmp.resolve("project");
    Files.createDirectories(project.resolve("src"));
    Files.writeString(project.resolve("manifest.json"), "{\"name\": \"my-app\"}");
    Files.writeString(project.resolve("src").resolve("Main.java"), "keep me");
    assertRefused(project, "exists and is not a topicbench run directory (its manifest.json names no topicbench-run"
        + " format); not replacing it");
    Files.writeString(project.resolve("manifest.json"), "not json");
    assertRefused(project, "exists and is not a topicbench run directory (its manifest.json is not JSON); not"
        + " replacing it");
    assertEquals("keep me", Files.readString(project.resolve("src").resolve("Main.java")));
    Path precious = tmp.resolve("precious");
    Files.createDirectories(precious);
    Files.writeString(precious.resolve("thesis.tex"), "keep me");
    assertRefused(precious, "exists and is not a topicbench run directory (no manifest.json); not replacing it");

    Path run = tmp.resolve("run");
    RunWriter.write(small(), run);
    Files.writeString(run.resolve("notes.txt"), "my notes");
    assertRefused(run, "holds notes.txt, which topicbench did not write; not replacing it (move it away or choose"
        + " another directory)");
    Files.delete(run.resolve("notes.txt"));
    Files.createDirectories(run.resolve("charts"));
    Files.writeString(run.resolve("charts").resolve("notes.txt"), "mine");
    assertRefused(run, "holds charts, which topicbench did not write; not replacing it (move it away or choose"
        + " another directory)");

    Path baseline = tmp.resolve("baseline");
    Path b = tmp.resolve("b");
    RunWriter.write(small(), b);
    Baseline.replace(b, baseline);
    assertRefused(baseline, "is a topicbench baseline ('topicbench check --update' replaces it); not replacing it");

    Path file = tmp.resolve("file.txt");
    Files.writeString(file, "x");
    assertRefused(file, "exists and is not a directory; name a run directory");
    assertEquals("x", Files.readString(file));

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    RunWriter.write(small(), empty);
    assertTrue(Files.isRegularFile(empty.resolve("manifest.json")));
  }

  private static void assertRefused(Path dir, String why) {
    InputException e = assertThrows(InputException.class, () -> RunWriter.write(small(), dir));
    assertEquals(dir + ": " + why, e.getMessage());
  }

  @Test
  void aFailingExtraLeavesThePreviousRunIntact() throws IOException {
    EvaluationResult r = small();
    Path dir = tmp.resolve("run");
    RunWriter.write(r, dir);
    byte[] before = Files.readAllBytes(dir.resolve("summary.csv"));
    assertThrows(InputException.class, () -> RunWriter.write(r, dir, (d, run) -> {
      throw new IOException("disk full");
    }));
    assertEquals(new String(before), Files.readString(dir.resolve("summary.csv")));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(dir), s.toList());
    }
  }

  /** Gunzipped bytes of {@code file}. */
  static byte[] gunzip(Path file) throws IOException {
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }

  @Test
  void aCompressedRunHoldsThePlainRunsBytesAndReadsBackTheSame() throws IOException {
    EvaluationResult r = small();
    Path plain = tmp.resolve("plain");
    Path gz = tmp.resolve("gz");
    Run written = RunWriter.write(r, plain, RunFormat.Compression.NEVER);
    RunWriter.write(r, gz, RunFormat.Compression.ALWAYS);
    Run read = RunReader.read(gz);
    List<String> files = read.manifest().files();
    assertTrue(files.contains("predictions.csv.gz") && files.contains("examples.csv.gz"), files.toString());
    assertFalse(files.contains("predictions.csv") || files.contains("examples.csv"), files.toString());
    assertEquals(files.indexOf("predictions.csv.gz"), RunFormat.FILES.indexOf("predictions.csv"), "same place in files");
    assertEquals("predictions.csv.gz", read.file("predictions.csv"));
    assertEquals("summary.csv", read.file("summary.csv"));
    assertEquals("predictions.csv", written.file("predictions.csv"));
    for (String f : RunFormat.COMPRESSIBLE) {
      assertFalse(Files.exists(gz.resolve(f)), f);
      assertFalse(Files.exists(plain.resolve(f + RunFormat.GZ)), f);
      byte[] bytes = Files.readAllBytes(gz.resolve(f + RunFormat.GZ));
      // gzip, deflate, no flags (no name, no comment), modification time 0
      assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(bytes, 8), f);
      assertArrayEquals(Files.readAllBytes(plain.resolve(f)), gunzip(gz.resolve(f + RunFormat.GZ)), f);
    }
    // the manifests differ in files only
    Run back = RunReader.read(plain);
    assertEquals(back.manifest().runId(), read.manifest().runId());
    assertEquals(back.examples(), read.examples());
    assertEquals(back.summary(), read.summary());
    assertEquals(back.predictions().size(), read.predictions().size());
    for (int i = 0; i < back.predictions().size(); i++) {
      Rows.Prediction a = back.predictions().get(i);
      Rows.Prediction b = read.predictions().get(i);
      assertEquals(List.of(a.dataset(), a.protocol(), a.learner(), a.repetition(), a.fold(), a.source(), a.id(),
          a.truth(), a.predicted()), List.of(b.dataset(), b.protocol(), b.learner(), b.repetition(), b.fold(),
          b.source(), b.id(), b.truth(), b.predicted()));
      assertArrayEquals(a.probabilities(), b.probabilities());
    }
    // a compressed run is replaced by a rerun, and a rerun gives the same bytes
    Path again = tmp.resolve("again");
    RunWriter.write(small(), again, RunFormat.Compression.ALWAYS);
    RunWriter.write(small(), gz, RunFormat.Compression.ALWAYS);
    for (String f : files) {
      if (!f.equals(RunFormat.TIMINGS)) {
        assertEquals(-1L, Files.mismatch(gz.resolve(f), again.resolve(f)), f);
      }
    }
    // and it may become an uncompressed one
    RunWriter.write(small(), gz, RunFormat.Compression.NEVER);
    assertTrue(Files.isRegularFile(gz.resolve("predictions.csv")));
    assertFalse(Files.exists(gz.resolve("predictions.csv.gz")));
  }

  @Test
  void autoCompressesTheFilesWithMoreThanAHundredThousandRows() {
    assertFalse(RunFormat.Compression.AUTO.compress(RunFormat.AUTO_ROWS));
    assertTrue(RunFormat.Compression.AUTO.compress(RunFormat.AUTO_ROWS + 1));
    assertTrue(RunFormat.Compression.ALWAYS.compress(0));
    assertFalse(RunFormat.Compression.NEVER.compress(Long.MAX_VALUE));
    Run small = RunWriter.of(small());
    assertTrue(small.manifest().files().contains("predictions.csv"), "a small run stays plain");
    assertTrue(small.manifest().files().contains("examples.csv"));
    assertTrue(RunFormat.isRunFile("predictions.csv.gz"));
    assertTrue(RunFormat.isRunFile("examples.csv.gz"));
    assertFalse(RunFormat.isRunFile("summary.csv.gz"), "only the two large files are ever compressed");
  }

  @Test
  void aTruncatedOrDamagedGzipIsOneLineNamingTheFile() throws IOException {
    long seed = org.topicbench.testsupport.Cli.seed("aTruncatedOrDamagedGzipIsOneLineNamingTheFile");
    java.util.Random rnd = new java.util.Random(seed);
    Path dir = tmp.resolve("gz");
    RunWriter.write(small(), dir, RunFormat.Compression.ALWAYS);
    Run good = RunReader.read(dir);
    for (String name : List.of("predictions.csv.gz", "examples.csv.gz")) {
      Path file = dir.resolve(name);
      byte[] bytes = Files.readAllBytes(file);
      List<Integer> cuts = List.of(0, 1, 9, 10, bytes.length / 2, bytes.length - 8, bytes.length - 1);
      for (int cut : cuts) {
        Files.write(file, java.util.Arrays.copyOf(bytes, cut));
        InputException e = assertThrows(InputException.class, () -> RunReader.read(dir), name + " cut to " + cut);
        assertTrue(e.getMessage().startsWith(file + ": not a complete gzip file (truncated or damaged: "),
            name + " cut to " + cut + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
      }
      // a flipped bit anywhere after the header: one line naming the file, or (a bit of the final byte's
      // padding) the same rows
      for (int i = 0; i < 40; i++) {
        byte[] bad = bytes.clone();
        int at = 10 + rnd.nextInt(bad.length - 10);
        bad[at] ^= (byte) (1 << rnd.nextInt(8));
        Files.write(file, bad);
        try {
          Run r = RunReader.read(dir);
          assertEquals(good.examples(), r.examples(), name + " byte " + at);
          assertEquals(good.predictions().size(), r.predictions().size(), name + " byte " + at);
        } catch (InputException e) {
          assertTrue(e.getMessage().startsWith(file + ":"), name + " byte " + at + ": " + e.getMessage());
          assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
      }
      // a plain file under the compressed name
      Files.writeString(file, "dataset,protocol\n");
      InputException e = assertThrows(InputException.class, () -> RunReader.read(dir));
      assertEquals(file + ": not a complete gzip file (truncated or damaged: Not in GZIP format)", e.getMessage());
      Files.write(file, bytes);
    }
    // compressed text that was cut at a line: gzip is whole, the CSV is not
    Path examples = dir.resolve("examples.csv.gz");
    String text = new String(gunzip(examples), java.nio.charset.StandardCharsets.UTF_8);
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(examples))) {
      out.write(text.substring(0, text.length() - 1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    InputException e = assertThrows(InputException.class, () -> RunReader.read(dir));
    assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(examples.toString())
        + ":\\d+: does not end with a line break \\(truncated\\?\\)"), e.getMessage());
    // both forms listed
    Path m = dir.resolve("manifest.json");
    Files.writeString(m, Files.readString(m).replace("\"examples.csv.gz\"", "\"examples.csv.gz\",\n    \"examples.csv\""));
    e = assertThrows(InputException.class, () -> RunReader.read(dir));
    assertEquals(m + ": files: lists both examples.csv and examples.csv.gz; a run has one of them", e.getMessage());
  }

  @Test
  void numbersHaveSixDecimalsAndNoNegativeZero() {
    assertEquals("0.500000", Csv.num(0.5));
    assertEquals("0.000000", Csv.num(-0.0));
    assertEquals("0.000000", Csv.num(-1e-9));
    assertEquals("NaN", Csv.num(Double.NaN));
    assertEquals("1234.567891", Csv.num(1234.5678906));
  }
}
