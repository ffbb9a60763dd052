package org.topicbench.eval;

/**
 * Classification metrics, written out here so that every definition is explicit.
 *
 * <ul>
 *   <li>accuracy = correct / n.
 *   <li>Per label c with {@code tp, fp, fn}: precision = tp / (tp + fp), recall = tp / (tp + fn),
 *       F1 = 2 tp / (2 tp + fp + fn). A zero denominator gives 0 (scikit-learn's {@code zero_division=0})
 *       when the label occurs in the truth or the predictions; a label absent from both is <em>not
 *       present</em> and its three values are {@code NaN}.
 *   <li>macro-F1 = mean F1 over the present labels only (scikit-learn's {@code f1_score(average="macro")}
 *       with {@code labels=None}): a fold holding no {@code partygate} sentence and predicting none is
 *       scored on the other labels, not given a free 0 or 1.
 *   <li>Cohen's kappa = (p_o - p_e) / (1 - p_e) with p_e = sum_c (row_c * col_c) / n^2; {@code NaN} when
 *       p_e = 1 (truth and predictions all one label).
 *   <li>log-loss = mean of -ln(clip(p_true)) with p clipped to [{@value #LOG_LOSS_EPS}, 1 - {@value
 *       #LOG_LOSS_EPS}] (no renormalisation), natural log; {@code NaN} unless every prediction has
 *       probabilities.
 *   <li>Brier score = mean over examples of {@code sum_c (p_c - [y == c])^2} (the multi-class form of
 *       Brier, 1950: from 0, perfect, to 2); {@code NaN} unless every prediction has probabilities.
 *   <li>expected calibration error (ECE) of the top label (Guo et al., 2017): the examples binned by the
 *       probability of their predicted label (the most probable, ties to the lower index) into
 *       {@value #ECE_BINS} equal-width bins of (0, 1] (bin b holds confidences in {@code (b/15, (b+1)/15]},
 *       0 in the first), ECE = {@code sum_b (n_b / n) |accuracy_b - mean confidence_b|}; {@code NaN} unless
 *       every prediction has probabilities. The same bins draw the report's reliability diagram.
 * </ul>
 */
public final class Metrics {
  /** Probabilities are clipped to {@code [eps, 1 - eps]} before the log of log-loss. */
  public static final double LOG_LOSS_EPS = 1e-15;

  /** Equal-width confidence bins of the expected calibration error and the reliability diagram. */
  public static final int ECE_BINS = 15;

