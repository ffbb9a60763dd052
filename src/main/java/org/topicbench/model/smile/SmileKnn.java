package org.topicbench.model.smile;

import java.util.SequencedMap;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.Prediction;
import org.topicbench.model.Preprocessing;
import org.topicbench.model.VectorClassifier;
import org.topicbench.model.VectorData;
import org.topicbench.model.VectorLearner;
import smile.classification.KNN;
import smile.math.distance.Distance;

/**
 * Smile's {@link KNN}: majority vote of the {@code k} nearest training sentences by cosine distance
 * ({@code 1 - x.y} on L2-normalised tf-idf vectors, searched linearly); probabilities are the vote
 * shares. {@code k} is capped at the training-set size.
 */
public final class SmileKnn extends VectorLearner {
  private final int k;

  /** Defaults: L2-normalised tf-idf 1–2-grams, k = 5. */
  public SmileKnn() {
    this(Preprocessing.of(FeatureConfig.DEFAULT).withL2Normalize(true), 5);
  }

  public SmileKnn(Preprocessing preprocessing, int k) {
    super("smile.knn", preprocessing, false);
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    this.k = k;
  }

  @Override
  protected void describe(SequencedMap<String, String> out) {
    out.put("k", Integer.toString(k));
    out.put("distance", "cosine");
    out.put("vote", "unweighted");
  }

  @Override
  protected VectorClassifier train(VectorData data, long seed) {
    int m = data.numClasses();
    SparseVector[] x = data.x().toArray(SparseVector[]::new);
    KNN<SparseVector> knn = KNN.fit(x, data.y(), Math.min(k, data.size()), new Cosine());
    return v -> {
      double[] p = new double[m];
      int label = knn.predict(v, p);
      return new Prediction(label, p);
    };
  }

  /**
   * {@code 1 - x.y}: the cosine distance of unit vectors. Not a metric, so Smile searches linearly.
   */
  private static final class Cosine implements Distance<SparseVector> {
    @Override
    public double d(SparseVector a, SparseVector b) {
      int[] ia = a.indices();
      int[] ib = b.indices();
      double dot = 0;
      int i = 0;
      int j = 0;
      while (i < ia.length && j < ib.length) {
        if (ia[i] == ib[j]) {
          dot += a.values()[i++] * b.values()[j++];
        } else if (ia[i] < ib[j]) {
          i++;
        } else {
          j++;
        }
      }
      return 1 - dot;
    }
  }
}
