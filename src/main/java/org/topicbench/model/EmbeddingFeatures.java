package org.topicbench.model;

import java.util.List;
import org.topicbench.feature.SentenceEncoder;
import org.topicbench.feature.SparseVector;
import org.topicbench.feature.minilm.MiniLmEncoder;

/**
 * Pretrained sentence embeddings a {@link VectorLearner} can append to each sentence's vector, after the
 * text features and the {@link ExtraFeatures}: a dense block of the encoder's dimensions (unit length).
 * The encoder is pretrained, not fitted, so its vectors are computed once per distinct sentence and run
 * and shared by every fold and learner ({@link SentenceEncoder}).
 */
public enum EmbeddingFeatures {
  /** No embeddings. */
  NONE,
  /** all-MiniLM-L6-v2, 384 dimensions ({@link MiniLmEncoder#get()}). */
  MINILM,
  /** all-MiniLM-L6-v2 quantised to 8 bits, 384 dimensions ({@link MiniLmEncoder#quantized()}). */
  MINILM_Q;

  /** As specs write it. */
  public String id() {
    return switch (this) {
      case NONE -> "none";
      case MINILM -> MiniLmEncoder.ID;
      case MINILM_Q -> MiniLmEncoder.QUANTIZED_ID;
    };
  }

  /** The ids specs accept. */
  static final List<String> IDS = List.of("none", MiniLmEncoder.ID, MiniLmEncoder.QUANTIZED_ID);

  /** The embedding called {@code id}. */
  static EmbeddingFeatures of(String id) {
    for (EmbeddingFeatures e : values()) {
      if (e.id().equals(id)) {
        return e;
      }
    }
    return NONE;
  }

  /** The encoder (null for {@code NONE}). */
  public SentenceEncoder encoder() {
    return switch (this) {
      case NONE -> null;
      case MINILM -> MiniLmEncoder.get();
      case MINILM_Q -> MiniLmEncoder.quantized();
    };
  }

  /** Appended dimensions. */
  public int dimension() {
    return this == NONE ? 0 : 384;
  }

  /** As hyperparameters record it: the model and the SHA-256 of its file. */
  public String describe() {
    if (this == NONE) {
      return "none";
    }
    SentenceEncoder e = encoder();
    return e.id() + ": " + e.model() + ", " + e.dimension() + " dimensions, sha256 " + e.sha256();
  }

  /** {@code v} (of dimension {@code offset}) with the dense block {@code e} appended. */
  static SparseVector append(SparseVector v, int offset, float[] e) {
    if (e == null) {
      return v;
    }
    int n = v.size() + e.length;
    int[] idx = new int[n];
    double[] val = new double[n];
    System.arraycopy(v.indices(), 0, idx, 0, v.size());
    System.arraycopy(v.values(), 0, val, 0, v.size());
    int k = v.size();
    for (int i = 0; i < e.length; i++) {
      if (e[i] != 0) {
        idx[k] = offset + i;
        val[k++] = e[i];
      }
    }
    return k == n ? new SparseVector(idx, val)
        : new SparseVector(java.util.Arrays.copyOf(idx, k), java.util.Arrays.copyOf(val, k));
  }
}
