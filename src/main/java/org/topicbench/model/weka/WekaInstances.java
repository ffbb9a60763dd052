package org.topicbench.model.weka;

import java.util.ArrayList;
import java.util.List;
import org.topicbench.feature.SparseVector;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;
import weka.core.Utils;

/**
 * Builds Weka {@link Instances} from our sparse vectors: numeric attributes {@code f0 .. f(p-1)}, one
 * per feature, then a nominal class attribute (the last) over the given class names. Rows are
 * {@link SparseInstance}s, or {@link DenseInstance}s when asked (faster for tree learners on a few
 * hundred selected features, whose splits read every attribute value).
 */
public final class WekaInstances {
  /** Name of the class attribute. */
  public static final String CLASS = "_class";

  private WekaInstances() {}

  /** An empty dataset with {@code dimension} numeric attributes and the class last. */
  public static Instances header(String relation, int dimension, List<String> classNames) {
    ArrayList<Attribute> attributes = new ArrayList<>(dimension + 1);
    for (int j = 0; j < dimension; j++) {
      attributes.add(new Attribute("f" + j));
    }
    attributes.add(new Attribute(CLASS, new ArrayList<>(classNames)));
    Instances data = new Instances(relation, attributes, 0);
    data.setClassIndex(dimension);
    return data;
  }

  /**
   * A dataset of {@code x} with classes {@code y} (indices into {@code classNames}) and per-row
   * weights ({@code null} for all 1).
   */
  public static Instances of(
      String relation,
      List<SparseVector> x,
      int[] y,
      List<String> classNames,
      int dimension,
      double[] weights,
      boolean dense) {
    Instances data = new Instances(header(relation, dimension, classNames), x.size());
    for (int i = 0; i < x.size(); i++) {
      data.add(row(x.get(i), y[i], weights == null ? 1.0 : weights[i], dimension, dense));
    }
    return data;
  }

  /** A row for prediction: class missing, attached to {@code header}. */
  public static Instance unlabelled(SparseVector v, Instances header, boolean dense) {
    Instance row = row(v, -1, 1.0, header.classIndex(), dense);
    row.setDataset(header);
    return row;
  }

  private static Instance row(SparseVector v, int y, double weight, int dimension, boolean dense) {
    if (dense) {
      double[] values = new double[dimension + 1];
      for (int j = 0; j < v.size(); j++) {
        if (v.indices()[j] >= dimension) {
          throw new IllegalArgumentException("feature index " + v.indices()[j] + " must be < dimension " + dimension);
        }
        values[v.indices()[j]] = v.values()[j];
      }
      values[dimension] = y < 0 ? Utils.missingValue() : y;
      return new DenseInstance(weight, values);
    }
    int n = v.size();
    int[] indices = new int[n + 1];
    double[] values = new double[n + 1];
    System.arraycopy(v.indices(), 0, indices, 0, n);
    System.arraycopy(v.values(), 0, values, 0, n);
    if (n > 0 && indices[n - 1] >= dimension) {
      throw new IllegalArgumentException("feature index " + indices[n - 1] + " must be < dimension " + dimension);
    }
    indices[n] = dimension;
    values[n] = y < 0 ? Utils.missingValue() : y;
    return new SparseInstance(weight, values, indices, dimension + 1);
  }
}
