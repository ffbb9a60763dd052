package org.topicbench.eval;

import java.util.List;

/**
 * Learners ranked across the tasks of an evaluation ({@link RankingSpec}).
 *
 * @param spec how they were ranked
 * @param blocks each block's name: the dataset ({@code by: dataset}) or {@code dataset/protocol}
 * @param tasks each block's task, {@code dataset/protocol}
 * @param scores {@code [block][learner]} the ranked metric as the task reports it (log-loss not negated;
 *     NaN when the learner has none, which ranks it last)
 * @param tests {@code [block]} the per-task test behind wins, ties and losses ({@code
 *     corrected_resampled_t} on macro-F1, {@code mcnemar_exact} on accuracy), unadjusted p against alpha
 * @param result the statistics
 */
public record RankingResult(
    RankingSpec spec, List<String> blocks, List<String> tasks, double[][] scores, List<String> tests,
    MultiComparison.Result result) {}
