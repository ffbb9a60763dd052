package org.topicbench.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VectorizerTest {
  private static final double EPS = 1e-12;
  private static final List<String> TRAIN = List.of("The cat sat.", "the dog sat", "THE CAT RAN");
  private static final FeatureConfig UNIGRAM_TFIDF =
      FeatureConfig.builder().wordNgrams(1, 1).l2Normalize(false).build();

  @Test
  void handComputedTfidf() {
    // N = 3 training texts; df: the 3, cat 2, sat 2, dog 1, ran 1
    // idf = ln((1 + N) / (1 + df)) + 1:
    //   the: ln(4/4) + 1 = 1;  cat: ln(4/3) + 1 = 1.2876820724517808;  dog: ln(4/2) + 1 = 1.6931471805599454
    Vectorizer v = Vectorizer.fit(UNIGRAM_TFIDF, TRAIN);
    // sorted vocabulary: cat 0, dog 1, ran 2, sat 3, the 4
    assertEquals(List.of("cat", "dog", "ran", "sat", "the"), names(v));
    assertEquals(1.2876820724517808, v.idf(0), EPS);
    // "the cat cat dog fish": tf the 1, cat 2, dog 1; fish was not in training, so it is dropped
    // cat 2 * 1.2876820724517808 = 2.5753641449035616, dog 1 * 1.6931471805599454, the 1 * 1
    SparseVector x = v.transform("the cat cat dog fish");
    assertArrayEquals(new int[] {0, 1, 4}, x.indices());
    assertArrayEquals(new double[] {2.5753641449035616, 1.6931471805599454, 1.0}, x.values(), EPS);
  }

  @Test
  void handComputedL2AndSublinear() {
    // L2: norm = sqrt(2.5753641449035616^2 + 1.6931471805599454^2 + 1^2) = 3.24025428846147
    //   values / norm = 0.7948030974218354, 0.5225352795887762, 0.30861775372414296
    Vectorizer l2 = Vectorizer.fit(UNIGRAM_TFIDF.toBuilder().l2Normalize(true).build(), TRAIN);
    assertArrayEquals(new double[] {0.7948030974218354, 0.5225352795887762, 0.30861775372414296},
        l2.transform("the cat cat dog fish").values(), EPS);
    // sublinear tf: cat (1 + ln 2) * 1.2876820724517808 = 2.18023527042932; dog and the keep tf 1
    Vectorizer sub = Vectorizer.fit(UNIGRAM_TFIDF.toBuilder().sublinearTf(true).build(), TRAIN);
    assertArrayEquals(new double[] {2.18023527042932, 1.6931471805599454, 1.0},
        sub.transform("the cat cat dog fish").values(), EPS);
  }

  @Test
  void countsBigramsAndMinDf() {
    Vectorizer counts = Vectorizer.fit(FeatureConfig.COUNTS, TRAIN);
    // unigrams + bigrams of the training texts, sorted
    assertEquals(List.of("cat", "cat ran", "cat sat", "dog", "dog sat", "ran", "sat", "the", "the cat", "the dog"),
        names(counts));
    // "the cat sat the cat": the 2, cat 2, sat 1, "the cat" 2, "cat sat" 1, "sat the" unknown
    SparseVector x = counts.transform("the cat sat the cat");
    assertEquals(Map.of("the", 2.0, "cat", 2.0, "sat", 1.0, "the cat", 2.0, "cat sat", 1.0), byName(counts, x));
    // minDf 2 keeps the (3), cat (2), sat (2) and "the cat" (2)
    Vectorizer frequent = Vectorizer.fit(FeatureConfig.COUNTS.toBuilder().minDf(2).build(), TRAIN);
    assertEquals(List.of("cat", "sat", "the", "the cat"), names(frequent));
    assertEquals(Map.of("the", 1.0, "cat", 1.0, "the cat", 1.0), byName(frequent, frequent.transform("The cat ran")));
  }

  @Test
  void charNgramsAndHashing() {
    FeatureConfig chars = FeatureConfig.COUNTS.toBuilder().wordNgrams(1, 1).charNgrams(2, 2).build();
    Vectorizer v = Vectorizer.fit(chars, List.of("ab"));
    // " ab " gives " a", "ab", "b "
    assertEquals(List.of("ab", "c: a", "c:ab", "c:b "), names(v));
    // "ab AB" lower-cases to ab twice
    assertEquals(Map.of("ab", 2.0, "c: a", 2.0, "c:ab", 2.0, "c:b ", 2.0), byName(v, v.transform("ab AB")));

    FeatureConfig hashed = FeatureConfig.COUNTS.toBuilder().hashBuckets(8).build();
    Vectorizer h = Vectorizer.fit(hashed, TRAIN);
    assertEquals(8, h.dimension());
    SparseVector x = h.transform("the cat sat");
    double total = 0;
    for (int i = 0; i < x.size(); i++) {
      assertTrue(x.indices()[i] < 8);
      total += x.values()[i];
    }
    assertEquals(5.0, total, EPS, "3 unigrams + 2 bigrams, whatever buckets they share");
    assertTrue(h.featureName(x.indices()[0]).startsWith("#" + x.indices()[0]));
  }

  @Test
  void fastPathAgreesWithFeatureNamesOnTheArticles() throws IOException {
    List<String> paragraphs = paragraphs();
    long seed = 20220208L;
    Random r = new Random(seed);
    List<String> train = new ArrayList<>();
    List<String> test = new ArrayList<>();
    for (String p : paragraphs) {
      (r.nextInt(4) == 0 ? test : train).add(p);
    }
    for (FeatureConfig c : List.of(FeatureConfig.COUNTS, FeatureConfig.COUNTS.toBuilder().wordNgrams(1, 3).build(),
        FeatureConfig.COUNTS.toBuilder().wordNgrams(2, 3).minDf(2).build())) {
      Vectorizer v = Vectorizer.fit(c, train);
      var tok = c.tokenizer().newTokenizer();
      for (String text : test) {
        Map<String, Double> expected = new TreeMap<>();
        for (String f : Vectorizer.features(c, tok.tokenize(text))) {
          if (names(v).contains(f)) {
            expected.merge(f, 1.0, Double::sum);
          }
        }
        assertEquals(expected, new TreeMap<>(byName(v, v.transform(text))), c + " on " + text);
      }
    }
  }

  /**
   * The packed-id fit ({@link Vectorizer#fitWordNgrams}) against the String fit it replaces for word
   * n-grams ({@link Vectorizer#fitStrings}): the same names in the same order, the same idf to the bit
   * and the same vectors, on random texts (a small vocabulary, so n-grams repeat and minDf bites; mixed
   * case, punctuation, digits, non-ASCII letters, empty texts) and on the bundled articles and sentences.
   */
  @Test
  void packedFitEqualsStringFit() throws IOException {
    Random r = new Random(org.topicbench.testsupport.Cli.seed("VectorizerTest.packedFitEqualsStringFit"));
    List<String> sentences = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("datasets/sentences.csv")).subList(1, 100)) {
      sentences.add(line);
    }
    List<List<String>> corpora = new ArrayList<>(List.of(paragraphs(), sentences));
    String[] words = {"the", "The", "cat", "CAT", "sat", "dog", "ran", "on", "mat", "a", "I", "x1", "2024",
        "café", "Straße", "naïve", "it's", "don't", "über", "ÉTÉ", "ﬁne", "o'", "-", "...", "q", "zz"};
    for (int c = 0; c < 30; c++) {
      List<String> texts = new ArrayList<>();
      int n = r.nextInt(60);
      for (int i = 0; i < n; i++) {
        StringBuilder sb = new StringBuilder();
        for (int w = r.nextInt(15); w > 0; w--) {
          sb.append(words[r.nextInt(r.nextBoolean() ? 8 : words.length)]).append(r.nextInt(5) == 0 ? ", " : " ");
        }
        texts.add(sb.toString());
      }
      corpora.add(texts);
    }
    List<FeatureConfig> configs = List.of(FeatureConfig.DEFAULT, FeatureConfig.COUNTS,
        FeatureConfig.COUNTS.toBuilder().wordNgrams(1, 1).build(),
        FeatureConfig.COUNTS.toBuilder().wordNgrams(1, 3).minDf(2).build(),
        FeatureConfig.DEFAULT.toBuilder().wordNgrams(2, 3).minDf(3).sublinearTf(true).build(),
        FeatureConfig.DEFAULT.toBuilder().wordNgrams(3, 3).build(),
        FeatureConfig.DEFAULT.toBuilder()
            .tokenizer(new org.topicbench.text.TokenizerConfig(false, 2, java.util.Set.of("the", "a", "on")))
            .minDf(2).build());
    for (List<String> texts : corpora) {
      for (FeatureConfig config : configs) {
        String where = config + " on " + texts.size() + " texts " + texts.subList(0, Math.min(3, texts.size()));
        Vectorizer packed = Vectorizer.fitWordNgrams(config, texts);
        Vectorizer strings = Vectorizer.fitStrings(config, texts);
        assertTrue(packed != null, where);
        assertEquals(names(strings), names(packed), where);
        for (int i = 0; i < strings.dimension(); i++) {
          assertEquals(Double.doubleToLongBits(strings.idf(i)), Double.doubleToLongBits(packed.idf(i)), where);
        }
        assertEquals(strings.describe(), packed.describe(), where);
        for (String text : corpora.get(r.nextInt(corpora.size()))) {
          assertEquals(strings.transform(text), packed.transform(text), where + ": " + text);
        }
        for (String text : texts) {
          assertEquals(strings.transform(text), packed.transform(text), where + ": " + text);
        }
      }
    }
  }

  @Test
  void deterministicAndThreadSafe() throws Exception {
    List<String> paragraphs = paragraphs();
    Vectorizer a = Vectorizer.fit(FeatureConfig.DEFAULT, paragraphs);
    Vectorizer b = Vectorizer.fit(FeatureConfig.DEFAULT, List.copyOf(paragraphs));
    assertEquals(names(a), names(b));
    List<SparseVector> sequential = paragraphs.stream().map(a::transform).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<SparseVector>>> parts = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        parts.add(pool.submit(() -> paragraphs.stream().map(a::transform).toList()));
      }
      for (Future<List<SparseVector>> p : parts) {
        assertEquals(sequential, p.get());
      }
    } finally {
      pool.shutdownNow();
    }
    for (SparseVector x : sequential) {
      double sq = 0;
      for (double d : x.values()) {
        sq += d * d;
      }
      assertEquals(1.0, sq, 1e-9, "DEFAULT vectors have unit length");
    }
  }

  @Test
  void describeAndArgumentChecks() {
    Vectorizer v = Vectorizer.fit(FeatureConfig.DEFAULT, TRAIN);
    Map<String, Object> d = v.describe();
    assertEquals(List.of("tokenizer.lowerCase", "tokenizer.minLength", "tokenizer.stopWords", "wordNgrams",
        "charNgrams", "minDf", "weighting", "idf", "sublinearTf", "normalization", "hashBuckets",
        "trainingDocuments", "dimension"), List.copyOf(d.keySet()));
    assertEquals("1-2", d.get("wordNgrams"));
    assertEquals("l2", d.get("normalization"));
    assertEquals(3, d.get("trainingDocuments"));
    var e = assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().wordNgrams(2, 1).build());
    assertTrue(e.getMessage().contains("maxNgram") && e.getMessage().contains("got 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FeatureConfig.builder().minDf(0).build());
    assertThrows(IndexOutOfBoundsException.class, () -> v.featureName(v.dimension()));
    assertEquals(0, v.transform("").size());
  }

  private static List<String> names(Vectorizer v) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.dimension(); i++) {
      out.add(v.featureName(i));
    }
    return out;
  }

  private static Map<String, Double> byName(Vectorizer v, SparseVector x) {
    Map<String, Double> m = new TreeMap<>();
    for (int i = 0; i < x.size(); i++) {
      m.put(v.featureName(x.indices()[i]), x.values()[i]);
    }
    return m;
  }

  private static List<String> paragraphs() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("datasets/articles"))) {
      for (Path f : s.sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            out.add(line);
          }
        }
      }
    }
    return out;
  }
}
