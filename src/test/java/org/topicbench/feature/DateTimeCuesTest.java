package org.topicbench.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.topicbench.data.Datasets;
import org.topicbench.data.Example;
import org.topicbench.data.Rng;
import org.topicbench.testsupport.Cli;

/**
 * {@link DateTimeCues#of} against each bit's definition written as a regular expression: the same bits on
 * hand-made texts, the bundled data and random texts built from dates' and times' pieces.
 */
class DateTimeCuesTest {
  private static final String MONTH =
      "(january|february|march|april|may|june|july|august|september|october|november|december|"
          + "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
  private static final Pattern MONTH_NEAR_DIGIT =
      Pattern.compile("\\d(st|nd|rd|th)?\\s+" + MONTH + "\\b|\\b" + MONTH + ",?\\s+\\d");
  private static final Pattern WEEKDAY =
      Pattern.compile("\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
  private static final Pattern ZONE = Pattern.compile("\\b(gmt|bst|utc)\\b");
  private static final Pattern CLOCK = Pattern.compile("\\d[:.]\\d|\\d\\s*(am|pm)");
  private static final Pattern SLASH_DATE = Pattern.compile("\\d/\\d");
  /** LayoutFeatures' DATE without its weekday and slash alternatives. */
  private static final Pattern MONTH_DATE = Pattern.compile("\\b\\d{1,2}(st|nd|rd|th)?\\s+" + MONTH + "\\b|\\b"
      + MONTH + "\\s+\\d{1,2}(st|nd|rd|th)?\\b|\\b" + MONTH + ",?\\s+\\d{4}\\b");

  private static int byRegex(String lower) {
    return (MONTH_NEAR_DIGIT.matcher(lower).find() ? DateTimeCues.MONTH_NEAR_DIGIT : 0)
        | (WEEKDAY.matcher(lower).find() ? DateTimeCues.WEEKDAY : 0)
        | (ZONE.matcher(lower).find() ? DateTimeCues.ZONE : 0)
        | (CLOCK.matcher(lower).find() ? DateTimeCues.CLOCK : 0)
        | (SLASH_DATE.matcher(lower).find() ? DateTimeCues.SLASH_DATE : 0)
        | (MONTH_DATE.matcher(lower).find() ? DateTimeCues.MONTH_DATE : 0);
  }

  private static void same(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int expected = byRegex(lower);
    assertEquals(expected, DateTimeCues.of(lower), () -> "text: " + lower.replace("\n", "\\n"));
    boolean digit = lower.chars().anyMatch(c -> c >= '0' && c <= '9');
    assertEquals(expected, DateTimeCues.of(lower, digit), () -> "text (digits counted): " + lower.replace("\n", "\\n"));
  }

  @Test
  void eachBitOnHandMadeTexts() {
    int date = DateTimeCues.MONTH_NEAR_DIGIT | DateTimeCues.MONTH_DATE;
    assertEquals(date, DateTimeCues.of("on 3rd\tmay it rained"));
    assertEquals(date, DateTimeCues.of("published sept, 2022"));
    assertEquals(date, DateTimeCues.of("february 3rd."));
    assertEquals(DateTimeCues.MONTH_NEAR_DIGIT, DateTimeCues.of("in 2022 february"));
    assertEquals(DateTimeCues.MONTH_NEAR_DIGIT, DateTimeCues.of("feb, 12"));
    assertEquals(DateTimeCues.MONTH_NEAR_DIGIT, DateTimeCues.of("may 2022s"));
    assertEquals(0, DateTimeCues.of("published septa 2022"));
    assertEquals(0, DateTimeCues.of("1stmay"));
    assertEquals(DateTimeCues.WEEKDAY, DateTimeCues.of("see you on friday."));
    assertEquals(0, DateTimeCues.of("fridays and today"));
    assertEquals(DateTimeCues.ZONE | DateTimeCues.CLOCK, DateTimeCues.of("at 14:05 gmt"));
    assertEquals(DateTimeCues.CLOCK, DateTimeCues.of("6 pm, not utcx"));
    assertEquals(DateTimeCues.SLASH_DATE, DateTimeCues.of("1/2"));
    assertEquals(0, DateTimeCues.of("no dates here", false));
  }

  @Test
  void sameBitsOnTheBundledData() throws IOException {
    for (var p : List.of(Datasets.SENTENCES, Datasets.EXTERNAL_DEV)) {
      for (Example e : Datasets.read(p).examples()) {
        same(e.text());
      }
    }
  }

  private static final List<String> PIECES = List.of(
      "1", "12", "2022", "123", "3", "st", "nd", "rd", "th", "3rd", "1st", "14:05", "9.30", "1/2", "/", ":", ".", "am", "pm",
      " am", "gmt", "bst", "utc", "utcx", "monday", "friday", "sunday", "day", "today", "may", "mar", "march", "sept",
      "sep", "september", "jun", "june", "dec", "decided", "jan", ",", ", ", " ", "  ", "\t", "\n", "\u000B", "\u00a0",
      "_", "x", "\u00e9", "\u0301", "a", "the", "\uD83D\uDE00");

  @Test
  void sameBitsOnRandomText() {
    long seed = Cli.seed("DateTimeCuesTest.sameBitsOnRandomText");
    Rng rng = new Rng(seed);
    for (int t = 0; t < 100_000; t++) {
      StringBuilder b = new StringBuilder();
      int k = 1 + rng.nextInt(t % 3 == 0 ? 20 : 6);
      for (int i = 0; i < k; i++) {
        b.append(PIECES.get(rng.nextInt(PIECES.size())));
      }
      same(b.toString());
    }
  }
}
