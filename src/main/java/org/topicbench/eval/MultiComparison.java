package org.topicbench.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Compares k learners over N blocks (datasets, or dataset x protocol tasks) as Demsar (2006),
 * "Statistical comparisons of classifiers over multiple data sets", JMLR 7, 1-30, recommends: ranks
 * per block, the Friedman test and Iman and Davenport's F form of it, the Nemenyi critical difference
 * for all pairs, and Holm's step-down comparisons against a control. Also the per-block win/tie/loss
 * counts of a pairwise test, as Weka's Experimenter prints them.
 *
 * <ul>
 *   <li>Ranks: in every block 1 = the best (highest) score; tied scores (exact {@code ==} of the doubles,
 *       so {@code 0.0} ties {@code -0.0}) share the mean of the ranks they span.
 *   <li>Friedman: {@code chi2_F = 12N / (k(k+1)) [sum_j R_j^2 - k(k+1)^2 / 4]} over the average ranks
 *       {@code R_j}, without a correction for ties (Demsar's formula), {@code k - 1} degrees of freedom.
 *       It is computed exactly (ranks are halves, so the rank sums are exact), which makes the
 *       degenerate cases exact too: when every block ranks the learners alike and without ties,
 *       {@code chi2_F = N(k-1)}, its maximum.
 *   <li>Iman-Davenport: {@code F_F = (N-1) chi2_F / (N(k-1) - chi2_F)}, F distribution with
 *       {@code k - 1} and {@code (k-1)(N-1)} degrees of freedom.
 *   <li>Nemenyi: {@code CD = q_alpha sqrt(k(k+1) / (6N))}, {@code q_alpha} = the {@code 1 - alpha}
 *       quantile of the studentized range of k independent standard normals (infinite degrees of
 *       freedom) over {@code sqrt 2} ({@link #nemenyiQ}). Two learners differ significantly when their
 *       average ranks differ by at least CD.
 *   <li>Against the control: {@code z = (R_i - R_control) / sqrt(k(k+1) / (6N))} (positive: learner i
 *       ranks worse than the control), two-sided normal p, Holm-adjusted over the {@code k - 1}
 *       comparisons ({@link Statistics#holm}); significant when the adjusted p {@code < alpha}.
 * </ul>
 *
 * <p>Degenerate cases: {@code chi2_F = 0} (every learner's rank sum equal, as when all learners tie in
 * every block) gives {@code p = 1}, {@code F_F = 0} and its {@code p = 1}; {@code chi2_F = N(k-1)} gives
 * {@code F_F = +infinity} and its {@code p = 0} (the chi-squared p stays finite). Fewer than two blocks
 * or learners, a NaN score, an outcome that is not antisymmetric or not in {-1, 0, +1}, arrays of the
 * wrong shape, duplicate names, an unknown control and {@code alpha} outside (0, 1) are refused with an
 * {@link IllegalArgumentException} that says what and where. Infinite scores are allowed (a negated
 * infinite loss ranks last).
 */
public final class MultiComparison {
  private MultiComparison() {}

  /**
   * What to compare.
   *
   * @param blocks the blocks' names (datasets or dataset x protocol tasks), for messages and tables
   * @param learners the learners' names
   * @param scores {@code scores[block][learner]}, higher is better (the caller negates a loss)
   * @param outcome {@code outcome[block][a][b]} = +1 when learner a is significantly better than b on
   *     that block, -1 when significantly worse, 0 when the block's test finds no difference;
   *     antisymmetric, 0 on the diagonal
   * @param alpha significance level of the Nemenyi critical difference and the Holm comparisons
   * @param control the control learner's name, or null for the learner with the best (lowest) average
   *     rank (the first in learner order among equals)
   */
  public record Input(
      List<String> blocks, List<String> learners, double[][] scores, int[][][] outcome, double alpha, String control) {}

  /**
   * One learner against the control.
   *
   * @param learner the learner's name
   * @param averageRank its average rank
   * @param z {@code (R_learner - R_control) / SE}: positive when it ranks worse than the control
   * @param p two-sided normal p of z
   * @param pHolm Holm-adjusted p over the {@code k - 1} comparisons with the control
   * @param significant {@code pHolm < alpha}
   */
  public record ControlComparison(
      String learner, double averageRank, double z, double p, double pHolm, boolean significant) {}

  /**
   * The comparison.
   *
   * @param blocks the blocks, as given
   * @param learners the learners, as given
   * @param ranks {@code ranks[block][learner]}, 1 = best, ties averaged
   * @param averageRanks each learner's mean rank over the blocks
   * @param friedmanChi2 Friedman's {@code chi2_F}
   * @param friedmanDf {@code k - 1}
   * @param friedmanP chi-squared p of {@code chi2_F}
   * @param imanDavenportF Iman and Davenport's {@code F_F} ({@code +infinity} when {@code chi2_F = N(k-1)})
   * @param imanDavenportDf1 {@code k - 1}
   * @param imanDavenportDf2 {@code (k-1)(N-1)}
   * @param imanDavenportP F-distribution p of {@code F_F}
   * @param nemenyiQ {@code q_alpha}: the studentized range quantile over {@code sqrt 2}
   * @param criticalDifference the Nemenyi CD, in average-rank units
   * @param control the control learner (given, or the best average rank)
   * @param versusControl every other learner against the control, in learner order
   * @param wins {@code wins[a][b]}: blocks where a is significantly better than b
   * @param ties {@code ties[a][b]}: blocks where the test finds no difference (N on the diagonal)
   * @param losses {@code losses[a][b]}: blocks where a is significantly worse than b
   */
  public record Result(
      List<String> blocks,
      List<String> learners,
      double[][] ranks,
      double[] averageRanks,
      double friedmanChi2,
      int friedmanDf,
      double friedmanP,
      double imanDavenportF,
      int imanDavenportDf1,
      int imanDavenportDf2,
      double imanDavenportP,
      double nemenyiQ,
      double criticalDifference,
      String control,
      List<ControlComparison> versusControl,
      int[][] wins,
      int[][] ties,
      int[][] losses) {}

  /** Runs every test of the class comment on {@code in}. */
  public static Result compare(Input in) {
    validate(in);
    List<String> blocks = List.copyOf(in.blocks());
    List<String> learners = List.copyOf(in.learners());
    int n = blocks.size();
    int k = learners.size();

    // twice the ranks: integers, so rank sums and the Friedman statistic are exact
    double[][] ranks = new double[n][k];
    long[] twiceSums = new long[k];
    for (int b = 0; b < n; b++) {
      long[] twice = twiceRanks(in.scores()[b]);
      for (int j = 0; j < k; j++) {
        ranks[b][j] = twice[j] / 2.0;
        twiceSums[j] += twice[j];
      }
    }
    double[] averageRanks = new double[k];
    for (int j = 0; j < k; j++) {
      averageRanks[j] = twiceSums[j] / (2.0 * n);
    }

    // with a_j = twice rank sum: chi2 = (3 sum a_j^2 - 3 N^2 k (k+1)^2) / (N k (k+1)) = chi2Num / chi2Den,
    // and N(k-1) - chi2 = (N^2 k (k^2-1) - chi2Num) / chi2Den
    long sumSquares = 0;
    for (long a : twiceSums) {
      sumSquares = Math.addExact(sumSquares, Math.multiplyExact(a, a));
    }
    long nn = (long) n * n;
    long chi2Num = Math.subtractExact(
        Math.multiplyExact(3, sumSquares), Math.multiplyExact(Math.multiplyExact(3, nn), (long) k * (k + 1) * (k + 1)));
    long chi2Den = (long) n * k * (k + 1);
    long gap = Math.subtractExact(Math.multiplyExact(nn, (long) k * (k + 1) * (k - 1)), chi2Num);
    double chi2 = (double) chi2Num / chi2Den;
    int df1 = k - 1;
    int df2 = (k - 1) * (n - 1);
    double friedmanP = chi2Num == 0 ? 1 : ChiSquaredDistribution.of(df1).survivalProbability(chi2);
    double f;
    double fP;
    if (chi2Num == 0) {
      f = 0;
      fP = 1;
    } else if (gap == 0) {
      f = Double.POSITIVE_INFINITY;
      fP = 0;
    } else {
      f = (n - 1) * (double) chi2Num / gap;
      fP = FDistribution.of(df1, df2).survivalProbability(f);
    }

    double se = Math.sqrt(k * (k + 1) / (6.0 * n));
    double q = nemenyiQ(k, in.alpha());
    double cd = q * se;

    int control = in.control() != null ? learners.indexOf(in.control()) : best(twiceSums);
    int[] others = IntStream.range(0, k).filter(j -> j != control).toArray();
    double[] z = new double[others.length];
    double[] p = new double[others.length];
    for (int i = 0; i < others.length; i++) {
      z[i] = (averageRanks[others[i]] - averageRanks[control]) / se;
      p[i] = Math.min(1, 2 * STANDARD.survivalProbability(Math.abs(z[i])));
    }
    double[] pHolm = Statistics.holm(p);
    List<ControlComparison> versus = new ArrayList<>();
    for (int i = 0; i < others.length; i++) {
      versus.add(new ControlComparison(
          learners.get(others[i]), averageRanks[others[i]], z[i], p[i], pHolm[i], pHolm[i] < in.alpha()));
    }

    int[][] wins = new int[k][k];
    int[][] ties = new int[k][k];
    int[][] losses = new int[k][k];
    for (int b = 0; b < n; b++) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          switch (in.outcome()[b][i][j]) {
            case 1 -> wins[i][j]++;
            case -1 -> losses[i][j]++;
            default -> ties[i][j]++;
          }
        }
      }
    }

    return new Result(blocks, learners, ranks, averageRanks, chi2, df1, friedmanP, f, df1, df2, fP, q, cd,
        learners.get(control), List.copyOf(versus), wins, ties, losses);
  }

  /** The index of the smallest rank sum, the first among equals. */
  private static int best(long[] rankSums) {
    int best = 0;
    for (int j = 1; j < rankSums.length; j++) {
      if (rankSums[j] < rankSums[best]) {
        best = j;
      }
    }
    return best;
  }

  /** Twice the ranks of {@code scores} (1 = highest), ties sharing the mean of their positions. */
  private static long[] twiceRanks(double[] scores) {
    int k = scores.length;
    Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer j) -> scores[j]).reversed());
    long[] twice = new long[k];
    int from = 0;
    while (from < k) {
      int to = from;
      while (to + 1 < k && scores[order[to + 1]] == scores[order[from]]) {
        to++;
      }
      // positions from..to (0-based) hold ranks from+1..to+1; their mean, doubled, is from + to + 2
      for (int i = from; i <= to; i++) {
        twice[order[i]] = from + to + 2;
      }
      from = to + 1;
    }
    return twice;
  }

  /**
   * Demsar's {@code q_alpha} for the Nemenyi test: the {@code 1 - alpha} quantile of the studentized
   * range of {@code k} independent standard normals (infinite degrees of freedom), over {@code sqrt 2}.
   * For k = 2 it is the two-sided normal quantile {@code z_(1-alpha/2)}.
   */
  public static double nemenyiQ(int k, double alpha) {
    if (k < 2) {
      throw new IllegalArgumentException("the studentized range needs k >= 2 means, got " + k);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    double target = 1 - alpha;
    double lo = 0;
    double hi = 1;
    while (studentizedRangeCdf(hi, k) < target) {
      lo = hi;
      hi *= 2;
    }
    // the cdf rises monotonically in q: bisect to the last bit
    while (true) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (studentizedRangeCdf(mid, k) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi) / Math.sqrt(2);
  }

  /** Integration grid of {@link #studentizedRangeCdf}: z from -LIMIT to LIMIT, STEPS Simpson intervals. */
  private static final double LIMIT = 9;

  private static final int STEPS = 3600;

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  /**
   * {@code P(range of k iid standard normals <= q) = k * integral phi(z) [Phi(z) - Phi(z - q)]^(k-1) dz}
   * (the largest is z, the other k - 1 lie in {@code [z - q, z]}), by composite Simpson's rule over
   * {@code [-9, 9]} with step 0.005 (the density outside is below 1e-17). Accurate to about 1e-10.
   */
  static double studentizedRangeCdf(double q, int k) {
    if (q <= 0) {
      return 0;
    }
    double h = 2 * LIMIT / STEPS;
    double sum = 0;
    for (int i = 0; i <= STEPS; i++) {
      double z = -LIMIT + i * h;
      double w = i == 0 || i == STEPS ? 1 : (i % 2 == 1 ? 4 : 2);
      sum += w * STANDARD.density(z) * Math.pow(between(z - q, z), k - 1);
    }
    return Math.min(1, k * sum * h / 3);
  }

  /** {@code Phi(b) - Phi(a)} for {@code a <= b}, from the upper tails when both are positive (no cancellation). */
  private static double between(double a, double b) {
    return a > 0
        ? STANDARD.survivalProbability(a) - STANDARD.survivalProbability(b)
        : STANDARD.cumulativeProbability(b) - STANDARD.cumulativeProbability(a);
  }

  private static void validate(Input in) {
    if (in == null) {
      throw new IllegalArgumentException("no input");
    }
    if (in.blocks() == null || in.learners() == null || in.scores() == null || in.outcome() == null) {
      throw new IllegalArgumentException("blocks, learners, scores and outcome must all be given");
    }
    List<String> blocks = in.blocks();
    List<String> learners = in.learners();
    int n = blocks.size();
    int k = learners.size();
    if (k < 2) {
      throw new IllegalArgumentException("comparing learners needs at least 2 learners, got " + k + ": " + learners);
    }
    if (n < 2) {
      throw new IllegalArgumentException(
          "comparing learners over blocks needs at least 2 blocks (datasets), got " + n + ": " + blocks);
    }
    distinct("learner", learners);
    distinct("block", blocks);
    if (!(in.alpha() > 0 && in.alpha() < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + in.alpha());
    }
    if (in.control() != null && !learners.contains(in.control())) {
      throw new IllegalArgumentException("control '" + in.control() + "' is not one of the learners " + learners);
    }
    double[][] scores = in.scores();
    if (scores.length != n) {
      throw new IllegalArgumentException("scores has " + scores.length + " rows for " + n + " blocks");
    }
    int[][][] outcome = in.outcome();
    if (outcome.length != n) {
      throw new IllegalArgumentException("outcome has " + outcome.length + " blocks for " + n + " blocks");
    }
    for (int b = 0; b < n; b++) {
      String block = blocks.get(b);
      if (scores[b] == null || scores[b].length != k) {
        throw new IllegalArgumentException("scores of block '" + block + "' has "
            + (scores[b] == null ? "no" : scores[b].length) + " values for " + k + " learners");
      }
      for (int j = 0; j < k; j++) {
        if (Double.isNaN(scores[b][j])) {
          throw new IllegalArgumentException(
              "score of learner '" + learners.get(j) + "' on block '" + block + "' is NaN");
        }
      }
      int[][] o = outcome[b];
      if (o == null || o.length != k) {
        throw new IllegalArgumentException("outcome of block '" + block + "' is not a " + k + " x " + k + " matrix");
      }
      for (int i = 0; i < k; i++) {
        if (o[i] == null || o[i].length != k) {
          throw new IllegalArgumentException("outcome of block '" + block + "' is not a " + k + " x " + k + " matrix");
        }
      }
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          int v = o[i][j];
          String where = "outcome on block '" + block + "' of '" + learners.get(i) + "' against '" + learners.get(j) + "'";
          if (v < -1 || v > 1) {
            throw new IllegalArgumentException(where + " is " + v + ", not -1, 0 or +1");
          }
          if (i == j && v != 0) {
            throw new IllegalArgumentException(where + " (itself) is " + v + ", must be 0");
          }
          if (o[j][i] != -v) {
            throw new IllegalArgumentException(where + " is " + v + " but the reverse is " + o[j][i]
                + ": outcome must be antisymmetric");
          }
        }
      }
    }
  }

  private static void distinct(String what, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String s : names) {
      if (s == null) {
        throw new IllegalArgumentException("a " + what + " name is null: " + names);
      }
      if (!seen.add(s)) {
        throw new IllegalArgumentException("the " + what + " '" + s + "' appears twice: " + names);
      }
    }
  }
}
