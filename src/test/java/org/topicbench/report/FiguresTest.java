package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topicbench.data.InputException;
import org.topicbench.run.Rows;

class FiguresTest {
  @Test
  void paretoFrontByHand() {
    // (quality, speed): A(0.9, 10) best, B(0.8, 100), C(0.7, 50) dominated by B, D(0.5, 1000), E(0.5, 1000) ties D,
    // F(NaN, 10^6) unmeasured
    double[] q = {0.9, 0.8, 0.7, 0.5, 0.5, Double.NaN};
    double[] s = {10, 100, 50, 1000, 1000, 1e6};
    boolean[] front = Figures.paretoFront(q, s);
    assertArrayEquals(new boolean[] {true, true, false, true, true, false}, front);
  }

  @Test
  void paretoFrontPropertiesOnRandomPoints() {
    long seed = org.topicbench.testsupport.Cli.seed("FiguresTest.paretoFrontPropertiesOnRandomPoints");
    Random r = new Random(seed);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + r.nextInt(12);
      double[] q = new double[n];
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        q[i] = r.nextInt(5) / 4.0; // ties on purpose
        s[i] = 1 + r.nextInt(5);
      }
      boolean[] front = Figures.paretoFront(q, s);
      boolean any = false;
      for (int i = 0; i < n; i++) {
        any |= front[i];
        boolean dominated = false;
        for (int j = 0; j < n; j++) {
          dominated |= q[j] >= q[i] && s[j] >= s[i] && (q[j] > q[i] || s[j] > s[i]);
        }
        assertEquals(!dominated, front[i], "seed " + seed + " trial " + trial + " point " + i);
      }
      assertTrue(any, "a non-empty set has a front; seed " + seed);
    }
  }

  @Test
  void costsFromTimingsByHand() {
    List<Rows.Timing> t = List.of(
        new Rows.Timing("d", "kfold", "a", 0, 0, 90, 10, 2_000_000, 1_000_000),
        new Rows.Timing("d", "kfold", "a", 0, 1, 90, 30, 4_000_000, 1_000_000),
        new Rows.Timing("d", "kfold", "b", 0, 0, 90, 10, 1000, 0));
    Map<String, Figures.Cost> c = Figures.costs(t);
    assertEquals(3.0, c.get("a").trainMsPerFold(), 1e-12); // (2 + 4) ms / 2 folds
    assertEquals(20000.0, c.get("a").sentencesPerSecond(), 1e-9); // 40 sentences in 2 ms
    assertTrue(Double.isNaN(c.get("b").sentencesPerSecond()), "no prediction time measured");
  }

  private static Rows.Prediction p(int rep, String id, String truth, String predicted, double... probs) {
    return new Rows.Prediction("d", "kfold", "a", rep, 0, "src", id, truth, predicted, probs.length == 0 ? null : probs);
  }

  private static Rows.Example e(int index, String id, String label) {
    return new Rows.Example("d", "kfold", index, "src", id, "doc1", index, 1, label, "text " + index);
  }

  @Test
  void misclassifiedMergesRepetitionsPerSentenceAndWrongLabel() {
    // probabilities by the run's labels x, y, z
    List<Rows.Prediction> preds = List.of(
        p(0, "s1", "x", "y", 0.2, 0.7, 0.1),
        p(1, "s1", "x", "y", 0.4, 0.5, 0.1),
        p(2, "s1", "x", "z", 0.3, 0.3, 0.4),
        p(0, "s2", "y", "y", 0.1, 0.8, 0.1),
        p(1, "s2", "y", "x", 0.9, 0.05, 0.05),
        p(2, "s2", "y", "y", 0.1, 0.8, 0.1),
        p(0, "s3", "z", "z"),
        p(1, "s3", "z", "x"));
    List<Rows.Example> ex = List.of(e(0, "s1", "x"), e(1, "s2", "y"), e(2, "s3", "z"));
    List<Figures.Misclassified> m = Figures.misclassified(preds, ex, List.of("x", "y", "z"));
    assertEquals(4, m.size());
    // s1 -> y twice first; then the single errors by confidence: s2 -> x (0.9), s1 -> z (0.4), s3 -> x (none)
    assertEquals("s1", m.get(0).example().id());
    assertEquals("y", m.get(0).predicted());
    assertEquals(2, m.get(0).times());
    assertEquals(3, m.get(0).of());
    assertEquals(0.6, m.get(0).confidence(), 1e-12);
    assertEquals("x", m.get(1).predicted());
    assertEquals(0.9, m.get(1).confidence(), 1e-12);
    assertEquals("z", m.get(2).predicted());
    assertEquals("s3", m.get(3).example().id());
    assertTrue(Double.isNaN(m.get(3).confidence()), "no probabilities, no confidence");
    assertEquals(2, m.get(3).of());
  }

  @Test
  void aPredictionOfASentenceNotInExamplesIsAnInputError() {
    InputException x = assertThrows(InputException.class,
        () -> Figures.misclassified(List.of(p(0, "s9", "x", "y")), List.of(e(0, "s1", "x")), List.of("x", "y")));
    assertTrue(x.getMessage().contains("sentence src/s9 of d/kfold is not in examples.csv"), x.getMessage());
  }

  @Test
  void clustersTakeTheirTestFoldsFromOneLearnersPredictions() {
    List<Rows.Example> ex = List.of(
        new Rows.Example("d", "kfold", 0, "src", "s0", "doc1", 5, 2, "x", "a"),
        new Rows.Example("d", "kfold", 1, "src", "s1", "doc2", 3, 1, "x", "b"),
        new Rows.Example("d", "kfold", 2, "src", "s2", "doc3", 5, 2, "y", "a"));
    List<Rows.Prediction> preds = List.of(
        new Rows.Prediction("d", "kfold", "a", 0, 1, "src", "s0", "x", "x", null),
        new Rows.Prediction("d", "kfold", "a", 1, 2, "src", "s0", "x", "x", null),
        new Rows.Prediction("d", "kfold", "a", 0, 1, "src", "s2", "y", "x", null),
        new Rows.Prediction("d", "kfold", "a", 1, 0, "src", "s2", "y", "y", null));
    List<Figures.Cluster> c = Figures.clusters(ex, preds, 2);
    assertEquals(1, c.size(), "only clusters of two or more");
    assertEquals(5, c.getFirst().id());
    assertEquals(List.of("s0", "s2"), c.getFirst().members().stream().map(Rows.Example::id).toList());
    assertArrayEquals(new int[] {1, 2}, c.getFirst().testFolds().get(0));
    assertArrayEquals(new int[] {1, 0}, c.getFirst().testFolds().get(1));
    assertEquals(1, c.getFirst().repetitionsTogether(), "together in repetition 0 only");
    assertEquals(2, c.getFirst().documents());
  }

  @Test
  void sampleTakesInTurnFromEachStratumAndKeepsTheOrder() {
    List<String> rows = List.of("a1", "a2", "a3", "a4", "b1", "a5", "c1", "c2", "b2");
    assertEquals(rows, Figures.sample(rows, 9, r -> r.substring(0, 1)), "no more rows than asked for: all");
    // strata a, b, c as they first appear; round 0 takes a1 b1 c1, round 1 a2 b2 (then c2, past 5)
    assertEquals(List.of("a1", "a2", "b1", "c1", "b2"), Figures.sample(rows, 5, r -> r.substring(0, 1)));
    assertEquals(List.of("a1", "b1", "c1"), Figures.sample(rows, 3, r -> r.substring(0, 1)));
    assertEquals(List.of("a1", "a2"), Figures.sample(rows, 2, r -> "one stratum"));
    assertEquals(Figures.sample(rows, 4, r -> r.substring(0, 1)), Figures.sample(rows, 4, r -> r.substring(0, 1)));
  }
}
