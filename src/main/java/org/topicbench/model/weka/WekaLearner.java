package org.topicbench.model.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SequencedMap;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.Prediction;
import org.topicbench.model.Preprocessing;
import org.topicbench.model.VectorClassifier;
import org.topicbench.model.VectorData;
import org.topicbench.model.VectorLearner;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;

/**
 * A Weka classifier behind our {@link VectorLearner} pipeline: the training fold becomes
 * {@link WekaInstances} (class weights as instance weights), the classifier is built, and
 * predictions are Weka's {@code distributionForInstance} with the label its first maximum.
 *
 * <p>Hyperparameters end with {@code weka_class} and {@code weka_options} (the classifier's full option
 * string as Weka prints it, without its seed option when it has one: the seed comes from each fit).
 * Use {@link WekaLearners} for the configured learners.
 */
public final class WekaLearner extends VectorLearner {
  static {
    WekaRuntime.init();
  }

  /** Makes a configured classifier; {@code seed} goes to the classifier's own seed option, if any. */
  @FunctionalInterface
  public interface Factory {
    Classifier create(int seed);
  }

  private final Factory factory;
  private final SequencedMap<String, String> settings;
  private final String seedOption;
  private final boolean dense;

  /**
   * @param name the learner's stable name
   * @param preprocessing the shared pipeline settings
   * @param dense hand Weka dense rows instead of sparse ones
   * @param settings the settings we choose, as they should appear in hyperparameters
   * @param seedOption the classifier's seed flag (e.g. {@code -S}), or {@code null} if it has none
   * @param factory makes the classifier
   */
  public WekaLearner(
      String name,
      Preprocessing preprocessing,
      boolean dense,
      SequencedMap<String, String> settings,
      String seedOption,
      Factory factory) {
    super(name, preprocessing, factory.create(1) instanceof WeightedInstancesHandler);
    this.factory = factory;
    this.settings = new java.util.LinkedHashMap<>(settings);
    this.seedOption = seedOption;
    this.dense = dense;
  }

  /**
   * The same learner with other preprocessing (for example, class weights switched off); with extra
   * features its name gets their suffix.
   */
  public WekaLearner withPreprocessing(Preprocessing other) {
    return new WekaLearner(baseName(), other, dense, settings, seedOption, factory);
  }

  /** Whether Weka gets dense rows. */
  public boolean dense() {
    return dense;
  }

  @Override
  protected void describe(SequencedMap<String, String> out) {
    out.put("instances", dense ? "dense" : "sparse");
    out.putAll(settings);
    Classifier c = factory.create(1);
    out.put("weka_class", c.getClass().getName());
    out.put("weka_options", c instanceof OptionHandler h ? options(h.getOptions()) : "");
  }

  private String options(String[] options) {
    List<String> kept = new ArrayList<>(Arrays.asList(options));
    if (seedOption != null) {
      int i = kept.indexOf(seedOption);
      if (i >= 0 && i + 1 < kept.size()) {
        kept.subList(i, i + 2).clear();
      }
    }
    return Utils.joinOptions(kept.toArray(String[]::new));
  }

  /** Weka seeds are ints: the long seed folded to 32 bits. */
  static int wekaSeed(long seed) {
    return Long.hashCode(seed);
  }

  @Override
  protected VectorClassifier train(VectorData data, long seed) {
    Instances train = WekaInstances.of(name(), data.x(), data.y(), data.classes(), data.dimension(), data.weights(), dense);
    Classifier classifier = factory.create(wekaSeed(seed));
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
      return AbstractClassifier.makeCopy(factory.create(wekaSeed(seed)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
