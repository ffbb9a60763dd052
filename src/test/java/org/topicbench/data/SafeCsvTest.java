package org.topicbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topicbench.testsupport.Cli;

class SafeCsvTest {
  @Test
  void cellsASpreadsheetWouldRunGetALeadingQuoteAndNumbersStayNumbers() {
    assertEquals("'=cmd|' /C calc'!A0", SafeCsv.escape("=cmd|' /C calc'!A0"));
    assertEquals("'+HYPERLINK(\"http://x\")", SafeCsv.escape("+HYPERLINK(\"http://x\")"));
    assertEquals("'@SUM(A1)", SafeCsv.escape("@SUM(A1)"));
    assertEquals("'-2+3", SafeCsv.escape("-2+3"));
    assertEquals("'\tx", SafeCsv.escape("\tx"));
    assertEquals("'\rx", SafeCsv.escape("\rx"));
    assertEquals("''=x", SafeCsv.escape("'=x"));
    for (String n : new String[] {"-0.5", "+1", "-1e-9", "-Infinity", "NaN", "0.000000", "-.5", "12"}) {
      assertEquals(n, SafeCsv.escape(n), n);
    }
    for (String plain : new String[] {"", "plain", "'Tis", "a=b", "'", "''", "-", "+"}) {
      assertEquals(plain, SafeCsv.escape(plain), plain);
    }
  }

  /** unescape(escape(s)) == s for random strings over the characters that matter. */
  @Test
  void unescapeUndoesEscape() {
    long seed = Cli.seed("SafeCsvTest.unescapeUndoesEscape");
    SplittableRandom random = new SplittableRandom(seed);
    String alphabet = "'=+-@\t\r0123.eEaN x";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(6); n > 0; n--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      String e = SafeCsv.escape(s);
      assertEquals(s, SafeCsv.unescape(e), "seed " + seed + ": '" + s + "' escaped as '" + e + "'");
      char first = e.isEmpty() ? 'x' : e.charAt(0);
      if ("=+-@\t\r".indexOf(first) >= 0 && !e.equals("-") && !e.equals("+")) {
        // what a spreadsheet sees first is never a formula start, unless the cell is a number
        assertEquals(e, s, "seed " + seed);
        Double.parseDouble(e.replace("Infinity", "1").replace("NaN", "1"));
      }
    }
  }
}
