package org.topicbench.feature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.topicbench.text.Tokenizer;

/**
 * Turns sentences into sparse vectors with a vocabulary fitted on training sentences only.
 *
 * <p>STUB (issue 3 replaces the internals, the API stays): unigram counts, no weighting.
 */
public final class Vectorizer {
  private final FeatureConfig config;
  private final Map<String, Integer> vocabulary;

  private Vectorizer(FeatureConfig config, Map<String, Integer> vocabulary) {
    this.config = config;
    this.vocabulary = vocabulary;
  }

  /** Fits the vocabulary (and document frequencies) on {@code trainingTexts}. */
  public static Vectorizer fit(FeatureConfig config, List<String> trainingTexts) {
    TreeMap<String, Integer> terms = new TreeMap<>();
    Tokenizer t = config.tokenizer().newTokenizer();
    for (String s : trainingTexts) {
      for (String w : t.tokenize(s)) {
        terms.putIfAbsent(w, 0);
      }
    }
    Map<String, Integer> vocab = new HashMap<>();
    int i = 0;
    for (String w : terms.keySet()) {
      vocab.put(w, i++);
    }
    return new Vectorizer(config, vocab);
  }

  public FeatureConfig config() {
    return config;
  }

  /** Number of features. */
  public int dimension() {
    return vocabulary.size();
  }

  /** Not thread-safe per instance of tokenizer use; call from one thread, or one Vectorizer per thread. */
  public SparseVector transform(String text) {
    TreeMap<Integer, Double> counts = new TreeMap<>();
    for (String w : config.tokenizer().newTokenizer().tokenize(text)) {
      Integer id = vocabulary.get(w);
      if (id != null) {
        counts.merge(id, 1.0, Double::sum);
      }
    }
    int[] idx = new int[counts.size()];
    double[] val = new double[counts.size()];
    int k = 0;
    for (var e : counts.entrySet()) {
      idx[k] = e.getKey();
      val[k++] = e.getValue();
    }
    return new SparseVector(idx, val);
  }
}
