package org.topicbench.eval;

import java.util.List;

/**
 * The outcome of {@link Evaluation#run}: one {@link ProtocolResult} per protocol of the spec, in order.
 *
 * @param spec what was run
 * @param runId {@link EvaluationSpec#runId()}
 * @param protocols results per protocol
 * @param ranking the learners ranked across tasks, or null when there are fewer than two blocks or learners
 * @param wallNanos wall time of the whole run (not written to deterministic files)
 */
public record EvaluationResult(
    EvaluationSpec spec, String runId, List<ProtocolResult> protocols, RankingResult ranking, long wallNanos) {
  public EvaluationResult {
    protocols = List.copyOf(protocols);
  }
}
