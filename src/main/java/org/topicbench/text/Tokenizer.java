package org.topicbench.text;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
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
 * The text is scanned 64 chars at a time into a bit mask of <em>candidate</em> chars (ASCII letters and
 * digits, and every char at or above U+0080), one table load per char and no branch. Runs of candidates
 * are found with {@link Long#numberOfTrailingZeros} and a carry trick, with no branch per char. A run
 * that is all ASCII and not followed by a {@code ' . ,} with another candidate right after it (the only
 * way an ASCII run can grow) is a token as it stands: it is lower-cased (one OR per four chars, since
 * every char is a letter or digit), copied and hashed four chars per step with SWAR arithmetic on
 * {@code long}s. Any other run (non-ASCII chars, a possible inner apostrophe or number separator) takes a
 * plain per-code-point path built on {@link Character}. Only a token containing {@code İ} (U+0130) or
 * {@code Σ} (U+03A3) allocates, because {@code String.toLowerCase} lower-cases those depending on
 * context.
 */
public final class Tokenizer {
  private static final ValueLayout.OfLong LONG_LE =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  /** 1 for candidate chars: ASCII letters and digits, and every char >= U+0080; else 0. */
  private static final byte[] CANDIDATE = new byte[65536];
  /** 1 for the ASCII chars that can join two runs into one token: ' . , */
  private static final byte[] JOINER = new byte[128];

  static {
    for (int c = 0; c < CANDIDATE.length; c++) {
      CANDIDATE[c] = (byte) (c >= 128 || Character.isLetterOrDigit(c) ? 1 : 0);
    }
    JOINER['\''] = 1;
    JOINER['.'] = 1;
    JOINER[','] = 1;
  }

  // SWAR: four 16-bit lanes per long, lane k = char k (little-endian).
  private static final long NOT_ASCII = 0xFF80_FF80_FF80_FF80L;
  /** LO[n]: the lanes of the first long of an 8-char window that hold chars 0..n-1 (n = 0..8). */
  private static final long[] LO = {0L, 0xFFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFF_FFFFL, -1L, -1L, -1L, -1L, -1L};
  /** HI[n]: the lanes of the second long that hold chars 4..n-1 (n = 0..8). */
  private static final long[] HI = {0L, 0L, 0L, 0L, 0L, 0xFFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFF_FFFFL, -1L};
  /** Bit 5 of every lane: OR-ed into an ASCII letter it lower-cases it; a digit has it already. */
  private static final long CASE_BITS = 0x0020_0020_0020_0020L;

  private final TokenizerConfig config;
  private final long caseBits;
  private final int minLength;
  private final StopWords stopWords;

  // input: buf[base, limit), seg views buf
  private char[] buf = new char[16];
  private MemorySegment seg = MemorySegment.ofArray(buf);
  private char[] own = buf;
  private MemorySegment ownSeg = seg;
  private int base;
  private int limit;
  // scan state: blockMask = candidates of buf[block, block + 64); bits = those not consumed yet
  private int block;
  private long blockMask;
  private long bits;
  // current token
  private char[] term = new char[64];
  private MemorySegment termSeg = MemorySegment.ofArray(term);
  private int termLength;
  private int start;
  private int end;
  private int hash;

  Tokenizer(TokenizerConfig config) {
    this.config = config;
    this.caseBits = config.lowerCase() ? CASE_BITS : 0L;
    this.minLength = config.minLength();
    this.stopWords = StopWords.of(config.stopWords());
  }

  /** The configuration this tokenizer was made from. */
  public TokenizerConfig config() {
    return config;
  }

  /**
   * Starts on {@code text}; offsets are relative to its first char. The chars are copied into a buffer
   * this tokenizer reuses, so {@code text} may change afterwards; no allocation once the buffer is big
   * enough.
   */
  public Tokenizer reset(CharSequence text) {
    int n = text.length();
    if (own.length < n + 8) {
      own = new char[Math.max(n + 8, own.length * 2)];
      ownSeg = MemorySegment.ofArray(own);
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
    buf = own;
    seg = ownSeg;
    start(0, n);
    return this;
  }

  /**
   * Starts on {@code text[from, to)} without copying it; offsets are relative to {@code from}. The array
   * must not change until the last {@link #next()}. Allocates one small view object when {@code text} is
   * not the array of the previous call.
   */
  public Tokenizer reset(char[] text, int from, int to) {
    if (from < 0 || to < from || to > text.length) {
      throw new IndexOutOfBoundsException(
          "from, to must satisfy 0 <= from <= to <= text.length (" + text.length + "), got from=" + from + ", to=" + to);
    }
    if (text != buf) {
      buf = text;
      seg = text == own ? ownSeg : MemorySegment.ofArray(text);
    }
    start(from, to);
    return this;
  }

  private void start(int from, int to) {
    base = from;
    limit = to;
    block = from;
    blockMask = mask(from);
    bits = blockMask;
    termLength = 0;
    start = 0;
    end = 0;
    hash = 0;
  }

  /** Advances to the next token; false when there is none left (then the token accessors are stale). */
  public boolean next() {
    while (true) {
      while (bits == 0) {
        block += 64;
        if (block >= limit) {
          return false;
        }
        blockMask = mask(block);
        bits = blockMask;
      }
      // the lowest run of candidates: adding its lowest bit carries through the run, leaving one bit
      // just past its end (none when the run reaches the end of the block)
      long b = bits;
      long low = b & -b;
      long sum = b + low;
      int s = block + Long.numberOfTrailingZeros(low);
      int e;
      if (sum != 0) {
        e = block + Long.numberOfTrailingZeros(sum);
        bits = b & sum;
      } else {
        e = runEndAcrossBlocks();
      }
      int len = e - s;
      boolean fast = !joinable(e)
          && (len <= 8 ? s + 8 <= buf.length && shortAscii(s, len) : s + len + 4 <= buf.length && longAscii(s, len));
      if (fast ? accept() : general(s, e)) {
        return true;
      }
    }
  }

  /**
   * True when the char at {@code e}, just past a run, is a joiner with a candidate right after it (or
   * when that cannot be told from the current block): then the run may grow into a longer token.
   */
  private boolean joinable(int e) {
    if (e >= limit) {
      return false;
    }
    char c = buf[e];
    if (c >= 128 || JOINER[c] == 0) {
      return false;
    }
    int next = e + 1 - block;
    return next >= 64 || ((blockMask >>> next) & 1) != 0;
  }

  /** The run that started in the current block reaches its end: find where it stops. */
  private int runEndAcrossBlocks() {
    while (true) {
      block += 64;
      if (block >= limit) {
        blockMask = 0;
        bits = 0;
        return limit;
      }
      long m = mask(block);
      long z = ~m;
      if (z != 0) {
        int t = Long.numberOfTrailingZeros(z);
        blockMask = m;
        bits = m & (-1L << t);
        return block + t;
      }
    }
  }

  /** Candidate bits of chars {@code [from, min(from + 64, limit))}. */
  private long mask(int from) {
    char[] b = buf;
    long m = 0;
    if (from + 64 <= limit) {
      for (int i = 0; i < 64; i++) {
        m |= (long) CANDIDATE[b[from + i]] << i;
      }
    } else {
      for (int i = 0, n = limit - from; i < n; i++) {
        m |= (long) CANDIDATE[b[from + i]] << i;
      }
    }
    return m;
  }

  /** Makes the scan continue at {@code p}: everything before it is consumed. */
  private void seek(int p) {
    int offset = p - block;
    if (offset < 0 || offset >= 64) {
      block = base + ((p - base) & ~63);
      blockMask = mask(block);
      offset = p - block;
    }
    bits = blockMask & (-1L << offset);
  }

  /**
   * The fast path for a run {@code [s, s + len)} of 1 to 8 candidates that cannot grow: when it is all
   * ASCII (then all letters and digits) it is the token; writes term, hash and offsets and returns true.
   * Otherwise returns false and changes nothing. Reads 8 chars from {@code s}, so needs {@code s + 8 <=
   * buf.length}; the chars past the run are masked off.
   */
  private boolean shortAscii(int s, int len) {
    long at = 2L * s;
    long w0 = seg.get(LONG_LE, at) & LO[len];
    long w1 = seg.get(LONG_LE, at + 8) & HI[len];
    if (((w0 | w1) & NOT_ASCII) != 0) {
      return false;
    }
    w0 |= caseBits & LO[len];
    w1 |= caseBits & HI[len];
    termSeg.set(LONG_LE, 0, w0);
    termSeg.set(LONG_LE, 8, w1);
    termLength = len;
    hash = finish(w0 * K1 + w1 * K2, len);
    start = s - base;
    end = s + len - base;
    return true;
  }

  /**
   * {@link #shortAscii} for a run of any length, four chars per step; needs {@code s + len + 4 <=
   * buf.length}.
   */
  private boolean longAscii(int s, int len) {
    if (term.length < len + 8) {
      growTerm(len + 8);
    }
    long at = 2L * s;
    long h = 0;
    long k = K1;
    for (int i = 0; i < len; i += 4) {
      long m = LO[Math.min(4, len - i)];
      long w = seg.get(LONG_LE, at + 2L * i) & m;
      if ((w & NOT_ASCII) != 0) {
        return false;
      }
      w |= caseBits & m;
      termSeg.set(LONG_LE, 2L * i, w);
      h += w * k;
      k *= K1;
    }
    termLength = len;
    hash = finish(h, len);
    start = s - base;
    end = s + len - base;
    return true;
  }

  /** Applies minimum length and stop words to the term just built; true when it is a token. */
  private boolean accept() {
    return termLength >= minLength && (stopWords == null || !stopWords.contains(term, termLength, hash));
  }

  /**
   * The general path, one code point at a time: the first token starting in {@code [s, e)} (it may end
   * past {@code e}), or none; afterwards the scan continues after the token, or at {@code e}.
   */
  private boolean general(int s, int e) {
    char[] b = buf;
    boolean lowerCase = caseBits != 0;
    int p = s;
    while (p < e) {
      int cp = Character.codePointAt(b, p, limit);
      if (!Character.isLetterOrDigit(cp)) {
        p += Character.charCount(cp);
        continue;
      }
      int tokenStart = p;
      int n = 0;
      boolean contextual = false;
      while (true) {
        // cp (at p) belongs to the token
        if (term.length < n + 16) {
          growTerm(n + 16);
        }
        if (lowerCase) {
          contextual |= cp == 0x130 || cp == 0x3A3;
          n += Character.toChars(Character.toLowerCase(cp), term, n);
        } else {
          n += Character.toChars(cp, term, n);
        }
        int prev = cp;
        p += Character.charCount(cp);
        if (p >= limit) {
          break;
        }
        cp = Character.codePointAt(b, p, limit);
        if (Character.isLetterOrDigit(cp) || isMark(cp)) {
          continue;
        }
        boolean apostrophe = cp == '\'' || cp == '\u2019';
        if ((apostrophe || ((cp == '.' || cp == ',') && Character.isDigit(prev))) && p + 1 < limit) {
          int next = Character.codePointAt(b, p + 1, limit);
          if (apostrophe ? Character.isLetterOrDigit(next) : Character.isDigit(next)) {
            term[n++] = apostrophe ? '\'' : (char) cp;
            p++;
            cp = next;
            continue;
          }
        }
        break;
      }
      if (contextual) {
        String t = new String(b, tokenStart, p - tokenStart).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (term.length < t.length() + 8) {
          growTerm(t.length() + 8);
        }
        t.getChars(0, t.length(), term, 0);
        n = t.length();
      }
      seek(p);
      termLength = n;
      hash = hash(term, 0, n);
      start = tokenStart - base;
      end = p - base;
      return accept();
    }
    seek(e);
    return false;
  }

  private static boolean isMark(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
  }

  private void growTerm(int min) {
    char[] t = new char[Math.max(min, term.length * 2)];
    System.arraycopy(term, 0, t, 0, termLength);
    term = t;
    termSeg = MemorySegment.ofArray(t);
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
   * A 32-bit hash of the current term, equal to {@link #hash(CharSequence) hash(term())}. It is
   * <em>not</em> {@code String.hashCode()}: it is computed four chars at a time (see
   * {@link #hash(char[], int, int)}), which is what lets the fast path hash while it copies.
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

  private static final long K1 = 0x9E37_79B9_7F4A_7C15L;
  private static final long K2 = K1 * K1;

  /** The term hash of {@code s}; see {@link #hash(char[], int, int)}. */
  public static int hash(CharSequence s) {
    long h = 0;
    long k = K1;
    int n = s.length();
    for (int i = 0; i < n; i += 4) {
      long w = 0;
      for (int j = 0; j < 4 && i + j < n; j++) {
        w |= (long) s.charAt(i + j) << (16 * j);
      }
      h += w * k;
      k *= K1;
    }
    return finish(h, n);
  }

  /**
   * The term hash of {@code a[from, from + len)}: the chars are read as little-endian 64-bit blocks of
   * four (the last one zero-padded), {@code b_0 .. b_m}; {@code h = Σ b_i · K^(i+1)} (mod 2^64, K the
   * 64-bit golden-ratio constant), then the length is xor-ed in, the sum multiplied by a 64-bit odd constant and
   * the high 32 bits of the product kept. Equal terms have equal hashes; {@link #termHash()} is this hash of the term.
   */
  public static int hash(char[] a, int from, int len) {
    long h = 0;
    long k = K1;
    for (int i = 0; i < len; i += 4) {
      long w = 0;
      for (int j = 0; j < 4 && i + j < len; j++) {
        w |= (long) a[from + i + j] << (16 * j);
      }
      h += w * k;
      k *= K1;
    }
    return finish(h, len);
  }

  private static int finish(long h, int len) {
    return (int) (((h ^ len) * 0xFF51_AFD7_ED55_8CCDL) >>> 32);
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
