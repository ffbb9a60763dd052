package org.topicbench.model;

import org.topicbench.feature.FeatureConfig;

/**
 * What a {@link VectorLearner} does to the training fold before its algorithm sees it. Immutable.
 *
 * @param features how sentences become vectors (fitted on the training fold only)
 * @param selection feature selection, also fitted on the training fold only
 * @param l2Normalize scale every vector (after selection) to unit Euclidean length
 * @param classWeights per-example weights by class (only for learners that accept weights)
 * @param extras features appended after selection and normalisation ({@link ExtraFeatures#NONE}: none)
 * @param embedding pretrained sentence embeddings appended after the extras ({@link EmbeddingFeatures#NONE}: none)
 * @param text whether the text features (n-grams, fitted on the training fold) are used at all; without
 *     them a sentence is its extras and embedding only
 */
public record Preprocessing(
    FeatureConfig features,
    FeatureSelection selection,
    boolean l2Normalize,
    ClassWeights classWeights,
    ExtraFeatures extras,
    EmbeddingFeatures embedding,
    boolean text) {
  public Preprocessing {
    if (features == null) {
      throw new IllegalArgumentException("features must not be null");
    }
    if (selection == null) {
      throw new IllegalArgumentException("selection must not be null");
    }
    if (classWeights == null) {
      throw new IllegalArgumentException("classWeights must not be null");
    }
    if (extras == null) {
      throw new IllegalArgumentException("extras must not be null");
    }
    if (embedding == null) {
      throw new IllegalArgumentException("embedding must not be null");
    }
    if (!text && extras == ExtraFeatures.NONE && embedding == EmbeddingFeatures.NONE) {
      throw new IllegalArgumentException("features.text=false leaves no features: add features.embedding or"
          + " features.extras");
    }
  }

  /** Text features, no embeddings. */
  public Preprocessing(FeatureConfig features, FeatureSelection selection, boolean l2Normalize, ClassWeights classWeights,
      ExtraFeatures extras) {
    this(features, selection, l2Normalize, classWeights, extras, EmbeddingFeatures.NONE, true);
  }

  /** Without extra features. */
  public Preprocessing(FeatureConfig features, FeatureSelection selection, boolean l2Normalize, ClassWeights classWeights) {
    this(features, selection, l2Normalize, classWeights, ExtraFeatures.NONE);
  }

  /** {@code features}, no selection, no normalisation, unweighted, no extra features. */
  public static Preprocessing of(FeatureConfig features) {
    return new Preprocessing(features, FeatureSelection.NONE, false, ClassWeights.NONE, ExtraFeatures.NONE);
  }

  public Preprocessing withSelection(FeatureSelection s) {
    return new Preprocessing(features, s, l2Normalize, classWeights, extras, embedding, text);
  }

  public Preprocessing withL2Normalize(boolean on) {
    return new Preprocessing(features, selection, on, classWeights, extras, embedding, text);
  }

  public Preprocessing withClassWeights(ClassWeights w) {
    return new Preprocessing(features, selection, l2Normalize, w, extras, embedding, text);
  }

  public Preprocessing withExtras(ExtraFeatures e) {
    return new Preprocessing(features, selection, l2Normalize, classWeights, e, embedding, text);
  }

  public Preprocessing withEmbedding(EmbeddingFeatures e, boolean withText) {
    return new Preprocessing(features, selection, l2Normalize, classWeights, extras, e, withText);
  }
}
