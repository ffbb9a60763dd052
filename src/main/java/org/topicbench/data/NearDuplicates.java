package org.topicbench.data;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.topicbench.text.Tokenizer;
import org.topicbench.text.TokenizerConfig;

/**
 * Finds sentences that repeat or nearly repeat, so that folds can keep them on one side of a split and
 * a corpus report can show them.
 *
 * <p><b>The rule.</b> Each text is normalised (Unicode NFKC; curly quotes and apostrophes made straight)
 * and cut into words by {@link TokenizerConfig#DEFAULT} (lower-cased runs of letters and digits), so
 * punctuation, quote marks and case never matter. Two sentences are near-duplicates when
 *
 * <ol>
 *   <li><b>exact:</b> their word sequences are equal (texts without any word: equal after trimming); or
 *   <li><b>similar:</b> the Jaccard similarity of their word sets is at least {@link Rule#jaccard()}
 *       ({@code |A ∩ B| / |A ∪ B|}; 0.7 by default: two 20-word sentences may differ in about three
 *       words each, the same wire copy lightly edited); or
 *   <li><b>contained:</b> the one with fewer distinct word 3-grams has at least
 *       {@link Rule#minContainedWords()} words (6 by default) and at least {@link Rule#containment()}
 *       of its word 3-grams (0.8 by default) occur in the other: a quote that one article prints as a
 *       sentence of its own and another inside a longer sentence ({@code "He has put the Commissioner
 *       on notice."} inside {@code The spokesperson added: "He [the mayor] has put the commissioner on
 *       notice."}: 4 of its 5 3-grams).
 * </ol>
 *
 * <p>Clusters are the connected components of that relation (union-find), so a cluster can chain
 * sentences that are not near-duplicates of each other directly. Repeats inside one document are
 * clustered too; {@link Cluster#spansGroups()} tells the ones that cross documents. Candidates come from
 * prefix filtering over words and 3-grams ordered rarest first (as in set-similarity joins), so the
 * cost grows with the number of sentences that share rare words, not with the square of the corpus;
 * every candidate is checked exactly, so the result equals that of comparing every pair.
 *
 * <p>Deterministic: cluster ids are {@code 0..k-1} in order of first appearance, members in input order.
 */
public final class NearDuplicates {
  private NearDuplicates() {}

  /**
   * The thresholds of the near-duplicate rule (see the class comment).
   *
   * @param jaccard minimum Jaccard similarity of two word sets, in (0, 1]
   * @param containment minimum share of the shorter sentence's word 3-grams found in the longer, in (0, 1]
   * @param minContainedWords minimum words of the shorter sentence for the containment test, at least 3
   */
  public record Rule(double jaccard, double containment, int minContainedWords) {
    /**
     * Jaccard 0.7; containment 0.8 of the 3-grams of a sentence of at least 6 words. Chosen on the five
     * bundled articles, whose shared quotes it finds while leaving paraphrases and a caption that shares
     * 3 of its 5 3-grams with a sentence apart.
     */
    public static final Rule DEFAULT = new Rule(0.7, 0.8, 6);

    public Rule {
      if (!(jaccard > 0 && jaccard <= 1)) {
        throw new IllegalArgumentException("jaccard must be in (0, 1], got " + jaccard);
      }
      if (!(containment > 0 && containment <= 1)) {
        throw new IllegalArgumentException("containment must be in (0, 1], got " + containment);
      }
      if (minContainedWords < 3) {
        throw new IllegalArgumentException("minContainedWords must be >= 3 (3-grams), got " + minContainedWords);
      }
    }

    @Override
    public String toString() {
      return "same words; or word-set Jaccard >= " + jaccard + "; or >= " + containment
          + " of the word 3-grams of a sentence of >= " + minContainedWords + " words inside another";
    }
  }

