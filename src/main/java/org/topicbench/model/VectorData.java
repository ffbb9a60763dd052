package org.topicbench.model;

import java.util.List;
import org.topicbench.feature.SparseVector;

/**
 * A training fold as vectors, handed to {@link VectorLearner#train}. Only classes with at least one
 * training example appear: {@code y} indexes {@code classes}, which holds at least two names.
 *
 * @param x the vectors (after feature selection and normalisation)
 * @param y class of each vector, an index into {@code classes}
 * @param classes the names of the classes present in the fold, in label order
 * @param dimension number of features
 * @param weights per-example weights, or {@code null} when unweighted
 */
public record VectorData(List<SparseVector> x, int[] y, List<String> classes, int dimension, double[] weights) {
  public VectorData {
    x = List.copyOf(x);
    classes = List.copyOf(classes);
  }

  public int size() {
    return y.length;
  }

  public int numClasses() {
    return classes.size();
  }

  /** The weight of example {@code i} (1 when unweighted). */
  public double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** Relative class frequencies in the fold (unweighted). */
  public double[] prior() {
    double[] p = new double[numClasses()];
    for (int c : y) {
      p[c]++;
    }
    for (int c = 0; c < p.length; c++) {
      p[c] /= y.length;
    }
    return p;
  }
}
