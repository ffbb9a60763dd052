package org.topicbench.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.topicbench.text.Tokenizer;

/**
 * Turns sentences into sparse feature vectors (bag of word n-grams, optionally character n-grams; counts
 * or TF-IDF), with a vocabulary and document frequencies fitted on training sentences only.
 *
 * <p>Feature indices are deterministic: the fitted vocabulary is sorted ({@link String#compareTo}), so
 * the same training texts and configuration always give the same indices; with feature hashing the index
 * is the bucket. A value is {@code tf · idf} where {@code tf} is the count in the sentence (or
 * {@code 1 + ln(count)} with sublinear tf) and {@code idf = ln((1 + N) / (1 + df)) + 1} with N training
 * sentences and df the number of them containing the feature (1 without TF-IDF); then the vector is
 * scaled to Euclidean length 1 when L2 normalisation is on. Features never seen in training (or seen in
 * fewer than {@code minDf} training sentences) are dropped.
 *
 * <p>Thread-safety: a fitted Vectorizer is immutable and safe to use from several threads at once; each
 * thread gets its own {@link Tokenizer} and scratch buffers through a {@link ThreadLocal}. With a
 * vocabulary and word n-grams only (the default) {@link #transform} allocates only the returned vector;
 * character n-grams and feature hashing build feature-name strings and are slower.
 */
public final class Vectorizer {
  private final FeatureConfig config;
  private final int documents;
  private final int dimension;
  private final double[] idf;
  // vocabulary mode
  private final String[] names;
  private final Map<String, Integer> index;
  private final TermTable terms;
  private final LongIntTable ngrams;
  // hashing mode: the smallest training feature of each used bucket, for featureName
  private final Map<Integer, String> bucketNames;
  private final boolean fastPath;
  private final ThreadLocal<Scratch> scratch;