  /**
   * One cluster.
   *
   * @param id the cluster id, {@code 0..k-1} by first appearance
   * @param members indices into the examples, ascending
   * @param groups the distinct groups (documents) of the members, in order of first appearance
   * @param labels the distinct labels of the members, in order of first appearance
   * @param exact whether every member has the same words in the same order
   */
  public record Cluster(int id, List<Integer> members, List<String> groups, List<String> labels, boolean exact) {
    public Cluster {
      members = List.copyOf(members);
      groups = List.copyOf(groups);
      labels = List.copyOf(labels);
    }

    public int size() {
      return members.size();
    }

    /** More than one member. */
    public boolean repeated() {
      return members.size() > 1;
    }

    /** Members from more than one group (document). */
    public boolean spansGroups() {
      return groups.size() > 1;
    }
  }

  /** Every example's cluster, and the clusters. */
  public static final class Result {
    private final Rule rule;
    private final int[] clusterOf;
    private final List<Cluster> clusters;

    Result(Rule rule, int[] clusterOf, List<Cluster> clusters) {
      this.rule = rule;
      this.clusterOf = clusterOf.clone();
      this.clusters = List.copyOf(clusters);
    }

    public Rule rule() {
      return rule;
    }

    /** For each example, its cluster id (a copy). */
    public int[] clusterOf() {
      return clusterOf.clone();
    }

    /** Every cluster, singletons included, by id. */
    public List<Cluster> clusters() {
      return clusters;
    }

    /** The clusters with more than one member. */
    public List<Cluster> repeated() {
      return clusters.stream().filter(Cluster::repeated).toList();
    }

    /** The clusters whose members come from more than one group (document). */
    public List<Cluster> crossGroup() {
      return clusters.stream().filter(Cluster::spansGroups).toList();
    }
  }

  /**
   * For each example, the id of its cluster under {@link Rule#DEFAULT}: examples with the same cluster id
   * repeat or nearly repeat each other; a sentence that repeats nothing is its own cluster. Cluster ids
   * are {@code 0..k-1} in order of first appearance, so the result depends only on the input order.
   */
  public static int[] clusters(List<Example> examples) {
    return find(examples).clusterOf();
  }

  /** The clusters under {@link Rule#DEFAULT}. */
  public static Result find(List<Example> examples) {
    return find(examples, Rule.DEFAULT);
  }

