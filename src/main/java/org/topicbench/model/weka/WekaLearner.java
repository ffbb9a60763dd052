package org.topicbench.model.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SequencedMap;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.Prediction;
import org.topicbench.model.Preprocessing;
import org.topicbench.model.SpecTokens;
import org.topicbench.model.VectorClassifier;
import org.topicbench.model.VectorData;
import org.topicbench.model.VectorLearner;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Randomizable;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;

/**
 * A Weka classifier behind our {@link VectorLearner} pipeline: the training fold becomes
 * {@link WekaInstances} (class weights as instance weights), the classifier is built, and
 * predictions are Weka's {@code distributionForInstance} with the label its first maximum.
 *
 * <p>The classifier is any Weka classifier on the class path, by class name and Weka's own options
 * ({@link WekaLearners#fromSpec}). Every fit makes a new instance, sets the options, and sets its seed from
 * the fit's seed when it has one ({@link Randomizable}, or a {@code setRandomSeed(int)} method as SMO has):
 * a seed option in the options is overridden, so that seeds always derive from the run's seed.
 *
 * <p>Hyperparameters end with {@code instances} ({@code sparse} or {@code dense}), {@code weka_class} and
 * {@code weka_options} (the classifier's full option string as Weka gives it back, without its seed
 * option).
 */
public final class WekaLearner extends VectorLearner {
  static {
    WekaRuntime.init();
  }

  private final String className;
  private final List<String> options;
  private final boolean dense;

  /**
   * @param name the learner's name
   * @param preprocessing the shared pipeline settings
   * @param dense hand Weka dense rows instead of sparse ones
   * @param className the classifier's class, already checked by {@link WekaLearners#fromSpec}
   * @param options its options, already accepted by it
   */
  WekaLearner(String name, Preprocessing preprocessing, boolean dense, String className, List<String> options) {
    super(name, preprocessing, WekaLearners.instantiate(className) instanceof WeightedInstancesHandler);
    this.className = className;
    this.options = List.copyOf(options);
    this.dense = dense;
  }

  /** Whether Weka gets dense rows. */
  public boolean dense() {
    return dense;
  }

  /** The classifier's class name. */
  public String className() {
    return className;
  }

  /** The options as given (the seed option, if any, included as given). */
  public List<String> options() {
    return options;
  }

  /** The classifier's options as it gives them back, without its seed option (seeds come from each fit). */
  public List<String> effectiveOptions() {
    Classifier a = create(1);
    if (!(a instanceof OptionHandler ha)) {
      return List.of();
    }
    List<String> one = Arrays.asList(ha.getOptions());
    List<String> two = Arrays.asList(((OptionHandler) create(2)).getOptions());
    List<String> kept = new ArrayList<>(one);
    if (one.size() == two.size()) {
      for (int i = one.size() - 1; i >= 1; i--) {
        if (!one.get(i).equals(two.get(i)) && one.get(i - 1).startsWith("-")) {
          kept.subList(i - 1, i + 1).clear();
          break;
        }
      }
    }
    return kept;
  }

  @Override
  protected void describe(SequencedMap<String, String> out) {
    out.put("instances", dense ? "dense" : "sparse");
    out.put("weka_class", className);
    out.put("weka_options", SpecTokens.join(effectiveOptions()));
  }

  /** A configured classifier with the given Weka seed. */
  Classifier create(int seed) {
    Classifier c = WekaLearners.configured(className, options);
    WekaLearners.seed(c, seed);
    return c;
  }

  /** Weka seeds are ints: the long seed folded to 32 bits. */
  static int wekaSeed(long seed) {
    return Long.hashCode(seed);
  }

  @Override
  protected VectorClassifier train(VectorData data, long seed) {
    Instances train = WekaInstances.of(name(), data.x(), data.y(), data.classes(), data.dimension(), data.weights(), dense);
    Classifier classifier = create(wekaSeed(seed));
    try {
      classifier.buildClassifier(train);
    } catch (Exception e) {
      throw new IllegalStateException(name() + ": Weka could not build " + classifier.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    return new Fitted(name(), classifier, new Instances(train, 0), dense);
  }

  /**
   * A built Weka classifier with the (empty) header of its training data.
   *
   * @param learner the learner's name, for messages
   * @param classifier the built classifier
   * @param header the training data's attributes, no rows
   * @param dense whether rows are dense
   */
  record Fitted(String learner, Classifier classifier, Instances header, boolean dense)
      implements VectorClassifier, Serializable {
    Fitted {
      if (learner == null || classifier == null || header == null || header.classIndex() < 0) {
        throw new IllegalArgumentException("a fitted Weka classifier needs a name, a classifier and a header with a class");
      }
    }

    @Override
    public Prediction predict(SparseVector v) {
      Instance row = WekaInstances.unlabelled(v, header, dense);
      double[] dist;
      try {
        dist = classifier.distributionForInstance(row);
      } catch (Exception e) {
        throw new IllegalStateException(learner + ": Weka could not classify: " + e.getMessage(), e);
      }
      return new Prediction(Utils.maxIndex(dist), dist);
    }
  }

  /** A copy of a configured classifier, for tests that run Weka's own tools on it. */
  public Classifier newClassifier(long seed) {
    try {
      return AbstractClassifier.makeCopy(create(wekaSeed(seed)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
