package org.topicbench.eval;

/**
 * Classification metrics of one set of predictions; see {@link Metrics} for the definitions. Undefined
 * values are {@code NaN}. Arrays are indexed by label; do not modify them.
 *
 * @param n number of predictions
 * @param confusion {@code confusion[true][predicted]} counts
 * @param accuracy fraction predicted right
 * @param macroF1 mean F1 over the labels present in the truth or the predictions
 * @param kappa Cohen's kappa
 * @param logLoss mean negative log probability of the true label, {@code NaN} without probabilities
 * @param brier multi-class Brier score, {@code NaN} without probabilities
 * @param ece expected calibration error of the top label, {@code NaN} without probabilities
 * @param precision per label
 * @param recall per label
 * @param f1 per label
 * @param present per label: whether it occurs in the truth or the predictions
 */
public record Scores(
    int n,
    long[][] confusion,
    double accuracy,
    double macroF1,
    double kappa,
    double logLoss,
    double brier,
    double ece,
    double[] precision,
    double[] recall,
    double[] f1,
    boolean[] present) {}
