package org.topicbench.feature;

import org.topicbench.text.RegexBoundary;

/**
 * What a date or time expression needs to be in a lower-cased text, found in one pass over its digits: the
 * gates that let the date and time regular expressions ({@link LayoutFeatures}' {@code DATE} and
 * {@code TIME}, the keyword rules' {@code DATE_OR_TIME}) run only on the few texts where they can match.
 * Each bit but one is a necessary condition of some of their alternatives, so gating on them never changes
 * a result; {@link #MONTH_DATE} is the outcome of {@code DATE}'s month alternatives themselves. Their
 * equivalence tests run every expression on every text to prove it ({@code DateTimeCuesTest} each bit's
 * own expression).
 */
public final class DateTimeCues {
  /** A month name (or abbreviation), as a word, with a digit before it ({@code \d (st|nd|rd|th)? \s+}) or after it ({@code ,? \s+ \d}). */
  public static final int MONTH_NEAR_DIGIT = 1;
  /** A weekday name as a word. */
  public static final int WEEKDAY = 2;
  /** {@code gmt}, {@code bst} or {@code utc} as a word. */
  public static final int ZONE = 4;
  /** A digit followed by {@code :} or {@code .} and a digit, or by {@code \s*} and "am" or "pm". */
  public static final int CLOCK = 8;
  /** A digit, {@code /} and a digit. */
  public static final int SLASH_DATE = 16;
  /**
   * One of the month alternatives of {@link LayoutFeatures}' {@code DATE} matches:
   * {@code \b\d{1,2}(st|nd|rd|th)?\s+MONTH\b}, {@code \bMONTH\s+\d{1,2}(st|nd|rd|th)?\b} or
   * {@code \bMONTH,?\s+\d{4}\b} (implies {@link #MONTH_NEAR_DIGIT}).
   */
  public static final int MONTH_DATE = 32;

