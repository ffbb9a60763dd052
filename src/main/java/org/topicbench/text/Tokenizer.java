package org.topicbench.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reusable, allocation-free tokenizer in the spirit of Lucene's {@code TokenStream}: {@link #reset} it
 * on a text, then call {@link #next()} until it returns false. After each {@code true}, {@link #start()}
 * and {@link #end()} give the token's offsets in the text, {@link #termBuffer()}/{@link #termLength()}
 * its term (the token as the feature extractor sees it: lower-cased unless configured otherwise) and
 * {@link #termHash()} a hash of that term; none of them allocates. Instances are cheap and not
 * thread-safe: make one per thread from an immutable {@link TokenizerConfig}.
 *
 * <h2>What a token is</h2>
 *
 * <ul>
 *   <li>A token is a maximal run of <em>word characters</em>: code points that are letters or decimal
 *       digits in any script ({@link Character#isLetterOrDigit(int)}, so supplementary letters such as
 *       {@code 𝐀} or CJK extension B count), starting with a letter or digit. Combining marks
 *       ({@code Mn}, {@code Mc}, {@code Me}) that follow a word character stay inside its token; a mark
 *       with no word character before it is a separator. Scripts written without spaces are not
 *       segmented into words: a run of CJK ideographs is one token.
 *   <li>An apostrophe ({@code '} U+0027 or {@code ’} U+2019) between a token character and a letter or
 *       digit stays inside the token ({@code Khan's}, {@code don’t}, {@code rock'n'roll}); in the term it
 *       is always {@code '}, so {@code Khan’s} and {@code Khan's} give the same term. Any other
 *       apostrophe (leading, trailing, doubled) is a separator.
 *   <li>A {@code .} or {@code ,} between two decimal digits stays inside the token ({@code 1,000},
 *       {@code 2.5}, {@code 10.30pm}); elsewhere it is a separator.
 *   <li>Everything else separates tokens: spaces, punctuation, symbols, emoji, hyphens and dashes (so
 *       {@code co-operate} gives {@code co} and {@code operate}), unpaired surrogates.
 *   <li>Terms are lower-cased exactly as {@code token.toLowerCase(Locale.ROOT)} (unless
 *       {@link TokenizerConfig#lowerCase()} is off). Tokens whose term is shorter than
 *       {@link TokenizerConfig#minLength()} chars, or is one of {@link TokenizerConfig#stopWords()}, are
 *       skipped.
 * </ul>
 *
 * <p>Examples with the default configuration (lower-casing on, minimum length 1, no stop words):
 *
 * <pre>
 * ""                                  → (no tokens)
 * "  \t\n "                           → (no tokens)
 * "Sadiq Khan's “on notice” warning"  → sadiq, khan's, on, notice, warning
 * "Don’t co-operate!"                 → don't, co, operate
 * "£1,000 and 2.5% at 10pm, 3.14."    → 1,000, and, 2.5, at, 10pm, 3.14
 * "'quoted' officers' 1990's"         → quoted, officers, 1990's
 * "Café CAFÉ Cafe\u0301 ÆSIR İ"       → café, café, café (with U+0301 kept), æsir, i̇ (i + U+0307)
 * "東京で 2022年 𝐀𝐁 🙂👍 naïve"          → 東京で, 2022年, 𝐀𝐁 (unchanged: no lower case), naïve
 * "ΟΔΥΣΣΕΥΣ"                          → οδυσσευς (final sigma, as String.toLowerCase does)
 * </pre>
 *
 * <h2>How it is fast</h2>
 *
 * The common token, a run of ASCII letters and digits, is copied, lower-cased and hashed in one tight
 * loop on local variables: one load from a 64K-entry table (only its first 128 entries and the
 * non-ASCII marker are ever hot) gives each char's lower case, or a marker for a separator, a joiner
 * {@code ' . ,} or a non-ASCII char, so the loop has one compare per char. That loop ({@code scan})
 * makes no call at all, not even to grow the term buffer, because a call in a hot loop makes C2 keep the
 * loop's variables on the stack (measured: about 25% slower). The run is the whole token unless the char
 * after it is non-ASCII or a joiner followed by anything but a plain ASCII separator; those tokens, tokens
 * starting with a non-ASCII char and tokens longer than the term buffer go to a plain per-code-point path
 * built on {@link Character}. Only a token containing {@code İ} (U+0130) or {@code Σ} (U+03A3) allocates,
 * because {@code String.toLowerCase} lower-cases those depending on context. Bit-mask scanning of 64
 * chars at a time, SWAR lower-casing of four chars per {@code long} and a branch-free 8-char window were
 * tried and measured slower under C2: the per-token bookkeeping outweighed what they saved per char.
 */
public final class Tokenizer {
  /** Per ASCII char: 0 a plain separator, 1 a letter or digit, 2 a joiner ' . ,. */
  private static final byte[] CLASS = new byte[128];
  /** In a run table: an ASCII joiner ' . , (never part of a term as such). */
  private static final char JOIN = 0xFFFE;
  /** In a run or skip table: a non-ASCII char (U+FFFF is a noncharacter, never a term char). */
  private static final char OTHER = 0xFFFF;
  /**
   * Per char, for runs: the lower-cased char for an ASCII letter or digit, JOIN for ' . ,, OTHER for
   * non-ASCII, 0 for the rest (plain separators); RUN_SAME keeps case.
   */
  private static final char[] RUN_LOWER = new char[65536];
  private static final char[] RUN_SAME = new char[65536];
  /** The same for skipping separators, where a joiner is a plain separator (0). */
  private static final char[] SKIP_LOWER = new char[65536];
  private static final char[] SKIP_SAME = new char[65536];

  static {
    for (int c = 0; c < CLASS.length; c++) {
      CLASS[c] = (byte) (c == '\'' || c == '.' || c == ',' ? 2 : Character.isLetterOrDigit(c) ? 1 : 0);
    }
    for (int c = 0; c < 65536; c++) {
      boolean word = c < 128 && CLASS[c] == 1;
      char lower = word ? Character.toLowerCase((char) c) : c >= 128 ? OTHER : 0;
      char same = word ? (char) c : c >= 128 ? OTHER : 0;
      boolean joiner = c == '\'' || c == '.' || c == ',';
      RUN_LOWER[c] = joiner ? JOIN : lower;
      RUN_SAME[c] = joiner ? JOIN : same;
      SKIP_LOWER[c] = lower;
      SKIP_SAME[c] = same;
    }
  }

  private final TokenizerConfig config;
  private final boolean lowerCase;
  private final char[] runCase;
  private final char[] skipCase;
  private final int minLength;
  private final StopWords stopWords;

  // input: buf[base, limit), scanning at pos
  private char[] buf = new char[16];
  private char[] own = buf;
  private int base;
  private int limit;
  private int pos;
  // current token
  private char[] term = new char[64];
  private int termLength;
  private int start;
  private int end;
  private int hash;

  Tokenizer(TokenizerConfig config) {
    this.config = config;
    this.lowerCase = config.lowerCase();
    this.runCase = lowerCase ? RUN_LOWER : RUN_SAME;
    this.skipCase = lowerCase ? SKIP_LOWER : SKIP_SAME;
    this.minLength = config.minLength();
    this.stopWords = StopWords.of(config.stopWords());
  }

  /** The configuration this tokenizer was made from. */
  public TokenizerConfig config() {
    return config;
  }

  /**
   * Starts on {@code text}; offsets are relative to its first char. The chars are copied into a buffer
   * this tokenizer reuses (a fast bulk copy), so {@code text} may change afterwards; no allocation once
   * the buffer is big enough. Use {@link #reset(char[], int, int)} to avoid the copy.
   */
  public Tokenizer reset(CharSequence text) {
    int n = text.length();
    if (own.length < n) {
      own = new char[Math.max(n, own.length * 2)];
    }
    if (text instanceof String s) {
      s.getChars(0, n, own, 0);
    } else if (text instanceof StringBuilder sb) {
      sb.getChars(0, n, own, 0);
    } else {
      for (int i = 0; i < n; i++) {
        own[i] = text.charAt(i);
      }
    }
    return start(own, 0, n);
  }

  /**
   * Starts on {@code text[from, to)} without copying it; offsets are relative to {@code from}. The array
   * must not change until the last {@link #next()}.
   */
  public Tokenizer reset(char[] text, int from, int to) {
    if (from < 0 || to < from || to > text.length) {
      throw new IndexOutOfBoundsException(
          "from, to must satisfy 0 <= from <= to <= text.length (" + text.length + "), got from=" + from + ", to=" + to);
    }
    return start(text, from, to);
  }

  private Tokenizer start(char[] text, int from, int to) {
    buf = text;
    base = from;
    limit = to;
    pos = from;
    termLength = 0;
    start = 0;
    end = 0;
    hash = 0;
    return this;
  }

  /** Advances to the next token; false when there is none left (then the token accessors are stale). */
  public boolean next() {
    while (true) {
      int r = scan();
      if (r == TOKEN) {
        return true;
      }
      if (r == END) {
        return false;
      }
      if (r == SLOW) {
        return nextSlow(pos);
      }
      if (!stopWords.contains(term, termLength, hash)) { // r == CHECK_STOP_WORDS
        return true;
      }
    }
  }

  private static final int END = 0;
  private static final int TOKEN = 1;
  private static final int SLOW = 2;
  private static final int CHECK_STOP_WORDS = 3;

  /**
   * The fast path of {@link #next()}: finds the next token that is a run of ASCII letters and digits,
   * copying, lower-casing and hashing it in one loop. It makes no call at all (a call in a hot loop makes
   * the JIT keep its variables on the stack): what it cannot finish it leaves to {@link #nextSlow}
   * (returning SLOW with {@code pos} where that must start) or to the stop-word check in {@code next}.
   */
  private int scan() {
    char[] b = buf;
    int lim = limit;
    int p = pos;
    char[] skip = skipCase;
    char[] run = runCase;
    while (true) {
      char c;
      while (true) { // skip separators (an ASCII joiner here has no token before it, so it separates)
        if (p >= lim) {
          pos = p;
          return END;
        }
        c = skip[b[p]];
        if (c != 0) {
          break;
        }
        p++;
      }
      if (c == OTHER) {
        pos = p;
        return SLOW;
      }
      int s = p;
      char[] t = term;
      int cap = t.length;
      int h = 0;
      int n = 0;
      do { // c is the lower-cased (or kept) ASCII letter or digit at p
        t[n++] = c;
        h = 31 * h + c;
        p++;
      } while (p < lim && (char) ((c = run[b[p]]) - 1) < JOIN - 1 && n < cap);
      if (p < lim && c >= JOIN || n == cap) {
        // a non-ASCII char may continue the token, and so may a joiner ' . , with no plain separator
        // after it; a token longer than the term buffer needs it grown
        if (c == OTHER || n == cap || (p + 1 < lim && run[b[p + 1]] != 0)) {
          pos = s;
          return SLOW;
        }
      }
      if (n >= minLength) {
        pos = p;
        termLength = n;
        hash = h;
        start = s - base;
        end = p - base;
        return stopWords == null ? TOKEN : CHECK_STOP_WORDS;
      }
    }
  }

  /** Finishes {@link #next()} from {@code p} with the general path. */
  private boolean nextSlow(int p) {
    while (true) {
      if (general(p)) {
        return true;
      }
      p = pos;
      while (p < limit && buf[p] < 128 && CLASS[buf[p]] == 0) {
        p++;
      }
      if (p >= limit) {
        pos = p;
        return false;
      }
    }
  }

  /**
   * The general path, one code point at a time, from {@code s}: skips chars that start no token until a
   * plain ASCII separator (or the end); else reads the token starting there with every rule, makes it
   * current and returns whether it is accepted. Leaves {@code pos} after what it read.
   */
  private boolean general(int s) {
    char[] b = buf;
    int lim = limit;
    int p = s;
    int cp;
    while (true) {
      if (p >= lim) {
        pos = p;
        return false;
      }
      cp = b[p];
      if (cp < 128) {
        if (CLASS[cp] == 0) {
          pos = p;
          return false;
        }
        if (CLASS[cp] == 1) {
          break;
        }
        p++;
        continue;
      }
      cp = Character.codePointAt(b, p, lim);
      if (Character.isLetterOrDigit(cp)) {
        break;
      }
      p += Character.charCount(cp);
    }
    int tokenStart = p;
    int n = 0;
    boolean contextual = false;
    char[] t = term;
    while (true) {
      // cp (at p) belongs to the token
      if (t.length < n + 2) {
        t = growTerm(n + 2, n);
      }
      if (cp < 128) {
        t[n++] = runCase[cp]; // an ASCII letter or digit
      } else if (lowerCase) {
        contextual |= cp == 0x130 || cp == 0x3A3;
        n += Character.toChars(Character.toLowerCase(cp), t, n);
      } else {
        n += Character.toChars(cp, t, n);
      }
      int prev = cp;
      p += Character.charCount(cp);
      if (p >= lim) {
        break;
      }
      cp = b[p];
      if (cp < 128 ? CLASS[cp] == 1 : (Character.isLetterOrDigit(cp = Character.codePointAt(b, p, lim)) || isMark(cp))) {
        continue;
      }
      boolean apostrophe = cp == '\'' || cp == '\u2019';
      if ((apostrophe || ((cp == '.' || cp == ',') && Character.isDigit(prev))) && p + 1 < lim) {
        int next = Character.codePointAt(b, p + 1, lim);
        if (apostrophe ? Character.isLetterOrDigit(next) : Character.isDigit(next)) {
          t[n++] = apostrophe ? '\'' : (char) cp;
          p++;
          cp = next;
          continue;
        }
      }
      break;
    }
    if (contextual) {
      String lower = new String(b, tokenStart, p - tokenStart).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      if (t.length < lower.length()) {
        t = growTerm(lower.length(), 0);
      }
      lower.getChars(0, lower.length(), t, 0);
      n = lower.length();
    }
    pos = p;
    termLength = n;
    hash = hash(t, 0, n);
    start = tokenStart - base;
    end = p - base;
    return n >= minLength && (stopWords == null || !stopWords.contains(t, n, hash));
  }

  private static boolean isMark(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
  }

  private char[] growTerm(int min, int keep) {
    char[] t = new char[Math.max(min, term.length * 2)];
    System.arraycopy(term, 0, t, 0, keep);
    term = t;
    return t;
  }

  /** Start offset of the current token (inclusive), relative to the start of the text. */
  public int start() {
    return start;
  }

  /** End offset of the current token (exclusive): {@code text.substring(start(), end())} is the token. */
  public int end() {
    return end;
  }

  /**
   * The current term's chars in {@code [0, termLength())}; the array is reused and valid until the next
   * call to {@link #next()} or {@code reset}.
   */
  public char[] termBuffer() {
    return term;
  }

  /** Length of the current term in chars (UTF-16 units). */
  public int termLength() {
    return termLength;
  }

  /**
   * {@code String.hashCode()} of the current term ({@code h = 31 * h + c} over its chars), computed while
   * the term is copied; {@link #hash(CharSequence)} gives the same for any text.
   */
  public int termHash() {
    return hash;
  }

  /** The current term as a new String (allocates). */
  public String term() {
    return new String(term, 0, termLength);
  }

  /** True when the current term equals {@code s} char for char. */
  public boolean termEquals(CharSequence s) {
    if (s.length() != termLength) {
      return false;
    }
    for (int i = 0; i < termLength; i++) {
      if (term[i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Convenience for code off the hot path: every term of {@code text}, in order. */
  public List<String> tokenize(String text) {
    reset(text);
    List<String> out = new ArrayList<>();
    while (next()) {
      out.add(term());
    }
    return out;
  }

  /** The term hash of {@code s}: {@code s.toString().hashCode()}, without building the String. */
  public static int hash(CharSequence s) {
    int h = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  /** The term hash of {@code a[from, from + len)}: {@code new String(a, from, len).hashCode()}. */
  public static int hash(char[] a, int from, int len) {
    int h = 0;
    for (int i = from; i < from + len; i++) {
      h = 31 * h + a[i];
    }
    return h;
  }

  /** Stop words as an open-addressing table probed with the term hash: no allocation per lookup. */
  private record StopWords(int[] hashes, char[][] words, int mask) {
    static StopWords of(java.util.Set<String> set) {
      if (set.isEmpty()) {
        return null;
      }
      int cap = Integer.highestOneBit(Math.max(4, set.size() * 4 - 1)) << 1;
      int[] hs = new int[cap];
      char[][] ws = new char[cap][];
      for (String w : set) {
        int h = hash(w);
        int i = h & (cap - 1);
        while (ws[i] != null) {
          i = (i + 1) & (cap - 1);
        }
        hs[i] = h;
        ws[i] = w.toCharArray();
      }
      return new StopWords(hs, ws, cap - 1);
    }

    boolean contains(char[] t, int n, int h) {
      for (int i = h & mask; words[i] != null; i = (i + 1) & mask) {
        if (hashes[i] == h && java.util.Arrays.equals(words[i], 0, words[i].length, t, 0, n)) {
          return true;
        }
      }
      return false;
    }
  }
}
