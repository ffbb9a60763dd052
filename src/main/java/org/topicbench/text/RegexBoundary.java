package org.topicbench.text;

/**
 * {@code java.util.regex}'s word boundary {@code \b} (without {@code UNICODE_CHARACTER_CLASS}), computed
 * the way {@code Pattern}'s boundary node computes it, so that code matching literals by hand agrees with
 * the regular expression it replaces: a word char is an ASCII letter, digit or {@code _}, or a non-spacing
 * mark that follows (through other non-spacing marks) a Unicode letter or digit; there is a boundary
 * between two positions whose sides differ, the text's ends counting as non-word.
 */
public final class RegexBoundary {
  private RegexBoundary() {}

  /** Whether {@code \b} holds at index {@code i} of {@code s} (0 to {@code s.length()}). */
  public static boolean at(String s, int i) {
    int n = s.length();
    char before = i > 0 ? s.charAt(i - 1) : ' ';
    char here = i < n ? s.charAt(i) : ' ';
    if (before < 128 && here < 128) { // both sides ASCII (or an end): no code point or mark to look at
      return asciiWord(before) != asciiWord(here);
    }
    return wordBefore(s, i) != wordAt(s, i);
  }

  /** Whether the code point ending at {@code i} is a word char ({@code false} at 0). */
  public static boolean wordBefore(String s, int i) {
    if (i <= 0) {
      return false;
    }
    int ch = s.codePointBefore(i);
    return asciiWord(ch) || (Character.getType(ch) == Character.NON_SPACING_MARK && hasBase(s, i - 1));
  }

  /** Whether the code point at {@code i} is a word char ({@code false} at the end). */
  public static boolean wordAt(String s, int i) {
    if (i >= s.length()) {
      return false;
    }
    int ch = s.codePointAt(i);
    return asciiWord(ch) || (Character.getType(ch) == Character.NON_SPACING_MARK && hasBase(s, i));
  }

  private static boolean asciiWord(int ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
  }

  /** {@code Pattern.hasBaseCharacter}: back from {@code i} over non-spacing marks to a letter or digit. */
  private static boolean hasBase(String s, int i) {
    for (int x = i; x >= 0; x--) {
      int ch = s.codePointAt(x);
      if (Character.isLetterOrDigit(ch)) {
        return true;
      }
      if (Character.getType(ch) != Character.NON_SPACING_MARK) {
        return false;
      }
    }
    return false;
  }
}