  /** A number as result files write it: fixed point with 6 decimals, {@code Locale.ROOT}; NaN as {@code NaN}; no negative zero. */
  public static String fixed(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    String s = String.format(java.util.Locale.ROOT, "%.6f", v);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  private Metrics() {}

  /**
   * Scores predictions.
   *
   * @param truth true label per example, in {@code [0, numLabels)}
   * @param predicted predicted label per example
   * @param probabilities per example the label probabilities, or {@code null} (the array or a row)
   * @param numLabels number of labels
   */
  public static Scores score(int[] truth, int[] predicted, double[][] probabilities, int numLabels) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          "truth and predicted must have equal length, got " + truth.length + " and " + predicted.length);
    }
    long[][] cm = new long[numLabels][numLabels];
    for (int i = 0; i < truth.length; i++) {
      cm[truth[i]][predicted[i]]++;
    }
    Bin[] bins = reliability(truth, probabilities, ECE_BINS);
    return fromConfusion(cm, logLoss(truth, probabilities), brier(truth, probabilities),
        bins == null ? Double.NaN : ece(bins));
  }

  /** Scores a confusion matrix {@code cm[true][predicted]} without probabilities (their metrics NaN). */
  public static Scores fromConfusion(long[][] cm) {
    return fromConfusion(cm, Double.NaN, Double.NaN, Double.NaN);
  }

  /** Scores a confusion matrix {@code cm[true][predicted]}; the probability metrics are passed through. */
  public static Scores fromConfusion(long[][] cm, double logLoss, double brier, double ece) {
    int k = cm.length;
    long[] row = new long[k];
    long[] col = new long[k];
    long n = 0;
    long trace = 0;
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        row[t] += cm[t][p];
        col[p] += cm[t][p];
        n += cm[t][p];
      }
      trace += cm[t][t];
    }
    double[] precision = new double[k];
    double[] recall = new double[k];
    double[] f1 = new double[k];
    boolean[] present = new boolean[k];
    double f1Sum = 0;
    int presentCount = 0;
    for (int c = 0; c < k; c++) {
      present[c] = row[c] + col[c] > 0;
      if (!present[c]) {
        precision[c] = recall[c] = f1[c] = Double.NaN;
        continue;
      }
      long tp = cm[c][c];
      precision[c] = col[c] == 0 ? 0 : (double) tp / col[c];
      recall[c] = row[c] == 0 ? 0 : (double) tp / row[c];
      f1[c] = 2.0 * tp / (row[c] + col[c]);
      f1Sum += f1[c];
      presentCount++;
    }
    double accuracy = n == 0 ? Double.NaN : (double) trace / n;
    double macroF1 = presentCount == 0 ? Double.NaN : f1Sum / presentCount;
    double kappa = Double.NaN;
    if (n > 0) {
      double pe = 0;
      for (int c = 0; c < k; c++) {
        pe += ((double) row[c] / n) * ((double) col[c] / n);
      }
      if (pe < 1) {
        kappa = (accuracy - pe) / (1 - pe);
      }
    }
    return new Scores((int) n, cm, accuracy, macroF1, kappa, logLoss, brier, ece, precision, recall, f1, present);
  }

  /** Mean clipped negative log probability of the true labels; {@code NaN} when any is missing. */
  public static double logLoss(int[] truth, double[][] probabilities) {
    if (probabilities == null || truth.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < truth.length; i++) {
      if (probabilities[i] == null) {
        return Double.NaN;
      }
      double p = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, probabilities[i][truth[i]]));
      sum -= Math.log(p);
    }
    return sum / truth.length;
  }

  /** Mean multi-class Brier score; {@code NaN} when any probabilities are missing. */
  public static double brier(int[] truth, double[][] probabilities) {
    if (probabilities == null || truth.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < truth.length; i++) {
      double[] p = probabilities[i];
      if (p == null) {
        return Double.NaN;
      }
      for (int c = 0; c < p.length; c++) {
        double d = p[c] - (truth[i] == c ? 1 : 0);
        sum += d * d;
      }
    }
    return sum / truth.length;
  }

  /**
   * One confidence bin of a reliability diagram.
   *
   * @param low its lower edge (exclusive, but 0 for the first)
   * @param high its upper edge (inclusive)
   * @param count predictions whose top probability falls in it
   * @param confidence their summed top probability
   * @param correct how many of them are right
   */
  public record Bin(double low, double high, long count, double confidence, long correct) {
    /** Mean top probability; NaN when empty. */
    public double meanConfidence() {
      return count == 0 ? Double.NaN : confidence / count;
    }

    /** Share right; NaN when empty. */
    public double accuracy() {
      return count == 0 ? Double.NaN : (double) correct / count;
    }
  }

  /** The top-label reliability bins of {@code probabilities}, {@code bins} of equal width; null when any row is missing. */
  public static Bin[] reliability(int[] truth, double[][] probabilities, int bins) {
    if (probabilities == null || truth.length == 0) {
      return null;
    }
    long[] count = new long[bins];
    double[] conf = new double[bins];
    long[] correct = new long[bins];
    for (int i = 0; i < truth.length; i++) {
      double[] p = probabilities[i];
      if (p == null) {
        return null;
      }
      int top = 0;
      for (int c = 1; c < p.length; c++) {
        if (p[c] > p[top]) {
          top = c;
        }
      }
      int b = binOf(p[top], bins);
      count[b]++;
      conf[b] += p[top];
      correct[b] += top == truth[i] ? 1 : 0;
    }
    Bin[] out = new Bin[bins];
    for (int b = 0; b < bins; b++) {
      out[b] = new Bin((double) b / bins, (double) (b + 1) / bins, count[b], conf[b], correct[b]);
    }
    return out;
  }

  /** The bin of confidence {@code p}: {@code ceil(p * bins) - 1}, clamped to the bins. */
  static int binOf(double p, int bins) {
    int b = (int) Math.ceil(p * bins) - 1;
    return Math.max(0, Math.min(bins - 1, b));
  }

  /** Sums bins (of the same edges) into one set, as pooling their predictions would. */
  public static Bin[] add(Bin[] a, Bin[] b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    Bin[] out = new Bin[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = new Bin(a[i].low(), a[i].high(), a[i].count() + b[i].count(), a[i].confidence() + b[i].confidence(),
          a[i].correct() + b[i].correct());
    }
    return out;
  }

  /** Expected calibration error of reliability bins. */
  public static double ece(Bin[] bins) {
    long n = 0;
    for (Bin b : bins) {
      n += b.count();
    }
    if (n == 0) {
      return Double.NaN;
    }
    double e = 0;
    for (Bin b : bins) {
      if (b.count() > 0) {
        e += (double) b.count() / n * Math.abs(b.accuracy() - b.meanConfidence());
      }
    }
    return e;
  }
}
