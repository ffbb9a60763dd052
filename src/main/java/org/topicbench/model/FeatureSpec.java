package org.topicbench.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.TreeSet;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.text.TokenizerConfig;

/**
 * The {@code features.*} settings of a learner spec: how a vector learner turns sentences into vectors
 * ({@link FeatureConfig}) and what it does with them before its algorithm sees them ({@link
 * Preprocessing}). Every key has the learner's own default; {@link #tokens} writes every setting, so that
 * a learner's full spec says everything that determines it.
 */
public final class FeatureSpec {
  private FeatureSpec() {}

  /** The prefix of every feature key. */
  public static final String PREFIX = "features.";

  private static final List<String> EXTRAS = List.of("none", "layout", "cues");

  /** Every feature key with its value in {@code p}, in a fixed order. */
  public static SequencedMap<String, String> values(Preprocessing p) {
    FeatureConfig f = p.features();
    SequencedMap<String, String> m = new LinkedHashMap<>();
    m.put("features.ngrams", f.minNgram() + "-" + f.maxNgram());
    m.put("features.chars", f.charMinNgram() == 0 ? "none" : f.charMinNgram() + "-" + f.charMaxNgram());
    m.put("features.lowercase", Boolean.toString(f.tokenizer().lowerCase()));
    m.put("features.min_length", Integer.toString(f.tokenizer().minLength()));
    m.put("features.stopwords",
        f.tokenizer().stopWords().isEmpty() ? "none" : String.join(",", new TreeSet<>(f.tokenizer().stopWords())));
    m.put("features.min_df", Integer.toString(f.minDf()));
    m.put("features.weighting", f.tfidf() ? "tfidf" : "counts");
    m.put("features.sublinear", Boolean.toString(f.sublinearTf()));
    m.put("features.norm", f.l2Normalize() ? "l2" : "none");
    m.put("features.hash", Integer.toString(f.hashBuckets()));
    m.put("features.selection", p.selection().k() == 0 ? "none" : "chi2:" + p.selection().k());
    m.put("features.renorm", Boolean.toString(p.l2Normalize()));
    m.put("features.weights", p.classWeights().describe());
    m.put("features.extras", p.extras() == ExtraFeatures.NONE ? "none" : p.extras().suffix());
    m.put("features.embedding", p.embedding().id());
    m.put("features.text", Boolean.toString(p.text()));
    return m;
  }

  /** The settings, with their meaning, for {@code topicbench learners}. */
  public static List<Setting> settings(Preprocessing defaults) {
    SequencedMap<String, String> d = values(defaults);
    List<Setting> out = new ArrayList<>();
    for (Map.Entry<String, String> e : d.entrySet()) {
      out.add(new Setting(e.getKey(), e.getValue(), HELP.get(e.getKey())));
    }
    return out;
  }

  private static final Map<String, String> HELP =
      Map.ofEntries(
          Map.entry("features.ngrams", "word n-grams a-b, 1 <= a <= b <= 3"),
          Map.entry("features.chars", "character n-grams of each term padded with spaces (scikit-learn's char_wb), a-b up"
              + " to 8, or none"),
          Map.entry("features.lowercase", "lower-case terms (true/false)"),
          Map.entry("features.min_length", "drop terms shorter than this (>= 1)"),
          Map.entry("features.stopwords", "terms to drop, comma-separated, or none"),
          Map.entry("features.min_df", "keep features seen in at least this many training sentences (>= 1)"),
          Map.entry("features.weighting", "tfidf (smoothed idf, fitted on the training fold) or counts"),
          Map.entry("features.sublinear", "1 + ln(count) instead of the count (true/false)"),
          Map.entry("features.norm", "l2 or none: scale each sentence vector to unit length"),
          Map.entry("features.hash", "0 for a fitted vocabulary, else hash features into this many buckets"),
          Map.entry("features.selection", "none, or chi2:K to keep the K features with the largest chi-square"
              + " (fitted on the training fold)"),
          Map.entry("features.renorm", "scale to unit length again after selection (true/false)"),
          Map.entry("features.weights", "none or balanced: class weights, for learners that take them"),
          Map.entry("features.extras", "none, layout (15 binary layout features) or cues (layout and the keyword"
              + " rules' 3 cues), appended after selection"),
          Map.entry("features.embedding", "none, all-minilm-l6-v2 or all-minilm-l6-v2-q (8-bit quantised):"
              + " pretrained sentence embeddings (384 dense"
              + " dimensions, not fitted; each distinct sentence embedded once per run), appended after the extras"),
          Map.entry("features.text", "true or false: false drops the text n-gram features (embeddings and extras"
              + " only)"));

