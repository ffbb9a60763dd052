package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicbench.eval.MultiComparison.ControlComparison;
import org.topicbench.eval.MultiComparison.Input;
import org.topicbench.eval.MultiComparison.Result;

/**
 * Demsar (2006), JMLR 7, 1-30: the worked example of section 3.2.2 (Table 6) and the q table 5(a); the
 * other figures are computed by hand in the comments.
 */
class MultiComparisonTest {
  static final List<String> C45 = List.of("C4.5", "C4.5+m", "C4.5+cf", "C4.5+m+cf");

  static final List<String> TABLE6_BLOCKS = List.of("adult (sample)", "breast cancer", "breast cancer wisconsin",
      "cmc", "ionosphere", "iris", "liver disorders", "lung cancer", "lymphography", "mushroom", "primary tumor",
      "rheum", "voting", "wine");

  /**
   * Table 6: AUC of C4.5 (m = 0, cf = 0.25), C4.5 with m tuned, with cf tuned, with both, as printed.
   * One change: the paper prints voting's C4.5+cf and C4.5+m+cf both as 0.975 but ranks them 2 and 3
   * (it ranked the unrounded AUCs), so they are 0.9751 and 0.9749 here.
   */
  static final double[][] TABLE6_AUC = {
    {0.763, 0.768, 0.771, 0.798},
    {0.599, 0.591, 0.590, 0.569},
    {0.954, 0.971, 0.968, 0.967},
    {0.628, 0.661, 0.654, 0.657},
    {0.882, 0.888, 0.886, 0.898},
    {0.936, 0.931, 0.916, 0.931},
    {0.661, 0.668, 0.609, 0.685},
    {0.583, 0.583, 0.563, 0.625},
    {0.775, 0.838, 0.866, 0.875},
    {1.000, 1.000, 1.000, 1.000},
    {0.940, 0.962, 0.965, 0.962},
    {0.619, 0.666, 0.614, 0.669},
    {0.972, 0.981, 0.9751, 0.9749},
    {0.957, 0.978, 0.946, 0.970},
  };

  /** Table 6's ranks in parentheses. */
  static final double[][] TABLE6_RANKS = {
    {4, 3, 2, 1},
    {1, 2, 3, 4},
    {4, 1, 2, 3},
    {4, 1, 3, 2},
    {4, 2, 3, 1},
    {1, 2.5, 4, 2.5},
    {3, 2, 4, 1},
    {2.5, 2.5, 4, 1},
    {4, 3, 2, 1},
    {2.5, 2.5, 2.5, 2.5},
    {4, 2.5, 1, 2.5},
    {3, 2, 4, 1},
    {4, 1, 2, 3},
    {3, 1, 4, 2},
  };

  static int[][][] noDifferences(int blocks, int learners) {
    return new int[blocks][learners][learners];
  }

