package org.topicbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fuzz test: for any text, every segmenter's sentences are a trimmed, ordered cover of the text's
 * non-blank chars, each exactly once, on one line with the right line number ({@link SentenceCoverage}),
 * and a {@link CharSequence} that is not a String gives the same sentences as the String.
 *
 * <p>Input: the first byte picks the segmenter; the rest is the text ({@link FuzzText}). The committed
 * inputs in {@code SentenceSegmenterFuzzTestInputs/sentences/} replay in every test run;
 * {@code benchmarks/fuzz.sh} fuzzes it.
 */
class SentenceSegmenterFuzzTest {
  private static final SentenceSegmenter[] SEGMENTERS = {
    SentenceSegmenter.english(),
    SentenceSegmenter.of(Locale.GERMAN, Set.of("Nr.", "z.B.")),
    SentenceSegmenter.of(Locale.ROOT, Set.of()),
    SentenceSegmenter.of(Locale.JAPANESE, Set.of("Mr.")),
  };

  @FuzzTest
  void sentences(byte[] data) {
    if (data.length == 0) {
      return;
    }
    SentenceSegmenter segmenter = SEGMENTERS[(data[0] & 0xFF) % SEGMENTERS.length];
    String text = FuzzText.decode(data, 1);
    List<Sentence> sentences = segmenter.segment(text);
    SentenceCoverage.check(text, sentences);
    if ((data[0] & 0x80) != 0) {
      assertEquals(sentences, segmenter.segment(new StringBuilder(text)), "a StringBuilder and its String");
    }
  }
}
