package org.topicbench.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one strict UTF-8 reader of user files (datasets, and the texts {@code segment} and {@code label}
 * read): a file is text only if it is valid UTF-8 without NUL bytes. Each problem is a one-line
 * {@link InputException} naming the file and, where there is one, the line ({@code \n}, {@code \r\n} and
 * a lone {@code \r} each end a line):
 *
 * <ul>
 *   <li>a UTF-16 or UTF-32 byte-order mark: {@code name: is UTF-16 (byte-order mark FF FE); save it as
 *       UTF-8};
 *   <li>a NUL byte: {@code name:line: binary file, not text (NUL byte at byte offset N)} (as grep and git
 *       decide);
 *   <li>a malformed sequence: {@code name:line: invalid UTF-8 (byte 0xE9 at byte offset N)}.
 * </ul>
 */
public final class Utf8 {
  private Utf8() {}

  /** The text of {@code bytes} exactly as decoded (a UTF-8 byte-order mark stays, as U+FEFF). */
  public static String decode(String name, byte[] bytes) {
    String bom = wideByteOrderMark(bytes);
    if (bom != null) {
      throw new InputException(name + ": is " + bom + "; save it as UTF-8");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new InputException(
            name + ":" + lineAt(bytes, i) + ": binary file, not text (NUL byte at byte offset " + i + ")");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      throw new InputException(
          String.format(
              "%s:%d: invalid UTF-8 (byte 0x%02X at byte offset %d)", name, lineAt(bytes, at), bytes[at] & 0xff, at));
    }
    return out.flip().toString();
  }

  /** "UTF-16 (byte-order mark FF FE)" and the like when {@code bytes} start with one, else null. */
  private static String wideByteOrderMark(byte[] b) {
    return wideByteOrderMark(b, b.length);
  }

  /**
   * "UTF-16 (byte-order mark FF FE)" and the like when the first {@code n} bytes of {@code b} start with a
   * UTF-16 or UTF-32 byte-order mark, else null (for readers that see a file a block at a time).
   */
  public static String wideByteOrderMark(byte[] b, int n) {
    if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
      return "UTF-32 (byte-order mark 00 00 FE FF)";
    }
    if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
      return "UTF-32 (byte-order mark FF FE 00 00)";
    }
    if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return "UTF-16 (byte-order mark FE FF)";
    }
    if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return "UTF-16 (byte-order mark FF FE)";
    }
    return null;
  }

  /** 1-based line of byte offset {@code at}: LF, CRLF and a lone CR each end a line. */
  private static long lineAt(byte[] bytes, int at) {
    long line = 1;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }
}