  /**
   * {@code defaults} with the given feature settings applied.
   *
   * @param settings feature keys (with their {@code features.} prefix) and values
   * @throws IllegalArgumentException naming the key and what is wrong
   */
  public static Preprocessing apply(Preprocessing defaults, Map<String, String> settings) {
    FeatureConfig f = defaults.features();
    TokenizerConfig t = f.tokenizer();
    int minN = f.minNgram();
    int maxN = f.maxNgram();
    int charMin = f.charMinNgram();
    int charMax = f.charMaxNgram();
    boolean lower = t.lowerCase();
    int minLength = t.minLength();
    Set<String> stop = t.stopWords();
    int minDf = f.minDf();
    boolean tfidf = f.tfidf();
    boolean sublinear = f.sublinearTf();
    boolean norm = f.l2Normalize();
    int hash = f.hashBuckets();
    FeatureSelection selection = defaults.selection();
    boolean renorm = defaults.l2Normalize();
    ClassWeights weights = defaults.classWeights();
    ExtraFeatures extras = defaults.extras();
    EmbeddingFeatures embedding = defaults.embedding();
    boolean text = defaults.text();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String v = e.getValue();
      try {
        switch (e.getKey()) {
          case "features.ngrams" -> {
            int[] r = Setting.range(v, 1, 3);
            minN = r[0];
            maxN = r[1];
          }
          case "features.chars" -> {
            if (v.equals("none")) {
              charMin = 0;
              charMax = 0;
            } else {
              int[] r = Setting.range(v, 1, 8);
              charMin = r[0];
              charMax = r[1];
            }
          }
          case "features.lowercase" -> lower = Setting.bool(v);
          case "features.min_length" -> minLength = Setting.integer(v, 1, 1000);
          case "features.stopwords" -> {
            Set<String> words = new TreeSet<>();
            if (!v.equals("none")) {
              for (String w : v.split(",", -1)) {
                if (w.isBlank()) {
                  throw new IllegalArgumentException("an empty stop word in '" + v + "'");
                }
                words.add(w.strip());
              }
            }
            stop = words;
          }
          case "features.min_df" -> minDf = Setting.integer(v, 1, Integer.MAX_VALUE);
          case "features.weighting" -> tfidf = Setting.choice(v, List.of("tfidf", "counts")).equals("tfidf");
          case "features.sublinear" -> sublinear = Setting.bool(v);
          case "features.norm" -> norm = Setting.choice(v, List.of("l2", "none")).equals("l2");
          case "features.hash" -> hash = Setting.integer(v, 0, 1 << 30);
          case "features.selection" -> {
            if (v.equals("none")) {
              selection = FeatureSelection.NONE;
            } else if (v.startsWith("chi2:")) {
              selection = FeatureSelection.chiSquare(Setting.integer(v.substring(5), 1, Integer.MAX_VALUE));
            } else {
              throw new IllegalArgumentException("must be none or chi2:K, got '" + v + "'");
            }
          }
          case "features.renorm" -> renorm = Setting.bool(v);
          case "features.weights" -> {
            weights = switch (Setting.choice(v, List.of("none", "balanced"))) {
              case "balanced" -> ClassWeights.BALANCED;
              default -> ClassWeights.NONE;
            };
          }
          case "features.embedding" -> embedding = EmbeddingFeatures.of(Setting.choice(v, EmbeddingFeatures.IDS));
          case "features.text" -> text = Setting.bool(v);
          case "features.extras" -> {
            extras = switch (Setting.choice(v, EXTRAS)) {
              case "layout" -> ExtraFeatures.LAYOUT;
              case "cues" -> ExtraFeatures.LAYOUT_AND_RULES;
              default -> ExtraFeatures.NONE;
            };
          }
          default -> throw new IllegalArgumentException(
              "unknown feature setting (known: " + String.join(", ", HELP.keySet().stream().sorted().toList()) + ")");
        }
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(e.getKey() + ": " + ex.getMessage(), ex);
      }
    }
    FeatureConfig config;
    try {
      config = new FeatureConfig(
          new TokenizerConfig(lower, minLength, stop), minN, maxN, minDf, tfidf, sublinear, norm, charMin, charMax, hash);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("features: " + ex.getMessage(), ex);
    }
    try {
      return new Preprocessing(config, selection, renorm, weights, extras, embedding, text);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("features.text: " + ex.getMessage(), ex);
    }
  }

  /** The feature configuration that {@code tokens} (as {@link #tokens} writes them) describe. */
  public static FeatureConfig parseConfig(String tokens) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String w : SpecTokens.split(tokens)) {
      int eq = w.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("not a feature setting: '" + w + "'");
      }
      settings.put(PREFIX + w.substring(0, eq), w.substring(eq + 1));
    }
    return apply(Preprocessing.of(FeatureConfig.DEFAULT), settings).features();
  }

  /**
   * The feature configuration alone, in the words {@link #parseConfig} reads ({@code ngrams=1-2 chars=none
   * ...}, without the prefix): how hyperparameters and model files record it.
   */
  public static String describe(FeatureConfig f) {
    List<String> words = new ArrayList<>();
    for (Map.Entry<String, String> e : values(Preprocessing.of(f)).entrySet()) {
      String k = e.getKey();
      if (k.equals("features.selection")) {
        break; // the rest is preprocessing, not the configuration
      }
      words.add(k.substring(PREFIX.length()) + "=" + e.getValue());
    }
    return SpecTokens.join(words);
  }

  /** Every feature setting of {@code p} as spec words ({@code features.ngrams=1-2} ...). */
  public static List<String> tokens(Preprocessing p) {
    List<String> out = new ArrayList<>();
    values(p).forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }
}
