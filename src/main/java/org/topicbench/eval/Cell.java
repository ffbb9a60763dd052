package org.topicbench.eval;

/**
 * One cell of an evaluation: a learner fitted on one training fold of one task and its predictions on the
 * fold's test set. What a cell holds is a pure function of its {@link Key} (everything that determines it),
 * so a cell computed by one process (a shard) is the cell any other would compute.
 *
 * @param predicted the predicted label of each test sentence, in the task's label order
 * @param probabilities each test sentence's label probabilities, or null rows
 * @param trainNanos wall time of the fit (not deterministic)
 * @param predictNanos wall time of predicting (not deterministic)
 * @param tuning what a tuned learner chose, or null
 */
public record Cell(int[] predicted, double[][] probabilities, long trainNanos, long predictNanos, TuningRecord tuning) {
  /**
   * What determines a cell, and how it is named.
   *
   * @param hash hex SHA-256 of the data's sha256, the task, the learner's name, spec and hyperparameters,
   *     the fold (its repetition, index and sentences) and the run seed
   * @param describe the cell in words, for messages ({@code articles/kfold smile.logistic repetition 0 fold 3})
   * @param index the cell's position in the evaluation's fixed order (task, learner, fold)
   */
  public record Key(String hash, String describe, int index) {}
}
