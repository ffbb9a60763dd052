package org.topicbench.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every occurrence of a fixed set of ASCII literals in a text, found in one pass over its chars
 * (Aho–Corasick, compiled into a dense table over the literals' alphabet): what replaces one regular
 * expression pass per rule when many literal alternatives are looked for in the same text. Overlapping
 * occurrences and literals that end inside others are all reported.
 *
 * <p>Matching is exact and char by char: a char that is in no literal (every non-ASCII char among them)
 * resets the automaton. Immutable and thread-safe; {@link #scan} allocates nothing when {@link Hits} has
 * room.
 */
public final class LiteralAutomaton {
  private final int classes;
  private final byte[] charClass = new byte[128];
  /** {@code next[state * classes + class]} (filled while building). */
  private final int[] next;
  /**
   * What {@link #scan} runs on: for each {@code state * classes + class}, the next state times
   * {@code classes}, shifted left by one, with bit 0 set when the next state reports a literal.
   */
  private final int[] step;
  /** Literal ids reported on entering a state: {@code outputs[outStart[s], outStart[s + 1])}. */
  private final int[] outStart;
  private final int[] outputs;
  private final int[] lengths;
  private final int maxLength;

  /**
   * The automaton of {@code literals}, literal {@code i} reported as id {@code i}.
   *
   * @throws IllegalArgumentException on an empty or non-ASCII literal
   */
  public LiteralAutomaton(List<String> literals) {
    lengths = new int[literals.size()];
    int k = 1; // class 0: a char in no literal
    for (int i = 0; i < literals.size(); i++) {
      String lit = literals.get(i);
      if (lit.isEmpty()) {
        throw new IllegalArgumentException("literal " + i + " is empty");
      }
      lengths[i] = lit.length();
      for (int j = 0; j < lit.length(); j++) {
        char c = lit.charAt(j);
        if (c >= 128) {
          throw new IllegalArgumentException("literal " + i + " is not ASCII: " + lit);
        }
        if (charClass[c] == 0) {
          if (k == 127) {
            throw new IllegalArgumentException("too many distinct chars");
          }
          charClass[c] = (byte) k++;
        }
      }
    }
    classes = k;
    maxLength = Arrays.stream(lengths).max().orElse(0);
    // the trie
    List<int[]> trie = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    trie.add(filled(classes));
    out.add(new ArrayList<>());
    for (int i = 0; i < literals.size(); i++) {
      int s = 0;
      for (char c : literals.get(i).toCharArray()) {
        int cl = charClass[c];
        if (trie.get(s)[cl] < 0) {
          trie.get(s)[cl] = trie.size();
          trie.add(filled(classes));
          out.add(new ArrayList<>());
        }
        s = trie.get(s)[cl];
      }
      out.get(s).add(i);
    }
    // failure links, breadth first, folded into a complete transition table
    int states = trie.size();
    int[] fail = new int[states];
    next = new int[states * classes];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int cl = 0; cl < classes; cl++) {
      int t = trie.get(0)[cl];
      if (t > 0) {
        fail[t] = 0;
        next[cl] = t;
        queue.add(t);
      } else {
        next[cl] = 0;
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int cl = 0; cl < classes; cl++) {
        int t = trie.get(s)[cl];
        if (t > 0) {
          fail[t] = next[fail[s] * classes + cl];
          next[s * classes + cl] = t;
          queue.add(t);
        } else {
          next[s * classes + cl] = next[fail[s] * classes + cl];
        }
      }
    }
    outStart = new int[states + 1];
    int total = 0;
    for (int s = 0; s < states; s++) {
      outStart[s] = total;
      total += out.get(s).size();
    }
    outStart[states] = total;
    outputs = new int[total];
    step = new int[next.length];
    for (int i = 0; i < next.length; i++) {
      int t = next[i];
      step[i] = (t * classes) << 1 | (outStart[t + 1] > outStart[t] ? 1 : 0);
    }
    for (int s = 0, p = 0; s < states; s++) {
      List<Integer> o = out.get(s);
      o.sort(null);
      for (int id : o) {
        outputs[p++] = id;
      }
    }
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  /** The length of literal {@code id}. */
  public int length(int id) {
    return lengths[id];
  }

  /**
   * Every occurrence of every literal in {@code s}, into {@code hits} (cleared first), in increasing order of
   * end, then of literal id.
   *
   * <p>A text of at least three times the longest literal runs as two chains stepped together, whose table
   * loads overlap (one chain waits on each load before the next): the first half from the start, the rest from
   * a longest literal before the middle, silent until the middle. After that many chars the second chain is in
   * the state one chain would be in (a state is the longest suffix read that begins a literal), so the hits are
   * the same, and in the same order.
   */
  public void scan(String s, Hits hits) {
    hits.size = 0;
    int n = s.length();
    if (hits.chars.length < n) {
      hits.chars = new char[Math.max(n, hits.chars.length * 2)];
    }
    char[] chars = hits.chars;
    s.getChars(0, n, chars, 0);
    if (n < 3 * maxLength) {
      int base = 0;
      for (int i = 0; i < n; i++) {
        char c = chars[i];
        int e = step[base + (c < 128 ? charClass[c] : 0)];
        base = e >>> 1;
        if ((e & 1) != 0) {
          report(base, i + 1, hits);
        }
      }
      return;
    }
    int mid = n >>> 1;
    int from = mid - maxLength; // the second chain reads [from, n) and reports from mid on
    Hits later = hits.later();
    later.size = 0;
    int a = 0;
    int b = 0;
    for (int i = 0, j = from; i < mid; i++, j++) {
      char c = chars[i];
      char d = chars[j];
      int e = step[a + (c < 128 ? charClass[c] : 0)];
      int f = step[b + (d < 128 ? charClass[d] : 0)];
      a = e >>> 1;
      b = f >>> 1;
      if ((e & 1) != 0) {
        report(a, i + 1, hits);
      }
      if ((f & 1) != 0 && j >= mid) {
        report(b, j + 1, later);
      }
    }
    for (int j = from + mid; j < n; j++) {
      char d = chars[j];
      int f = step[b + (d < 128 ? charClass[d] : 0)];
      b = f >>> 1;
      if ((f & 1) != 0) {
        report(b, j + 1, later);
      }
    }
    for (int k = 0; k < later.size; k++) {
      hits.add(later.ids[k], later.ends[k]);
    }
  }

  private void report(int base, int end, Hits hits) {
    int state = base / classes;
    for (int o = outStart[state], to = outStart[state + 1]; o < to; o++) {
      hits.add(outputs[o], end);
    }
  }

  /** Occurrences: literal id and end (exclusive) of each; reusable. */
  public static final class Hits {
    private int[] ids = new int[16];
    private int[] ends = new int[16];
    private int size;
    private char[] chars = new char[256];

    /** Number of occurrences. */
    public int size() {
      return size;
    }

    /** The literal of occurrence {@code i}. */
    public int id(int i) {
      return ids[i];
    }

    /** Where occurrence {@code i} ends (exclusive). */
    public int end(int i) {
      return ends[i];
    }

    /** The second chain's occurrences, appended after the first's (made on the first long text). */
    private Hits later;

    private Hits later() {
      if (later == null) {
        later = new Hits();
      }
      return later;
    }

    void add(int id, int end) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      ids[size] = id;
      ends[size++] = end;
    }
  }
}
