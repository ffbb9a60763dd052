package org.topicbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.feature.SparseVector;
import org.topicbench.feature.Vectorizer;

/**
 * Base of the learners that work on feature vectors (every Smile and Weka learner). {@link #fit} runs
 * the shared pipeline on the training fold only: fit the {@link Vectorizer}, vectorise, fit the
 * {@link FeatureSelection}, optionally L2-normalise, compute class weights, then hand the vectors to
 * {@link #train}. Prediction applies the same fitted steps to the new sentence.
 *
 * <p>Classes without a training example in the fold (common for {@code partygate} when a whole
 * document is held out) are left out of what {@link #train} sees and get probability 0; a fold with a
 * single class gives a model that always predicts it.
 *
 * <p>Hyperparameters start with the preprocessing ({@code features}, {@code feature_selection},
 * {@code l2_normalize}, {@code class_weights}: {@code unsupported} when the algorithm takes no
 * weights; then {@code extra_features} only when there are some, see {@link ExtraFeatures}), followed by
 * the algorithm's own settings from {@link #describe}.
 *
 * <p>The fitted model can be saved in a {@link ModelFile} when the classifier {@link #train} returns is
 * {@link java.io.Serializable} (every learner topicbench registers); see {@link VectorModel}.
 */
public abstract class VectorLearner implements Learner {
  private final String baseName;
  private final String name;
  private final Preprocessing preprocessing;
  private final boolean supportsClassWeights;

  /**
   * @param name the learner's stable name without extra features; with extra features, {@link #name()} is
   *     this name, a dash and {@link ExtraFeatures#suffix()} (e.g. {@code weka.smo-cues})
   * @param preprocessing the pipeline settings
   * @param supportsClassWeights whether {@link #train} uses {@link VectorData#weights()}
   * @throws IllegalArgumentException if {@code preprocessing} asks for class weights and the learner
   *     does not support them
   */
  protected VectorLearner(String name, Preprocessing preprocessing, boolean supportsClassWeights) {
    if (preprocessing.classWeights() != ClassWeights.NONE && !supportsClassWeights) {
      throw new IllegalArgumentException(
          name + " does not support class weights, got classWeights=" + preprocessing.classWeights());
    }
    this.baseName = name;
    this.name = preprocessing.extras() == ExtraFeatures.NONE ? name : name + "-" + preprocessing.extras().suffix();
    this.preprocessing = preprocessing;
    this.supportsClassWeights = supportsClassWeights;
  }

  @Override
  public final String name() {
    return name;
  }

  /** The name without the extra-features suffix. */
  public final String baseName() {
    return baseName;
  }

  public final Preprocessing preprocessing() {
    return preprocessing;
  }

  /** Whether {@link #train} uses {@link VectorData#weights()}. */
  public final boolean supportsClassWeights() {
    return supportsClassWeights;
  }

  /** Appends the algorithm's own settings, in a fixed order, as strings. */
  protected abstract void describe(SequencedMap<String, String> out);

  /** Trains on vectors of at least two classes; {@code seed} is the only source of randomness. */
  protected abstract VectorClassifier train(VectorData data, long seed);

  @Override
  public final SequencedMap<String, String> hyperparameters() {
    SequencedMap<String, String> h = new LinkedHashMap<>();
    h.put("features", featuresDescription(preprocessing.features()));
    h.put("feature_selection", preprocessing.selection().describe());
    h.put("l2_normalize", Boolean.toString(preprocessing.l2Normalize()));
    h.put("class_weights", supportsClassWeights() ? preprocessing.classWeights().describe() : "unsupported");
    if (preprocessing.extras() != ExtraFeatures.NONE) {
      h.put("extra_features", preprocessing.extras().describe());
    }
    if (preprocessing.embedding() != EmbeddingFeatures.NONE) {
      h.put("embedding", preprocessing.embedding().describe());
    }
    if (!preprocessing.text()) {
      h.put("text_features", "none");
    }
    describe(h);
    return h;
  }

  /** The feature configuration as written in hyperparameters ({@link FeatureSpec#describe}). */
  static String featuresDescription(FeatureConfig features) {
    return FeatureSpec.describe(features);
  }

