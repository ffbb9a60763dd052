package org.topicbench.eval;

/**
 * One train/test split of a {@link FoldPlan}. Arrays are indices into the plan's examples, ascending;
 * do not modify them.
 *
 * @param repetition repetition number from 0
 * @param index fold number within the repetition, from 0
 * @param train training examples
 * @param test test examples
 * @param testGroup the held-out document for {@code loo-doc}, else empty
 * @param purged examples left out of training because they nearly repeat a test sentence
 */
public record Fold(int repetition, int index, int[] train, int[] test, String testGroup, int purged) {}
