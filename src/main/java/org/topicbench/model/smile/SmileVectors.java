package org.topicbench.model.smile;

import org.topicbench.feature.SparseVector;
import smile.util.SparseArray;

/** Conversions from our vectors to Smile's. */
final class SmileVectors {
  private SmileVectors() {}

  static SparseArray sparse(SparseVector v) {
    SparseArray a = new SparseArray(v.size());
    for (int j = 0; j < v.size(); j++) {
      a.append(v.indices()[j], v.values()[j]);
    }
    return a;
  }

  static double[] dense(SparseVector v, int dimension) {
    double[] d = new double[dimension];
    for (int j = 0; j < v.size(); j++) {
      d[v.indices()[j]] = v.values()[j];
    }
    return d;
  }
}
