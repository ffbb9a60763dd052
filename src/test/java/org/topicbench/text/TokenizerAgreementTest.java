package org.topicbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property test: on random strings mixing ASCII, Latin-1, curly quotes and dashes, CJK, emoji,
 * combining marks, supplementary letters and digits and unpaired surrogates, the fast tokenizer gives
 * exactly the tokens (offsets and terms) of {@link ReferenceTokenizer}, for several configurations,
 * through both reset methods and with both block kernels (scalar and Vector API; the tests run with
 * {@code --add-modules jdk.incubator.vector}, and fail if the vector kernel cannot be loaded, so neither
 * is skipped). The seed is printed on failure; rerun one with -Dtopicbench.seed=N.
 */
class TokenizerAgreementTest {
  private static final int STRINGS = 300_000;

  /** Pools of code points the generator draws from, each pool equally likely. */
  private static final int[][] POOLS = {
    " \t\n".codePoints().toArray(),
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".codePoints().toArray(),
    "etaoinsrhldcuETAOINS".codePoints().toArray(),
    "0123456789".codePoints().toArray(),
    ".,'-!?;:\"()[]/&%$#@_`~^+=<>|\\{}*".codePoints().toArray(),
    ".,'".codePoints().toArray(),
    range(0x80, 0x100), // Latin-1: letters, NBSP, ×, ÷, ª, µ, soft hyphen ...
    range(0x2008, 0x2032), // general punctuation, the vector kernel's known separators and their edges
    "\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00A0\u2009".codePoints().toArray(), // curly quotes, dashes
    "東京都日本語年月中文한국어ひらがなカタカナ".codePoints().toArray(),
    "\u0301\u0308\u0327\u20DD\u0903\u093F\u0E31".codePoints().toArray(), // Mn, Me, Mc marks
    {0x1F600, 0x1F44D, 0x1F1EC, 0x200D, 0xFE0F, 0x1F3FB, 0x2764}, // emoji, ZWJ, VS16, modifier
    {0x1D400, 0x1D41A, 0x20000, 0x10400, 0x10428, 0x1D7CE, 0x1E900}, // supplementary letters, digit
    {0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D}, // surrogates, mostly unpaired
    {0x130, 0x131, 0x3A3, 0x3C3, 0x3C2, 0x391, 0x1E9E, 0xDF, 0x1C5, 0x13A0, 0xAB70, 0x212A, 0x2126, 0x660, 0x669, 0x2160},
  };

  /** Both kernels: the scalar loop and the SIMD one, which this test run must have. */
  static List<Boolean> kernels() {
    if (!TokenizerKernel.vectorAvailable()) {
      throw new AssertionError("the vector kernel did not load: the tests must run with --add-modules"
          + " jdk.incubator.vector on a JVM with SIMD registers of 128 bits or more");
    }
    return List.of(false, true);
  }

  @Test
  void theDefaultKernelIsTheVectorOneWhenTheModuleIsPresent() {
    kernels();
    assertTrue(Tokenizer.kernelName().startsWith("vector ("), Tokenizer.kernelName());
    assertEquals("scalar", TokenizerConfig.DEFAULT.newScalarTokenizer().kernel());
  }

