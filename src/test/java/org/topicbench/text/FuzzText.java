package org.topicbench.text;

/**
 * Turns a fuzzer's bytes into a Java string that can hold any UTF-16 sequence, so that a seed file is
 * plain UTF-8 text and a mutation still reaches every char: bytes are decoded as UTF-8 that also
 * accepts encoded surrogates (so {@code ED A0 80} is an unpaired U+D800), and a byte that starts no
 * valid sequence stands for the char of the same value (Latin-1), never for U+FFFD.
 */
final class FuzzText {
  private FuzzText() {}

  /** The text of {@code b[from, b.length)}. */
  static String decode(byte[] b, int from) {
    StringBuilder s = new StringBuilder(b.length - from);
    int i = from;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int n = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF5 ? 3 : -1;
      int cp = n == 1 ? c & 0x1F : n == 2 ? c & 0x0F : c & 0x07;
      boolean ok = n >= 0 && i + n < b.length;
      for (int k = 1; ok && k <= n; k++) {
        int d = b[i + k] & 0xFF;
        ok = (d & 0xC0) == 0x80;
        cp = cp << 6 | (d & 0x3F);
      }
      // shortest form only, and no code point past U+10FFFF
      ok = ok && (n == 0 || (n == 1 && cp >= 0x80) || (n == 2 && cp >= 0x800) || (n == 3 && cp >= 0x10000 && cp <= 0x10FFFF));
      if (n == 0) {
        s.append((char) c);
        i++;
      } else if (ok) {
        s.appendCodePoint(cp);
        i += n + 1;
      } else {
        s.append((char) c);
        i++;
      }
    }
    return s.toString();
  }
}
