package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;
import org.topicbench.model.Learner;
import org.topicbench.model.Learners;

class CarryOverTest {
  static final List<String> RUNS = List.of("fwd", "rev");

  static CarryOver.Row row(String learner, boolean probabilities, double forward, double reverse) {
    return new CarryOver.Row(learner, probabilities, forward, reverse, 0.5, 0.5, probabilities ? 1.0 : Double.NaN,
        probabilities ? 1.0 : Double.NaN);
  }

  static CarryOver.Table table(CarryOver.Row... rows) {
    return new CarryOver.Table("fwd", "rev", CarryOver.ranked(List.of(rows)));
  }

  static final List<String> KNOWN = List.of("a", "b", "c", "rules");

  @Test
  void choosesTheBestMeanAmongLearnersWithProbabilities() {
    CarryOver.Table t = table(row("a", true, 0.60, 0.80), row("b", true, 0.70, 0.60), row("rules", false, 0.9, 0.9));
    CarryOver.Choice c = CarryOver.choose(t, Map.of(), RUNS, KNOWN);
    assertEquals("a", c.learner());
    assertEquals(0.60, c.forward());
    assertEquals(0.80, c.reverse());
    assertEquals("b", c.runnerUp());
    assertEquals(List.of(), c.warnings());
    assertEquals(CarryOver.FILE, c.forwardSource());
    assertTrue(c.reason().contains("0.700"), c.reason());
  }

  @Test
  void tiesGoToTheEarlierLearnerAndUnknownLearnersAreSkipped() {
    CarryOver.Table t = table(row("b", true, 0.5, 0.7), row("a", true, 0.7, 0.5), row("zzz", true, 0.9, 0.9));
    CarryOver.Choice c = CarryOver.choose(t, Map.of(), RUNS, KNOWN);
    assertEquals("b", c.learner());
    assertEquals("a", c.runnerUp());
  }

  @Test
  void theBaselineGivesTheForwardNumberAndADisagreementIsWarnedAbout() {
    CarryOver.Table t = table(row("a", true, 0.60, 0.80), row("b", true, 0.70, 0.60));
    // the baseline agrees on a, and says b does better forward than the table does
    CarryOver.Choice c = CarryOver.choose(t, Map.of("a", 0.60, "b", 0.95), RUNS, KNOWN);
    assertEquals("b", c.learner());
    assertEquals(0.95, c.forward());
    assertEquals(CarryOver.BASELINE_SUMMARY, c.forwardSource());
    assertEquals(1, c.warnings().size(), c.warnings().toString());
    assertTrue(c.warnings().getFirst().startsWith("b: forward macro-F1 0.950000"), c.warnings().toString());
  }

  @Test
  void staleRunIdsAreWarnedAbout() {
    CarryOver.Table t = table(row("a", true, 0.6, 0.8));
    CarryOver.Choice c = CarryOver.choose(t, Map.of(), List.of("fwd", "other"), KNOWN);
    assertEquals("a", c.learner());
    assertTrue(c.warnings().getFirst().contains("run ids differ"), c.warnings().toString());
  }

  @Test
  void noLearnerWithProbabilitiesIsAnInputError() {
    CarryOver.Table t = table(row("rules", false, 0.9, 0.9));
    assertThrows(InputException.class, () -> CarryOver.choose(t, Map.of(), RUNS, KNOWN));
  }

  @Test
  void writeThenReadGivesTheSameTable(@TempDir Path dir) {
    CarryOver.Table t = table(row("a", true, 0.6, 0.8), row("rules", false, 0.7, 0.1));
    Path f = dir.resolve("c.csv");
    CarryOver.write(t, f);
    CarryOver.Table back = CarryOver.read(f);
    assertEquals(t.forwardRun(), back.forwardRun());
    assertEquals(t.reverseRun(), back.reverseRun());
    assertEquals(t.rows(), back.rows());
  }

  @Test
  void aBadTableIsAOneLineInputError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.csv");
    Files.writeString(f, "rank,learner\n1,a\n");
    InputException e = assertThrows(InputException.class, () -> CarryOver.read(f));
    assertTrue(e.getMessage().startsWith(f + ":1: columns must be"), e.getMessage());
    InputException missing = assertThrows(InputException.class, () -> CarryOver.read(dir.resolve("none.csv")));
    assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
  }

  /** The committed table was made by the current learners on the current bundled datasets. */
  @Test
  void theCommittedTableIsCurrent() {
    List<Learner> learners = Stream.concat(Learners.all().stream(), Learners.variants().stream()).toList();
    CarryOver.Table committed = CarryOver.read(CarryOver.FILE);
    List<String> expected =
        CarryOver.expectedRunIds(learners, Datasets.read(Datasets.SENTENCES), Datasets.read(Datasets.EXTERNAL_DEV));
    assertEquals(expected, List.of(committed.forwardRun(), committed.reverseRun()),
        CarryOver.FILE + " is stale: run 'bin/topicbench carry-over' and commit it");
    assertEquals(learners.size(), committed.rows().size());
    CarryOver.Choice c = CarryOver.choose(committed, baselineSplit(), expected,
        learners.stream().map(Learner::name).toList());
    // the choice is the best mean macro-F1 over both directions among the learners with probabilities
    CarryOver.Row best = committed.rows().stream().filter(CarryOver.Row::probabilities)
        .max(java.util.Comparator.comparingDouble(CarryOver.Row::meanMacroF1)).orElseThrow();
    assertEquals(best.learner(), c.learner());
    assertNull(c.warnings().stream().filter(w -> w.contains("run ids")).findFirst().orElse(null));
  }

  /** The committed baseline's split macro-F1 by learner, through the run format's reader. */
  private static Map<String, Double> baselineSplit() {
    org.topicbench.run.Run run = org.topicbench.run.RunReader.read(CarryOver.BASELINE);
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (org.topicbench.run.Manifest.Task t : run.tasks()) {
      if (t.protocol().equals("split")) {
        run.summary(t).forEach(r -> out.put(r.learner(), r.macroF1Pooled().mean()));
      }
    }
    return out;
  }
}
