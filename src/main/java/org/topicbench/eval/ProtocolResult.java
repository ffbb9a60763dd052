package org.topicbench.eval;

import java.util.List;
import java.util.Map;

/**
 * Everything one protocol produced.
 *
 * @param plan the folds every learner saw
 * @param learners per learner, in the spec's order
 * @param comparisons every pair of learners, every tested metric
 * @param ranking learner names, best first: by macro-F1 (pooled, mean over repetitions), then accuracy,
 *     then the spec's order
 * @param betterThan per learner, the learners it is significantly better than in the ranking's test
 *     family ({@link #rankingMetric}), in ranking order
 * @param rankingMetric the metric whose comparisons mark the ranking: {@code macro_f1} (corrected t-test)
 *     for repeated protocols, {@code accuracy} (exact McNemar) for loo-doc and split
 */
public record ProtocolResult(
    FoldPlan plan,
    List<LearnerResult> learners,
    List<Comparison> comparisons,
    List<String> ranking,
    Map<String, List<String>> betterThan,
    String rankingMetric) {

  /** The task's dataset name. */
  public String dataset() {
    return plan.spec().dataset();
  }

  /** {@code dataset/protocol}. */
  public String key() {
    return plan.spec().key();
  }

  /** The result of learner {@code name}. */
  public LearnerResult learner(String name) {
    for (LearnerResult l : learners) {
      if (l.learner().equals(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException("no learner named '" + name + "' in this result");
  }

  /** 1-based rank of learner {@code name}. */
  public int rank(String name) {
    return ranking.indexOf(name) + 1;
  }
}
