package org.topicbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Test oracle for segmentations: the spans reproduce the text, are trimmed, stay on one line with the
 * right line number, and cover every non-blank stretch of the text exactly once.
 */
public final class SentenceCoverage {
  private SentenceCoverage() {}

  /** Blank = whitespace, a space separator (no-break spaces included), the BOM or a zero-width space. */
  public static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
  }

  private static boolean isGap(char c) {
    return isBlank(c) || isLineBreak(c);
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** Fails unless {@code sentences} are a trimmed, ordered, exact cover of the non-blank text. */
  public static void check(String text, List<Sentence> sentences) {
    int covered = 0; // text[0, covered) is accounted for
    int line = 1; // the line of offset covered
    for (Sentence s : sentences) {
      // built only on failure: the fuzz test checks many long texts
      Function<String, Supplier<String>> where = what -> () -> what + " at " + s + " in \"" + escape(text) + "\"";
      assertTrue(s.start() >= covered, where.apply("overlaps the previous sentence"));
      assertTrue(s.end() <= text.length(), where.apply("ends past the text"));
      assertEquals(text.substring(s.start(), s.end()), s.text(), where.apply("text differs from its span"));
      for (int i = covered; i < s.start(); i++) {
        if (!isGap(text.charAt(i))) {
          fail(where.apply("non-blank char " + i + " is in no sentence").get());
        }
      }
      for (int i = s.start(); i < s.end(); i++) {
        if (isLineBreak(text.charAt(i))) {
          fail(where.apply("crosses a line break").get());
        }
      }
      assertFalse(isBlank(text.charAt(s.start())), where.apply("starts with a blank"));
      assertFalse(isBlank(text.charAt(s.end() - 1)), where.apply("ends with a blank"));
      line += lineBreaks(text, covered, s.start());
      assertEquals(line, s.line(), where.apply("wrong line number"));
      covered = s.end();
    }
    for (int i = covered; i < text.length(); i++) {
      assertTrue(isGap(text.charAt(i)), "non-blank char " + i + " after the last sentence is in no sentence");
    }
  }

  /** 1-based line of offset {@code at}: LF, CRLF, CR, NEL, LS and PS each end a line. */
  public static int lineOf(String text, int at) {
    return 1 + lineBreaks(text, 0, at);
  }

  /** The line breaks that end in {@code text[from, to)} (a CRLF counts where its LF is). */
  private static int lineBreaks(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (isLineBreak(c) && !(c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
        n++;
      }
    }
    return n;
  }

  /** {@code text} with control and line-break chars as Java escapes, for failure messages. */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c < 0x20 || isLineBreak(c) || c == '\uFEFF' || c == '\u00a0') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
