package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.Dataset;
import org.topicbench.data.InputException;

class ResultWriterTest {
  @TempDir Path tmp;

  private static EvaluationResult small() {
    Dataset d = Fixtures.dataset("d", 5, 8, 1);
    Dataset t = Fixtures.dataset("t", 2, 6, 2);
    return Evaluation.run(
        new EvaluationSpec(
            List.of(ProtocolSpec.kfold(d, 4, 2), ProtocolSpec.split(d, t)),
            List.of(new Fixtures.FirstWord(), new Fixtures.SeededGuess()), 3, 100, 2));
  }

  private static List<CSVRecord> read(Path f) throws IOException {
    try (Reader r = Files.newBufferedReader(f)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }

  @Test
  void writesEveryFileWithConsistentContent() throws IOException {
    EvaluationResult r = small();
    Path dir = tmp.resolve("run");
    ResultWriter.write(r, dir);
    for (String f : ResultWriter.FILES) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    List<CSVRecord> summary = read(dir.resolve("summary.csv"));
    assertEquals(4, summary.size());
    CSVRecord first = summary.getFirst();
    assertEquals("kfold", first.get("protocol"));
    assertEquals("1", first.get("rank"));
    LearnerResult l = r.protocols().getFirst().learner(first.get("learner"));
    assertEquals(ResultWriter.num(l.macroF1Pooled().mean()), first.get("macro_f1_pooled_mean"));
    assertEquals(ResultWriter.num(l.macroF1FoldMean()), first.get("macro_f1_fold_mean"));
    // predictions: 2 learners x (2 repetitions x 40 + 12 test sentences)
    List<CSVRecord> preds = read(dir.resolve("predictions.csv"));
    assertEquals(2 * (2 * 40 + 12), preds.size());
    CSVRecord p = preds.getFirst();
    assertEquals("", p.get("p_alpha"), "first-word gives no probabilities");
    CSVRecord g = preds.stream().filter(x -> x.get("learner").equals("test.guess")).findFirst().orElseThrow();
    assertTrue(g.get("p_alpha").matches("0\\.\\d{6}"), g.get("p_alpha"));
    assertEquals(2 * (8 + 1), read(dir.resolve("folds.csv")).size());
    assertEquals(2 * 3 * 3 * 2, read(dir.resolve("confusion.csv")).size());
    // one pair: kfold tests macro_f1 and accuracy, split tests accuracy (McNemar)
    assertEquals(2 + 1, read(dir.resolve("pairwise.csv")).size());
    assertEquals(40 + 40 + 12, read(dir.resolve("examples.csv")).size());
    JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    assertEquals(r.runId(), m.get("run_id").asText());
    assertEquals(3, m.get("seed").asLong());
    assertEquals("d.csv", m.get("protocols").get(0).get("datasets").get(0).get("file").asText());
    assertEquals("0".repeat(64), m.get("protocols").get(0).get("datasets").get(0).get("sha256").asText());
    assertEquals("first word", m.get("learners").get(0).get("hyperparameters").get("rule").asText());
    assertEquals(2, m.get("protocols").get(0).get("fold_seeds").size());
    assertFalse(Files.readString(dir.resolve("summary.csv")).contains("\r"), "LF line ends");
  }

  @Test
  void replacesAPreviousRunAtomicallyAndLeavesNoTemporaryDirectories() throws IOException {
    EvaluationResult r = small();
    Path dir = tmp.resolve("run");
    ResultWriter.write(r, dir);
    Files.writeString(dir.resolve("report.html"), "an older report");
    Files.createDirectories(dir.resolve("charts"));
    Files.writeString(dir.resolve("charts").resolve("kfold-cost.svg"), "<svg/>");
    ResultWriter.write(r, dir, (d, res) -> Files.writeString(d.resolve("extra.txt"), res.runId()));
    assertFalse(Files.exists(dir.resolve("report.html")));
    assertEquals(r.runId(), Files.readString(dir.resolve("extra.txt")));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(dir), s.toList());
    }
  }

  /** What is not provably a topicbench run directory holding only topicbench's files is never replaced. */
  @Test
  void refusesToReplaceAnythingButARunDirectoryOfItsOwnFiles() throws IOException {
    // a project folder that happens to hold a manifest.json
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

    // a real run with a file of the user's in it
    Path run = tmp.resolve("run");
    ResultWriter.write(small(), run);
    Files.writeString(run.resolve("notes.txt"), "my notes");
    assertRefused(run, "holds notes.txt, which topicbench did not write; not replacing it (move it away or choose"
        + " another directory)");
    Files.delete(run.resolve("notes.txt"));
    Files.createDirectories(run.resolve("charts"));
    Files.writeString(run.resolve("charts").resolve("notes.txt"), "mine");
    assertRefused(run, "holds charts, which topicbench did not write; not replacing it (move it away or choose"
        + " another directory)");

    // a baseline: check --update replaces those
    Path baseline = tmp.resolve("baseline");
    org.topicbench.check.Baseline.replace(ResultWriterTest.write(small(), tmp.resolve("b")), baseline);
    assertRefused(baseline, "is a topicbench baseline ('topicbench check --update' replaces it); not replacing it");

    // a plain file
    Path file = tmp.resolve("file.txt");
    Files.writeString(file, "x");
    assertRefused(file, "exists and is not a directory; name a run directory");
    assertEquals("x", Files.readString(file));

    // an empty folder is fine
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    ResultWriter.write(small(), empty);
    assertTrue(Files.isRegularFile(empty.resolve("manifest.json")));
  }

  private static Path write(EvaluationResult r, Path dir) {
    ResultWriter.write(r, dir);
    return dir;
  }

  private static void assertRefused(Path dir, String why) {
    InputException e = assertThrows(InputException.class, () -> ResultWriter.write(small(), dir));
    assertEquals(dir + ": " + why, e.getMessage());
  }

  @Test
  void refusesToReplaceADirectoryThatIsNotARun() throws IOException {
    Path dir = tmp.resolve("precious");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("thesis.tex"), "keep me");
    InputException e = assertThrows(InputException.class, () -> ResultWriter.write(small(), dir));
    assertTrue(e.getMessage().endsWith("exists and is not a topicbench run directory (no manifest.json); not replacing"
        + " it"), e.getMessage());
    assertEquals("keep me", Files.readString(dir.resolve("thesis.tex")));
  }

  @Test
  void aFailingExtraLeavesThePreviousRunIntact() throws IOException {
    EvaluationResult r = small();
    Path dir = tmp.resolve("run");
    ResultWriter.write(r, dir);
    byte[] before = Files.readAllBytes(dir.resolve("summary.csv"));
    assertThrows(
        InputException.class,
        () -> ResultWriter.write(r, dir, (d, res) -> {
          throw new IOException("disk full");
        }));
    assertEquals(new String(before), Files.readString(dir.resolve("summary.csv")));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(dir), s.toList());
    }
  }

  @Test
  void numbersHaveSixDecimalsAndNoNegativeZero() {
    assertEquals("0.500000", ResultWriter.num(0.5));
    assertEquals("0.000000", ResultWriter.num(-0.0));
    assertEquals("0.000000", ResultWriter.num(-1e-9));
    assertEquals("NaN", ResultWriter.num(Double.NaN));
    assertEquals("1234.567891", ResultWriter.num(1234.5678906));
  }
}
