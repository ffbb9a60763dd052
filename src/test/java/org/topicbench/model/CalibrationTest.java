package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.topicbench.data.Rng;
import org.topicbench.testsupport.Cli;

/** The calibration maps: hand-computed cases, and recovery of a known map from data drawn from it. */
class CalibrationTest {
  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  /** Labels drawn from {@code P(y = 1 | f) = sigmoid(2 f - 1)}: Platt's fit finds a = 2, b = -1. */
  @Test
  void plattRecoversTheSigmoidTheLabelsWereDrawnFrom() {
    long seed = Cli.seed("plattRecoversTheSigmoidTheLabelsWereDrawnFrom");
    Rng rng = new Rng(seed);
    int n = 20_000;
    double[] f = new double[n];
    boolean[] positive = new boolean[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = (rng.nextInt(2_000_001) - 1_000_000) / 250_000.0; // in [-4, 4]
      positive[i] = rng.nextInt(1_000_000) < sigmoid(2 * f[i] - 1) * 1_000_000;
      w[i] = 1;
    }
    double[] ab = Calibration.plattFit(f, positive, w);
    assertEquals(2, ab[0], 0.12, "a, seed " + seed);
    assertEquals(-1, ab[1], 0.1, "b, seed " + seed);
  }

  /** A weight of 2 is the same as the example twice (the smoothed targets use the summed weights). */
  @Test
  void weightedPlattEqualsPlattOnRepeatedExamples() {
    double[] f = {-2, -1, -0.5, 0, 0.3, 1, 1.5, 2.5};
    boolean[] pos = {false, false, true, false, true, false, true, true};
    double[] w = {1, 2, 1, 1, 3, 1, 2, 1};
    int m = (int) Arrays.stream(w).sum();
    double[] rf = new double[m];
    boolean[] rp = new boolean[m];
    double[] ones = new double[m];
    int j = 0;
    for (int i = 0; i < f.length; i++) {
      for (int r = 0; r < w[i]; r++) {
        rf[j] = f[i];
        rp[j] = pos[i];
        ones[j++] = 1;
      }
    }
    assertArrayEquals(Calibration.plattFit(rf, rp, ones), Calibration.plattFit(f, pos, w), 1e-6);
    assertTrue(Math.abs(Calibration.plattFit(f, pos, new double[] {1, 1, 1, 1, 1, 1, 1, 1})[0]
        - Calibration.plattFit(f, pos, w)[0]) > 1e-3, "the weights change the fit");
  }

