package org.topicbench.model;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.feature.SparseVector;
import org.topicbench.feature.Vectorizer;

/**
 * The model a {@link VectorLearner} fits: vectorizer, feature selection, normalisation, extra features,
 * the algorithm's {@link VectorClassifier} and the map from the classes present in training back to all
 * labels.
 *
 * <p><b>Serialised form</b> (for {@link ModelFile}). The {@link Vectorizer} and its {@link FeatureConfig}
 * belong to the feature package, which keeps its internals to itself and is not {@link Serializable}; so
 * the model is written as a {@link Form}: the feature configuration by its description (as in the
 * learner's hyperparameters, {@link FeatureSpec#describe}), the sentences the vectorizer was fitted on, and
 * everything else as fitted (the selector, the classifier, which must then be {@link Serializable}).
 * Reading it back parses the feature configuration from that description and fits the vectorizer again
 * on the same sentences; fitting is deterministic, so the features, and the predictions, are the same.
 */
final class VectorModel implements TrainedModel, Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final String learner;
  private final List<String> labelNames;
  private final FeatureConfig features;
  private final List<String> vectorizerTexts;
  private final Vectorizer vectorizer;
  private final FeatureSelection.Selector selector;
  private final boolean l2Normalize;
  private final ExtraFeatures extras;
  private final EmbeddingFeatures embedding;
  private final boolean text;
  private final int[] toFull;
  private final VectorClassifier classifier;

  /**
   * @param learner the learner's name
   * @param labelNames every label, in index order
   * @param vectorizerTexts the sentences {@code vectorizer} was fitted on (kept for the serialised form)
   * @param vectorizer the fitted vectorizer
   * @param selector the fitted feature selection
   * @param l2Normalize whether selected vectors are scaled to unit length
   * @param extras features appended after selection and normalisation
   * @param embedding sentence embeddings appended after the extras
   * @param text whether the text features are used
   * @param toFull label index of each class the classifier knows
   * @param classifier the fitted algorithm
   */
  VectorModel(
      String learner,
      List<String> labelNames,
      List<String> vectorizerTexts,
      Vectorizer vectorizer,
      FeatureSelection.Selector selector,
      boolean l2Normalize,
      ExtraFeatures extras,
      EmbeddingFeatures embedding,
      boolean text,
      int[] toFull,
      VectorClassifier classifier) {
    this.learner = learner;
    this.labelNames = List.copyOf(labelNames);
    this.features = vectorizer.config();
    this.vectorizerTexts = vectorizerTexts;
    this.vectorizer = vectorizer;
    this.selector = selector;
    this.l2Normalize = l2Normalize;
    this.extras = extras;
    this.embedding = embedding;
    this.text = text;
    this.toFull = toFull.clone();
    this.classifier = classifier;
  }

  /** The name of the learner that fitted it. */
  String learner() {
    return learner;
  }

  @Override
  public List<String> labelNames() {
    return labelNames;
  }

  /** The vector the classifier sees for {@code text}. */
  SparseVector vector(String text) {
    return vector(text, embedding == EmbeddingFeatures.NONE ? null : embedding.encoder().encode(List.of(text))[0]);
  }

  private SparseVector vector(String sentence, float[] embedded) {
    SparseVector v = VectorLearner.EMPTY;
    if (text) {
      v = selector.apply(vectorizer.transform(sentence)); // a new vector, ours alone
      if (l2Normalize) {
        v = VectorLearner.l2NormalizeOwned(v);
      }
    }
    int textDimension = text ? selector.dimension() : 0;
    v = extras.append(v, textDimension, sentence);
    return EmbeddingFeatures.append(v, textDimension + extras.dimension(), embedded);
  }

  /** Embeds every text in one batch first (each distinct sentence once), then predicts each. */
  @Override
  public Prediction[] predictAll(List<String> texts) {
    if (embedding == EmbeddingFeatures.NONE) {
      return TrainedModel.super.predictAll(texts);
    }
    float[][] e = embedding.encoder().encode(texts);
    Prediction[] out = new Prediction[texts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = finish(classifier.predict(vector(texts.get(i), e[i])));
    }
    return out;
  }

  @Override
  public Prediction predict(String text) {
    return finish(classifier.predict(vector(text)));
  }

  /** The classifier's prediction over its present classes, as one over every label. */
  private Prediction finish(Prediction p) {
    if (p.label() < 0 || p.label() >= toFull.length) {
      throw new IllegalStateException(learner + " predicted class index " + p.label() + ", expected [0, " + toFull.length + ")");
    }
    if (p.probabilities() == null) {
      return new Prediction(toFull[p.label()], null);
    }
    double sum = 0;
    for (double q : p.probabilities()) {
      sum += q;
    }
    if (!(sum > 0) || Double.isInfinite(sum)) {
      throw new IllegalStateException(learner + " gave probabilities that do not sum to a positive number: " + sum);
    }
    double[] full = new double[labelNames.size()];
    for (int c = 0; c < toFull.length; c++) {
      full[toFull[c]] = p.probabilities()[c] / sum;
    }
    return new Prediction(toFull[p.label()], full);
  }

  @Serial
  private Object writeReplace() {
    return new Form(
        learner,
        labelNames.toArray(String[]::new),
        VectorLearner.featuresDescription(features),
        vectorizerTexts.toArray(String[]::new),
        selector,
        l2Normalize,
        extras,
        embedding == EmbeddingFeatures.NONE ? null : embedding,
        !text,
        toFull,
        classifier);
  }

  @Serial
  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a VectorModel is read through its serialised form only");
  }

  /** The feature configuration with this description ({@link FeatureSpec#describe}), or null. */
  static FeatureConfig knownFeatures(String description) {
    try {
      return FeatureSpec.parseConfig(description);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The serialised form; see the class comment. */
  private record Form(
      String learner,
      String[] labelNames,
      String features,
      String[] vectorizerTexts,
      FeatureSelection.Selector selector,
      boolean l2Normalize,
      ExtraFeatures extras,
      EmbeddingFeatures embedding, // null: none (files written before embeddings existed have none)
      boolean noText, // false: text features used (as in files written before this field existed)
      int[] toFull,
      VectorClassifier classifier)
      implements Serializable {
    @Serial
    private Object readResolve() throws InvalidObjectException {
      if (learner == null || labelNames == null || features == null || vectorizerTexts == null || selector == null
          || extras == null || toFull == null || classifier == null) {
        throw new InvalidObjectException("incomplete vector model");
      }
      for (int c : toFull) {
        if (c < 0 || c >= labelNames.length) {
          throw new InvalidObjectException("class index " + c + " outside the " + labelNames.length + " labels");
        }
      }
      FeatureConfig config = knownFeatures(features);
      if (config == null) {
        throw new InvalidObjectException(
            "its feature configuration is unknown to this topicbench (" + features + "); retrain the model");
      }
      List<String> texts = Arrays.asList(vectorizerTexts);
      Vectorizer vectorizer = Vectorizer.fit(config, texts);
      if (vectorizer.dimension() != selector.inputDimension()) {
        throw new InvalidObjectException(
            "the refitted vectorizer has " + vectorizer.dimension() + " features, the selector expects "
                + selector.inputDimension() + "; retrain the model");
      }
      return new VectorModel(learner, List.of(labelNames), List.copyOf(texts), vectorizer, selector, l2Normalize, extras,
          embedding == null ? EmbeddingFeatures.NONE : embedding, !noText, toFull, classifier);
    }
  }
}