  @Test
  void fastPathAgreesWithReferenceOnRandomStrings() {
    long seed = Long.getLong("topicbench.seed", System.nanoTime());
    Random random = new Random(seed);
    TokenizerConfig[] configs = {
      TokenizerConfig.DEFAULT,
      new TokenizerConfig(false, 1, Set.of()),
      new TokenizerConfig(true, 3, Set.of("the", "don't", "é", "東京")),
    };
    List<Boolean> kernels = kernels();
    Tokenizer[][] fast = new Tokenizer[kernels.size()][configs.length];
    for (int j = 0; j < kernels.size(); j++) {
      for (int k = 0; k < configs.length; k++) {
        fast[j][k] = new Tokenizer(configs[k], kernels.get(j));
      }
    }
    char[] padded = new char[8192];
    for (int n = 0; n < STRINGS; n++) {
      String text = randomText(random);
      int k = n % configs.length;
      List<ReferenceTokenizer.Token> expected = ReferenceTokenizer.tokens(text, configs[k]);
      Tokenizer tokenizer = fast[n / configs.length % kernels.size()][k];
      String how = tokenizer.kernel() + " kernel, ";
      check(seed, n, text, configs[k], expected, collect(tokenizer.reset(text)), how + "reset(CharSequence)");
      check(seed, n, text, configs[k], expected, collectBatches(tokenizer.reset(text), random),
          how + "reset(CharSequence), nextBatch() mixed with next()");
      // the same text inside a larger array with random chars around it: offsets relative to from,
      // nothing read past `to` may leak into a token
      if (text.length() + 16 <= padded.length) {
        int from = random.nextInt(8);
        int to = from + text.length();
        for (int i = 0; i < to + 16; i++) {
          padded[i] = (char) (random.nextBoolean() ? 'x' : random.nextInt(0x10000));
        }
        text.getChars(0, text.length(), padded, from);
        char[] exact = random.nextInt(4) == 0 ? java.util.Arrays.copyOfRange(padded, from, to) : padded;
        int f = exact == padded ? from : 0;
        check(seed, n, text, configs[k], expected,
            collect(tokenizer.reset(exact, f, f + text.length())), how + "reset(char[], from, to)");
        check(seed, n, text, configs[k], expected, collectBatches(tokenizer.reset(exact, f, f + text.length()), random),
            how + "reset(char[], from, to), nextBatch() mixed with next()");
      }
    }
  }

  /**
   * Long texts (up to six 512-char windows) of mostly ASCII words, digits, apostrophes and separators
   * with non-ASCII chars sprinkled at a random rate (Latin-1, curly quotes, marks, CJK, surrogates
   * paired and not), so that tokens cross block and window boundaries, where the term buffer moves and
   * the running sum behind batchTermHash starts again: both kernels give the tokens, offsets and terms
   * of next() on the scalar kernel, and nextBatch() gives String.hashCode() of every term (checked in
   * collectBatches).
   */
  @Test
  void kernelsAndBatchHashesAgreeOnLongMixedTexts() {
    long seed = Long.getLong("topicbench.seed", System.nanoTime());
    Random random = new Random(seed);
    String[] ascii = {"word", "Khan's", "x", "1,000", "2.5", "don't", "ABC", "z9", "'", ",", ".", " ", "  ", "-", "\n"};
    int[][] rare = {POOLS[6], POOLS[7], POOLS[8], POOLS[9], POOLS[10], POOLS[12], POOLS[13], {0x2019, 0xC9, 0x130}};
    for (TokenizerConfig config : List.of(TokenizerConfig.DEFAULT, new TokenizerConfig(false, 1, Set.of()))) {
      Tokenizer vector = new Tokenizer(config, true);
      Tokenizer scalar = new Tokenizer(config, false);
      for (int n = 0; n < 3_000; n++) {
        double rate = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.2;
        int len = random.nextInt(random.nextBoolean() ? 200 : 3000);
        StringBuilder b = new StringBuilder();
        while (b.length() < len) {
          if (random.nextDouble() < rate) {
            int[] pool = rare[random.nextInt(rare.length)];
            b.appendCodePoint(pool[random.nextInt(pool.length)]);
          } else {
            b.append(ascii[random.nextInt(ascii.length)]);
          }
        }
        String text = b.toString();
        List<ReferenceTokenizer.Token> expected = collect(scalar.reset(text));
        String how = "seed " + seed + ", text #" + n + ", config " + config + ": " + escape(text);
        assertEquals(expected, collect(vector.reset(text)), how);
        assertEquals(expected, collectBatches(vector.reset(text), new Random(n)), "nextBatch, vector kernel, " + how);
        assertEquals(expected, collectBatches(scalar.reset(text), new Random(n)), "nextBatch, scalar kernel, " + how);
        char[] padded = ("ab" + text + "cd").toCharArray();
        assertEquals(expected, collectBatches(scalar.reset(padded, 2, 2 + text.length()), new Random(n)),
            "reset(char[]), " + how);
      }
    }
  }

