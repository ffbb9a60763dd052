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
  public static boolean at(CharSequence s, int i) {
    return wordBefore(s, i) != wordAt(s, i);
  }

  /** Whether the code point ending at {@code i} is a word char ({@code false} at 0). */
  public static boolean wordBefore(CharSequence s, int i) {
    if (i <= 0) {
      return false;
    }
    int ch = Character.codePointBefore(s, i);
    return asciiWord(ch) || (Character.getType(ch) == Character.NON_SPACING_MARK && hasBase(s, i - 1));
  }

  /** Whether the code point at {@code i} is a word char ({@code false} at the end). */
  public static boolean wordAt(CharSequence s, int i) {
    if (i >= s.length()) {
      return false;
    }
    int ch = Character.codePointAt(s, i);
    return asciiWord(ch) || (Character.getType(ch) == Character.NON_SPACING_MARK && hasBase(s, i));
  }

  private static boolean asciiWord(int ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
  }

  /** {@code Pattern.hasBaseCharacter}: back from {@code i} over non-spacing marks to a letter or digit. */
  private static boolean hasBase(CharSequence s, int i) {
    for (int x = i; x >= 0; x--) {
      int ch = Character.codePointAt(s, x);
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
