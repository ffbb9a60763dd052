package org.topicbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Fuzz test: on any text the fast tokenizer gives exactly the tokens (offsets and terms) of
 * {@link ReferenceTokenizer}, with both kernels and every way of handing it the text: {@code
 * reset(String)}, {@code reset(CharSequence)} of a non-String, {@code reset(char[], from, to)} inside a
 * larger array of letters (nothing past {@code to} may leak into a token), and {@code nextBatch()} mixed
 * with {@code next()}.
 *
 * <p>Input: the first byte picks the configuration and how batches and single tokens mix; the rest is
 * the text ({@link FuzzText}). The committed inputs in {@code TokenizerFuzzTestInputs/tokens/} replay in
 * every test run; {@code benchmarks/fuzz.sh} fuzzes it.
 */
class TokenizerFuzzTest {
  private static final TokenizerConfig[] CONFIGS = {
    TokenizerConfig.DEFAULT,
    new TokenizerConfig(false, 1, Set.of()),
    new TokenizerConfig(true, 3, Set.of("the", "don't", "é", "東京")),
    new TokenizerConfig(false, 2, Set.of("The", "i̇")),
  };

  /** Per kernel (scalar, vector) and configuration, reused across inputs as the tokenizer allows. */
  private static final Tokenizer[][] TOKENIZERS = new Tokenizer[2][CONFIGS.length];

  static {
    List<Boolean> kernels = TokenizerAgreementTest.kernels();
    for (int k = 0; k < kernels.size(); k++) {
      for (int c = 0; c < CONFIGS.length; c++) {
        TOKENIZERS[k][c] = new Tokenizer(CONFIGS[c], kernels.get(k));
      }
    }
  }

  @FuzzTest
  void tokens(byte[] data) {
    if (data.length == 0) {
      return;
    }
    int options = data[0] & 0xFF;
    String text = FuzzText.decode(data, 1);
    int config = options % CONFIGS.length;
    List<ReferenceTokenizer.Token> expected = ReferenceTokenizer.tokens(text, CONFIGS[config]);
    int from = options >>> 2 & 7;
    char[] padded = new char[from + text.length() + 8];
    Arrays.fill(padded, 'a');
    text.getChars(0, text.length(), padded, from);
    for (Tokenizer t : new Tokenizer[] {TOKENIZERS[0][config], TOKENIZERS[1][config]}) {
      check(expected, TokenizerAgreementTest.collect(t.reset(text)), t, config, text, "reset(String)");
      check(expected, TokenizerAgreementTest.collect(t.reset(new StringBuilder(text))), t, config, text,
          "reset(StringBuilder)");
      check(expected, TokenizerAgreementTest.collect(t.reset(padded, from, from + text.length())), t, config, text,
          "reset(char[], from, to)");
      check(expected, TokenizerAgreementTest.collectBatches(t.reset(text), new Random(options)), t, config, text,
          "nextBatch() mixed with next()");
    }
  }

  private static void check(List<ReferenceTokenizer.Token> expected, List<ReferenceTokenizer.Token> actual, Tokenizer t,
      int config, String text, String how) {
    if (!expected.equals(actual)) {
      assertEquals(expected, actual, how + " (" + t.kernel() + " kernel, config " + CONFIGS[config] + ", text "
          + TokenizerAgreementTest.escape(text) + ")");
    }
  }
}