  private static final String[] MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"
  };
  private static final String[] WEEKDAY_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
  };
  private static final String[] ZONE_WORDS = {"gmt", "bst", "utc"};
  private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[256]);

  private DateTimeCues() {}

  /** The bits that hold for {@code lower} (a lower-cased text). */
  public static int of(String lower) {
    return of(lower, true);
  }

  /**
   * {@link #of(String)}, told whether {@code lower} may hold an ASCII digit ({@code false} only when it
   * holds none, for a caller that has counted them).
   *
   * <p>One pass over the digits finds the clock and slash shapes and looks for a month word next to each
   * run of digits (after it, past a suffix and spaces; before it, past spaces and a comma); weekday and zone
   * words are found from their fixed parts ("day", the zones) with {@code indexOf}. Every word counts only
   * between word boundaries as {@code \b} sees them ({@link RegexBoundary}).
   */
  public static int of(String lower, boolean mayHoldDigit) {
    int found = 0;
    if (mayHoldDigit) {
      int n = lower.length();
      char[] chars = CHARS.get();
      if (chars.length < n) {
        chars = new char[Math.max(n, chars.length * 2)];
        CHARS.set(chars);
      }
      lower.getChars(0, n, chars, 0);
      for (int i = 0; i < n; i++) {
        char c = chars[i];
        if (!isDigit(c)) {
          continue;
        }
        if (i + 2 < n && (chars[i + 1] == ':' || chars[i + 1] == '.') && isDigit(chars[i + 2])) {
          found |= CLOCK;
        }
        if (i + 2 < n && chars[i + 1] == '/' && isDigit(chars[i + 2])) {
          found |= SLASH_DATE;
        }
        int j = i + 1;
        while (j < n && isSpace(chars[j])) {
          j++;
        }
        if (j + 1 < n && (chars[j] == 'a' || chars[j] == 'p') && chars[j + 1] == 'm') {
          found |= CLOCK;
        }
        if ((found & MONTH_DATE) == 0 && (i == 0 || !isDigit(chars[i - 1]))) {
          int end = i + 1;
          while (end < n && isDigit(chars[end])) {
            end++;
          }
          found |= monthNearDigits(lower, chars, i, end, n);
        }
      }
    }
    for (int p = lower.indexOf("day"); p >= 0 && (found & WEEKDAY) == 0; p = lower.indexOf("day", p + 1)) {
      int end = p + 3;
      if (RegexBoundary.at(lower, end)) {
        for (String w : WEEKDAY_WORDS) {
          int start = end - w.length();
          if (start >= 0 && lower.startsWith(w, start) && RegexBoundary.at(lower, start)) {
            found |= WEEKDAY;
            break;
          }
        }
      }
    }
    for (int z = 0; z < ZONE_WORDS.length && (found & ZONE) == 0; z++) {
      for (int p = lower.indexOf(ZONE_WORDS[z]); p >= 0; p = lower.indexOf(ZONE_WORDS[z], p + 1)) {
        if (RegexBoundary.at(lower, p) && RegexBoundary.at(lower, p + 3)) {
          found |= ZONE;
          break;
        }
      }
    }
    return found;
  }

  /**
   * A month word after the digits that end at {@code at}: {@code (st|nd|rd|th)? \s+} and then the word, with a
   * boundary after it (the one before it holds: a space, then a letter).
   */
  private static boolean monthAfterDigits(String lower, char[] chars, int at, int n) {
    int j = at;
    if (j + 1 < n && isSuffix(chars[j], chars[j + 1])) {
      if (j + 2 < n && isSpace(chars[j + 2])) {
        j += 2;
      }
    }
    int k = j;
    while (k < n && isSpace(chars[k])) {
      k++;
    }
    if (k == j || k == n) {
      return false;
    }
    int end = k;
    while (end < n && isAsciiLetter(chars[end])) {
      end++;
    }
    return isMonth(lower, k, end) && RegexBoundary.at(lower, end);
  }

  /**
   * {@link #MONTH_NEAR_DIGIT} and {@link #MONTH_DATE} as the run of digits {@code chars[start, end)} makes them:
   * a month word after it ({@code (st|nd|rd|th)? \s+}) or before it ({@code ,? \s+}). A run has no boundary
   * inside, so {@code \d{1,2}} and {@code \d{4}} before a boundary or a suffix are runs of that length.
   */
  private static int monthNearDigits(String lower, char[] chars, int start, int end, int n) {
    int bits = 0;
    int len = end - start;
    if (monthAfterDigits(lower, chars, end, n)) {
      bits |= MONTH_NEAR_DIGIT;
      if (len <= 2 && RegexBoundary.at(lower, start)) {
        bits |= MONTH_DATE;
      }
    }
    int j = start;
    while (j > 0 && isSpace(chars[j - 1])) {
      j--;
    }
    if (j == start || j == 0) {
      return bits;
    }
    boolean plain = monthEndsAt(lower, chars, j);
    boolean comma = chars[j - 1] == ',' && monthEndsAt(lower, chars, j - 1);
    if (plain || comma) {
      bits |= MONTH_NEAR_DIGIT;
      boolean day = plain && len <= 2
          && ((end + 1 < n && isSuffix(chars[end], chars[end + 1]) && RegexBoundary.at(lower, end + 2))
              || RegexBoundary.at(lower, end));
      boolean year = len == 4 && RegexBoundary.at(lower, end);
      if (day || year) {
        bits |= MONTH_DATE;
      }
    }
    return bits;
  }

  /**
   * A month word ends at {@code end} with a boundary before it: the run of ASCII letters ending there is one
   * (no boundary falls inside such a run, and every month word is one).
   */
  private static boolean monthEndsAt(String lower, char[] chars, int end) {
    int start = end;
    while (start > 0 && isAsciiLetter(chars[start - 1])) {
      start--;
    }
    return isMonth(lower, start, end) && RegexBoundary.at(lower, start);
  }

  /** Whether {@code lower[from, to)} is a month word. */
  private static boolean isMonth(String lower, int from, int to) {
    int len = to - from;
    if (len < 3 || len > 9) {
      return false;
    }
    for (String w : MONTH_WORDS) {
      if (w.length() == len && lower.startsWith(w, from)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isSuffix(char a, char b) {
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code \s}: {@code [ \t\n\x0B\f\r]}. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
