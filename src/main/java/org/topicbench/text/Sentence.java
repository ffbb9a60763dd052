package org.topicbench.text;

import java.util.Objects;

/**
 * One sentence of a text, as {@link SentenceSegmenter} finds it.
 *
 * <p>Offsets are Java {@code String} indices (UTF-16 code units) into the whole text that was
 * segmented, so {@code text.equals(whole.substring(start, end))} always holds.
 *
 * @param line the 1-based line the sentence is on (a sentence never crosses a line break)
 * @param start offset of the sentence's first char, inclusive
 * @param end offset just past its last char, exclusive
 * @param text the sentence, without surrounding whitespace
 */
public record Sentence(int line, int start, int end, String text) {
  public Sentence {
    Objects.requireNonNull(text, "text");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, got " + line);
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "start and end must satisfy 0 <= start < end, got start=" + start + ", end=" + end);
    }
    if (text.length() != end - start) {
      throw new IllegalArgumentException(
          "text length must equal end - start = " + (end - start) + ", got " + text.length());
    }
  }

  /** The sentence's length in UTF-16 code units. */
  public int length() {
    return end - start;
  }
}
