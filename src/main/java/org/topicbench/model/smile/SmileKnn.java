package org.topicbench.model.smile;

import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
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
    return new Classifier(data.x(), data.y(), Math.min(k, data.size()), data.numClasses());
  }

  /**
   * The fitted classifier. Serialised as the training vectors (as arrays) and the settings; Smile's
   * {@link KNN}, which only holds them for a linear search, is rebuilt when it is read.
   */
  static final class Classifier implements VectorClassifier, Serializable {
    @Serial private static final long serialVersionUID = 1L;

    private final int[][] indices;
    private final double[][] values;
    private final int[] y;
    private final int k;
    private final int m;
    private final transient KNN<SparseVector> knn;

    Classifier(List<SparseVector> x, int[] y, int k, int m) {
      this(x.stream().map(SparseVector::indices).toArray(int[][]::new),
          x.stream().map(SparseVector::values).toArray(double[][]::new), y, k, m);
    }

    private Classifier(int[][] indices, double[][] values, int[] y, int k, int m) {
      this.indices = indices;
      this.values = values;
      this.y = y;
      this.k = k;
      this.m = m;
      SparseVector[] x = new SparseVector[indices.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = new SparseVector(indices[i], values[i]);
      }
      this.knn = KNN.fit(x, y, k, new Cosine());
    }

    @Override
    public Prediction predict(SparseVector v) {
      double[] p = new double[m];
      int label = knn.predict(v, p);
      return new Prediction(label, p);
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
      if (indices == null || values == null || y == null || indices.length != values.length || indices.length != y.length
          || k < 1 || k > y.length || m < 2) {
        throw new InvalidObjectException("inconsistent KNN classifier");
      }
      try {
        return new Classifier(indices, values, y, k, m);
      } catch (IllegalArgumentException e) {
        throw new InvalidObjectException("inconsistent KNN classifier: " + e.getMessage());
      }
    }
  }

  /**
   * {@code 1 - x.y}: the cosine distance of unit vectors. Not a metric, so Smile searches linearly.
   */
  private static final class Cosine implements Distance<SparseVector> {
    @Serial private static final long serialVersionUID = 1L;

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
