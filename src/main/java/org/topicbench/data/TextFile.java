package org.topicbench.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A dataset file read into memory: its bytes (for the checksum) and its text, decoded by {@link Utf8}
 * (strict UTF-8, no NUL byte) with a leading byte-order mark removed, plus a table that turns a char
 * offset into a 1-based line number ({@code \n}, {@code \r\n} and a lone {@code \r} each end a line).
 */
final class TextFile {
  final Path file;
  final byte[] bytes;
  final String text;
  private final int[] lineStarts;

  private TextFile(Path file, byte[] bytes, String text) {
    this.file = file;
    this.bytes = bytes;
    this.text = text;
    this.lineStarts = lineStarts(text);
  }

  /**
   * Reads {@code file}; a missing file, a directory, unreadable bytes, invalid UTF-8 or a NUL byte are
   * input errors.
   */
  static TextFile read(Path file) {
    if (Files.isDirectory(file)) {
      throw InputException.of(file, "is a directory, not a dataset file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw InputException.of(file, "no such file");
    } catch (AccessDeniedException e) {
      throw InputException.of(file, "cannot read: permission denied");
    } catch (IOException e) {
      throw InputException.of(file, "cannot read: " + AtomicFile.describe(e));
    }
    return of(file, bytes);
  }

  /** The file {@code file} holding {@code bytes}; invalid UTF-8 or a NUL byte is an input error. */
  static TextFile of(Path file, byte[] bytes) {
    return new TextFile(file, bytes, decode(file, bytes));
  }

  /** {@link Utf8#decode} without a leading byte-order mark. */
  private static String decode(Path file, byte[] bytes) {
    String s = Utf8.decode(file.toString(), bytes);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** The 1-based line that holds char {@code offset} of {@link #text}. */
  int lineOf(long offset) {
    int i = Arrays.binarySearch(lineStarts, (int) Math.min(offset, Integer.MAX_VALUE));
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The number of lines (a final line break does not start another line). */
  int lineCount() {
    int n = lineStarts.length;
    return n > 1 && lineStarts[n - 1] == text.length() ? n - 1 : n;
  }

  private static int[] lineStarts(String s) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }
}
