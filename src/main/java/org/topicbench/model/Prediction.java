package org.topicbench.model;

/**
 * A predicted label and, when the learner gives them, class probabilities.
 *
 * @param label index into the model's label names
 * @param probabilities one per label, summing to 1, or {@code null} when the learner has none
 */
public record Prediction(int label, double[] probabilities) {
  public boolean hasProbabilities() {
    return probabilities != null;
  }
}
