package org.topicbench.model;

import java.util.SequencedMap;

/**
 * A learning algorithm with fixed hyperparameters, from raw sentences to a {@link TrainedModel}.
 * Feature extraction is part of {@link #fit}: it is fitted on the training data it is given and
 * nothing else, so evaluation cannot leak test folds into features.
 *
 * <p>Implementations are immutable and thread-safe: {@code fit} may run on several folds at once.
 */
public interface Learner {
  /** Stable name used on the command line and in result files, e.g. {@code weka.smo}. */
  String name();

  /**
   * The full spec that builds this learner ({@link LearnerSpecs}), every setting written out; a learner
   * made in code (a test's, say) has its name.
   */
  default String spec() {
    return name();
  }

  /** Every hyperparameter, the feature configuration included, in a fixed order. */
  SequencedMap<String, String> hyperparameters();

  /** Trains on {@code train}; {@code seed} is the only source of randomness. */
  TrainedModel fit(TrainingSet train, long seed);

  /**
   * Whether a fit keeps every core busy by itself and holds a large multiple of its fold in memory (an
   * optimiser's history the size of the weights, say): an evaluation then runs its (learner, fold) tasks
   * alone, one at a time, rather than next to other folds. Says how, not what: results do not depend on it.
   */
  default boolean fitsAlone() {
    return false;
  }
}
