package org.topicbench.model;

import org.topicbench.feature.SparseVector;

/**
 * A classifier trained by a {@link VectorLearner}, in the index space of its {@link VectorData}: the
 * label and the probabilities refer to {@code VectorData.classes()}. Not required to be thread-safe.
 */
@FunctionalInterface
public interface VectorClassifier {
  /** Label in {@code [0, numClasses)} and probabilities of length {@code numClasses}, or {@code null}. */
  Prediction predict(SparseVector x);
}
