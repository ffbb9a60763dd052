package org.topicbench.eval;

import java.util.List;

/**
 * How learners are ranked across the tasks of an evaluation (Demsar 2006; {@link MultiComparison}).
 *
 * @param by what a block of the ranking is: {@link By#DATASET} (each dataset's first protocol) or {@link
 *     By#TASK} (every dataset and protocol)
 * @param metric the score ranked: {@code macro_f1}, {@code accuracy}, {@code kappa} (higher is better) or
 *     {@code log_loss} (lower is better)
 * @param control the learner the others are compared with (Holm), or null for the best average rank
 * @param alpha the significance level of the Nemenyi difference, the Holm comparisons and the per-task
 *     tests behind wins, ties and losses
 */
public record RankingSpec(By by, String metric, String control, double alpha) {
  /** What a block of the ranking is. */
  public enum By {
    /** One block per dataset: its first protocol's scores. */
    DATASET,
    /** One block per (dataset, protocol). */
    TASK;

    /** As written in files: {@code dataset} or {@code task}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The metrics that can be ranked. */
  public static final List<String> METRICS = List.of("macro_f1", "accuracy", "kappa", "log_loss");

  /** Blocks are datasets, metric macro-F1, the best learner the control, alpha 0.05. */
  public static final RankingSpec DEFAULT = new RankingSpec(By.DATASET, "macro_f1", null, 0.05);

  public RankingSpec {
    if (by == null) {
      throw new IllegalArgumentException("by must not be null");
    }
    if (!METRICS.contains(metric)) {
      throw new IllegalArgumentException("metric must be one of " + String.join(", ", METRICS) + ", got '" + metric + "'");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
  }
}
