package org.topicbench.eval;

/**
 * A significance test between two learners on one protocol.
 *
 * @param metric {@code macro_f1} (per-fold macro-F1) or {@code accuracy}
 * @param test {@code corrected_resampled_t} or {@code mcnemar_exact}
 * @param learnerA the first learner (earlier in the spec's order)
 * @param learnerB the second learner
 * @param n folds (t-test) or sentences (McNemar) compared
 * @param meanA A's mean metric over those folds, or accuracy
 * @param meanB B's
 * @param statistic t, or for McNemar the smaller discordant count
 * @param df degrees of freedom of t; NaN for McNemar
 * @param aOnly McNemar: sentences only A gets right; -1 for the t-test
 * @param bOnly McNemar: sentences only B gets right; -1 for the t-test
 * @param p two-sided p-value
 * @param pHolm Holm-adjusted p within the family (same protocol and metric)
 * @param significant {@code pHolm < } {@link Evaluation#ALPHA}
 * @param better the significantly better learner's name, else empty
 */
public record Comparison(
    String metric,
    String test,
    String learnerA,
    String learnerB,
    int n,
    double meanA,
    double meanB,
    double statistic,
    double df,
    int aOnly,
    int bOnly,
    double p,
    double pHolm,
    boolean significant,
    String better) {}
