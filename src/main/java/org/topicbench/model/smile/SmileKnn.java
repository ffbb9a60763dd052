package org.topicbench.model.smile;

import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.SequencedMap;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.CosineIndex;
import org.topicbench.model.Prediction;
import org.topicbench.model.Preprocessing;
import org.topicbench.model.VectorClassifier;
import org.topicbench.model.VectorData;
import org.topicbench.model.VectorLearner;

/**
 * Smile's k-nearest-neighbour classifier ({@code smile.classification.KNN}) as this learner used it:
 * majority vote of the {@code k} nearest training sentences by cosine distance ({@code 1 - x.y} on
 * L2-normalised tf-idf vectors), the lowest class on a tie; probabilities are the vote shares. {@code k}
 * is capped at the training-set size. The neighbours come from an exact inverted index ({@link
 * CosineIndex}) instead of Smile's linear search over every training vector, and the vote is Smile's,
 * written out (so this class no longer calls Smile): the same neighbours and the same votes, so the same
 * predictions (SmileKnnTest checks them against Smile's own KNN), at the cost of the postings of the
 * sentence's features instead of the whole training set.
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
   * The fitted classifier: the {@code k} nearest training vectors by {@code 1 - x.q}, found through a
   * {@link CosineIndex} (exact: the neighbours Smile's {@link smile.classification.KNN} finds by its linear
   * search, ties by lower index), and Smile's vote: the class with the most neighbours, the lowest class
   * on a tie; probabilities the vote shares. Serialised as the training vectors (as arrays) and the
   * settings, the serial form of the Smile-backed version; the index is rebuilt when it is read.
   */
  static final class Classifier implements VectorClassifier, Serializable {
    @Serial private static final long serialVersionUID = 1L;

    private final int[][] indices;
    private final double[][] values;
    private final int[] y;
    private final int k;
    private final int m;
    private final transient CosineIndex index;

    Classifier(List<SparseVector> x, int[] y, int k, int m) {
      this(x.stream().map(SparseVector::indices).toArray(int[][]::new),
          x.stream().map(SparseVector::values).toArray(double[][]::new), y, k, m);
    }

    private Classifier(int[][] indices, double[][] values, int[] y, int k, int m) {
      if (indices.length != y.length) {
        throw new IllegalArgumentException(indices.length + " vectors but " + y.length + " labels");
      }
      if (k < 1 || k > y.length) {
        throw new IllegalArgumentException("k must be in [1, " + y.length + "], got " + k);
      }
      if (m < 2 || m > y.length) {
        throw new IllegalArgumentException(m + " classes for " + y.length + " training vectors");
      }
      boolean[] present = new boolean[m];
      int classes = 0;
      for (int c : y) {
        if (c < 0 || c >= m) {
          throw new IllegalArgumentException("label " + c + " outside [0, " + m + ")");
        }
        if (!present[c]) {
          present[c] = true;
          classes++;
        }
      }
      if (classes != m) {
        throw new IllegalArgumentException(m + " classes but " + classes + " with a training vector");
      }
      this.indices = indices;
      this.values = values;
      this.y = y;
      this.k = k;
      this.m = m;
      this.index = new CosineIndex(indices, values);
    }

    /** The training indices of the {@code k} nearest neighbours of {@code v}, nearest first. */
    int[] neighbours(SparseVector v) {
      return index.nearest(v.indices(), v.values(), k, null);
    }

    @Override
    public Prediction predict(SparseVector v) {
      int[] nn = neighbours(v);
      double[] p = new double[m];
      if (k == 1) {
        p[y[nn[0]]] = 1;
        return new Prediction(y[nn[0]], p);
      }
      int[] count = new int[m];
      for (int i : nn) {
        count[y[i]]++;
      }
      int label = 0; // Smile's MathEx.whichMax: the first maximum
      for (int c = 1; c < m; c++) {
        if (count[c] > count[label]) {
          label = c;
        }
      }
      for (int c = 0; c < m; c++) {
        p[c] = (double) count[c] / k;
      }
      return new Prediction(label, p);
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
      if (indices == null || values == null || y == null || indices.length != values.length) {
        throw new InvalidObjectException("inconsistent KNN classifier");
      }
      for (int i = 0; i < indices.length; i++) {
        if (indices[i] == null || values[i] == null) {
          throw new InvalidObjectException("inconsistent KNN classifier");
        }
      }
      try {
        return new Classifier(indices, values, y, k, m);
      } catch (IllegalArgumentException e) {
        throw new InvalidObjectException("inconsistent KNN classifier: " + e.getMessage());
      }
    }
  }
}
