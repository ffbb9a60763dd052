package org.topicbench.eval;

/**
 * A metric over repetitions: mean, sample standard deviation (NaN for one repetition) and a 95%
 * percentile-bootstrap interval (NaN when not computed).
 */
public record Estimate(double mean, double sd, double ciLow, double ciHigh) {}
