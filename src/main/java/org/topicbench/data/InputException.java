package org.topicbench.data;

import java.nio.file.Path;

/**
 * Bad user input: a file that is missing, unreadable or malformed. The message is one line naming
 * the file, the line (when there is one) and what is wrong; the command line prints it and exits 2.
 * A message quotes the user's input only through {@link #excerpt}, so that it stays one short line
 * whatever the file holds; and whatever a message quotes, it is made one line here (every line break,
 * other control character and line or paragraph separator becomes a space), so that no path to an error
 * can break the contract (two fuzzing findings came from messages that quoted input directly).
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The most chars of user input a message quotes by default. */
  public static final int EXCERPT = 200;

  public InputException(String message) {
    super(oneLine(message));
  }

  public InputException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  private static String oneLine(String message) {
    if (message == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      boolean breaks = c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029';
      if (breaks) {
        if (b == null) {
          b = new StringBuilder(message.length()).append(message, 0, i);
        }
        b.append(' ');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? message : b.toString();
  }

  /** {@code file:line: what}. */
  public static InputException at(Path file, long line, String what) {
    return new InputException(file + ":" + line + ": " + what);
  }

  /** {@code file: what}. */
  public static InputException of(Path file, String what) {
    return new InputException(file + ": " + what);
  }

  /** {@code s} cut to {@link #EXCERPT} chars; see {@link #excerpt(CharSequence, int)}. */
  public static String excerpt(CharSequence s) {
    return excerpt(s, EXCERPT);
  }

  /**
   * {@code s} as a message may quote it: on one line (each run of whitespace, control chars and line or
   * paragraph separators becomes one space, none at either end) and at most {@code max} chars, the cut
   * marked with "…" (never between the two chars of a surrogate pair). It reads no further into {@code
   * s} than the cut, except over blanks.
   *
   * @param max at least 2
   */
  public static String excerpt(CharSequence s, int max) {
    if (max < 2) {
      throw new IllegalArgumentException("max must be >= 2, got " + max);
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), max + 2));
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isBlank(c)) {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(c);
      if (b.length() > max) {
        int cut = max - 1;
        if (Character.isHighSurrogate(b.charAt(cut - 1)) && Character.isLowSurrogate(b.charAt(cut))) {
          cut--;
        }
        b.setLength(cut);
        if (b.charAt(b.length() - 1) == ' ') {
          b.setLength(b.length() - 1);
        }
        return b.append('…').toString();
      }
    }
    return b.toString();
  }

  /**
   * {@code items} joined with ", " as {@link #excerpt(CharSequence)} cuts them, reading only as many
   * items as the excerpt can show; an empty item is shown as {@code (empty)}.
   */
  public static String excerpt(Iterable<? extends CharSequence> items) {
    StringBuilder b = new StringBuilder();
    for (CharSequence item : items) {
      if (b.length() > EXCERPT) {
        b.append(", …");
        break;
      }
      if (!b.isEmpty()) {
        b.append(", ");
      }
      b.append(item.isEmpty() ? "(empty)" : item.subSequence(0, Math.min(item.length(), EXCERPT + 1)));
    }
    return excerpt(b);
  }

  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }
}
