package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticsTest {
  @Test
  void correctedTTestAgainstClosedFormForThreeDegreesOfFreedom() {
    // d = [0.1, 0, 0.2, -0.1]: mean 0.05, sample variance 0.05/3; 4 folds of 4-fold CV: n_test/n_train = 1/3
    // t = 0.05 / sqrt((1/4 + 1/3) * 0.05/3) = 0.5070925528
    // Student t with 3 df: F(t) = 1/2 + (theta + sin(theta)cos(theta)) / pi, theta = atan(t / sqrt 3)
    // p = 2 (1 - F(t)) = 0.6470151800
    Statistics.TTest t =
        Statistics.correctedResampledTTest(new double[] {0.8, 0.7, 0.9, 0.6}, new double[] {0.7, 0.7, 0.7, 0.7}, 1.0 / 3);
    assertEquals(4, t.n());
    assertEquals(3, t.df());
    assertEquals(0.05, t.meanDifference(), 1e-12);
    assertEquals(0.5070925528, t.t(), 1e-9);
    assertEquals(0.6470151800, t.p(), 1e-9);
  }

  @Test
  void correctedTTestAgainstClosedFormForOneDegreeOfFreedom() {
    // d = [0.3, 0.1]: mean 0.2, variance 0.02; 2-fold: ratio 1; t = 0.2 / sqrt(1.5 * 0.02) = 1.1547005384
    // Cauchy: p = 1 - 2 atan(t) / pi = 0.4543710517
    Statistics.TTest t = Statistics.correctedResampledTTest(new double[] {0.9, 0.7}, new double[] {0.6, 0.6}, 1.0);
    assertEquals(1.1547005384, t.t(), 1e-9);
    assertEquals(0.4543710517, t.p(), 1e-9);
  }

  @Test
  void correctedTTestIsMoreConservativeThanTheNaiveOne() {
    double[] a = {0.8, 0.7, 0.9, 0.6};
    double[] b = {0.7, 0.7, 0.7, 0.7};
    // ratio 0 is the naive paired t-test: t = 0.05 / sqrt(0.05/3/4) = 0.7745966692
    assertEquals(0.7745966692, Statistics.correctedResampledTTest(a, b, 0).t(), 1e-9);
    assertTrue(Statistics.correctedResampledTTest(a, b, 1.0 / 3).p() > Statistics.correctedResampledTTest(a, b, 0).p());
  }

  @Test
  void correctedTTestWithoutVariance() {
    Statistics.TTest same = Statistics.correctedResampledTTest(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, 1);
    assertEquals(1.0, same.p());
    assertEquals(0.0, same.t());
    Statistics.TTest shifted = Statistics.correctedResampledTTest(new double[] {0.6, 0.6}, new double[] {0.5, 0.5}, 1);
    assertEquals(0.0, shifted.p());
    assertEquals(Double.POSITIVE_INFINITY, shifted.t());
  }

  @Test
  void exactMcNemarHandComputed() {
    // b=1, c=6: 2 * P[Bin(7, 1/2) <= 1] = 2 * 8/128
    assertEquals(0.125, Statistics.mcnemarExactP(1, 6), 1e-12);
    assertEquals(0.125, Statistics.mcnemarExactP(6, 1), 1e-12);
    // b=0, c=5: 2 * 1/32
    assertEquals(0.0625, Statistics.mcnemarExactP(0, 5), 1e-12);
    // b=2, c=10: 2 * (1 + 12 + 66) / 4096
    assertEquals(158.0 / 4096, Statistics.mcnemarExactP(2, 10), 1e-12);
    // b=c=3: 2 * 42/64 > 1, capped
    assertEquals(1.0, Statistics.mcnemarExactP(3, 3));
    assertEquals(1.0, Statistics.mcnemarExactP(0, 0));
  }

  @Test
  void exactMcNemarCountsDiscordantPairs() {
    boolean[] a = {true, true, true, false, false, true};
    boolean[] b = {true, false, false, false, true, true};
    Statistics.McNemar m = Statistics.mcnemarExact(a, b);
    assertEquals(2, m.aOnly());
    assertEquals(1, m.bOnly());
    // 2 * P[Bin(3, 1/2) <= 1] = 2 * 4/8 = 1
    assertEquals(1.0, m.p());
  }

  @Test
  void holmHandComputed() {
    // sorted 0.005, 0.01, 0.03, 0.04 -> 4*0.005=0.02, 3*0.01=0.03, 2*0.03=0.06, max(0.06, 1*0.04)=0.06
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06, 0.02}, Statistics.holm(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    assertArrayEquals(new double[] {1.0, 1.0}, Statistics.holm(new double[] {0.6, 0.9}), 1e-12);
    double[] withNaN = Statistics.holm(new double[] {0.01, Double.NaN});
    assertEquals(0.01, withNaN[0], 1e-12);
    assertTrue(Double.isNaN(withNaN[1]));
  }

  @Test
  void percentileType7() {
    assertEquals(1.75, Statistics.percentile(new double[] {1, 2, 3, 4}, 0.25), 1e-12);
    assertEquals(4.9, Statistics.percentile(new double[] {1, 2, 3, 4, 5}, 0.975), 1e-12);
    assertEquals(1.0, Statistics.percentile(new double[] {1, 2}, 0), 1e-12);
    assertEquals(2.0, Statistics.percentile(new double[] {1, 2}, 1), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Statistics.percentile(new double[] {1}, 1.5));
  }

  @Test
  void meanAndSampleSdIgnoreNaN() {
    assertEquals(2.0, Statistics.mean(new double[] {1, 3, Double.NaN}), 1e-12);
    assertEquals(Math.sqrt(2), Statistics.sd(new double[] {1, 3, Double.NaN}), 1e-12);
    assertTrue(Double.isNaN(Statistics.sd(new double[] {1})));
  }
}
