package org.topicbench.model;

import java.io.Serializable;

/** What a stacked learner's meta-learner is: a classifier of dense probability vectors. */
public final class Stacking {
  private Stacking() {}

  /** Fits a {@link Combiner} on out-of-fold base probabilities. */
  public interface MetaLearner {
    /**
     * @param z per training sentence the base learners' probabilities, concatenated
     * @param y per training sentence its label
     * @param numLabels the labels (some may have no sentence)
     */
    Combiner fit(double[][] z, int[] y, int numLabels);

    /** Its settings, as hyperparameters write them. */
    String describe();
  }

  /** A fitted meta-learner: concatenated base probabilities to label probabilities. Serialised in model files. */
  public interface Combiner extends Serializable {
    /** Probabilities of every label (summing to 1). */
    double[] apply(double[] z);
  }
}
