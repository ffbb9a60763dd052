package org.topicbench.eval;

import java.util.List;

/**
 * What a {@link TunedLearner} chose in one (outer) training set.
 *
 * @param metric the inner metric
 * @param values each candidate's grid values ({@code c=0.1}), in grid order
 * @param scores each candidate's score on the inner folds' pooled out-of-fold predictions (NaN when the
 *     training set was too small to split)
 * @param chosen the chosen candidate: the best score, ties to the first
 */
public record TuningRecord(String metric, List<String> values, double[] scores, int chosen) {
  public TuningRecord {
    values = List.copyOf(values);
    if (scores.length != values.size() || chosen < 0 || chosen >= values.size()) {
      throw new IllegalArgumentException("one score per candidate and a chosen one among them");
    }
  }
}
