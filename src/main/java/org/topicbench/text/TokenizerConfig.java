package org.topicbench.text;

import java.util.Set;

/**
 * Immutable, thread-safe tokenizer configuration; {@link #newTokenizer()} makes cheap, single-threaded
 * {@link Tokenizer} instances from it.
 *
 * @param lowerCase lower-case terms with {@code Locale.ROOT} rules
 * @param minLength drop tokens shorter than this many chars
 * @param stopWords terms (after lower-casing, when on) to drop
 */
public record TokenizerConfig(boolean lowerCase, int minLength, Set<String> stopWords) {
  /** Lower-casing on, every length kept, no stop words. */
  public static final TokenizerConfig DEFAULT = new TokenizerConfig(true, 1, Set.of());

  public TokenizerConfig {
    if (minLength < 1) {
      throw new IllegalArgumentException("minLength must be >= 1, got " + minLength);
    }
    stopWords = Set.copyOf(stopWords);
  }

  /** A tokenizer with the fastest block kernel this JVM can run ({@link Tokenizer#kernelName()}). */
  public Tokenizer newTokenizer() {
    return new Tokenizer(this);
  }

  /**
   * A tokenizer with the scalar block kernel even when the Vector API is present (same tokens; for
   * benchmarks that compare the kernels).
   */
  public Tokenizer newScalarTokenizer() {
    return new Tokenizer(this, false);
  }
}
