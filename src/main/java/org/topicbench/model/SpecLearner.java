package org.topicbench.model;

import java.util.SequencedMap;

/**
 * A learner made from a spec ({@link LearnerSpecs}): the learner the spec builds, under the name the spec
 * gives it, with its full spec (every setting written out, so that it builds the same learner again).
 */
public final class SpecLearner implements Learner {
  private final String name;
  private final String spec;
  private final Learner inner;

  SpecLearner(String name, String spec, Learner inner) {
    this.name = name;
    this.spec = spec;
    this.inner = inner;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String spec() {
    return spec;
  }

  /** The learner the spec built (a {@link VectorLearner}, a baseline). */
  public Learner inner() {
    return inner;
  }

  @Override
  public SequencedMap<String, String> hyperparameters() {
    return inner.hyperparameters();
  }

  @Override
  public TrainedModel fit(TrainingSet train, long seed) {
    return inner.fit(train, seed);
  }

  @Override
  public boolean fitsAlone() {
    return inner.fitsAlone();
  }

  @Override
  public String toString() {
    return name;
  }
}