  private Vectorizer(FeatureConfig config, int documents, int dimension, double[] idf, String[] names,
      Map<String, Integer> index, TermTable terms, LongIntTable ngrams, Map<Integer, String> bucketNames) {
    this.config = config;
    this.documents = documents;
    this.dimension = dimension;
    this.idf = idf;
    this.names = names;
    this.index = index;
    this.terms = terms;
    this.ngrams = ngrams;
    this.bucketNames = bucketNames;
    this.fastPath = config.hashBuckets() == 0 && config.charMinNgram() == 0;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(config.tokenizer().newTokenizer()));
  }

  /** Fits the vocabulary (or bucket) document frequencies on {@code trainingTexts} only. */
  public static Vectorizer fit(FeatureConfig config, List<String> trainingTexts) {
    if (config.hashBuckets() == 0 && config.charMinNgram() == 0) {
      Vectorizer v = fitWordNgrams(config, trainingTexts);
      if (v != null) {
        return v;
      }
    }
    return fitStrings(config, trainingTexts);
  }

  /**
   * The reference fit: every feature of every text as a String, counted in a map. Used for feature
   * hashing and character n-grams, and for word n-grams when {@link #fitWordNgrams} cannot pack them.
   */
  static Vectorizer fitStrings(FeatureConfig config, List<String> trainingTexts) {
    int n = trainingTexts.size();
    Tokenizer tok = config.tokenizer().newTokenizer();
    Map<String, Integer> df = new HashMap<>();
    Map<String, Integer> termDf = new HashMap<>();
    for (String text : trainingTexts) {
      List<String> words = tok.tokenize(text);
      for (String f : new HashSet<>(features(config, words))) {
        df.merge(f, 1, Integer::sum);
      }
      for (String w : new HashSet<>(words)) {
        termDf.merge(w, 1, Integer::sum);
      }
    }
    if (config.hashBuckets() > 0) {
      int buckets = config.hashBuckets();
      int[] bucketDf = new int[buckets];
      TreeMap<Integer, String> bucketNames = new TreeMap<>();
      for (String text : trainingTexts) {
        Set<Integer> seen = new HashSet<>();
        for (String f : features(config, tok.tokenize(text))) {
          int b = bucket(f, buckets);
          if (seen.add(b)) {
            bucketDf[b]++;
          }
          bucketNames.merge(b, f, (x, y) -> x.compareTo(y) <= 0 ? x : y);
        }
      }
      double[] idf = new double[buckets];
      for (int b = 0; b < buckets; b++) {
        idf[b] = bucketDf[b] >= config.minDf() ? idf(config, n, bucketDf[b]) : 0.0;
      }
      return new Vectorizer(config, n, buckets, idf, null, null, null, null, bucketNames);
    }
    TreeMap<String, Integer> kept = new TreeMap<>();
    df.forEach((f, d) -> {
      if (d >= config.minDf()) {
        kept.put(f, d);
      }
    });
    String[] names = kept.keySet().toArray(new String[0]);
    double[] idf = new double[names.length];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      idf[i] = idf(config, n, kept.get(names[i]));
      index.put(names[i], i);
    }
    // fast path tables: term ids of every term frequent enough to be part of a kept n-gram, and the
    // feature index of each kept word n-gram keyed by its packed term ids
    TermTable terms = new TermTable();
    termDf.keySet().stream().filter(t -> termDf.get(t) >= config.minDf()).sorted().forEach(terms::add);
    if (terms.size >= (1 << 21) - 1) {
      throw new IllegalArgumentException("training texts must have fewer than 2^21 - 1 distinct terms with"
          + " df >= minDf (word n-grams pack three 21-bit term ids), got " + terms.size);
    }
    LongIntTable ngrams = new LongIntTable(names.length);
    for (int i = 0; i < names.length; i++) {
      if (!names[i].startsWith("c:")) {
        long key = 0;
        int shift = 0;
        for (String w : names[i].split(" ")) {
          key |= (long) (terms.id(w) + 1) << shift;
          shift += 21;
        }
        ngrams.put(key, i);
      }
    }
    return new Vectorizer(config, n, names.length, idf, names, index, terms, ngrams, null);
  }

  /**
   * The word n-gram fit without a String per n-gram: terms get ids in order of first appearance, each
   * n-gram is counted under its packed ids (three 21-bit ids in a long, as {@link #transform} looks them
   * up), and only the n-grams kept ({@code df >= minDf}) become names, sorted as {@link #fitStrings}
   * sorts them (by the terms' ranks, without comparing the names). The same vocabulary, indices, idf and
   * lookup tables as {@link #fitStrings} ({@code VectorizerTest}); {@code null} (fall back to it) when a
   * term is empty or holds a char at or below a space, so that term sequences and joined names might not
   * correspond one to one or sort alike, or there are too many distinct terms to pack.
   */
  static Vectorizer fitWordNgrams(FeatureConfig config, List<String> trainingTexts) {
    int n = trainingTexts.size();
    Tokenizer tok = config.tokenizer().newTokenizer();
    TermTable seen = new TermTable();
    List<String> termNames = new ArrayList<>();
    int[] termDf = new int[1024];
    int[] termLast = new int[1024];
    LongCounts counts = new LongCounts();
    int[] ids = new int[64];
    int maxId = (1 << 21) - 2; // ids + 1 must fit in 21 bits
    for (int doc = 0; doc < n; doc++) {
      Tokenizer t = tok.reset(trainingTexts.get(doc));
      int m = 0;
      for (int k; (k = t.nextBatch()) > 0; ) {
        if (m + k > ids.length) {
          ids = Arrays.copyOf(ids, Math.max(m + k, m * 2));
        }
        char[] buf = t.batchTermBuffer();
        for (int i = 0; i < k; i++) {
          int off = t.batchTermOffset(i);
          int len = t.batchTermLength(i);
          int h = Tokenizer.hash(buf, off, len);
          int id = seen.find(buf, off, len, h);
          if (id < 0) {
            String term = new String(buf, off, len);
            if (term.isEmpty() || term.chars().anyMatch(ch -> ch <= ' ') || termNames.size() >= maxId) {
              return null;
            }
            id = termNames.size();
            seen.add(term);
            termNames.add(term);
            if (id == termDf.length) {
              termDf = Arrays.copyOf(termDf, id * 2);
              termLast = Arrays.copyOf(termLast, id * 2);
            }
            termLast[id] = -1;
          }
          if (termLast[id] != doc) {
            termLast[id] = doc;
            termDf[id]++;
          }
          ids[m++] = id;
        }
      }
      for (int len = config.minNgram(); len <= config.maxNgram(); len++) {
        for (int i = 0; i + len <= m; i++) {
          long key = 0;
          for (int j = 0, shift = 0; j < len; j++, shift += 21) {
            key |= (long) (ids[i + j] + 1) << shift;
          }
          counts.count(key, doc);
        }
      }
    }
    // terms in String order; the final term table holds those with df >= minDf, as fitStrings builds it
    int distinctTerms = termNames.size();
    Integer[] byName = new Integer[distinctTerms];
    for (int i = 0; i < distinctTerms; i++) {
      byName[i] = i;
    }
    Arrays.sort(byName, (a, b) -> termNames.get(a).compareTo(termNames.get(b)));
    int[] rank = new int[distinctTerms];
    int[] remap = new int[distinctTerms];
    TermTable terms = new TermTable();
    for (int r = 0; r < distinctTerms; r++) {
      int id = byName[r];
      rank[id] = r;
      remap[id] = -1;
      if (termDf[id] >= config.minDf()) {
        remap[id] = terms.size;
        terms.add(termNames.get(id));
      }
    }
    if (terms.size >= (1 << 21) - 1) {
      throw new IllegalArgumentException("training texts must have fewer than 2^21 - 1 distinct terms with"
          + " df >= minDf (word n-grams pack three 21-bit term ids), got " + terms.size);
    }
    // the kept n-grams in the order of their names: with terms of chars above ' ', the joined names
    // compare as the sequences of their terms' String ranks (a shorter sequence first when it is a
    // prefix), which is the order of a long holding the ranks + 1 first term highest, 0 where none
    int kept = 0;
    for (int slot = 0; slot < counts.keys.length; slot++) {
      if (counts.keys[slot] != 0 && counts.df[slot] >= config.minDf()) {
        kept++;
      }
    }
    long[] order = new long[kept];
    for (int slot = 0, k = 0; slot < counts.keys.length; slot++) {
      long key = counts.keys[slot];
      if (key != 0 && counts.df[slot] >= config.minDf()) {
        long sortKey = 0;
        int shift = 42;
        for (long rest = key; rest != 0; rest >>>= 21, shift -= 21) {
          sortKey |= (long) (rank[(int) (rest & 0x1F_FFFF) - 1] + 1) << shift;
        }
        order[k++] = sortKey;
      }
    }
    Arrays.sort(order);
    String[] names = new String[kept];
    double[] idf = new double[kept];
    LongIntTable ngrams = new LongIntTable(kept);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < kept; i++) {
      sb.setLength(0);
      long counted = 0;
      long lookup = 0;
      int shift = 0;
      for (int s = 42; s >= 0; s -= 21, shift += 21) {
        int r = (int) ((order[i] >>> s) & 0x1F_FFFF) - 1;
        if (r < 0) {
          break;
        }
        int id = byName[r];
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(termNames.get(id));
        counted |= (long) (id + 1) << shift;
        lookup |= (long) (remap[id] + 1) << shift;
      }
      names[i] = sb.toString();
      idf[i] = idf(config, n, counts.df(counted));
      if (!names[i].startsWith("c:")) {
        ngrams.put(lookup, i);
      }
    }
    // no name → index map: only the String path of transform reads it, and this vectorizer never takes it
    return new Vectorizer(config, n, names.length, idf, names, null, terms, ngrams, null);
  }

  private static double idf(FeatureConfig config, int n, int df) {
    return config.tfidf() ? Math.log((1.0 + n) / (1.0 + df)) + 1.0 : 1.0;
  }

  private static int bucket(String feature, int buckets) {
    return Math.floorMod(Tokenizer.hash(feature), buckets);
  }

  /** Every feature name of a token sequence, with repeats (the reference the fast path follows). */
  static List<String> features(FeatureConfig config, List<String> words) {
    List<String> out = new ArrayList<>();
    for (int len = config.minNgram(); len <= config.maxNgram(); len++) {
      for (int i = 0; i + len <= words.size(); i++) {
        out.add(String.join(" ", words.subList(i, i + len)));
      }
    }
    if (config.charMinNgram() > 0) {
      for (String w : words) {
        String padded = " " + w + " ";
        for (int len = config.charMinNgram(); len <= config.charMaxNgram(); len++) {
          for (int i = 0; i + len <= padded.length(); i++) {
            out.add("c:" + padded.substring(i, i + len));
          }
        }
      }
    }
    return out;
  }

  public FeatureConfig config() {
    return config;
  }

  /** Number of features (vocabulary size, or hash buckets). */
  public int dimension() {
    return dimension;
  }

  /** Number of training texts the vectorizer was fitted on. */
  public int trainingDocuments() {
    return documents;
  }

  /** The name of feature {@code i}: the n-gram; with hashing "#bucket smallest-training-feature". */
  public String featureName(int i) {
    if (i < 0 || i >= dimension) {
      throw new IndexOutOfBoundsException("feature index must be 0 to " + (dimension - 1) + ", got " + i);
    }
    if (names != null) {
      return names[i];
    }
    String sample = bucketNames.get(i);
    return "#" + i + (sample == null ? "" : " " + sample);
  }

  /** The idf weight of feature {@code i} (1 without TF-IDF; 0 for a hash bucket below minDf). */
  public double idf(int i) {
    return idf[i];
  }

  /** The configuration's settings plus what fitting found, in a fixed order. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>(config.describe());
    m.put("trainingDocuments", documents);
    m.put("dimension", dimension);
    return m;
  }

  /** The feature vector of {@code text}: sorted indices, non-zero values. Safe from any thread. */
  public SparseVector transform(String text) {
    Scratch s = scratch.get();
    s.features = 0;
    if (fastPath) {
      wordFeatures(s, text);
    } else {
      for (String f : features(config, s.tokenizer.tokenize(text))) {
        int i;
        if (names != null) {
          Integer id = index.get(f);
          i = id == null ? -1 : id;
        } else {
          i = bucket(f, dimension);
          i = idf[i] == 0.0 ? -1 : i; // 0: bucket below minDf (a live idf is >= 1)
        }
        if (i >= 0) {
          s.addFeature(i);
        }
      }
    }
    return vector(s);
  }

  private void wordFeatures(Scratch s, String text) {
    Tokenizer t = s.tokenizer.reset(text);
    int n = 0;
    for (int k; (k = t.nextBatch()) > 0; ) {
      if (n + k > s.ids.length) {
        s.ids = Arrays.copyOf(s.ids, Math.max(n + k, n * 2));
      }
      char[] buf = t.batchTermBuffer();
      for (int i = 0; i < k; i++) {
        int off = t.batchTermOffset(i);
        int len = t.batchTermLength(i);
        s.ids[n++] = terms.find(buf, off, len, t.batchTermHash(i));
      }
    }
    int[] ids = s.ids;
    for (int i = 0; i < n; i++) {
      long key = 0;
      for (int len = 1, shift = 0; len <= config.maxNgram() && i + len <= n; len++, shift += 21) {
        int id = ids[i + len - 1];
        if (id < 0) {
          break;
        }
        key |= (long) (id + 1) << shift;
        if (len >= config.minNgram()) {
          int f = ngrams.get(key);
          if (f >= 0) {
            s.addFeature(f);
          }
        }
      }
    }
  }

  private SparseVector vector(Scratch s) {
    int[] f = s.feats;
    int m = s.features;
    Arrays.sort(f, 0, m);
    int distinct = 0;
    for (int i = 0; i < m; i++) {
      if (i == 0 || f[i] != f[i - 1]) {
        distinct++;
      }
    }
    int[] indices = new int[distinct];
    double[] values = new double[distinct];
    int k = -1;
    for (int i = 0; i < m; i++) {
      if (i == 0 || f[i] != f[i - 1]) {
        indices[++k] = f[i];
      }
      values[k]++;
    }
    double norm = 0;
    for (int i = 0; i < distinct; i++) {
      double tf = config.sublinearTf() ? 1.0 + Math.log(values[i]) : values[i];
      values[i] = tf * idf[indices[i]];
      norm += values[i] * values[i];
    }
    if (config.l2Normalize() && norm > 0) {
      double scale = 1.0 / Math.sqrt(norm);
      for (int i = 0; i < distinct; i++) {
        values[i] *= scale;
      }
    }
    return new SparseVector(indices, values);
  }

  /** Per-thread state of {@link #transform}. */
  private static final class Scratch {
    final Tokenizer tokenizer;
    int[] ids = new int[64];
    int[] feats = new int[128];
    int features;

    Scratch(Tokenizer tokenizer) {
      this.tokenizer = tokenizer;
    }

    void addFeature(int f) {
      if (features == feats.length) {
        feats = Arrays.copyOf(feats, features * 2);
      }
      feats[features++] = f;
    }
  }

  /** Term → id, probed with the tokenizer's term hash and chars, so a lookup allocates nothing. */
  private static final class TermTable {
    private int[] hashes = new int[16];
    private char[][] keys = new char[16][];
    private int[] ids = new int[16];
    private int size;

    void add(String term) {
      if ((size + 1) * 2 > keys.length) {
        rehash();
      }
      insert(term.toCharArray(), Tokenizer.hash(term), size++);
    }

    private void insert(char[] key, int h, int id) {
      int mask = keys.length - 1;
      int i = h & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      hashes[i] = h;
      ids[i] = id;
    }

    private void rehash() {
      char[][] oldKeys = keys;
      int[] oldHashes = hashes;
      int[] oldIds = ids;
      keys = new char[oldKeys.length * 2][];
      hashes = new int[keys.length];
      ids = new int[keys.length];
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != null) {
          insert(oldKeys[i], oldHashes[i], oldIds[i]);
        }
      }
    }

    int id(String term) {
      return find(term.toCharArray(), 0, term.length(), Tokenizer.hash(term));
    }

    /** Whether {@code key} is {@code buf[off, off + len)} (a loop: terms are short, shorter than mismatch's setup). */
    private static boolean sameChars(char[] key, char[] buf, int off, int len) {
      if (key.length != len) {
        return false;
      }
      for (int j = 0; j < len; j++) {
        if (key[j] != buf[off + j]) {
          return false;
        }
      }
      return true;
    }

    /** The id of {@code buf[off, off + len)} whose term hash is {@code h}, or -1. */
    int find(char[] buf, int off, int len, int h) {
      int mask = keys.length - 1;
      for (int i = h & mask; keys[i] != null; i = (i + 1) & mask) {
        if (hashes[i] == h && sameChars(keys[i], buf, off, len)) {
          return ids[i];
        }
      }
      return -1;
    }
  }

  /** Packed term-id n-gram → document frequency while fitting (open addressing, grows; keys never 0). */
  private static final class LongCounts {
    long[] keys = new long[1 << 12];
    int[] df = new int[keys.length];
    int[] last = new int[keys.length];
    private int size;

    /** The document frequency of a counted {@code key}. */
    int df(long key) {
      int mask = keys.length - 1;
      for (int i = LongIntTable.slot(key, mask); ; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return df[i];
        }
      }
    }

    /** Counts {@code key} once for document {@code doc} (documents come in increasing order). */
    void count(long key, int doc) {
      int mask = keys.length - 1;
      int i = LongIntTable.slot(key, mask);
      while (keys[i] != 0) {
        if (keys[i] == key) {
          if (last[i] != doc) {
            last[i] = doc;
            df[i]++;
          }
          return;
        }
        i = (i + 1) & mask;
      }
      keys[i] = key;
      df[i] = 1;
      last[i] = doc;
      if (++size * 2 > keys.length) {
        grow();
      }
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldDf = df;
      int[] oldLast = last;
      keys = new long[oldKeys.length * 2];
      df = new int[keys.length];
      last = new int[keys.length];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != 0) {
          int i = LongIntTable.slot(oldKeys[j], mask);
          while (keys[i] != 0) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          df[i] = oldDf[j];
          last[i] = oldLast[j];
        }
      }
    }
  }

  /** Packed term-id n-gram → feature index (open addressing; keys are never 0). */
  private static final class LongIntTable {
    private final long[] keys;
    private final int[] values;

    LongIntTable(int expected) {
      int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
      keys = new long[cap];
      values = new int[cap];
    }

    private static int slot(long key, int mask) {
      return (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> 32) & mask;
    }

    void put(long key, int value) {
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (keys[i] != 0) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      values[i] = value;
    }

    int get(long key) {
      int mask = keys.length - 1;
      for (int i = slot(key, mask); keys[i] != 0; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return values[i];
        }
      }
      return -1;
    }
  }
}
