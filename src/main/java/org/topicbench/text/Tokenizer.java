package org.topicbench.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reusable, allocation-free tokenizer in the spirit of Lucene's {@code TokenStream}: {@link #reset} it
 * on a text, then call {@link #next()} until it returns false. After each {@code true}, {@link #start()}
 * and {@link #end()} give the token's offsets in the text, {@link #termBuffer()},
 * {@link #termOffset()} and {@link #termLength()} its term (the token as the feature extractor sees it:
 * lower-cased unless configured otherwise) and {@link #termHash()} a hash of that term; none of them
 * allocates. {@link #nextBatch()} hands out the same tokens many at a time (offsets and terms by index),
 * which saves a consumer the cost per call. Instances are cheap and not
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
 * The text is read in windows of 512 chars, each classified in 64-char blocks into bit masks, one bit
 * per char: ASCII letters and digits, digits, apostrophes, {@code .} and {@code ,}, and the non-ASCII
 * chars that need a closer look. The same pass writes the block's term chars (lower-cased) into a term
 * buffer. With the {@code jdk.incubator.vector} module ({@code --add-modules jdk.incubator.vector}) the
 * kernel is {@link VectorKernel}: seven SIMD compares per 32 chars (AVX-512; 16 with AVX2), no branch
 * per char, and the commonest non-ASCII chars of news text ({@code ’}, curly quotes, dashes) recognised
 * in the same compares; without the module {@link TokenizerKernel#scalar} does the same work a char at
 * a time (same tokens, slower). Remaining non-ASCII chars are classified one by one
 * from a table (letters, digits and combining marks of any script, surrogate pairs). The token rules are
 * then bit arithmetic over the whole block: combining marks join the run before them by one addition
 * (carry propagation), a joiner stays in a token when the bits on both sides allow it, and every 0→1 or
 * 1→0 change of the token mask is a token boundary. The boundaries become offsets with SIMD compress
 * (or {@link Long#numberOfTrailingZeros}), so {@link #next()} only reads the next two offsets: there is
 * no branch per char and none that depends on a token's length, which leaves the branch predictor
 * nothing to miss but window ends. The term is a view of the term buffer ({@link #termBuffer()} at
 * {@link #termOffset()}); that buffer and the window of a String's chars stay small (the chars of a
 * token still open are moved to its front, as Lucene's tokenizers do), so they stay in the L1 cache.
 * Only a token whose lower case depends on context or changes its length ({@code İ}, {@code Σ}) is
 * lower-cased again with {@code String.toLowerCase} into a separate buffer (and allocates).
 * {@link #batchTermHash(int)} gives each term's {@code String.hashCode()} without a loop per token: one
 * pass per window keeps a running sum of the term chars times powers of 31's inverse.
 */
public final class Tokenizer {
  // Per ASCII char (ASCII_FLAGS): a letter or digit, a decimal digit, '.' or ',', an apostrophe.
  static final int WORD = 1;
  static final int DIGIT = 2;
  static final int SEP = 4;
  static final int APOS = 8;
  // Per non-ASCII char (OTHER_FLAGS): WORD and DIGIT as above, and
  static final int MARK = 4; // a combining mark (Mn, Mc, Me)
  static final int OTHER_APOS = 8; // U+2019
  static final int CONTEXT = 16; // lower-cases depending on context or to another length (U+0130, U+03A3)
  static final int SURROGATE = 32; // classified as a pair, or a separator when unpaired

  static final byte[] ASCII_FLAGS = new byte[128];
  static final char[] ASCII_LOWER = new char[128];
  private static final byte[] OTHER_FLAGS = new byte[65536];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_FLAGS[c] = (byte) ((Character.isLetterOrDigit(c) ? WORD : 0) | (Character.isDigit(c) ? DIGIT : 0)
          | (c == '.' || c == ',' ? SEP : 0) | (c == '\'' ? APOS : 0));
      ASCII_LOWER[c] = (char) Character.toLowerCase(c);
    }
    for (int c = 128; c < 65536; c++) {
      int f;
      if (Character.isSurrogate((char) c)) {
        f = SURROGATE;
      } else {
        f = classOf(c) | (c == '\u2019' ? OTHER_APOS : 0);
        if (c == 0x130 || c == 0x3A3 || Character.charCount(Character.toLowerCase(c)) != 1) {
          f |= CONTEXT;
        }
      }
      OTHER_FLAGS[c] = (byte) f;
    }
  }

  /** WORD (| DIGIT) for a letter or digit, MARK for a combining mark, else 0. */
  private static int classOf(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return WORD | (Character.isDigit(cp) ? DIGIT : 0);
    }
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK
        ? MARK : 0;
  }

  private final TokenizerConfig config;
  private final boolean simd; // classify with VectorKernel
  private final boolean lowerCase;
  private final int minLength;
  private final StopWords stopWords;
  /** No minimum length above 1 and no stop words: every token is returned. */
  private final boolean plain;

  // the block masks a kernel writes (bit i is char p + i of the block at p)
  long maskWord;
  long maskDigit;
  long maskApos;
  long maskSep;
  long maskOther;
  long maskMark; // set by otherChars
  long maskContext;
  final byte[] flags = new byte[64]; // the scalar kernel's flag per char of a block

  /** Chars classified per {@link #fill()}: eight 64-char blocks (measured faster than 256 or 2048). */
  private static final int WINDOW = 512;
  /** Offsets written past the count by {@link #flatten} (unconditionally, to avoid a branch). */
  private static final int SLACK = 24;

  // input: chars [base, limit) of src (a String read a window at a time) or of buf; char i is buf[i - bOff]
  private String src;
  private char[] buf;
  private int bOff;
  private int base;
  private int limit;
  private char[] own = new char[16]; // a copy of a CharSequence that is not a String
  private final char[] window = new char[WINDOW + 3]; // the current window of src, one char before, two after
  // term chars: low[i - lowBase] is the term char of char base + i, for the current window and the token
  // still open before it (Lucene-style: the buffer stays small, so it stays in the L1 cache)
  private char[] low = new char[WINDOW + 128];
  private int lowBase;
  // term hashes (batchTermHash): prefix[j] = sum over k < j of low[k] * 31^-k (mod 2^32), valid for
  // j <= prefixEnd; the hash of low[s, e) is then (prefix[e] - prefix[s]) * 31^(e - 1), String.hashCode()
  private int[] prefix = new int[WINDOW + 128 + 1];
  private int prefixEnd;
  private int[] inverse = INVERSE_POWERS; // 31^-j, at least low.length + 1 of them
  private int[] powers = POWERS; // 31^j, as many
  private int pos; // absolute index of the next block to classify
  private long carryTok; // 1 when the char before pos is inside a token
  private long carryDigit; // 1 when it is a decimal digit
  // token boundaries found but not yet returned, as offsets relative to base: starts and ends alternate
  // (a token is [bounds[k], bounds[k + 1]) for even k); an odd count means the last token's end is not
  // classified yet
  private final int[] bounds = new int[WINDOW + 2 * SLACK + 2];
  private int nBounds;
  private int cursor;
  private int fastEnd; // next() may return tokens [cursor, fastEnd) without any check
  // offsets (relative) of chars that need String.toLowerCase (U+0130, U+03A3 ...), ascending
  private int[] contextChars = new int[16];
  private int nContext;
  private int contextCursor;
  // the current token
  private int start;
  private int end;
  private int contextualAt; // when cursor equals it, the current term is in `term`, not in `low`
  private int contextLength;
  private char[] term = new char[64];
  // the current batch (nextBatch): token i is [batchBounds[batchFrom + 2i], batchBounds[batchFrom + 2i + 1]),
  // its term is batchTerm[batchTermBounds[batchFrom + 2i] - batchShift, batchTermBounds[batchFrom + 2i + 1] - batchShift)
  private int[] batchBounds;
  private int[] batchTermBounds;
  private int batchFrom;
  private char[] batchTerm;
  private int batchShift;
  private final int[] single = new int[2]; // a batch of one token from nextSlow: its offsets
  private final int[] singleTerm = new int[2]; // and where its term is in batchTerm
  // the current batch's term hashes: token i's is (batchPrefix[e] - batchPrefix[s]) * batchPowers[e - 1]
  // with s, e = batchHashBounds[batchFrom + 2i, + 1] - batchHashShift
  private int[] batchHashBounds;
  private int batchHashShift;
  private int[] batchPrefix;
  private int[] batchPowers;
  private final int[] singlePrefix = new int[2]; // a batch of one: {0, its hash}
  private static final int[] SINGLE_HASH_BOUNDS = {0, 1};
  private static final int[] ONE = {1};
  /** 31^j and 31^-j mod 2^32 (31 is odd, so it has an inverse), for j up to the default term buffer. */
  private static final int[] POWERS = powers(31, WINDOW + 128 + 1);
  private static final int[] INVERSE_POWERS = powers(inverse31(), WINDOW + 128 + 1);

  Tokenizer(TokenizerConfig config) {
    this(config, TokenizerKernel.SIMD_DEFAULT);
  }

  /** With the vector kernel when {@code simd} (which needs {@link TokenizerKernel#vectorAvailable()}). */
  Tokenizer(TokenizerConfig config, boolean simd) {
    if (simd && !TokenizerKernel.vectorAvailable()) {
      throw new IllegalArgumentException("simd must be false in a JVM without the jdk.incubator.vector module");
    }
    this.config = config;
    this.simd = simd;
    this.lowerCase = config.lowerCase();
    this.minLength = config.minLength();
    this.stopWords = StopWords.of(config.stopWords());
    this.plain = minLength <= 1 && stopWords == null;
  }

  /** The configuration this tokenizer was made from. */
  public TokenizerConfig config() {
    return config;
  }

  /**
   * Which kernel classifies blocks in this JVM: {@code "vector (N-bit)"} when the
   * {@code jdk.incubator.vector} module is present and usable, else {@code "scalar"}. Both give the same
   * tokens.
   */
  public static String kernelName() {
    return TokenizerKernel.name(TokenizerKernel.SIMD_DEFAULT);
  }

  /** The kernel this instance uses (see {@link #kernelName()}). */
  public String kernel() {
    return TokenizerKernel.name(simd);
  }

  /**
   * Starts on {@code text}; offsets are relative to its first char. A String is read a window at a time;
   * any other CharSequence is first copied into a buffer this tokenizer reuses, so it may change
   * afterwards. No allocation once the buffers are big enough. Use {@link #reset(char[], int, int)} for a
   * char array.
   */
  public Tokenizer reset(CharSequence text) {
    if (text instanceof String s) {
      start(null, 0, s.length());
      src = s;
      buf = window;
      return this;
    }
    int n = text.length();
    if (own.length < n) {
      own = new char[Math.max(n, own.length * 2)];
    }
    if (text instanceof StringBuilder sb) {
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
    src = null;
    buf = text;
    bOff = 0;
    lowBase = 0;
    prefixEnd = 0;
    base = from;
    limit = to;
    pos = from;
    carryTok = 0;
    carryDigit = 0;
    nBounds = 0;
    cursor = 0;
    fastEnd = 0;
    nContext = 0;
    contextCursor = 0;
    start = 0;
    end = 0;
    contextualAt = -1;
    return this;
  }

  /** Advances to the next token; false when there is none left (then the token accessors are stale). */
  public boolean next() {
    int k = cursor;
    if (k < fastEnd) { // the common case, kept small to be inlined
      cursor = k + 2;
      start = bounds[k];
      end = bounds[k + 1];
      return true;
    }
    return nextSlow();
  }

  /**
   * Advances past a batch of tokens and returns how many it holds, 1 or more, or 0 when there is none
   * left. Token {@code i} of the batch ({@code 0 <= i < n}) has offsets {@link #batchStart(int)} and
   * {@link #batchEnd(int)} and its term in {@link #batchTermBuffer()} from {@link #batchTermOffset(int)}
   * for {@link #batchTermLength(int)} chars. The tokens and terms are exactly those {@link #next()} would
   * give one by one, and the two may be mixed: after {@code nextBatch}, {@link #start()}, {@link #term()}
   * and the other single-token accessors describe the batch's last token. A batch is the run of tokens
   * classified so far that need no further check (usually all the tokens of a 512-char window); a
   * token lower-cased by {@code String.toLowerCase}, and every token when a minimum length or stop
   * words are configured, comes in a batch of its own.
   *
   * <p>Why: {@code next()} costs a load and a store of the tokenizer's position per token, and each call
   * waits for the previous call's store. A consumer looping over a batch keeps its index in a register
   * (measured: see {@code TokenizerThroughput.ours_lowerCase_batch}). Like the single-token accessors,
   * the batch is only valid until the next call to {@code next}, {@code nextBatch} or {@code reset}.
   */
  public int nextBatch() {
    while (true) {
      int k = cursor;
      int f = fastEnd;
      if (k < f) {
        cursor = f;
        batchBounds = bounds;
        batchTermBounds = bounds;
        batchFrom = k;
        batchTerm = low;
        batchShift = lowBase;
        batchHashBounds = bounds;
        batchHashShift = lowBase;
        batchPrefix = prefix;
        batchPowers = powers;
        start = bounds[f - 2];
        end = bounds[f - 1];
        if (end - lowBase > prefixEnd) {
          extendPrefix(end - lowBase);
        }
        return (f - k) >> 1;
      }
      if (k + 1 < nBounds) { // tokens left that need a check: one at a time
        break;
      }
      if (!fill()) { // every token returned: classify the next window
        return 0;
      }
    }
    if (!nextSlow()) {
      return 0;
    }
    single[0] = start;
    single[1] = end;
    singleTerm[0] = termOffset();
    singleTerm[1] = termOffset() + termLength();
    batchBounds = single;
    batchTermBounds = singleTerm;
    batchFrom = 0;
    batchTerm = termBuffer();
    batchShift = 0;
    singlePrefix[1] = termHash();
    batchHashBounds = SINGLE_HASH_BOUNDS;
    batchHashShift = 0;
    batchPrefix = singlePrefix;
    batchPowers = ONE;
    return 1;
  }

  /** Extends prefix to low[0, to). */
  private void extendPrefix(int to) {
    int[] pr = prefix;
    char[] lw = low;
    int[] inv = inverse;
    int j = prefixEnd;
    if (simd) { // whole vectors of term chars, possibly past `to` (those sums are redone when needed)
      j = VectorKernel.prefix(pr, lw, inv, j, to);
    }
    int acc = pr[j];
    for (; j < to; j++) {
      acc += lw[j] * inv[j];
      pr[j + 1] = acc;
    }
    prefixEnd = to;
  }

  /** Start offset of token {@code i} of the current batch (see {@link #nextBatch()}). */
  public int batchStart(int i) {
    return batchBounds[batchFrom + 2 * i];
  }

  /** End offset (exclusive) of token {@code i} of the current batch. */
  public int batchEnd(int i) {
    return batchBounds[batchFrom + 2 * i + 1];
  }

  /**
   * The array holding the terms of the current batch; reused, valid until the next call to
   * {@code next}, {@code nextBatch} or {@code reset}; do not write to it.
   */
  public char[] batchTermBuffer() {
    return batchTerm;
  }

  /** Where the term of token {@code i} of the current batch starts in {@link #batchTermBuffer()}. */
  public int batchTermOffset(int i) {
    return batchTermBounds[batchFrom + 2 * i] - batchShift;
  }

  /** Length of the term of token {@code i} of the current batch, in chars. */
  public int batchTermLength(int i) {
    int k = batchFrom + 2 * i;
    return batchTermBounds[k + 1] - batchTermBounds[k];
  }

  /**
   * The hash of the term of token {@code i} of the current batch, the same as
   * {@link #hash(char[], int, int)} of it ({@code String.hashCode()}), without a loop over its chars:
   * {@link #nextBatch()} keeps a running sum of the term chars weighted by powers of 31's inverse modulo
   * 2<sup>32</sup>, so a term's hash is a difference of two sums times a power of 31.
   */
  public int batchTermHash(int i) {
    int k = batchFrom + 2 * i;
    int s = batchHashBounds[k] - batchHashShift;
    int e = batchHashBounds[k + 1] - batchHashShift;
    return (batchPrefix[e] - batchPrefix[s]) * batchPowers[e - 1];
  }

  /** {@code a^0 .. a^(n-1)} modulo 2^32. */
  private static int[] powers(int a, int n) {
    int[] p = new int[n];
    int x = 1;
    for (int j = 0; j < n; j++) {
      p[j] = x;
      x *= a;
    }
    return p;
  }

  /** The inverse of 31 modulo 2^32 (Newton's iteration doubles the correct low bits each step). */
  private static int inverse31() {
    int y = 1;
    for (int i = 0; i < 6; i++) {
      y *= 2 - 31 * y;
    }
    if (31 * y != 1) {
      throw new AssertionError("no inverse of 31");
    }
    return y;
  }

  /** next() in full: fills more blocks, and applies context lower-casing, minimum length, stop words. */
  private boolean nextSlow() {
    while (true) {
      int k = cursor;
      if (k + 1 >= nBounds) {
        if (!fill()) {
          return false;
        }
        continue;
      }
      cursor = k + 2;
      int s = bounds[k];
      int e = bounds[k + 1];
      start = s;
      end = e;
      if (contextCursor < nContext && containsContextChar(s, e)) {
        contextualAt = cursor;
      }
      if (termLength() >= minLength
          && (stopWords == null || !stopWords.contains(termBuffer(), termOffset(), termLength(), termHash()))) {
        return true;
      }
    }
  }

  /** Whether [s, e) holds a char that needs String.toLowerCase; if so makes the term with it. */
  private boolean containsContextChar(int s, int e) {
    int i = contextCursor;
    while (i < nContext && contextChars[i] < s) {
      i++;
    }
    contextCursor = i;
    if (i == nContext || contextChars[i] >= e) {
      return false;
    }
    String token = src != null ? src.substring(s, e) : new String(buf, base + s, e - s);
    String t = token.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    if (term.length < t.length()) {
      term = new char[Math.max(t.length(), term.length * 2)];
    }
    t.getChars(0, t.length(), term, 0);
    contextLength = t.length();
    return true;
  }

  /**
   * Classifies the next window of blocks, appending the tokens found (or false at the end of the text).
   * Every complete token before it has been returned; a token still open moves to the front.
   */
  private boolean fill() {
    int open = nBounds & 1; // 1 when a token is still open
    if (open == 1) {
      bounds[0] = bounds[nBounds - 1];
    }
    nBounds = open;
    cursor = 0;
    fastEnd = 0;
    contextualAt = -1;
    if (contextCursor > 0) {
      System.arraycopy(contextChars, contextCursor, contextChars, 0, nContext - contextCursor);
      nContext -= contextCursor;
      contextCursor = 0;
    }
    if (pos >= limit) {
      return false;
    }
    int rel = pos - base;
    if (open == 0) {
      lowBase = rel;
      prefixEnd = 0;
    } else if (bounds[0] > lowBase) { // keep the open token's term chars, at the front
      System.arraycopy(low, bounds[0] - lowBase, low, 0, rel - bounds[0]);
      lowBase = bounds[0];
      prefixEnd = 0;
    }
    if (low.length < rel - lowBase + WINDOW) { // a token longer than the buffer
      low = java.util.Arrays.copyOf(low, Math.max(rel - lowBase + WINDOW, low.length * 2));
      prefix = java.util.Arrays.copyOf(prefix, low.length + 1);
      powers = powers(31, low.length + 1);
      inverse = powers(inverse31(), low.length + 1);
    }
    if (src != null) { // the window, with the char before it and two after it (for lookahead)
      int from = Math.max(base, pos - 1);
      int to = Math.min(limit, pos + WINDOW + 2);
      src.getChars(from, to, window, 0);
      bOff = from;
    }
    int stop = Math.min(limit, pos + WINDOW);
    classifyWindow(pos, stop);
    pos = stop;
    if (pos >= limit && (nBounds & 1) == 1) { // a token runs to the end of the text
      bounds[nBounds++] = limit - base;
    }
    if (plain && contextCursor == nContext) {
      fastEnd = nBounds & ~1;
    }
    return true;
  }

  /**
   * Classifies the blocks of chars [from, stop), fills their term chars, and appends the starts and ends
   * of their tokens. One loop with its state in locals: a call and field traffic per block were measured
   * to cost more than the classification itself.
   */
  private void classifyWindow(int from, int stop) {
    char[] b = buf;
    int o = bOff; // b[q - o] is char q
    char[] lw = low;
    int lo = base + lowBase; // lw[q - lo] is its term char
    int lim = limit;
    boolean lc = lowerCase;
    boolean vector = simd;
    int[] bs = bounds;
    int nb = nBounds;
    long ct = carryTok;
    long cd = carryDigit;
    for (int p = from; p < stop; p += 64) {
      int n = lim - p;
      if (n >= 64) {
        n = 64;
        if (vector) {
          VectorKernel.classify64(this, b, p - o, lw, p - lo, lc);
        } else {
          TokenizerKernel.scalar(this, b, p - o, 64, lw, p - lo, lc);
        }
      } else {
        TokenizerKernel.scalar(this, b, p - o, n, lw, p - lo, lc);
      }
      long w;
      long d;
      long a;
      long m;
      long x;
      if (maskOther == 0) {
        w = maskWord;
        d = maskDigit;
        a = maskApos;
        m = 0;
        x = 0;
      } else {
        otherChars(p);
        w = maskWord;
        d = maskDigit;
        a = maskApos;
        m = maskMark;
        x = maskContext;
      }
      // the char after the block, for joiners in its last position
      long nextWord = 0;
      long nextDigit = 0;
      int q = p + 64;
      if (n == 64 && q < lim) {
        char c = b[q - o];
        if (c < 128) {
          int f = ASCII_FLAGS[c];
          nextWord = f & WORD;
          nextDigit = (f >> 1) & 1;
        } else {
          int f = nextClass(q);
          nextWord = f & WORD;
          nextDigit = (f >> 1) & 1;
        }
      }
      long t = w;
      if (m != 0) { // marks continue the run before them: carry propagation through each run of marks
        long seed = ((w << 1) | ct) & m;
        t |= ((m + seed) ^ m) & m;
      }
      // an apostrophe after a token char and before a letter or digit; '.' or ',' between two digits
      t |= a & ((t << 1) | ct) & ((w >>> 1) | (nextWord << 63));
      t |= maskSep & ((d << 1) | cd) & ((d >>> 1) | (nextDigit << 63));
      // every change between token and separator is a start or an end, and they alternate
      // (in a last block of n < 64 chars, t is 0 from bit n: a token ending the text ends at bit n)
      long changes = t ^ ((t << 1) | ct);
      int rel = p - base;
      nb = vector ? VectorKernel.flatten(bs, nb, changes, rel) : flatten(bs, nb, changes, rel);
      ct = t >>> 63;
      cd = d >>> 63;
      if (lc && (x &= t) != 0) {
        addContextChars(x, rel);
      }
    }
    nBounds = nb;
    carryTok = ct;
    carryDigit = cd;
  }

  /** The WORD and DIGIT flags of the non-ASCII char q, the first after a block. */
  private int nextClass(int q) {
    char c = buf[q - bOff];
    int f = OTHER_FLAGS[c];
    if ((f & SURROGATE) != 0) {
      int cp = pairAt(q);
      f = cp >= 0 ? classOf(cp) : 0;
    }
    return f;
  }

  /** The code point of the surrogate pair starting at char q, or -1 when q starts none. */
  private int pairAt(int q) {
    char c = buf[q - bOff];
    return Character.isHighSurrogate(c) && q + 1 < limit && Character.isLowSurrogate(buf[q + 1 - bOff])
        ? Character.toCodePoint(c, buf[q + 1 - bOff]) : -1;
  }

  /**
   * The non-ASCII chars of the block at p (bits of maskOther), one by one from a table: adds them to
   * maskWord, maskDigit and maskApos, sets maskMark and maskContext, and writes their term chars.
   */
  private void otherChars(int p) {
    char[] b = buf;
    int o = bOff;
    int lo = base + lowBase;
    long w = maskWord;
    long d = maskDigit;
    long a = maskApos;
    long m = 0;
    long x = 0;
    long other = maskOther;
    while (other != 0) {
      int i = Long.numberOfTrailingZeros(other);
      other &= other - 1;
      int q = p + i;
      char c = b[q - o];
      int f = OTHER_FLAGS[c];
      char lc;
      if ((f & SURROGATE) == 0) {
        lc = (f & OTHER_APOS) != 0 ? '\'' : lowerCase ? Character.toLowerCase(c) : c;
      } else {
        f = 0;
        lc = c;
        int cp = -1;
        boolean high = Character.isHighSurrogate(c);
        if (high) {
          cp = pairAt(q);
        } else if (q - 1 >= base && Character.isHighSurrogate(b[q - 1 - o])) {
          cp = Character.toCodePoint(b[q - 1 - o], c);
        }
        if (cp >= 0) {
          f = classOf(cp);
          if (lowerCase) {
            int l = Character.toLowerCase(cp);
            if (Character.charCount(l) == 2) {
              lc = high ? Character.highSurrogate(l) : Character.lowSurrogate(l);
            } else {
              f |= CONTEXT;
            }
          }
        }
      }
      low[q - lo] = lc;
      w |= (long) (f & WORD) << i;
      d |= (long) ((f >> 1) & 1) << i;
      m |= (long) ((f >> 2) & 1) << i;
      a |= (long) ((f >> 3) & 1) << i;
      x |= (long) ((f >> 4) & 1) << i;
    }
    maskWord = w;
    maskDigit = d;
    maskApos = a;
    maskMark = m;
    maskContext = x;
  }

  /**
   * Appends {@code rel + i} for every set bit i of {@code bits} to {@code out} from index {@code n};
   * returns the new count. The first 16 are written unconditionally (the common case, with no branch
   * that depends on the count; what lies past the count is garbage within the slack).
   */
  private static int flatten(int[] out, int n, long bits, int rel) {
    int count = Long.bitCount(bits);
    for (int j = 0; j < SLACK; j++) {
      out[n + j] = rel + Long.numberOfTrailingZeros(bits);
      bits &= bits - 1;
    }
    for (int j = n + SLACK; bits != 0; j++) {
      out[j] = rel + Long.numberOfTrailingZeros(bits);
      bits &= bits - 1;
    }
    return n + count;
  }

  private void addContextChars(long x, int rel) {
    if (contextChars.length < nContext + 64) {
      contextChars = java.util.Arrays.copyOf(contextChars, nContext + 128);
    }
    while (x != 0) {
      contextChars[nContext++] = rel + Long.numberOfTrailingZeros(x);
      x &= x - 1;
    }
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
   * The array holding the current term in {@code [termOffset(), termOffset() + termLength())}. It is
   * reused and only valid until the next call to {@link #next()} or {@code reset}; do not write to it.
   */
  public char[] termBuffer() {
    return contextualAt == cursor ? term : low;
  }

  /** Where the current term starts in {@link #termBuffer()}. */
  public int termOffset() {
    return contextualAt == cursor ? 0 : start - lowBase;
  }

  /** Length of the current term in chars (UTF-16 units). */
  public int termLength() {
    return contextualAt == cursor ? contextLength : end - start;
  }

  /**
   * {@code String.hashCode()} of the current term ({@code h = 31 * h + c} over its chars), computed on
   * each call; {@link #hash(CharSequence)} gives the same for any text.
   */
  public int termHash() {
    return hash(termBuffer(), termOffset(), termLength());
  }

  /** The current term as a new String (allocates). */
  public String term() {
    return new String(termBuffer(), termOffset(), termLength());
  }

  /** True when the current term equals {@code s} char for char. */
  public boolean termEquals(CharSequence s) {
    int len = termLength();
    if (s.length() != len) {
      return false;
    }
    char[] t = termBuffer();
    int off = termOffset();
    for (int i = 0; i < len; i++) {
      if (t[off + i] != s.charAt(i)) {
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

    boolean contains(char[] t, int off, int n, int h) {
      for (int i = h & mask; words[i] != null; i = (i + 1) & mask) {
        if (hashes[i] == h && java.util.Arrays.equals(words[i], 0, words[i].length, t, off, off + n)) {
          return true;
        }
      }
      return false;
    }
  }
}