  /** The vector of no text features. */
  static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

  @Override
  public final TrainedModel fit(TrainingSet train, long seed) {
    if (train.size() == 0) {
      throw new IllegalArgumentException(name + ": the training set must not be empty");
    }
    int k = train.labelNames().size();
    int[] count = new int[k];
    for (int y : train.labels()) {
      count[y]++;
    }
    // present classes, in label order: toFull[c] is the label index of present class c
    int[] toPresent = new int[k];
    List<String> present = new ArrayList<>();
    int m = 0;
    int[] toFull = new int[k];
    for (int c = 0; c < k; c++) {
      toPresent[c] = count[c] > 0 ? m : -1;
      if (count[c] > 0) {
        toFull[m++] = c;
        present.add(train.labelNames().get(c));
      }
    }
    int[] y = new int[train.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = toPresent[train.labels()[i]];
    }

    Vectorizer vectorizer = Vectorizer.fit(preprocessing.features(), train.texts());
    List<SparseVector> raw = new ArrayList<>(train.size());
    for (String text : train.texts()) {
      raw.add(vectorizer.transform(text));
    }
    FeatureSelection.Selector selector = preprocessing.selection().fit(raw, y, m, vectorizer.dimension());
    ExtraFeatures extras = preprocessing.extras();
    EmbeddingFeatures embedding = preprocessing.embedding();
    boolean text = preprocessing.text();
    int textDimension = text ? selector.dimension() : 0;
    float[][] embedded = embedding == EmbeddingFeatures.NONE ? null : embedding.encoder().encode(train.texts());
    List<SparseVector> x = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      SparseVector v = text ? finish(selector.apply(raw.get(i))) : EMPTY;
      v = extras.append(v, textDimension, train.texts().get(i));
      x.add(EmbeddingFeatures.append(v, textDimension + extras.dimension(), embedded == null ? null : embedded[i]));
    }
    int dimension = textDimension + extras.dimension() + embedding.dimension();

    VectorClassifier classifier;
    if (m == 1) {
      classifier = new SingleClass();
    } else {
      double[] weights = null;
      if (supportsClassWeights() && preprocessing.classWeights() == ClassWeights.BALANCED) {
        weights = new double[y.length];
        for (int i = 0; i < y.length; i++) {
          weights[i] = (double) y.length / (m * count[toFull[y[i]]]);
        }
      }
      classifier = train(new VectorData(x, y, present, dimension, weights), seed);
    }
    return new VectorModel(
        name,
        train.labelNames(),
        train.texts(),
        vectorizer,
        selector,
        preprocessing.l2Normalize(),
        extras,
        embedding,
        text,
        Arrays.copyOf(toFull, m),
        classifier);
  }

  /** The classifier of a fold with one class: always that class. */
  private static final class SingleClass implements VectorClassifier, java.io.Serializable {
    @java.io.Serial private static final long serialVersionUID = 1L;

    @Override
    public Prediction predict(SparseVector x) {
      return new Prediction(0, new double[] {1.0});
    }
  }

  private SparseVector finish(SparseVector v) {
    return preprocessing.l2Normalize() ? l2Normalize(v) : v;
  }

  /** {@code v} scaled to unit Euclidean length ({@code v} itself when it is zero). */
  public static SparseVector l2Normalize(SparseVector v) {
    double norm = norm(v.values());
    if (norm == 0) {
      return v;
    }
    double[] out = new double[v.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = v.values()[j] / norm;
    }
    return new SparseVector(v.indices(), out);
  }

  /**
   * {@link #l2Normalize} of a vector nobody else holds, scaled in place (the same values to the bit):
   * for the prediction path, which owns the vector it has just built.
   */
  static SparseVector l2NormalizeOwned(SparseVector v) {
    double[] values = v.values();
    double norm = norm(values);
    for (int j = 0; norm != 0 && j < values.length; j++) {
      values[j] = values[j] / norm;
    }
    return v;
  }

  /** Euclidean length, 0 when every value is 0. */
  private static double norm(double[] values) {
    double sum = 0;
    for (double d : values) {
      sum += d * d;
    }
    return sum == 0 ? 0 : Math.sqrt(sum);
  }
}
