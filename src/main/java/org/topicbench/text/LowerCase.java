package org.topicbench.text;

import java.util.Locale;

/**
 * {@code s.toLowerCase(Locale.ROOT)} without its second pass and its per-char dispatch on ASCII (the usual
 * case); the same string, always.
 */
public final class LowerCase {
  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[256]);

  /** {@code Character.toLowerCase} of every BMP char, {@link #NOT_BMP} where it is outside the BMP. */
  private static final int[] LOWER = new int[65536];
  private static final int NOT_BMP = -1;

  static {
    for (int c = 0; c < LOWER.length; c++) {
      int lc = Character.toLowerCase(c);
      LOWER[c] = Character.isBmpCodePoint(lc) ? lc : NOT_BMP;
    }
  }

  private LowerCase() {}

  /** Exactly {@code s.toLowerCase(Locale.ROOT)}. */
  public static String root(String s) {
    int n = s.length();
    char[] b = BUFFER.get();
    if (b.length < n) {
      b = new char[Math.max(n, b.length * 2)];
      BUFFER.set(b);
    }
    s.getChars(0, n, b, 0);
    // first as if every char were ASCII, without a branch per char; any other char sends the text to the loop below
    int all = 0;
    int changed = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i];
      int up = (((c - 'A') | ('Z' - c)) >>> 31) ^ 1; // 1 for 'A' to 'Z'
      b[i] = (char) (c + (up << 5));
      all |= c;
      changed |= up;
    }
    if (all < 128) {
      return changed != 0 ? new String(b, 0, n) : s;
    }
    boolean upper = changed != 0; // ASCII is lower-cased already, and the rest untouched
    for (int i = 0; i < n; i++) {
      char c = b[i];
      if (c < 128) {
        continue;
      }
      // what String.toLowerCase does char by char, except where it does more (surrogates, a final
      // sigma, the dotted capital I, a lower case outside the BMP): those go to it
      if (Character.isSurrogate(c) || c == '\u03A3' || c == '\u0130') {
        return s.toLowerCase(Locale.ROOT);
      }
      int lc = LOWER[c];
      if (lc != c) {
        if (lc == NOT_BMP) {
          return s.toLowerCase(Locale.ROOT);
        }
        b[i] = (char) lc;
        upper = true;
      }
    }
    return upper ? new String(b, 0, n) : s;
  }
}
