package org.topicbench.text;

import java.util.Locale;

/** {@code s.toLowerCase(Locale.ROOT)}, with a faster path for ASCII text (the usual case). */
public final class LowerCase {
  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[256]);

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
    boolean upper = false;
    for (int i = 0; i < n; i++) {
      char c = b[i];
      if (c >= 128) {
        return s.toLowerCase(Locale.ROOT);
      }
      if (c >= 'A' && c <= 'Z') {
        b[i] = (char) (c + 32);
        upper = true;
      }
    }
    return upper ? new String(b, 0, n) : s;
  }
}