  private static void check(long seed, int n, String text, TokenizerConfig config,
      List<ReferenceTokenizer.Token> expected, List<ReferenceTokenizer.Token> actual, String how) {
    if (!expected.equals(actual)) {
      fail("fast tokenizer disagrees with the reference (seed " + seed + ", string #" + n + ", " + how
          + ", config " + config + ")\n  text:     " + escape(text) + "\n  expected: " + expected
          + "\n  actual:   " + actual);
    }
  }

  /** Tokens of the tokenizer's current input; also checks termHash against hash(term). */
  static List<ReferenceTokenizer.Token> collect(Tokenizer t) {
    List<ReferenceTokenizer.Token> out = new ArrayList<>();
    while (t.next()) {
      String term = t.term();
      assertEquals(Tokenizer.hash(term), t.termHash(), () -> "termHash of " + escape(term));
      out.add(new ReferenceTokenizer.Token(t.start(), t.end(), term));
    }
    return out;
  }

  /**
   * Tokens of the tokenizer's current input through {@link Tokenizer#nextBatch()}, with a random next()
   * now and then (the two may be mixed); also checks each batchTermHash against String.hashCode() and
   * that after a batch the single-token accessors describe its last token.
   */
  static List<ReferenceTokenizer.Token> collectBatches(Tokenizer t, Random random) {
    List<ReferenceTokenizer.Token> out = new ArrayList<>();
    while (true) {
      if (random.nextInt(4) == 0) {
        if (!t.next()) {
          assertEquals(0, t.nextBatch(), "nextBatch after next() returned false");
          return out;
        }
        out.add(new ReferenceTokenizer.Token(t.start(), t.end(), t.term()));
        continue;
      }
      int n = t.nextBatch();
      if (n == 0) {
        assertTrue(!t.next(), "next() after nextBatch() returned 0");
        return out;
      }
      char[] buf = t.batchTermBuffer();
      for (int i = 0; i < n; i++) {
        String term = new String(buf, t.batchTermOffset(i), t.batchTermLength(i));
        assertEquals(term.hashCode(), t.batchTermHash(i), () -> "batchTermHash of " + escape(term));
        out.add(new ReferenceTokenizer.Token(t.batchStart(i), t.batchEnd(i), term));
      }
      ReferenceTokenizer.Token last = out.get(out.size() - 1);
      assertEquals(last, new ReferenceTokenizer.Token(t.start(), t.end(), t.term()), "single accessors after a batch");
    }
  }

  private static String randomText(Random random) {
    int shape = random.nextInt(10);
    // lengths around the 64-char blocks are frequent, so that tokens, marks, joiners and surrogate pairs
    // straddle block boundaries; a few texts span several 512-char windows
    int len = shape == 0 ? random.nextInt(random.nextInt(8) == 0 ? 1300 : 400) : shape < 3 ? random.nextInt(8) : shape < 5 ? 56 + random.nextInt(90)
        : random.nextInt(60);
    StringBuilder b = new StringBuilder();
    // a text favours a few pools so that runs of one kind (long ASCII words, CJK runs) occur
    int[] favoured = {random.nextInt(POOLS.length), random.nextInt(POOLS.length), 1, 0};
    while (b.length() < len) {
      int[] pool = random.nextInt(3) == 0 ? POOLS[random.nextInt(POOLS.length)] : POOLS[favoured[random.nextInt(favoured.length)]];
      b.appendCodePoint(pool[random.nextInt(pool.length)]);
    }
    return b.toString();
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.chars().forEach(c -> {
      if (c >= 0x20 && c < 0x7F) {
        b.append((char) c);
      } else {
        b.append(String.format("\\u%04X", c));
      }
    });
    return b.append('"').toString();
  }
}
