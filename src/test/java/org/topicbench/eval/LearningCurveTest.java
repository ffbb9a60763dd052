package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.topicbench.data.Dataset;
import org.topicbench.data.Example;
import org.topicbench.data.Seeds;
import org.topicbench.testsupport.Fixtures;

/** Learning curves: nested stratified fractions, the same test folds, and the trend fitted by hand. */
class LearningCurveTest {
  @Test
  void fractionsAreNestedStratifiedAndScoredOnTheSameTestFold() {
    Dataset d = Fixtures.dataset("lc", 6, 8, 3);
    Fixtures.Spy spy = new Fixtures.Spy("spy", 0, 0.9);
    double[] fractions = {0.25, 0.5, 1.0};
    long seed = 5;
    LearningCurve.Result r = LearningCurve.run(d, List.of(spy), fractions, 3, 2, seed, 2);
    assertEquals(3, r.points().size());
    Map<String, String> labelOf = new java.util.HashMap<>();
    for (Example e : d.examples()) {
      labelOf.put(e.text(), e.label());
    }
    for (int rep = 0; rep < 2; rep++) {
      for (int f = 0; f < 3; f++) {
        List<String> previous = List.of();
        Set<String> test = null;
        for (int j = 0; j < fractions.length; j++) {
          long s = Seeds.derive(seed, "curve", rep, f, j);
          List<String> trained = spy.trained.get(s);
          Set<String> asked = spy.asked.get(s);
          assertTrue(new HashSet<>(trained).containsAll(previous), "fraction " + j + " holds the smaller ones");
          for (String t : asked) {
            assertFalse(trained.contains(t), "a test sentence in training");
          }
          if (test == null) {
            test = asked;
          }
          assertEquals(test, asked, "every fraction scored on the same test fold");
          previous = trained;
        }
        // the full fraction is the whole training fold; every label keeps at least one sentence
        Set<String> full = new HashSet<>(previous);
        Set<String> covered = new HashSet<>(full);
        covered.addAll(test);
        assertEquals(d.examples().stream().map(Example::text).collect(java.util.stream.Collectors.toSet()), covered,
            "training fold and test fold cover the corpus");
        List<String> quarter = spy.trained.get(Seeds.derive(seed, "curve", rep, f, 0));
        for (String label : d.labels()) {
          long inFull = previous.stream().filter(t -> labelOf.get(t).equals(label)).count();
          long inQuarter = quarter.stream().filter(t -> labelOf.get(t).equals(label)).count();
          assertEquals(Math.max(1, Math.round(0.25 * inFull)), inQuarter, label);
        }
      }
    }
    assertEquals(6, r.points().getFirst().macroF1().length, "2 repetitions x 3 folds");
    assertTrue(r.points().get(0).trainSize() < r.points().get(2).trainSize());
  }

  /** F1 = 1 - 0.5 n^-0.5 exactly at n = 4, 16, 64: b = 0.5, c = 0.5; at 128: 1 - 0.5 / sqrt(128). */
  @Test
  void theTrendIsAnInversePowerLawOfTheError() {
    double[] n = {4, 16, 64};
    double[] f1 = {1 - 0.5 / 2, 1 - 0.5 / 4, 1 - 0.5 / 8};
    LearningCurve.Trend t = LearningCurve.trend("x", n, f1);
    assertEquals(0.5, t.b(), 1e-9);
    assertEquals(0.5, t.c(), 1e-9);
    assertEquals(1 - 0.5 / Math.sqrt(128), t.atDouble(), 1e-9);
    assertTrue(Double.isNaN(LearningCurve.trend("y", new double[] {4, 16}, new double[] {1, 1}).c()), "no trend");
  }
}
