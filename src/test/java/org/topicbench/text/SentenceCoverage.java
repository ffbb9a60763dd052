package org.topicbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
    for (Sentence s : sentences) {
      String where = " at " + s + " in \"" + escape(text) + "\"";
      assertTrue(s.start() >= covered, "overlaps the previous sentence" + where);
      assertTrue(s.end() <= text.length(), "ends past the text" + where);
      assertEquals(text.substring(s.start(), s.end()), s.text(), "text differs from its span" + where);
      for (int i = covered; i < s.start(); i++) {
        assertTrue(isGap(text.charAt(i)), "non-blank char " + i + " is in no sentence" + where);
      }
      for (int i = s.start(); i < s.end(); i++) {
        assertFalse(isLineBreak(text.charAt(i)), "crosses a line break" + where);
      }
      assertFalse(isBlank(text.charAt(s.start())), "starts with a blank" + where);
      assertFalse(isBlank(text.charAt(s.end() - 1)), "ends with a blank" + where);
      assertEquals(lineOf(text, s.start()), s.line(), "wrong line number" + where);
      covered = s.end();
    }
    for (int i = covered; i < text.length(); i++) {
      assertTrue(isGap(text.charAt(i)), "non-blank char " + i + " after the last sentence is in no sentence");
    }
  }

  /** 1-based line of offset {@code at}: LF, CRLF, CR, NEL, LS and PS each end a line. */
  public static int lineOf(String text, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      char c = text.charAt(i);
      if (isLineBreak(c) && !(c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
        line++;
      }
    }
    return line;
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
