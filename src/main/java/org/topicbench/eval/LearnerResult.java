package org.topicbench.eval;

import java.util.SequencedMap;

/**
 * One learner's results under one protocol. Arrays are indexed as the {@link FoldPlan}: examples by
 * plan index, folds by position in {@code plan.folds()}, labels by {@code plan.labelNames()}. Do not
 * modify them.
 *
 * @param learner the learner's name
 * @param hyperparameters its hyperparameters
 * @param predicted {@code [repetition][example]} predicted label, -1 for examples not scored
 * @param probabilities {@code [repetition][example]} label probabilities, or null rows
 * @param foldScores scores of each fold's test set
 * @param repetitionScores scores of each repetition's pooled out-of-fold predictions
 * @param accuracy accuracy of the pooled predictions, over repetitions
 * @param macroF1Pooled macro-F1 of each repetition's pooled predictions, over repetitions
 * @param macroF1FoldMean mean of the per-fold macro-F1 over every fold of every repetition
 * @param macroF1FoldSd standard deviation of the per-fold macro-F1
 * @param kappa Cohen's kappa of the pooled predictions, over repetitions
 * @param logLoss log-loss of the pooled predictions, over repetitions (NaN without probabilities)
 * @param brier Brier score of the pooled predictions, over repetitions (NaN without probabilities)
 * @param ece expected calibration error of the pooled predictions, over repetitions (NaN without
 *     probabilities)
 * @param reliability the top-label confidence bins of every repetition's pooled predictions, summed; null
 *     without probabilities
 * @param precision per label, over repetitions (pooled predictions)
 * @param recall per label
 * @param f1 per label
 * @param support per label, true examples scored per repetition
 * @param confusion {@code [true][predicted]} counts summed over every repetition
 * @param trainNanos per fold, wall time of {@code Learner.fit}
 * @param predictNanos per fold, wall time of predicting the fold's test set
 * @param tuning per fold, what a {@link TunedLearner} chose (null entries for other learners)
 */
public record LearnerResult(
    String learner,
    SequencedMap<String, String> hyperparameters,
    int[][] predicted,
    double[][][] probabilities,
    Scores[] foldScores,
    Scores[] repetitionScores,
    Estimate accuracy,
    Estimate macroF1Pooled,
    double macroF1FoldMean,
    double macroF1FoldSd,
    Estimate kappa,
    Estimate logLoss,
    Estimate brier,
    Estimate ece,
    Metrics.Bin[] reliability,
    Estimate[] precision,
    Estimate[] recall,
    Estimate[] f1,
    int[] support,
    long[][] confusion,
    long[] trainNanos,
    long[] predictNanos,
    TuningRecord[] tuning) {

  /** Whether every prediction came with probabilities. */
  public boolean hasProbabilities() {
    return !Double.isNaN(logLoss.mean());
  }

  /** Total training time over all folds, in nanoseconds. */
  public long totalTrainNanos() {
    long s = 0;
    for (long t : trainNanos) {
      s += t;
    }
    return s;
  }

  /** Total prediction time over all folds, in nanoseconds. */
  public long totalPredictNanos() {
    long s = 0;
    for (long t : predictNanos) {
      s += t;
    }
    return s;
  }
}