  /** The clusters under {@code rule}. */
  public static Result find(List<Example> examples, Rule rule) {
    int n = examples.size();
    int[][] words = words(examples);
    UnionFind uf = new UnionFind(n);
    int[] exactKey = exact(examples, words, uf);
    // exact copies have the same words, so one of each stands for all: a line repeated n times (boilerplate)
    // costs once, not n times over a posting list n long
    int[] reps = java.util.stream.IntStream.range(0, n).filter(i -> exactKey[i] == i).toArray();
    int[][] repWords = new int[reps.length][];
    for (int r = 0; r < reps.length; r++) {
      repWords[r] = words[reps[r]];
    }
    similar(repWords, reps, rule.jaccard(), uf);
    contained(repWords, reps, rule, uf);

    int[] clusterOf = new int[n];
    int[] idOfRoot = new int[n];
    Arrays.fill(idOfRoot, -1);
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int root = uf.find(i);
      if (idOfRoot[root] < 0) {
        idOfRoot[root] = members.size();
        members.add(new ArrayList<>());
      }
      clusterOf[i] = idOfRoot[root];
      members.get(clusterOf[i]).add(i);
    }
    List<Cluster> clusters = new ArrayList<>(members.size());
    for (int c = 0; c < members.size(); c++) {
      Set<String> groups = new LinkedHashSet<>();
      Set<String> labels = new LinkedHashSet<>();
      boolean exact = true;
      List<Integer> m = members.get(c);
      for (int i : m) {
        groups.add(examples.get(i).group());
        labels.add(examples.get(i).label());
        exact &= exactKey[i] == exactKey[m.getFirst()];
      }
      clusters.add(new Cluster(c, m, List.copyOf(groups), List.copyOf(labels), exact));
    }
    return new Result(rule, clusterOf, clusters);
  }

  /** The text the rule compares: NFKC, straight quotes and apostrophes. */
  static String normalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(
          switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u0060', '\u00B4' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            default -> c;
          });
    }
    return b.toString();
  }

  /** Each text's words as ids into a shared vocabulary. */
  private static int[][] words(List<Example> examples) {
    Tokenizer tokenizer = TokenizerConfig.DEFAULT.newTokenizer();
    Map<String, Integer> vocabulary = new HashMap<>();
    int[][] out = new int[examples.size()][];
    for (int i = 0; i < out.length; i++) {
      List<String> terms = tokenizer.tokenize(normalise(examples.get(i).text()));
      int[] ids = new int[terms.size()];
      for (int k = 0; k < ids.length; k++) {
        ids[k] = vocabulary.computeIfAbsent(terms.get(k), t -> vocabulary.size());
      }
      out[i] = ids;
    }
    return out;
  }

  /** Joins equal word sequences; returns each example's exact-key id. */
  private static int[] exact(List<Example> examples, int[][] words, UnionFind uf) {
    Map<Object, Integer> first = new HashMap<>();
    int[] key = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      Object k = words[i].length == 0 ? examples.get(i).text().strip() : new IntSeq(words[i]);
      Integer f = first.putIfAbsent(k, i);
      if (f != null) {
        uf.union(f, i);
      }
      key[i] = f == null ? i : f;
    }
    return key;
  }

  /**
   * Joins word sets with Jaccard >= t: prefix filtering with the refinements of AllPairs and PPJoin;
   * {@code ids} maps the position of a text in {@code words} to its example.
   *
   * <p>Sets are visited from the smallest (ties in input order), so each indexed set is no larger than
   * the one probing: a pair that passes the test shares at least {@code 2t / (1 + t) |y|} words, so the
   * indexed set {@code y} needs only its {@code |y| - ceil(2t / (1 + t) |y|) + 1} rarest words in the
   * index (with a margin against rounding), the probing set its {@code |x| - ceil(t |x|) + 1}; a
   * posting list holds sets in size order, so those below {@code t |x|} are at its head and are skipped
   * for good. Sets are sorted by rank, so the tokens two sets share before a shared prefix token
   * {@code x[k] = y[py]} lie in both prefixes and have been counted ({@code overlap[j]}) by the time it
   * is reached, and what they can still share is at most {@code min(|x| - k - 1, |y| - py - 1)}: a
   * candidate whose bound fails the test ({@code o >= t (|x| + |y| - o)}, monotone in {@code o}) is
   * dropped before the intersection. Every pair the test accepts shares a word of both prefixes and is
   * not dropped, so the pairs joined are exactly those the test accepts; the order of the unions does not
   * change the clusters.
   */
  private static void similar(int[][] words, int[] ids, double t, UnionFind uf) {
    int[][] sets = rankedSets(words, 1);
    int n = sets.length;
    int[] order = bySize(sets);
    IntLists postings = new IntLists();
    IntLists positions = new IntLists();
    int[] skip = new int[0]; // per token: the head of its posting list already too small
    int[] mark = new int[n];
    Arrays.fill(mark, -1);
    int[] overlap = new int[n];
    int[] candidates = new int[16];
    double indexShare = 2 * t / (1 + t);
    for (int i : order) {
      int[] x = sets[i];
      if (x.length == 0) {
        continue;
      }
      int prefix = x.length - atLeast(t * x.length) + 1;
      int found = 0;
      for (int k = 0; k < prefix; k++) {
        int token = x[k];
        int len = postings.size(token);
        if (token >= skip.length) {
          skip = Arrays.copyOf(skip, Math.max(token + 1, skip.length * 2));
        }
        while (skip[token] < len && sets[postings.get(token, skip[token])].length < t * x.length - 1e-9) {
          skip[token]++;
        }
        for (int p = skip[token]; p < len; p++) {
          int j = postings.get(token, p);
          int[] y = sets[j];
          if (mark[j] != i) {
            mark[j] = i;
            if (y.length < t * x.length - 1e-9 || x.length < t * y.length - 1e-9) {
              overlap[j] = -1; // fails the length test
              continue;
            }
            overlap[j] = 0;
            if (found == candidates.length) {
              candidates = Arrays.copyOf(candidates, found * 2);
            }
            candidates[found++] = j;
          } else if (overlap[j] < 0) {
            continue;
          }
          int bound = overlap[j] + 1 + Math.min(x.length - k - 1, y.length - positions.get(token, p) - 1);
          overlap[j] = bound < t * (x.length + y.length - bound) - 1e-9 ? -1 : overlap[j] + 1;
        }
      }
      for (int c = 0; c < found; c++) {
        int j = candidates[c];
        if (overlap[j] < 0) {
          continue;
        }
        int[] y = sets[j];
        int inter = intersection(x, y);
        if (inter >= t * (x.length + y.length - inter) - 1e-9) {
          uf.union(ids[i], ids[j]);
        }
      }
      int indexed = Math.min(prefix, x.length - (int) Math.ceil(indexShare * x.length - 1e-6) + 1);
      for (int k = 0; k < indexed; k++) {
        postings.add(x[k], i);
        positions.add(x[k], k);
      }
    }
  }

  /** The positions of {@code sets} from the smallest set to the largest, ties in position order. */
  private static int[] bySize(int[][] sets) {
    int max = 0;
    for (int[] s : sets) {
      max = Math.max(max, s.length);
    }
    int[] next = new int[max + 2];
    for (int[] s : sets) {
      next[s.length + 1]++;
    }
    for (int v = 1; v < next.length; v++) {
      next[v] += next[v - 1];
    }
    int[] order = new int[sets.length];
    for (int i = 0; i < sets.length; i++) {
      order[next[sets[i].length]++] = i;
    }
    return order;
  }

  /** Joins a sentence whose 3-grams are at least {@code containment} inside another's ({@code ids} as in similar). */
  private static void contained(int[][] words, int[] ids, Rule rule, UnionFind uf) {
    int[][] sets = rankedSets(words, 3);
    int n = sets.length;
    IntLists postings = new IntLists();
    for (int i = 0; i < n; i++) {
      for (int s : sets[i]) {
        postings.add(s, i);
      }
    }
    int[] mark = new int[n];
    Arrays.fill(mark, -1);
    for (int i = 0; i < n; i++) {
      int[] x = sets[i];
      if (words[i].length < rule.minContainedWords() || x.length == 0) {
        continue;
      }
      int need = atLeast(rule.containment() * x.length);
      int prefix = x.length - need + 1;
      for (int k = 0; k < prefix; k++) {
        for (int p = 0, len = postings.size(x[k]); p < len; p++) {
          int j = postings.get(x[k], p);
          if (j == i || mark[j] == i || sets[j].length < x.length) {
            continue;
          }
          mark[j] = i;
          if (intersection(x, sets[j]) >= need) {
            uf.union(ids[i], ids[j]);
          }
        }
      }
    }
  }

  /** The smallest integer >= v, forgiving floating-point noise (0.8 * 10 is 8, not 9). */
  private static int atLeast(double v) {
    return (int) Math.ceil(v - 1e-9);
  }

  /**
   * Each text's distinct word {@code g}-grams as ranks, ascending, where rank orders the g-grams by how
   * many texts hold them (rarest first, ties by first appearance).
   */
  private static int[][] rankedSets(int[][] words, int g) {
    Map<IntSeq, Integer> ids = new HashMap<>();
    // 3-grams of word ids below 2^21 pack into one long: a primitive table instead of an object per 3-gram
    boolean packed = g == 3 && Arrays.stream(words).flatMapToInt(Arrays::stream).allMatch(v -> v < (1 << 21));
    LongIds packedIds = packed ? new LongIds() : null;
    int[][] sets = new int[words.length][];
    int distinct = 0;
    for (int i = 0; i < words.length; i++) {
      int[] w = words[i];
      int[] s = new int[Math.max(0, w.length - g + 1)];
      for (int k = 0; k < s.length; k++) {
        if (g == 1) {
          s[k] = w[k]; // word ids are already dense
        } else if (packed) {
          s[k] = packedIds.idOf(((long) w[k] << 42) | ((long) w[k + 1] << 21) | w[k + 2]);
        } else {
          s[k] = ids.computeIfAbsent(new IntSeq(Arrays.copyOfRange(w, k, k + g)), x -> ids.size());
        }
        distinct = Math.max(distinct, s[k] + 1);
      }
      Arrays.sort(s);
      int d = 0;
      for (int k = 0; k < s.length; k++) {
        if (k == 0 || s[k] != s[k - 1]) {
          s[d++] = s[k];
        }
      }
      sets[i] = d == s.length ? s : Arrays.copyOf(s, d);
    }
    int[] df = new int[distinct];
    for (int[] s : sets) {
      for (int id : s) {
        df[id]++;
      }
    }
    // rank by (df, id): a counting sort by df, ids in increasing order within each df
    int maxDf = 0;
    for (int v : df) {
      maxDf = Math.max(maxDf, v);
    }
    int[] next = new int[maxDf + 2];
    for (int v : df) {
      next[v + 1]++;
    }
    for (int v = 1; v < next.length; v++) {
      next[v] += next[v - 1];
    }
    int[] rank = new int[distinct];
    for (int k = 0; k < distinct; k++) {
      rank[k] = next[df[k]]++;
    }
    for (int[] s : sets) {
      for (int k = 0; k < s.length; k++) {
        s[k] = rank[s[k]];
      }
      Arrays.sort(s);
    }
    return sets;
  }

  private static int intersection(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        n++;
        i++;
        j++;
      }
    }
    return n;
  }

  /** An int array with value equality, for hash keys. */
  private record IntSeq(int[] a) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IntSeq s && Arrays.equals(a, s.a);
    }

    /** Spreads small ids (Arrays.hashCode collides on them: (a, b + 31) and (a + 1, b)). */
    @Override
    public int hashCode() {
      int h = 0;
      for (int v : a) {
        h = 31 * h + v * 0x9E3779B9;
      }
      return h ^ (h >>> 16);
    }
  }

  /** Growable int lists indexed by key (posting lists). */
  /** Dense ids of distinct longs, in order of first appearance (open addressing, linear probing). */
  private static final class LongIds {
    private long[] keys = new long[1 << 10];
    private int[] values = new int[1 << 10];
    private boolean[] used = new boolean[1 << 10];
    private int size;

    int idOf(long key) {
      if (size * 2 >= keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = (int) (mix(key) & mask);
      while (used[i]) {
        if (keys[i] == key) {
          return values[i];
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      keys[i] = key;
      values[i] = size;
      return size++;
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
      return z ^ (z >>> 33);
    }

    private void grow() {
      long[] k = keys;
      int[] v = values;
      boolean[] u = used;
      keys = new long[k.length * 2];
      values = new int[k.length * 2];
      used = new boolean[k.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < k.length; j++) {
        if (u[j]) {
          int i = (int) (mix(k[j]) & mask);
          while (used[i]) {
            i = (i + 1) & mask;
          }
          used[i] = true;
          keys[i] = k[j];
          values[i] = v[j];
        }
      }
    }
  }

  private static final class IntLists {
    private int[][] lists = new int[64][];
    private int[] sizes = new int[64];

    void add(int key, int value) {
      if (key >= lists.length) {
        int cap = Math.max(key + 1, lists.length * 2);
        lists = Arrays.copyOf(lists, cap);
        sizes = Arrays.copyOf(sizes, cap);
      }
      int[] l = lists[key];
      if (l == null) {
        l = lists[key] = new int[2];
      } else if (sizes[key] == l.length) {
        l = lists[key] = Arrays.copyOf(l, l.length * 2);
      }
      l[sizes[key]++] = value;
    }

    int size(int key) {
      return key < sizes.length ? sizes[key] : 0;
    }

    int get(int key, int index) {
      return lists[key][index];
    }
  }

  /** Union-find with path halving; the smaller index becomes the root, so roots are first appearances. */
  private static final class UnionFind {
    private final int[] parent;

    UnionFind(int n) {
      parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
    }

    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }
}
