package org.topicbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LiteralAutomaton} against every (literal, position) by {@link String#startsWith} (short texts, one
 * chain, and long ones, two); {@link RegexBoundary}
 * against {@code \b}; {@link LowerCase} against {@link String#toLowerCase}.
 */
class LiteralAutomatonTest {
  private static long seed(String test) {
    long seed = Long.getLong("topicbench.seed", System.nanoTime());
    System.out.println(test + " seed " + seed + " (rerun with -Dtopicbench.seed=" + seed + ")");
    return seed;
  }

  private static List<String> naive(List<String> literals, String s) {
    List<String> out = new ArrayList<>();
    for (int end = 1; end <= s.length(); end++) {
      for (int id = 0; id < literals.size(); id++) {
        String l = literals.get(id);
        if (end >= l.length() && s.startsWith(l, end - l.length())) {
          out.add(id + "@" + end);
        }
      }
    }
    return out;
  }

  private static List<String> found(LiteralAutomaton a, String s) {
    LiteralAutomaton.Hits h = new LiteralAutomaton.Hits();
    a.scan(s, h);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      out.add(h.id(i) + "@" + h.end(i));
    }
    return out;
  }

  @Test
  void everyOccurrenceOfEveryLiteralOnRandomTexts() {
    Random r = new Random(seed("LiteralAutomatonTest.everyOccurrenceOfEveryLiteralOnRandomTexts"));
    String alphabet = "abc -.";
    for (int t = 0; t < 6000; t++) {
      List<String> literals = new ArrayList<>();
      for (int i = 1 + r.nextInt(8); i > 0; i--) {
        StringBuilder b = new StringBuilder();
        for (int j = 1 + r.nextInt(t % 2 == 0 ? 4 : 12); j > 0; j--) {
          b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        literals.add(b.toString()); // repeats and literals inside others included
      }
      LiteralAutomaton a = new LiteralAutomaton(literals);
      StringBuilder s = new StringBuilder();
      for (int j = r.nextInt(t % 3 == 0 ? 160 : 40); j > 0; j--) { // long texts run as two chains
        s.append(r.nextInt(10) == 0 ? '\u00e9' : alphabet.charAt(r.nextInt(alphabet.length())));
      }
      assertEquals(naive(literals, s.toString()), found(a, s.toString()), literals + " in '" + s + "'");
    }
  }

  @Test
  void lowerCaseIsStringToLowerCaseRoot() {
    Random r = new Random(seed("LiteralAutomatonTest.lowerCaseIsStringToLowerCaseRoot"));
    String[] pieces = {"a", "Z", "Q", "0", " ", "@", "[", "`", "{", "\u00c9", "\u0130", "\u212a", "\u03a3", "\uD801\uDC00", "\u2019", "\u2014", "\u00e0", "\u00de", "\u0394", "\u0410", "\u1E9E", "\u2160", "\uD801"};
    for (int t = 0; t < 20000; t++) {
      StringBuilder s = new StringBuilder();
      for (int j = r.nextInt(t % 10 == 0 ? 400 : 12); j > 0; j--) {
        s.append(pieces[r.nextInt(t % 2 == 0 ? 9 : pieces.length)]);
      }
      String text = s.toString();
      assertEquals(text.toLowerCase(java.util.Locale.ROOT), LowerCase.root(text), text);
    }
  }

  @Test
  void rejectsEmptyAndNonAsciiLiterals() {
    assertThrows(IllegalArgumentException.class, () -> new LiteralAutomaton(List.of("a", "")));
    assertThrows(IllegalArgumentException.class, () -> new LiteralAutomaton(List.of("caf\u00e9")));
  }

  @Test
  void boundaryAsTheRegexEngineSeesIt() {
    Random r = new Random(seed("LiteralAutomatonTest.boundaryAsTheRegexEngineSeesIt"));
    String[] pieces = {"a", "Z", "0", "_", " ", "-", "\u00e9", "\u0301", "\u0130", "\uD83D\uDE00", "\uD83D", "\n", "\u0660"};
    java.util.regex.Pattern b = java.util.regex.Pattern.compile("\\b");
    for (int t = 0; t < 20000; t++) {
      StringBuilder s = new StringBuilder();
      for (int j = r.nextInt(6); j > 0; j--) {
        s.append(pieces[r.nextInt(pieces.length)]);
      }
      String text = s.toString();
      for (int i = 0; i <= text.length(); i++) {
        java.util.regex.Matcher m = b.matcher(text);
        boolean expected = m.find(i) && m.start() == i;
        assertEquals(expected, RegexBoundary.at(text, i), "at " + i + " of " + text);
      }
    }
  }
}
