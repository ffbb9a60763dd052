package org.topicbench.feature;

import java.util.List;
import org.topicbench.text.LiteralAutomaton;
import org.topicbench.text.RegexBoundary;

/**
 * What a date or time expression needs to be in a lower-cased text, found in one pass: the gates that
 * let the date and time regular expressions ({@link LayoutFeatures}' {@code DATE} and {@code TIME}, the
 * keyword rules' {@code DATE_OR_TIME}) run only on the few texts where they can match. Each bit is a
 * necessary condition of some of their alternatives, so gating on them never changes a result (their
 * equivalence tests run every expression on every text to prove it); the expressions decide.
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

  private static final List<String> WORDS =
      List.of("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "gmt", "bst", "utc");
  private static final int MONTHS = 24;
  private static final int WEEKDAYS = 31;
  private static final LiteralAutomaton AUTOMATON = new LiteralAutomaton(WORDS);
  private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[256]);
  private static final ThreadLocal<LiteralAutomaton.Hits> HITS = ThreadLocal.withInitial(LiteralAutomaton.Hits::new);

  private DateTimeCues() {}

  /** The bits that hold for {@code lower} (a lower-cased text). */
  public static int of(String lower) {
    return of(lower, true);
  }

  /**
   * {@link #of(String)}, told whether {@code lower} may hold an ASCII digit ({@code false} only when it
   * holds none, for a caller that has counted them).
   */
  public static int of(String lower, boolean mayHoldDigit) {
    int n = lower.length();
    int found = 0;
    boolean digit = false;
    if (!mayHoldDigit) {
      // only a weekday or a zone can be there
      if (!mayNameDayOrZone(lower)) {
        return 0;
      }
      n = 0; // no digit loop
    }
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
      digit = true;
      if (i + 2 < n && (lower.charAt(i + 1) == ':' || lower.charAt(i + 1) == '.') && isDigit(lower.charAt(i + 2))) {
        found |= CLOCK;
      }
      if (i + 2 < n && lower.charAt(i + 1) == '/' && isDigit(lower.charAt(i + 2))) {
        found |= SLASH_DATE;
      }
      int j = i + 1;
      while (j < n && isSpace(lower.charAt(j))) {
        j++;
      }
      if (j + 1 < n && (lower.charAt(j) == 'a' || lower.charAt(j) == 'p') && lower.charAt(j + 1) == 'm') {
        found |= CLOCK;
      }
    }
    if (mayHoldDigit && !digit && !mayNameDayOrZone(lower)) {
      return found;
    }
    LiteralAutomaton.Hits hits = HITS.get();
    AUTOMATON.scan(lower, hits);
    for (int h = 0; h < hits.size(); h++) {
      int id = hits.id(h);
      int end = hits.end(h);
      int start = end - AUTOMATON.length(id);
      if (!RegexBoundary.at(lower, start) || !RegexBoundary.at(lower, end)) {
        continue;
      }
      if (id >= WEEKDAYS) {
        found |= ZONE;
      } else if (id >= MONTHS) {
        found |= WEEKDAY;
      } else if (digit && (digitBefore(lower, start) || digitAfter(lower, end))) {
        found |= MONTH_NEAR_DIGIT;
      }
    }
    return found;
  }

  /** "day", "gmt", "bst" or "utc" somewhere: what a weekday or a zone word needs. */
  private static boolean mayNameDayOrZone(String lower) {
    return lower.contains("day") || lower.contains("gmt") || lower.contains("bst") || lower.contains("utc");
  }

  /** {@code \d (st|nd|rd|th)? \s+} ends at {@code at}. */
  private static boolean digitBefore(String s, int at) {
    int k = at;
    while (k > 0 && isSpace(s.charAt(k - 1))) {
      k--;
    }
    if (k == at || k == 0) {
      return false;
    }
    if (isDigit(s.charAt(k - 1))) {
      return true;
    }
    if (k < 3 || !isDigit(s.charAt(k - 3))) {
      return false;
    }
    String suffix = s.substring(k - 2, k);
    return suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th");
  }

  /** {@code ,? \s+ \d} starts at {@code at}. */
  private static boolean digitAfter(String s, int at) {
    int j = at < s.length() && s.charAt(at) == ',' ? at + 1 : at;
    int k = j;
    while (k < s.length() && isSpace(s.charAt(k))) {
      k++;
    }
    return k > j && k < s.length() && isDigit(s.charAt(k));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code \s}: {@code [ \t\n\x0B\f\r]}. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
