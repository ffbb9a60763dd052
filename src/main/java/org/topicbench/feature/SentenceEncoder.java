package org.topicbench.feature;

import java.util.List;

/**
 * A pretrained sentence encoder: text to a dense vector. Not fitted on the data, so an encoder is shared
 * by every fold and learner of a run; implementations cache each distinct text's vector (keyed by the
 * text, one cache per encoder, that is per model) and embed what is missing in batches. Thread-safe.
 */
public interface SentenceEncoder {
  /** Its name in specs, e.g. {@code all-minilm-l6-v2}. */
  String id();

  /** The model, as provenance records it (name and where it comes from). */
  String model();

  /** SHA-256 (hex) of the model file. */
  String sha256();

  /** Length of every vector. */
  int dimension();

  /** The vectors of {@code texts} (unit length), in order; cached vectors are shared, do not modify them. */
  float[][] encode(List<String> texts);

  /** The vectors of {@code texts}, computed now, bypassing the cache (what a throughput benchmark measures). */
  float[][] encodeUncached(List<String> texts);
}
