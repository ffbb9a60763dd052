package org.topicbench.feature;

import java.util.Arrays;

/**
 * A sparse vector: strictly increasing indices and their non-zero values.
 *
 * @param indices feature indices, sorted ascending, no duplicates
 * @param values values, same length as {@code indices}
 */
public record SparseVector(int[] indices, double[] values) {
  public SparseVector {
    if (indices.length != values.length) {
      throw new IllegalArgumentException(
          "indices and values must have equal length, got " + indices.length + " and " + values.length);
    }
    for (int i = 1; i < indices.length; i++) {
      if (indices[i] <= indices[i - 1]) {
        throw new IllegalArgumentException(
            "indices must be strictly increasing, got " + indices[i - 1] + " then " + indices[i] + " at position " + i);
      }
    }
  }

  public int size() {
    return indices.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseVector v && Arrays.equals(indices, v.indices) && Arrays.equals(values, v.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < indices.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(indices[i]).append(':').append(values[i]);
    }
    return b.append('}').toString();
  }
}