  static List<String> names(String prefix, int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> prefix + (i + 1)).toList();
  }

  static Result table6(double alpha, String control) {
    return MultiComparison.compare(
        new Input(TABLE6_BLOCKS, C45, TABLE6_AUC, noDifferences(14, 4), alpha, control));
  }

  @Test
  void demsarTable6RanksFriedmanAndImanDavenport() {
    Result r = table6(0.05, "C4.5");
    for (int b = 0; b < 14; b++) {
      assertArrayEquals(TABLE6_RANKS[b], r.ranks()[b], 0.0, TABLE6_BLOCKS.get(b));
    }
    // "average rank 3.143 2.000 2.893 1.964"
    assertArrayEquals(new double[] {3.143, 2.000, 2.893, 1.964}, r.averageRanks(), 0.0005);
    // chi2_F = 9.28, F_F = 3.69 with 3 and 39 degrees of freedom; "the critical value of F(3, 39) for
    // alpha = 0.05 is 2.85, so we reject the null-hypothesis"
    assertEquals(9.28, r.friedmanChi2(), 0.005);
    assertEquals(3, r.friedmanDf());
    assertEquals(3.69, r.imanDavenportF(), 0.005);
    assertEquals(3, r.imanDavenportDf1());
    assertEquals(39, r.imanDavenportDf2());
    assertTrue(r.imanDavenportP() < 0.05, "p = " + r.imanDavenportP());
    // "Iman and Davenport (1980) showed that Friedman's chi2_F is undesirably conservative"
    assertTrue(r.friedmanP() < 0.05 && r.friedmanP() > r.imanDavenportP());
  }

  @Test
  void demsarTable6NemenyiCriticalDifferences() {
    // "The critical value (Table 5(a)) is 2.569 and the corresponding CD is 2.569 sqrt(4*5/(6*14)) = 1.25.
    // Since even the difference between the best and the worst performing algorithm is already smaller
    // than that, ... the post-hoc test is not powerful enough to detect any significant differences"
    Result r05 = table6(0.05, null);
    assertEquals(2.569, r05.nemenyiQ(), 0.0005);
    assertEquals(1.25, r05.criticalDifference(), 0.005);
    assertTrue(significantPairs(r05).isEmpty(), significantPairs(r05).toString());
    // "At p=0.10, CD is 2.291 sqrt(4*5/(6*14)) = 1.12 ... the performance of pure C4.5 is significantly
    // worse than that of C4.5+m and C4.5+m+cf. We cannot tell which group C4.5+cf belongs to."
    Result r10 = table6(0.10, null);
    assertEquals(2.291, r10.nemenyiQ(), 0.0005);
    assertEquals(1.12, r10.criticalDifference(), 0.005);
    assertEquals(List.of("C4.5 / C4.5+m", "C4.5 / C4.5+m+cf"), significantPairs(r10));
  }

  static List<String> significantPairs(Result r) {
    List<String> pairs = new java.util.ArrayList<>();
    for (int a = 0; a < r.learners().size(); a++) {
      for (int b = a + 1; b < r.learners().size(); b++) {
        if (Math.abs(r.averageRanks()[a] - r.averageRanks()[b]) >= r.criticalDifference()) {
          pairs.add(r.learners().get(a) + " / " + r.learners().get(b));
        }
      }
    }
    return pairs;
  }

  @Test
  void demsarTable6HolmAgainstC45() {
    // Section 3.2.2: SE = sqrt(4*5/(6*14)) = 0.488; z = (R_0 - R_i)/SE: C4.5+m+cf 2.416 (p 0.016),
    // C4.5+m 2.342 (p 0.019), C4.5+cf 0.512 (p 0.607); "The Holm procedure rejects the first and then
    // the second hypothesis ... The third hypothesis cannot be rejected". Our z is R_i - R_control, the
    // opposite sign. The paper rounds R and SE before dividing (exact: 2.4154, 2.3422, 0.5123), and its
    // 0.607 is 2(1 - Phi(0.512)) = 0.6086 printed a little low: hence 0.002.
    Result r = table6(0.05, "C4.5");
    assertEquals("C4.5", r.control());
    List<ControlComparison> v = r.versusControl();
    assertEquals(List.of("C4.5+m", "C4.5+cf", "C4.5+m+cf"), v.stream().map(ControlComparison::learner).toList());
    assertEquals(-2.342, v.get(0).z(), 0.002);
    assertEquals(-0.512, v.get(1).z(), 0.002);
    assertEquals(-2.416, v.get(2).z(), 0.002);
    assertEquals(0.019, v.get(0).p(), 0.002);
    assertEquals(0.607, v.get(1).p(), 0.002);
    assertEquals(0.016, v.get(2).p(), 0.002);
    assertTrue(v.get(0).significant());
    assertFalse(v.get(1).significant());
    assertTrue(v.get(2).significant());
    assertEquals(2.000, v.get(0).averageRank(), 0.0005);
  }

  @Test
  void controlDefaultsToTheBestAverageRank() {
    assertEquals("C4.5+m+cf", table6(0.05, null).control());
    // A and B tie for the best average rank (1.5), C is last: the first of the two in learner order
    double[][] s = {{0, 1, 0.5}, {0, 0.5, 1}};
    Result r = MultiComparison.compare(new Input(names("d", 2), List.of("C", "A", "B"), s, noDifferences(2, 3), 0.05, null));
    assertEquals("A", r.control());
    assertEquals(List.of("C", "B"), r.versusControl().stream().map(ControlComparison::learner).toList());
  }

  @Test
  void tiesGiveFractionalRanksAndClosedFormPValues() {
    double[][] s = {
      {0.9, 0.8, 0.8}, // 1, 2.5, 2.5
      {0.7, 0.7, 0.7}, // 2, 2, 2
      {0.6, 0.9, 0.5}, // 2, 1, 3
      {0.5, 0.5, -0.1}, // 1.5, 1.5, 3
    };
    Result r = MultiComparison.compare(new Input(names("d", 4), List.of("A", "B", "C"), s, noDifferences(4, 3), 0.05, null));
    assertArrayEquals(new double[] {1, 2.5, 2.5}, r.ranks()[0]);
    assertArrayEquals(new double[] {2, 2, 2}, r.ranks()[1]);
    assertArrayEquals(new double[] {2, 1, 3}, r.ranks()[2]);
    assertArrayEquals(new double[] {1.5, 1.5, 3}, r.ranks()[3]);
    // rank sums 6.5, 7, 10.5 over N = 4
    assertArrayEquals(new double[] {1.625, 1.75, 2.625}, r.averageRanks(), 1e-15);
    // chi2 = 12*4/(3*4) [1.625^2 + 1.75^2 + 2.625^2 - 3*16/4] = 4 * 0.59375 = 2.375;
    // 2 df: p = exp(-chi2/2) = exp(-1.1875)
    assertEquals(2.375, r.friedmanChi2(), 1e-12);
    assertEquals(0.3049827687, r.friedmanP(), 1e-9);
    // F = 3 * 2.375 / (4*2 - 2.375) = 19/15 with (2, 6) df: p = (1 + 2F/6)^-3 = (45/64)^3 = 91125/262144
    assertEquals(19.0 / 15, r.imanDavenportF(), 1e-12);
    assertEquals(91125.0 / 262144, r.imanDavenportP(), 1e-9);
    // the control is A (1.625), the best
    assertEquals("A", r.control());
  }

  @Test
  void zeroTiesMinusZero() {
    double[][] s = {{0.0, -0.0, -1}, {1, 2, 3}};
    Result r = MultiComparison.compare(new Input(names("d", 2), List.of("A", "B", "C"), s, noDifferences(2, 3), 0.05, null));
    assertArrayEquals(new double[] {1.5, 1.5, 3}, r.ranks()[0]);
    assertArrayEquals(new double[] {3, 2, 1}, r.ranks()[1]);
  }

  @Test
  void holmHandComputedWithTheMonotoneStep() {
    // k = 4, N = 5: the control always first; B1, B2, B3 share ranks 2..4 with rank sums 14, 14, 17
    double[][] ranks = {
      {1, 2, 3, 4},
      {1, 3, 2, 4},
      {1, 3, 2, 4},
      {1, 2, 4, 3},
      {1, 4, 3, 2},
    };
    double[][] s = new double[5][4];
    for (int b = 0; b < 5; b++) {
      for (int j = 0; j < 4; j++) {
        s[b][j] = 10 - ranks[b][j];
      }
    }
    Result r = MultiComparison.compare(
        new Input(names("d", 5), List.of("ctl", "B1", "B2", "B3"), s, noDifferences(5, 4), 0.05, null));
    assertArrayEquals(new double[] {1, 2.8, 2.8, 3.4}, r.averageRanks(), 1e-12);
    // chi2 = 12*5/(4*5) [1 + 2*2.8^2 + 3.4^2 - 25] = 3 * 3.24 = 9.72; 3 df:
    // p = erfc(sqrt(x/2)) + sqrt(2x/pi) exp(-x/2) = 0.0211025124
    assertEquals(9.72, r.friedmanChi2(), 1e-12);
    assertEquals(0.0211025124, r.friedmanP(), 1e-9);
    // F = 4 * 9.72 / (15 - 9.72) = 7.3636..., df (3, 12)
    assertEquals(38.88 / 5.28, r.imanDavenportF(), 1e-12);
    assertEquals(12, r.imanDavenportDf2());
    // SE = sqrt(4*5/(6*5)) = sqrt(2/3); z = 1.8 sqrt(1.5) = 2.2045407685 (B1, B2), 2.4 sqrt(1.5) = 2.9393876913 (B3)
    // p = 2(1 - Phi(z)) = erfc(z / sqrt 2) = 0.0274863361, 0.0032886143
    // Holm: 3 * 0.0032886143 = 0.0098658429 (B3); 2 * 0.0274863361 = 0.0549726722 (the first of B1/B2);
    // the last is max(0.0549726722, 1 * 0.0274863361): the monotone step
    assertEquals("ctl", r.control());
    List<ControlComparison> v = r.versusControl();
    double[] z = {2.2045407685, 2.2045407685, 2.9393876913};
    double[] p = {0.0274863361, 0.0274863361, 0.0032886143};
    double[] holm = {0.0549726722, 0.0549726722, 0.0098658429};
    boolean[] significant = {false, false, true};
    for (int i = 0; i < 3; i++) {
      assertEquals(z[i], v.get(i).z(), 1e-9, v.get(i).learner());
      assertEquals(p[i], v.get(i).p(), 1e-9, v.get(i).learner());
      assertEquals(holm[i], v.get(i).pHolm(), 1e-9, v.get(i).learner());
      assertEquals(significant[i], v.get(i).significant(), v.get(i).learner());
    }
    // against B3 as the control the others rank better: negative z
    Result other = MultiComparison.compare(
        new Input(names("d", 5), List.of("ctl", "B1", "B2", "B3"), s, noDifferences(5, 4), 0.05, "B3"));
    assertEquals(-2.9393876913, other.versusControl().get(0).z(), 1e-9);
    assertEquals(List.of("ctl", "B1", "B2"), other.versusControl().stream().map(ControlComparison::learner).toList());
  }

  @Test
  void nemenyiQAgainstDemsarTable5a() {
    // Table 5(a). Demsar divided a textbook's 3-decimal studentized range quantiles by sqrt 2, so three
    // entries are a rounding of a rounding: k=3 at 0.05 is 3.3145/sqrt 2 = 2.3437 (table 2.343), k=7 at
    // 0.05 is 2.9483 (2.949), k=5 at 0.10 is 2.4595 (2.459). All agree within one unit of the third decimal.
    double[] q05 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
    double[] q10 = {1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920};
    for (int k = 2; k <= 10; k++) {
      assertEquals(q05[k - 2], MultiComparison.nemenyiQ(k, 0.05), 0.001, "alpha 0.05, k = " + k);
      assertEquals(q10[k - 2], MultiComparison.nemenyiQ(k, 0.10), 0.001, "alpha 0.10, k = " + k);
    }
    // the alpha 0.05 entries other than k = 3 and 7 are the exact value rounded to three decimals
    // (checked against scipy.stats.studentized_range)
    int[] exact05 = {2, 4, 5, 6, 8, 9, 10};
    for (int k : exact05) {
      assertEquals(q05[k - 2], Math.round(MultiComparison.nemenyiQ(k, 0.05) * 1000) / 1000.0, 0.0, "k = " + k);
    }
    // the range grows with k
    for (int k = 3; k <= 30; k++) {
      assertTrue(MultiComparison.nemenyiQ(k, 0.05) > MultiComparison.nemenyiQ(k - 1, 0.05), "k = " + k);
    }
  }

  @Test
  void nemenyiQForTwoLearnersIsTheNormalQuantile() {
    // k = 2: the range is |Z1 - Z2| ~ sqrt 2 |N(0,1)|, so q_alpha = z_(1 - alpha/2)
    assertEquals(1.959963985, MultiComparison.nemenyiQ(2, 0.05), 1e-8);
    assertEquals(1.644853627, MultiComparison.nemenyiQ(2, 0.10), 1e-8);
    assertEquals(2.575829304, MultiComparison.nemenyiQ(2, 0.01), 1e-8);
    // and P(range <= q) = 2 Phi(q / sqrt 2) - 1 = erf(q / 2)
    assertEquals(0.5204998778, MultiComparison.studentizedRangeCdf(1, 2), 1e-9);
    assertEquals(0.9229001283, MultiComparison.studentizedRangeCdf(2.5, 2), 1e-9);
    assertEquals(0.9953222650, MultiComparison.studentizedRangeCdf(4, 2), 1e-9);
  }

  @Test
  void winsTiesAndLossesCountTheBlocksOutcomes() {
    // learners A, B, C on two blocks:
    // block 1: A > B, A ~ C, C > B;  block 2: A > B, C > A, B ~ C
    int[][][] o = {
      {{0, 1, 0}, {-1, 0, -1}, {0, 1, 0}},
      {{0, 1, -1}, {-1, 0, 0}, {1, 0, 0}},
    };
    double[][] s = {{3, 1, 2}, {2, 1, 3}};
    Result r = MultiComparison.compare(new Input(names("d", 2), List.of("A", "B", "C"), s, o, 0.05, null));
    assertArrayEquals(new int[][] {{0, 2, 0}, {0, 0, 0}, {1, 1, 0}}, r.wins());
    assertArrayEquals(new int[][] {{2, 0, 1}, {0, 2, 1}, {1, 1, 2}}, r.ties());
    assertArrayEquals(new int[][] {{0, 0, 1}, {2, 0, 1}, {0, 0, 0}}, r.losses());
  }

  @Test
  void allTiedInEveryBlock() {
    double[][] s = {{0.5, 0.5, 0.5}, {0.2, 0.2, 0.2}, {1, 1, 1}};
    Result r = MultiComparison.compare(new Input(names("d", 3), List.of("A", "B", "C"), s, noDifferences(3, 3), 0.05, null));
    assertArrayEquals(new double[] {2, 2, 2}, r.averageRanks());
    assertEquals(0.0, r.friedmanChi2());
    assertEquals(1.0, r.friedmanP());
    assertEquals(0.0, r.imanDavenportF());
    assertEquals(1.0, r.imanDavenportP());
    assertEquals("A", r.control());
    for (ControlComparison c : r.versusControl()) {
      assertEquals(0.0, c.z());
      assertEquals(1.0, c.pHolm());
      assertFalse(c.significant());
    }
  }

  @Test
  void sameOrderInEveryBlockMakesFInfinite() {
    // k = 3, N = 2, A > B > C twice: chi2 = 12*2/12 [1 + 4 + 9 - 12] = 4 = N(k-1): F infinite, p 0;
    // chi2 with 2 df: p = exp(-2)
    double[][] s = {{3, 2, 1}, {0.9, 0.5, 0.1}};
    Result r = MultiComparison.compare(new Input(names("d", 2), List.of("A", "B", "C"), s, noDifferences(2, 3), 0.05, null));
    assertEquals(4.0, r.friedmanChi2());
    assertEquals(Math.exp(-2), r.friedmanP(), 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, r.imanDavenportF());
    assertEquals(0.0, r.imanDavenportP());
  }

  @Test
  void infiniteScoresRankLast() {
    double[][] s = {{Double.NEGATIVE_INFINITY, -1, -2}, {-1, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}};
    Result r = MultiComparison.compare(new Input(names("d", 2), List.of("A", "B", "C"), s, noDifferences(2, 3), 0.05, null));
    assertArrayEquals(new double[] {3, 1, 2}, r.ranks()[0]);
    assertArrayEquals(new double[] {1, 2.5, 2.5}, r.ranks()[1]);
  }

  static String error(Input in) {
    return assertThrows(IllegalArgumentException.class, () -> MultiComparison.compare(in)).getMessage();
  }

  @Test
  void refusesWhatItCannotCompare() {
    List<String> abc = List.of("A", "B", "C");
    double[][] ok = {{1, 2, 3}, {3, 2, 1}};
    int[][][] none = noDifferences(2, 3);
    assertTrue(error(new Input(List.of("only"), abc, new double[][] {{1, 2, 3}}, noDifferences(1, 3), 0.05, null))
        .contains("at least 2 blocks"));
    assertTrue(error(new Input(List.of("d1", "d2"), List.of("A"), new double[][] {{1}, {2}}, noDifferences(2, 1), 0.05, null))
        .contains("at least 2 learners"));
    String nan = error(new Input(List.of("iris", "wine"), abc, new double[][] {{1, 2, 3}, {3, Double.NaN, 1}}, none, 0.05, null));
    assertTrue(nan.contains("NaN") && nan.contains("'B'") && nan.contains("'wine'"), nan);
    assertTrue(error(new Input(List.of("d1", "d2"), abc, new double[][] {{1, 2, 3}, {3, 2}}, none, 0.05, null))
        .contains("block 'd2'"));
    assertTrue(error(new Input(List.of("d1", "d2"), abc, new double[][] {{1, 2, 3}}, none, 0.05, null))
        .contains("1 rows for 2 blocks"));
    assertTrue(error(new Input(List.of("d1", "d2"), abc, ok, none, 0.05, "Z")).contains("control 'Z'"));
    for (double alpha : new double[] {0, 1, -0.1, Double.NaN}) {
      assertTrue(error(new Input(List.of("d1", "d2"), abc, ok, none, alpha, null)).contains("alpha"), "alpha " + alpha);
    }
    assertTrue(error(new Input(List.of("d1", "d2"), List.of("A", "B", "A"), ok, none, 0.05, null)).contains("'A' appears twice"));
    assertTrue(error(new Input(List.of("d1", "d1"), abc, ok, none, 0.05, null)).contains("'d1' appears twice"));

    int[][][] lopsided = noDifferences(2, 3);
    lopsided[1][0][2] = 1; // A beats C, but C does not lose to A
    String anti = error(new Input(List.of("d1", "d2"), abc, ok, lopsided, 0.05, null));
    assertTrue(anti.contains("antisymmetric") && anti.contains("'d2'") && anti.contains("'A'") && anti.contains("'C'"), anti);
    int[][][] self = noDifferences(2, 3);
    self[0][1][1] = 1;
    assertTrue(error(new Input(List.of("d1", "d2"), abc, ok, self, 0.05, null)).contains("itself"));
    int[][][] two = noDifferences(2, 3);
    two[0][0][1] = 2;
    two[0][1][0] = -2;
    assertTrue(error(new Input(List.of("d1", "d2"), abc, ok, two, 0.05, null)).contains("not -1, 0 or +1"));
    assertTrue(error(new Input(List.of("d1", "d2"), abc, ok, noDifferences(2, 2), 0.05, null)).contains("3 x 3"));
    assertTrue(error(new Input(List.of("d1", "d2"), abc, ok, null, 0.05, null)).contains("must all be given"));
    assertThrows(IllegalArgumentException.class, () -> MultiComparison.nemenyiQ(1, 0.05));
  }
}
