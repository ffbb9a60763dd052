package org.topicbench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a learner spec, with Weka's quoting ({@code weka.core.Utils.splitOptions} and
 * {@code joinOptions}): words are separated by white space; a word in double quotes may hold white space,
 * and inside quotes {@code \\}, {@code \"}, {@code \'}, {@code \t}, {@code \n}, {@code \r} and {@code \%}
 * stand for the character. So a nested Weka option string is written as Weka writes it:
 * {@code -K "weka.classifiers.functions.supportVector.PolyKernel -E 2"}.
 */
public final class SpecTokens {
  private SpecTokens() {}

  /**
   * The words of {@code s}.
   *
   * @throws IllegalArgumentException for an unterminated quote or a trailing backslash inside quotes
   */
  public static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (true) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i == n) {
        return out;
      }
      if (s.charAt(i) == '"') {
        int j = i + 1;
        while (j < n && s.charAt(j) != '"') {
          if (s.charAt(j) == '\\') {
            j++;
            if (j >= n) {
              throw new IllegalArgumentException("a quoted word ends with \\");
            }
          }
          j++;
        }
        if (j >= n) {
          throw new IllegalArgumentException("a quote is not closed");
        }
        out.add(unquote(s.substring(i + 1, j)));
        i = j + 1;
      } else {
        int j = i;
        while (j < n && !Character.isWhitespace(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
  }

  /** Undoes the backslash escapes of a quoted word, as Weka's {@code unbackQuoteChars} does. */
  private static String unquote(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char d = s.charAt(i + 1);
        char r =
            switch (d) {
              case '\\' -> '\\';
              case '\'' -> '\'';
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case '"' -> '"';
              case '%' -> '%';
              default -> 0;
            };
        if (r != 0) {
          b.append(r);
          i++;
          continue;
        }
        if (s.startsWith("u001E", i + 1)) {
          b.append('\u001E');
          i += 5;
          continue;
        }
      }
      b.append(c);
    }
    return b.toString();
  }

  /** The words joined so that {@link #split} gives them back: quoted when empty or holding space or quotes. */
  public static String join(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      if (!b.isEmpty()) {
        b.append(' ');
      }
      b.append(quote(w));
    }
    return b.toString();
  }

  /** One word as {@link #join} writes it: as it is unless empty, starting with a quote or holding white space. */
  public static String quote(String w) {
    boolean plain = !w.isEmpty() && w.charAt(0) != '"';
    for (int i = 0; i < w.length() && plain; i++) {
      plain = !Character.isWhitespace(w.charAt(i));
    }
    if (plain) {
      return w;
    }
    StringBuilder b = new StringBuilder(w.length() + 2).append('"');
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
