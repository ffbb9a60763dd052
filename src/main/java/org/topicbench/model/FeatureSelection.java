package org.topicbench.model;

import java.util.Arrays;
import java.util.List;
import org.topicbench.feature.SparseVector;

/**
 * Feature selection fitted inside the training fold, for learners that need few (dense) features or
 * are slow on the full sparse vocabulary. Immutable.
 *
 * <p>{@link Method#CHI2} keeps the {@code k} features with the largest chi-square statistic between
 * "the feature occurs in the sentence" and "the sentence has class c", maximised over the classes
 * (Yang and Pedersen 1997, chi-square with the max over categories). Ties keep the lower feature index,
 * so selection is deterministic.
 *
 * @param method how features are chosen
 * @param k how many features are kept ({@code 0} for {@link Method#NONE})
 */
public record FeatureSelection(Method method, int k) {
  /** Selection methods. */
  public enum Method {
    /** Keep every feature. */
    NONE,
    /** Top {@code k} by chi-square statistic, max over classes. */
    CHI2
  }

  /** Keeps every feature. */
  public static final FeatureSelection NONE = new FeatureSelection(Method.NONE, 0);

  public FeatureSelection {
    if (method == null) {
      throw new IllegalArgumentException("method must not be null");
    }
    if (method == Method.NONE && k != 0) {
      throw new IllegalArgumentException("k must be 0 when method is NONE, got " + k);
    }
    if (method != Method.NONE && k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }

  /** The top {@code k} features by chi-square. */
  public static FeatureSelection chiSquare(int k) {
    return new FeatureSelection(Method.CHI2, k);
  }

  /** As written in hyperparameters: {@code none} or {@code chi2 top 300}. */
  public String describe() {
    return method == Method.NONE ? "none" : "chi2 top " + k;
  }

  /**
   * Chooses features on training vectors.
   *
   * @param x training vectors
   * @param y class of each vector, in {@code [0, numClasses)}
   * @param numClasses number of classes
   * @param dimension number of features of {@code x}
   */
  public Selector fit(List<SparseVector> x, int[] y, int numClasses, int dimension) {
    if (method == Method.NONE || k >= dimension) {
      return Selector.identity(dimension);
    }
    double[] score = chiSquareScores(x, y, numClasses, dimension);
    Integer[] order = new Integer[dimension];
    for (int f = 0; f < dimension; f++) {
      order[f] = f;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(score[b], score[a]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    int[] kept = new int[k];
    for (int i = 0; i < k; i++) {
      kept[i] = order[i];
    }
    Arrays.sort(kept);
    return Selector.of(kept, dimension);
  }

  /** Chi-square of each feature's occurrence against each class, maximised over classes. */
  static double[] chiSquareScores(List<SparseVector> x, int[] y, int numClasses, int dimension) {
    int n = x.size();
    int[][] occurs = new int[numClasses][dimension];
    int[] df = new int[dimension];
    int[] classSize = new int[numClasses];
    for (int i = 0; i < n; i++) {
      classSize[y[i]]++;
      SparseVector v = x.get(i);
      for (int j = 0; j < v.size(); j++) {
        if (v.values()[j] != 0) {
          occurs[y[i]][v.indices()[j]]++;
          df[v.indices()[j]]++;
        }
      }
    }
    double[] score = new double[dimension];
    for (int f = 0; f < dimension; f++) {
      double best = 0;
      for (int c = 0; c < numClasses; c++) {
        double a = occurs[c][f]; // in class, has feature
        double b = df[f] - a; // other classes, has feature
        double cc = classSize[c] - a; // in class, lacks feature
        double d = n - classSize[c] - b; // other classes, lack feature
        double denominator = (a + b) * (cc + d) * (a + cc) * (b + d);
        if (denominator > 0) {
          double diff = a * d - b * cc;
          best = Math.max(best, n * diff * diff / denominator);
        }
      }
      score[f] = best;
    }
    return score;
  }

  /**
   * Maps full feature vectors onto the selected features. Immutable and thread-safe; serializable (the
   * map itself), so that {@link ModelFile}s can hold it.
   */
  public static final class Selector implements java.io.Serializable {
    @java.io.Serial private static final long serialVersionUID = 1L;

    private final int[] newIndex;
    private final int dimension;
    private final int inputDimension;
    private final boolean identity;

    private Selector(int[] newIndex, int dimension, int inputDimension, boolean identity) {
      this.newIndex = newIndex;
      this.dimension = dimension;
      this.inputDimension = inputDimension;
      this.identity = identity;
    }

    static Selector identity(int dimension) {
      return new Selector(null, dimension, dimension, true);
    }

    static Selector of(int[] kept, int fullDimension) {
      int[] newIndex = new int[fullDimension];
      Arrays.fill(newIndex, -1);
      for (int i = 0; i < kept.length; i++) {
        newIndex[kept[i]] = i;
      }
      return new Selector(newIndex, kept.length, fullDimension, false);
    }

    /** Number of features after selection. */
    public int dimension() {
      return dimension;
    }

    /** Number of features of the vectors it was fitted on. */
    public int inputDimension() {
      return inputDimension;
    }

    @java.io.Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
      in.defaultReadObject();
      boolean valid = dimension >= 0 && inputDimension >= 0
          && (identity ? newIndex == null && dimension == inputDimension
              : newIndex != null && newIndex.length == inputDimension);
      if (valid && !identity) {
        for (int to : newIndex) {
          valid &= to >= -1 && to < dimension;
        }
      }
      if (!valid) {
        throw new java.io.InvalidObjectException("inconsistent feature selector");
      }
    }

    /** {@code v} restricted to the selected features, re-indexed (order is kept). */
    public SparseVector apply(SparseVector v) {
      if (identity) {
        return v;
      }
      int[] in = v.indices();
      int kept = 0;
      for (int f : in) {
        kept += f < newIndex.length && newIndex[f] >= 0 ? 1 : 0;
      }
      int[] idx = new int[kept];
      double[] val = new double[kept];
      int m = 0;
      for (int j = 0; j < in.length && m < kept; j++) {
        int f = in[j];
        int to = f < newIndex.length ? newIndex[f] : -1;
        if (to >= 0) {
          idx[m] = to;
          val[m++] = v.values()[j];
        }
      }
      return new SparseVector(idx, val);
    }
  }
}
