package org.topicbench.feature;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.topicbench.text.TokenizerConfig;

/**
 * How sentences become feature vectors. Immutable and thread-safe; build variants with {@link #builder()}
 * or {@link #toBuilder()}.
 *
 * <p>Features are word n-grams of the tokenizer's terms (terms joined by one space: {@code "met police"}),
 * plus, when {@code charMinNgram > 0}, character n-grams of each term padded with one space on both
 * sides (named {@code "c:" + gram}, e.g. {@code "c: me"}), as scikit-learn's {@code char_wb} does.
 *
 * @param tokenizer tokenizer settings
 * @param minNgram smallest word n-gram, 1 to 3
 * @param maxNgram largest word n-gram, {@code minNgram} to 3
 * @param minDf keep features seen in at least this many training documents (>= 1)
 * @param tfidf weight counts by smoothed inverse document frequency {@code ln((1 + N) / (1 + df)) + 1}
 *     (N training documents); else raw counts
 * @param sublinearTf use {@code 1 + ln(count)} instead of the count
 * @param l2Normalize scale every vector to Euclidean length 1 (vectors with no feature stay empty)
 * @param charMinNgram smallest character n-gram, 0 for none
 * @param charMaxNgram largest character n-gram ({@code charMinNgram} to 8), 0 for none
 * @param hashBuckets 0 for a fitted vocabulary; else features are hashed into this many buckets
 *     ({@link org.topicbench.text.Tokenizer#hash(CharSequence)} of the feature name, modulo the count)
 */
public record FeatureConfig(
    TokenizerConfig tokenizer,
    int minNgram,
    int maxNgram,
    int minDf,
    boolean tfidf,
    boolean sublinearTf,
    boolean l2Normalize,
    int charMinNgram,
    int charMaxNgram,
    int hashBuckets) {

  /** TF-IDF of word unigrams and bigrams, L2-normalised, default tokenizer, every term kept. */
  public static final FeatureConfig DEFAULT = new FeatureConfig(TokenizerConfig.DEFAULT, 1, 2, 1, true);
  /** Raw counts of word unigrams and bigrams, not normalised. */
  public static final FeatureConfig COUNTS = new FeatureConfig(TokenizerConfig.DEFAULT, 1, 2, 1, false);

  public FeatureConfig {
    if (tokenizer == null) {
      throw new IllegalArgumentException("tokenizer must not be null");
    }
    if (minNgram < 1 || minNgram > 3) {
      throw new IllegalArgumentException("minNgram must be 1 to 3, got " + minNgram);
    }
    if (maxNgram < minNgram || maxNgram > 3) {
      throw new IllegalArgumentException("maxNgram must be minNgram (" + minNgram + ") to 3, got " + maxNgram);
    }
    if (minDf < 1) {
      throw new IllegalArgumentException("minDf must be >= 1, got " + minDf);
    }
    if (charMinNgram < 0 || charMinNgram > 8 || (charMinNgram == 0) != (charMaxNgram == 0)) {
      throw new IllegalArgumentException("charMinNgram must be 0 (with charMaxNgram 0) or 1 to 8, got "
          + charMinNgram + " and charMaxNgram " + charMaxNgram);
    }
    if (charMaxNgram < charMinNgram || charMaxNgram > 8) {
      throw new IllegalArgumentException(
          "charMaxNgram must be charMinNgram (" + charMinNgram + ") to 8, got " + charMaxNgram);
    }
    if (hashBuckets < 0) {
      throw new IllegalArgumentException("hashBuckets must be >= 0 (0 = fitted vocabulary), got " + hashBuckets);
    }
  }

  /**
   * The original five settings; TF-IDF configurations are L2-normalised, count configurations are not;
   * no sublinear tf, no character n-grams, no hashing.
   */
  public FeatureConfig(TokenizerConfig tokenizer, int minNgram, int maxNgram, int minDf, boolean tfidf) {
    this(tokenizer, minNgram, maxNgram, minDf, tfidf, false, tfidf, 0, 0, 0);
  }

  /** Every setting by name, in a fixed order, for provenance and hyperparameter records. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tokenizer.lowerCase", tokenizer.lowerCase());
    m.put("tokenizer.minLength", tokenizer.minLength());
    m.put("tokenizer.stopWords", String.join(" ", new TreeSet<>(tokenizer.stopWords())));
    m.put("wordNgrams", minNgram + "-" + maxNgram);
    m.put("charNgrams", charMinNgram == 0 ? "none" : charMinNgram + "-" + charMaxNgram);
    m.put("minDf", minDf);
    m.put("weighting", tfidf ? "tfidf" : "counts");
    m.put("idf", tfidf ? "ln((1+N)/(1+df))+1" : "none");
    m.put("sublinearTf", sublinearTf);
    m.put("normalization", l2Normalize ? "l2" : "none");
    m.put("hashBuckets", hashBuckets);
    return m;
  }

  /** A builder starting from {@link #DEFAULT}. */
  public static Builder builder() {
    return DEFAULT.toBuilder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link FeatureConfig}; each setter names the record component it sets. */
  public static final class Builder {
    private TokenizerConfig tokenizer;
    private int minNgram;
    private int maxNgram;
    private int minDf;
    private boolean tfidf;
    private boolean sublinearTf;
    private boolean l2Normalize;
    private int charMinNgram;
    private int charMaxNgram;
    private int hashBuckets;

    private Builder(FeatureConfig c) {
      tokenizer = c.tokenizer;
      minNgram = c.minNgram;
      maxNgram = c.maxNgram;
      minDf = c.minDf;
      tfidf = c.tfidf;
      sublinearTf = c.sublinearTf;
      l2Normalize = c.l2Normalize;
      charMinNgram = c.charMinNgram;
      charMaxNgram = c.charMaxNgram;
      hashBuckets = c.hashBuckets;
    }

    public Builder tokenizer(TokenizerConfig v) {
      tokenizer = v;
      return this;
    }

    /** Word n-gram range, e.g. (1, 1) for unigrams only. */
    public Builder wordNgrams(int min, int max) {
      minNgram = min;
      maxNgram = max;
      return this;
    }

    /** Character n-gram range, (0, 0) for none. */
    public Builder charNgrams(int min, int max) {
      charMinNgram = min;
      charMaxNgram = max;
      return this;
    }

    public Builder minDf(int v) {
      minDf = v;
      return this;
    }

    public Builder tfidf(boolean v) {
      tfidf = v;
      return this;
    }

    public Builder sublinearTf(boolean v) {
      sublinearTf = v;
      return this;
    }

    public Builder l2Normalize(boolean v) {
      l2Normalize = v;
      return this;
    }

    public Builder hashBuckets(int v) {
      hashBuckets = v;
      return this;
    }

    /** Convenience: a tokenizer like the current one with these stop words. */
    public Builder stopWords(Set<String> words) {
      tokenizer = new TokenizerConfig(tokenizer.lowerCase(), tokenizer.minLength(), words);
      return this;
    }

    public FeatureConfig build() {
      return new FeatureConfig(tokenizer, minNgram, maxNgram, minDf, tfidf, sublinearTf, l2Normalize,
          charMinNgram, charMaxNgram, hashBuckets);
    }
  }
}
