package org.topicbench.eval;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Summary statistics and the significance tests used to compare learners.
 *
 * <ul>
 *   <li>{@link #correctedResampledTTest}: Nadeau and Bengio's (2003) corrected resampled t-test, as
 *       Bouckaert and Frank (2004) apply it to r-times-repeated k-fold cross-validation: over the
 *       {@code n = k r} paired per-fold differences {@code d_j},
 *       {@code t = mean(d) / sqrt((1/n + n_test/n_train) * var(d))} with the sample variance
 *       ({@code n - 1}) and {@code n - 1} degrees of freedom, two-sided p from Student's t. When
 *       {@code var(d) = 0}: t = 0 and p = 1 if {@code mean(d) = 0}, else t = +-infinity and p = 0.
 *   <li>{@link #mcnemarExact}: the exact (binomial) McNemar test on paired predictions of the same
 *       sentences: with b = sentences only A gets right and c = only B gets right,
 *       {@code p = min(1, 2 * P[X <= min(b, c)])} for {@code X ~ Binomial(b + c, 1/2)}; p = 1 when b + c = 0.
 *   <li>{@link #holm}: Holm's step-down adjustment of a family of p-values.
 *   <li>{@link #percentile}: linear interpolation between order statistics (Hyndman and Fan type 7, as
 *       R's and NumPy's defaults).
 * </ul>
 */
public final class Statistics {
  private Statistics() {}

  /** Result of {@link #correctedResampledTTest}. */
  public record TTest(int n, double meanDifference, double t, int df, double p) {}

  /** Result of {@link #mcnemarExact}: {@code aOnly}/{@code bOnly} = sentences only A/B gets right. */
  public record McNemar(int aOnly, int bOnly, double p) {}

  /** Mean of the non-NaN values; NaN when there are none (commons-statistics' {@link Mean}). */
  public static double mean(double[] x) {
    double[] v = finite(x);
    return v.length == 0 ? Double.NaN : Mean.of(v).getAsDouble();
  }

  /** Sample standard deviation ({@code n - 1}) of the non-NaN values; NaN for fewer than two. */
  public static double sd(double[] x) {
    double[] v = finite(x);
    return v.length < 2 ? Double.NaN : StandardDeviation.of(v).getAsDouble();
  }

  private static double[] finite(double[] x) {
    return Arrays.stream(x).filter(d -> !Double.isNaN(d)).toArray();
  }

  private static final Quantile TYPE_7 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

  /** The {@code q}-quantile ({@code 0 <= q <= 1}) of {@code sorted} (ascending, no NaN), type 7. */
  public static double percentile(double[] sorted, double q) {
    if (q < 0 || q > 1) {
      throw new IllegalArgumentException("q must be in [0, 1], got " + q);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return TYPE_7.evaluate(sorted, q);
  }

  /**
   * Corrected resampled t-test of paired per-fold scores.
   *
   * @param a learner A's score per fold
   * @param b learner B's score on the same folds
   * @param testTrainRatio mean test-set size over mean training-set size ({@code 1/(k-1)} for k-fold)
   */
  public static TTest correctedResampledTTest(double[] a, double[] b, double testTrainRatio) {
    if (a.length != b.length || a.length < 2) {
      throw new IllegalArgumentException(
          "a and b must have equal length of at least 2, got " + a.length + " and " + b.length);
    }
    int n = a.length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = a[i] - b[i];
    }
    double m = 0;
    for (double v : d) {
      m += v;
    }
    m /= n;
    double ss = 0;
    for (double v : d) {
      ss += (v - m) * (v - m);
    }
    double var = ss / (n - 1);
    int df = n - 1;
    if (var == 0) {
      return m == 0 ? new TTest(n, m, 0, df, 1) : new TTest(n, m, Math.copySign(Double.POSITIVE_INFINITY, m), df, 0);
    }
    double t = m / Math.sqrt((1.0 / n + testTrainRatio) * var);
    double p = 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    return new TTest(n, m, t, df, Math.min(1, p));
  }

  /** Exact McNemar test of two learners' correctness on the same sentences. */
  public static McNemar mcnemarExact(boolean[] aCorrect, boolean[] bCorrect) {
    if (aCorrect.length != bCorrect.length) {
      throw new IllegalArgumentException(
          "aCorrect and bCorrect must have equal length, got " + aCorrect.length + " and " + bCorrect.length);
    }
    int aOnly = 0;
    int bOnly = 0;
    for (int i = 0; i < aCorrect.length; i++) {
      if (aCorrect[i] && !bCorrect[i]) {
        aOnly++;
      } else if (bCorrect[i] && !aCorrect[i]) {
        bOnly++;
      }
    }
    return new McNemar(aOnly, bOnly, mcnemarExactP(aOnly, bOnly));
  }

  /** The exact McNemar p-value for discordant counts {@code b} and {@code c}. */
  public static double mcnemarExactP(int b, int c) {
    if (b < 0 || c < 0) {
      throw new IllegalArgumentException("discordant counts must be >= 0, got " + b + " and " + c);
    }
    if (b + c == 0) {
      return 1;
    }
    // twice the smaller tail, the classic exact McNemar; commons-statistics-inference's two-sided BinomialTest
    // sums the outcomes no more likely than the observed one, which for 2 vs 1 drops a tail whose
    // probability differs from the observed one only by rounding (p = 0.625 instead of 1)
    double p = 2 * BinomialDistribution.of(b + c, 0.5).cumulativeProbability(Math.min(b, c));
    return Math.min(1, p);
  }

  /**
   * Holm's step-down adjusted p-values, in the input order: with the p-values sorted ascending
   * {@code p_(1) <= ... <= p_(m)}, {@code adj_(i) = max_{j <= i} min(1, (m - j + 1) p_(j))}. NaN inputs
   * stay NaN and do not count towards m.
   */
  public static double[] holm(double[] p) {
    Integer[] order =
        java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i));
    double[] adj = new double[p.length];
    Arrays.fill(adj, Double.NaN);
    int m = order.length;
    double running = 0;
    for (int j = 0; j < m; j++) {
      running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
      adj[order[j]] = running;
    }
    return adj;
  }
}