  /**
   * Class weights shift the fitted prior: with balanced weights a rare class's calibrated probability is
   * higher than without (weighted Platt keeps what the weights gave the learner).
   */
  @Test
  void balancedWeightsRaiseTheRareClass() {
    int n = 100;
    double[][] p = new double[n][];
    int[] y = new int[n];
    double[] ones = new double[n];
    double[] balanced = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i < 10 ? 1 : 0; // 10% rare
      double q = i < 10 ? 0.4 + 0.02 * i : 0.1 + 0.004 * i;
      p[i] = new double[] {1 - q, q};
      ones[i] = 1;
      balanced[i] = y[i] == 1 ? n / (2.0 * 10) : n / (2.0 * 90);
    }
    double[] probe = {0.5, 0.5};
    double plain = Calibration.fit(Calibration.Method.PLATT, p, y, ones, 2).apply(probe)[1];
    double weighted = Calibration.fit(Calibration.Method.PLATT, p, y, balanced, 2).apply(probe)[1];
    assertTrue(weighted > plain + 0.05, plain + " then " + weighted);
  }

  /**
   * Pool-adjacent-violators by hand: probabilities 0.1, 0.2, 0.3, 0.4 of label 1 with indicators 1, 0, 1,
   * 1 pool into blocks (0.15, 0.5) and (0.35, 1); at 0.25 the map is halfway, 0.75; below and above it is
   * constant.
   */
  @Test
  void isotonicPoolsAdjacentViolatorsAndInterpolates() {
    double[][] p = {{0.9, 0.1}, {0.8, 0.2}, {0.7, 0.3}, {0.6, 0.4}};
    int[] y = {1, 0, 1, 1};
    Calibration.Isotonic iso = assertInstanceOf(Calibration.Isotonic.class,
        Calibration.fit(Calibration.Method.ISOTONIC, p, y, new double[] {1, 1, 1, 1}, 2));
    assertArrayEquals(new double[] {0.15, 0.35}, iso.x()[1], 1e-12);
    assertArrayEquals(new double[] {0.5, 1}, iso.y()[1], 1e-12);
    assertEquals(0.75, Calibration.interpolate(iso.x()[1], iso.y()[1], 0.25), 1e-12);
    assertEquals(0.5, Calibration.interpolate(iso.x()[1], iso.y()[1], 0.01), 1e-12);
    assertEquals(1, Calibration.interpolate(iso.x()[1], iso.y()[1], 0.99), 1e-12);
    // label 0: probabilities 0.6..0.9 with indicators 0, 0, 1, 0 ascending by p: (0.6:0), (0.7:0), (0.8:1), (0.9:0)
    assertArrayEquals(new double[] {0.65, 0.85}, iso.x()[0], 1e-12);
    assertArrayEquals(new double[] {0, 0.5}, iso.y()[0], 1e-12);
    double[] q = iso.apply(new double[] {0.75, 0.25});
    assertArrayEquals(new double[] {0.25 / 1.0, 0.75 / 1.0}, q, 1e-12); // 0.25 and 0.75 already sum to 1
  }

  /** Rows drawn as softmax(z / 2) from labels drawn from softmax(z): the fitted temperature is 1/2. */
  @Test
  void temperatureRecoversTheScaleAndKeepsTheArgmax() {
    long seed = Cli.seed("temperatureRecoversTheScaleAndKeepsTheArgmax");
    Rng rng = new Rng(seed);
    int n = 20_000;
    int k = 3;
    double[][] p = new double[n][k];
    int[] y = new int[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double[] z = new double[k];
      double[] truth = new double[k];
      double sumT = 0;
      double sumP = 0;
      for (int c = 0; c < k; c++) {
        z[c] = (rng.nextInt(2_000_001) - 1_000_000) / 400_000.0;
        truth[c] = Math.exp(z[c]);
        p[i][c] = Math.exp(z[c] / 2);
        sumT += truth[c];
        sumP += p[i][c];
      }
      double u = rng.nextInt(1_000_000) / 1e6 * sumT;
      int label = 0;
      for (double acc = truth[0]; acc < u && label < k - 1; acc += truth[++label]) {
        // walk to the label the draw falls in
      }
      y[i] = label;
      for (int c = 0; c < k; c++) {
        p[i][c] /= sumP;
      }
      w[i] = 1;
    }
    Calibration.Temperature t = assertInstanceOf(Calibration.Temperature.class,
        Calibration.fit(Calibration.Method.TEMPERATURE, p, y, w, k));
    assertEquals(0.5, t.t(), 0.05, "seed " + seed);
    for (int i = 0; i < 100; i++) {
      assertEquals(argmax(p[i]), argmax(t.apply(p[i])));
    }
  }

  /** Over-confident probabilities of a learner right 60% of the time get a temperature above 1. */
  @Test
  void overConfidenceIsCooledDown() {
    int n = 100;
    double[][] p = new double[n][];
    int[] y = new int[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = new double[] {0.99, 0.01};
      y[i] = i % 5 < 3 ? 0 : 1;
      w[i] = 1;
    }
    double t = Calibration.temperature(p, y, w);
    assertTrue(t > 1, "temperature " + t);
    // the fitted top probability is the observed accuracy, 0.6
    assertEquals(0.6, new Calibration.Temperature(t).apply(p[0])[0], 1e-3);
  }

  @Test
  void platMapsRowsThatSumToOneAndIdentityChangesNothing() {
    double[][] p = {{0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}, {0.3, 0.3, 0.4}, {0.5, 0.4, 0.1}};
    int[] y = {0, 1, 2, 1};
    Calibration.Calibrator c = Calibration.fit(Calibration.Method.PLATT, p, y, new double[] {1, 1, 1, 1}, 3);
    for (double[] row : p) {
      assertEquals(1, Arrays.stream(c.apply(row)).sum(), 1e-12);
    }
    double[] row = {0.2, 0.3, 0.5};
    assertArrayEquals(row, new Calibration.Identity().apply(row));
    assertInstanceOf(Calibration.Identity.class, Calibration.fit(Calibration.Method.NONE, p, y, new double[4], 3));
  }

  @Test
  void methodsAreNamedAsSpecsWriteThem() {
    assertEquals(Calibration.Method.TEMPERATURE, Calibration.Method.of("temperature"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Calibration.Method.of("beta"));
    assertEquals("must be one of none, platt, isotonic, temperature, got 'beta'", e.getMessage());
  }

  private static int argmax(double[] p) {
    int b = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[b]) {
        b = c;
      }
    }
    return b;
  }
}
