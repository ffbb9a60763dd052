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
 * </ul>
 */
public final class Metrics {
  /** Probabilities are clipped to {@code [eps, 1 - eps]} before the log of log-loss. */
  public static final double LOG_LOSS_EPS = 1e-15;

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
    return fromConfusion(cm, logLoss(truth, probabilities));
  }

  /** Scores a confusion matrix {@code cm[true][predicted]}; {@code logLoss} is passed through. */
  public static Scores fromConfusion(long[][] cm, double logLoss) {
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
    return new Scores((int) n, cm, accuracy, macroF1, kappa, logLoss, precision, recall, f1, present);
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
}
