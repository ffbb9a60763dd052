package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final double EPS = 1e-9;

  @Test
  void handComputedThreeLabelsWithOneAbsentLabel() {
    // confusion (rows true, cols predicted): [2 1 0 0; 0 1 1 0; 0 0 1 0; 0 0 0 0]
    int[] truth = {0, 0, 0, 1, 1, 2};
    int[] pred = {0, 0, 1, 1, 2, 2};
    Scores s = Metrics.score(truth, pred, null, 4);
    assertEquals(6, s.n());
    assertArrayEquals(new long[] {2, 1, 0, 0}, s.confusion()[0]);
    assertArrayEquals(new long[] {0, 1, 1, 0}, s.confusion()[1]);
    assertEquals(4.0 / 6, s.accuracy(), EPS);
    assertArrayEquals(new double[] {1.0, 0.5, 0.5, Double.NaN}, s.precision(), EPS);
    assertArrayEquals(new double[] {2.0 / 3, 0.5, 1.0, Double.NaN}, s.recall(), EPS);
    assertArrayEquals(new double[] {0.8, 0.5, 2.0 / 3, Double.NaN}, s.f1(), EPS);
    assertFalse(s.present()[3]);
    // label 3 is absent from truth and predictions: excluded from the macro average, not counted as 0
    assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, s.macroF1(), EPS);
    assertEquals(0.655555555556, s.macroF1(), 1e-9);
    // p_o = 4/6, p_e = (3*2 + 2*2 + 1*2) / 36 = 1/3, kappa = (2/3 - 1/3) / (2/3) = 0.5
    assertEquals(0.5, s.kappa(), EPS);
    assertTrue(Double.isNaN(s.logLoss()));
  }

  @Test
  void predictedButAbsentLabelCountsAsZero() {
    // truth never has label 1, but it is predicted once: precision 0, recall 0 (zero division), F1 0
    Scores s = Metrics.score(new int[] {0, 0}, new int[] {0, 1}, null, 2);
    assertTrue(s.present()[1]);
    assertEquals(0.0, s.precision()[1]);
    assertEquals(0.0, s.recall()[1]);
    assertEquals(0.0, s.f1()[1]);
    assertEquals(2.0 / 3, s.f1()[0], EPS);
    assertEquals(1.0 / 3, s.macroF1(), EPS);
    // p_e = (2/2)(1/2) = 0.5; p_o = 0.5; kappa = 0
    assertEquals(0.0, s.kappa(), EPS);
  }

  @Test
  void kappaUndefinedWhenEverythingIsOneLabel() {
    Scores s = Metrics.score(new int[] {1, 1, 1}, new int[] {1, 1, 1}, null, 3);
    assertEquals(1.0, s.accuracy());
    assertEquals(1.0, s.macroF1());
    assertTrue(Double.isNaN(s.kappa()));
  }

  @Test
  void logLossClipsZeroProbabilities() {
    double[][] p = {{0.8, 0.2}, {0.25, 0.75}, {1.0, 0.0}};
    // (-ln 0.8 - ln 0.75 - ln 1e-15) / 3 = (0.2231435513 + 0.2876820725 + 34.5387763949) / 3
    assertEquals(11.6832006729, Metrics.logLoss(new int[] {0, 1, 1}, p), 1e-9);
    assertEquals(11.6832006729, Metrics.score(new int[] {0, 1, 1}, new int[] {0, 1, 0}, p, 2).logLoss(), 1e-9);
  }

  @Test
  void logLossUndefinedWhenAnyProbabilityIsMissing() {
    double[][] p = {{0.5, 0.5}, null};
    assertTrue(Double.isNaN(Metrics.logLoss(new int[] {0, 1}, p)));
  }

  @Test
  void perfectPredictionsOnFourLabels() {
    int[] y = {0, 1, 2, 3, 3};
    Scores s = Metrics.score(y, y, null, 4);
    assertEquals(1.0, s.accuracy());
    assertEquals(1.0, s.macroF1());
    assertEquals(1.0, s.kappa(), EPS);
  }

  /**
   * By hand: rows (0.81, 0.19) and (0.29, 0.71), both truly label 0. Brier = ((0.19^2 + 0.19^2) + (0.71^2 +
   * 0.71^2)) / 2 = 0.5402. Top labels: 0 at 0.81 (right, bin index 12: (12/15, 13/15]) and 1 at 0.71
   * (wrong, bin index 10: (10/15, 11/15]); ECE = 1/2 |1 - 0.81| + 1/2 |0 - 0.71| = 0.45.
   */
  @Test
  void brierAndExpectedCalibrationErrorByHand() {
    int[] truth = {0, 0};
    double[][] p = {{0.81, 0.19}, {0.29, 0.71}};
    Scores s = Metrics.score(truth, new int[] {0, 1}, p, 2);
    assertEquals(0.5402, s.brier(), EPS);
    assertEquals(0.45, s.ece(), EPS);
    Metrics.Bin[] bins = Metrics.reliability(truth, p, Metrics.ECE_BINS);
    assertEquals(1, bins[12].count());
    assertEquals(1, bins[12].correct());
    assertEquals(1, bins[10].count());
    assertEquals(0, bins[10].correct());
    assertEquals(0.71, bins[10].meanConfidence(), EPS);
    assertEquals(2, java.util.Arrays.stream(bins).mapToLong(Metrics.Bin::count).sum());
    // a bin's upper edge is inclusive: 1/3 lands in bin 4 of 15 ((4/15, 5/15]), exactly 1.0 in the last, 0 in the first
    assertEquals(4, Metrics.binOf(1.0 / 3, 15));
    assertEquals(14, Metrics.binOf(1.0, 15));
    assertEquals(0, Metrics.binOf(0.0, 15));
    // perfectly confident and right: both zero; without probabilities: NaN
    Scores perfect = Metrics.score(new int[] {1}, new int[] {1}, new double[][] {{0, 1}}, 2);
    assertEquals(0, perfect.brier(), EPS);
    assertEquals(0, perfect.ece(), EPS);
    Scores none = Metrics.score(truth, new int[] {0, 0}, null, 2);
    assertTrue(Double.isNaN(none.brier()) && Double.isNaN(none.ece()));
    Scores missing = Metrics.score(truth, new int[] {0, 0}, new double[][] {{1, 0}, null}, 2);
    assertTrue(Double.isNaN(missing.brier()) && Double.isNaN(missing.ece()));
  }
}
