package org.topicbench.feature;

import org.topicbench.text.TokenizerConfig;

/**
 * How sentences become feature vectors. Immutable.
 *
 * <p>STUB (issue 3 completes it): only the fields below exist so far.
 *
 * @param tokenizer tokenizer settings
 * @param minNgram smallest word n-gram
 * @param maxNgram largest word n-gram
 * @param minDf keep terms seen in at least this many training documents
 * @param tfidf weight by TF-IDF (else raw counts)
 */
public record FeatureConfig(TokenizerConfig tokenizer, int minNgram, int maxNgram, int minDf, boolean tfidf) {
  public static final FeatureConfig DEFAULT = new FeatureConfig(TokenizerConfig.DEFAULT, 1, 2, 1, true);
  public static final FeatureConfig COUNTS = new FeatureConfig(TokenizerConfig.DEFAULT, 1, 2, 1, false);
}
