package org.topicbench.model;

/** How training examples are weighted by class, for learners that accept weights. */
public enum ClassWeights {
  /** Every example weighs 1. */
  NONE,
  /**
   * Inverse class frequency: an example of class c weighs {@code n / (m * n_c)} (n examples, m classes
   * present in the training fold, n_c of class c), so every class carries the same total weight.
   */
  BALANCED;

  /** As written in hyperparameters. */
  public String describe() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
