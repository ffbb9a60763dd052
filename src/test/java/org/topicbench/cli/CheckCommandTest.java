package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.model.Learner;
import org.topicbench.testsupport.Cli.Run;
import org.topicbench.testsupport.Doubles;

class CheckCommandTest {
  @TempDir Path tmp;  /** {@code check --baseline B --run R --report-dir tmp/report} plus {@code more}. */
  private Run check(Path baseline, Path now, String... more) {
    List<String> args = new ArrayList<>(List.of("check", "--baseline", baseline.toString(), "--run", now.toString(),
        "--report-dir", tmp.resolve("report").toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private Path runDir(String name, Learner... learners) {
    return Doubles.run(tmp.resolve(name), List.of(learners));
  }

  private static String verdict(Run r) {
    return r.out().substring(r.out().indexOf("RESULT:"));
  }

  private static void assertOneLineError(Run r, String expected) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals("topicbench: " + expected + "\n", r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void aDegradedLearnerFailsWithATableNamingIt() throws IOException {
    Path base = runDir("base", new Doubles.Words("t.words"), new Doubles.Words("t.other"));
    Path now = runDir("now", new Doubles.Flipping(new Doubles.Words("t.words")), new Doubles.Words("t.other"));
    Run r = check(base, now);
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("\n  t.words: DROPPED\n    metric "), r.out());
    assertTrue(r.out().contains("\n  t.other: unchanged\n"), r.out());
    assertTrue(verdict(r).startsWith("RESULT: FAILED (exit 1): "), r.out());
    assertTrue(verdict(r).contains("\n  failing learners: t.words (dropped: train/kfold, train/loo-doc, train/split)\n"), verdict(r));
    for (String protocol : List.of("kfold", "loo-doc", "split")) {
      assertTrue(verdict(r).lines().anyMatch(l -> l.matches("\\s+train/" + protocol + "\\s+t\\.words\\s+accuracy\\s.*")),
          protocol + ": " + verdict(r));
    }
    assertTrue(verdict(r).contains("If the change is intended, accept it: bin/topicbench check --update --baseline "
        + base + " --run " + now), verdict(r));
    assertFalse(r.out().contains("\u001b["), "no ANSI escapes");
    assertTrue(r.out().chars().allMatch(c -> c < 128), "plain ASCII for CI logs");

    String md = Files.readString(tmp.resolve("report/check.md"));
    assertTrue(md.startsWith("## Accuracy check FAILED\n"), md);
    assertTrue(md.contains("| train/kfold | t.words | accuracy | 1.000000 |"), md);
    JsonNode bench = new ObjectMapper().readTree(tmp.resolve("report/benchmark.json").toFile());
    assertTrue(bench.isArray());
    assertEquals(3 * 2 * 2, bench.size(), "protocols x learners x (accuracy, macro_f1)");
    JsonNode first = bench.get(0);
    assertEquals(List.of("name", "unit", "value"), iterableToList(first.fieldNames()));
    assertEquals("train/kfold/t.words/accuracy", first.get("name").asText());
    assertTrue(first.get("value").asDouble() < 1.0);
  }

  private static List<String> iterableToList(Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void anImprovedLearnerPassesAndSaysHowToAcceptIt() {
    Path base = runDir("base", new Doubles.HalfBlind("t.words"));
    Path now = runDir("now", new Doubles.Words("t.words"));
    Run r = check(base, now);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(verdict(r).startsWith("RESULT: PASSED (exit 0): "), r.out());
    assertTrue(verdict(r).contains("metrics improved, none dropped by more than 0.005"), r.out());
    assertTrue(verdict(r).contains("  improved:\n"), r.out());
    assertTrue(verdict(r).contains("To accept the new figures as the baseline: bin/topicbench check --update"),
        r.out());
    assertTrue(r.out().contains("\n  t.words: improved\n"), r.out());
  }

  @Test
  void theUnchangedTreePassesTheDefaultEvaluation() {
    // a baseline of the default evaluation (the bundled datasets, kfold 10x10, loo-doc, split), then a check
    // that runs it in-process again; only the majority baseline learner, so it takes a second or two
    Path base = tmp.resolve("baseline");
    Run e = run("evaluate", "--learners", "baseline.majority", "--out", base.toString());
    assertEquals(0, e.code(), e.err());
    Path report = tmp.resolve("report");
    Run r = run("check", "--baseline", base.toString(), "--learners", "baseline.majority", "--report-dir",
        report.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("RESULT: PASSED (exit 0): every tracked metric and every prediction as in the baseline"),
        r.out());
    assertTrue(r.out().contains("== kfold 10x10 on sentences =="), r.out());
    assertTrue(r.out().contains("predictions: 1160 paired (116 sentences x 10 repetitions); 0 right->wrong,"
        + " 0 wrong->right; exact McNemar p = 1"), r.out());
    assertTrue(r.err().contains("check: running the default evaluation, 106 tasks"), r.err());
    assertTrue(Files.isRegularFile(report.resolve("run").resolve("predictions.csv")));
    assertTrue(Files.isRegularFile(report.resolve("benchmark.json")));
  }

  @Test
  void aBaselineFigureEditedUpwardFailsNamingTheLearnerAndMetric() throws IOException {
    Path base = runDir("base", new Doubles.HalfBlind("t.blind"), new Doubles.Words("t.words"));
    Path now = runDir("now", new Doubles.HalfBlind("t.blind"), new Doubles.Words("t.words"));
    assertEquals(0, check(base, now).code());
    // macro_f1_pooled_mean (column 11) of loo-doc, t.blind: up by 0.05
    Path summary = base.resolve("summary.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(summary));
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f[1].equals("loo-doc") && f[2].equals("t.blind")) {
        f[11] = String.format(Locale.ROOT, "%.6f", Double.parseDouble(f[11]) + 0.05);
        lines.set(i, String.join(",", f));
      }
    }
    Files.writeString(summary, String.join("\n", lines) + "\n");
    Run r = check(base, now);
    assertEquals(1, r.code(), r.out());
    List<String> failing = verdict(r).lines().filter(l -> l.matches("\\s+\\S+\\s+\\S+\\s+\\S+\\s+[\\d.]+ -> .*"))
        .toList();
    assertEquals(1, failing.size(), verdict(r));
    assertTrue(failing.getFirst().matches("\\s+train/loo-doc\\s+t\\.blind\\s+macro_f1\\s+.*-0\\.050000\\s.*"), verdict(r));
    assertTrue(verdict(r).contains("note: train/loo-doc t.blind: figures differ but no prediction changed"), verdict(r));
  }

  @Test
  void aCorruptedBaselineIsAOneLineErrorWithExit2() throws IOException {
    Path now = runDir("now", new Doubles.Words("t.words"));
    Path base = runDir("base", new Doubles.Words("t.words"));
    Path report = tmp.resolve("report");
    Files.createDirectories(report);
    Files.writeString(report.resolve("benchmark.json"), "[] stale");

    Path m = base.resolve("manifest.json");
    String manifest = Files.readString(m);
    Files.writeString(m, manifest.substring(0, 300));
    Run r = check(base, now);
    assertEquals(2, r.code());
    assertTrue(r.err().matches("topicbench: " + Pattern.quote(m.toString())
        + ":\\d+: bad JSON: [^\n]+\n"), r.err());
    assertTrue(Files.readString(report.resolve("check.md")).startsWith("## Accuracy check could not run"));
    assertFalse(Files.exists(report.resolve("benchmark.json")), "no stale chart data");
    Files.writeString(m, manifest);

    Path perClass = base.resolve("per-class.csv");
    Files.writeString(perClass, Files.readString(perClass).replaceFirst("\n(train,kfold,t\\.words,alpha,\\d+),[^,]+,",
        "\n$1,one,"));
    assertOneLineError(check(base, now), perClass + ":2: precision_mean: not a number: 'one'");
  }

  @Test
  void aMissingBaselineIsAOneLineErrorWithExit2() throws IOException {
    Path now = runDir("now", new Doubles.Words("t.words"));
    Path base = tmp.resolve("results").resolve("baseline");
    assertOneLineError(check(base, now), base + ": no such directory");
    // an update killed between its two renames left the old baseline aside: check puts it back and runs
    Files.createDirectories(base.getParent());
    Files.move(runDir("left", new Doubles.Words("t.words")), tmp.resolve("results").resolve(".baseline.old-42"));
    Run recovered = check(base, now);
    assertEquals(0, recovered.code(), recovered.err());
    assertTrue(recovered.err().startsWith("check: " + base
        + ": rolled back an interrupted replacement: moved .baseline.old-42 back\n"), recovered.err());
    assertTrue(Files.isDirectory(base));
    Path base2 = runDir("base2", new Doubles.Words("t.words"));
    Files.delete(base2.resolve("predictions.csv"));
    assertOneLineError(check(base2, now), base2.resolve("predictions.csv") + ": missing (not a complete topicbench run directory)");
  }

  @Test
  void aChangedDatasetFailsUnlessAllowed() {
    Path base = runDir("base", new Doubles.Words("t.words"));
    Path now = Doubles.run(tmp.resolve("now"),
        Doubles.protocols(Doubles.train(), Doubles.dataset("test", 2, 10, 2, 'a')), List.of(new Doubles.Words("t.words")),
        2022);
    Run r = check(base, now);
    assertEquals(1, r.code(), r.out());
    assertTrue(verdict(r).contains("FAIL: dataset test.csv has sha256 aaaaaaaaaaaa, the baseline's had 000000000000"
        + " [train/split]: a different experiment"), verdict(r));
    Run allowed = check(base, now, "--allow-dataset-change");
    assertEquals(0, allowed.code(), allowed.out());
    assertTrue(verdict(allowed).contains("compared anyway (--allow-dataset-change)"), verdict(allowed));
  }

  @Test
  void aRemovedLearnerFailsUnlessFilteredOut() {
    Path base = runDir("base", new Doubles.Words("t.a"), new Doubles.Words("t.b"));
    Path now = runDir("now", new Doubles.Words("t.a"));
    Run r = check(base, now);
    assertEquals(1, r.code());
    assertTrue(verdict(r).contains("FAIL: learner t.b is in the baseline but not in this run"), verdict(r));
    assertTrue(verdict(r).contains("failing learners: t.b (removed)"), verdict(r));
    assertTrue(r.out().contains("  t.b: REMOVED: in the baseline, not in this run\n"), r.out());
    assertEquals(0, check(base, now, "--learners", "t.a").code());
    assertOneLineError(check(base, now, "--learners", "t.zzz"),
        "--learners: learner 't.zzz' is neither in the baseline (t.a, t.b) nor in this run (t.a)");
  }

  @Test
  void updateAcceptsTheRunAndPrintsWhatChanged() throws IOException {
    Path base = tmp.resolve("results").resolve("baseline");
    Path first = runDir("first", new Doubles.HalfBlind("t.words"));
    Run created = check(base, first, "--update");
    assertEquals(0, created.code(), created.out() + created.err());
    assertTrue(created.out().startsWith("no usable baseline (" + base + ": no such directory); wrote a new one\n"),
        created.out());
    assertFalse(Files.exists(base.resolve("timings.csv")));

    Path better = runDir("better", new Doubles.Words("t.words"));
    assertEquals(0, check(base, better).code());
    Run u = check(base, better, "--update");
    assertEquals(0, u.code(), u.out());
    assertTrue(u.out().contains("BASELINE UPDATED: " + base + " now holds " + better + "\n  accepted improvements:\n"),
        u.out());
    assertTrue(u.out().contains("note: learner t.words has new hyperparameters"), u.out());
    assertEquals(Files.readString(better.resolve("predictions.csv")), Files.readString(base.resolve("predictions.csv")));
    Run again = check(base, better);
    assertEquals(0, again.code());
    assertTrue(verdict(again).startsWith("RESULT: PASSED (exit 0): every tracked metric and every prediction"),
        again.out());

    // accepting a drop works the same way
    Run drop = check(base, first, "--update");
    assertEquals(0, drop.code());
    assertTrue(drop.out().contains("  accepted drops (more than 0.005):\n"), drop.out());
  }

  @Test
  void updateRefusesTheLearnerFilterAndBadOptionsAreOneLineErrors() {
    Path now = runDir("now", new Doubles.Words("t.words"));
    Path base = runDir("base", new Doubles.Words("t.words"));
    assertOneLineError(check(base, now, "--update", "--learners", "t.words"),
        "--update rewrites the whole baseline; run it without --learners");
    assertOneLineError(check(base, now, "--tolerance", "-0.01"), "--tolerance must be in [0, 1), got -0.01");
    Run bad = check(base, now, "--tolerance", "lots");
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("topicbench: Invalid value for option '--tolerance'"), bad.err());
  }

  @Test
  void toleranceDecidesWhetherASmallDropFails() {
    Path base = runDir("base", new Doubles.Words("t.words"));
    Path now = runDir("now", new Doubles.Flipping(new Doubles.Words("t.words")));
    assertEquals(1, check(base, now).code());
    assertEquals(0, check(base, now, "--tolerance", "0.9").code());
  }

  @Test
  void helpDescribesTheOptions() {
    Run r = run("check", "--help");
    assertEquals(0, r.code());
    assertEquals("", r.err());
    for (String o : List.of("--baseline", "--run", "--tolerance", "--learners", "--update", "--allow-dataset-change",
        "--report-dir")) {
      assertTrue(r.out().contains(o), o);
    }
  }
}
