package org.topicbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.topicbench.data.InputException;

/**
 * Reads a user's text file (or standard input for {@code -}) as strict UTF-8, turning every problem
 * into a one-line {@link InputException} that names the file and, where there is one, the line. The
 * text is returned exactly as decoded (a BOM and CR chars stay), so offsets into it are offsets into
 * the file's text.
 */
final class TextInput {
  /** The name standard input goes by in messages. */
  static final String STDIN = "<stdin>";

  private TextInput() {}

  /** The text of file {@code name}, or of standard input when {@code name} is {@code -}. */
  static String read(String name, InputStream stdin) {
    if (name.equals("-")) {
      try {
        return decode(STDIN, stdin.readAllBytes());
      } catch (IOException e) {
        throw new InputException(STDIN + ": cannot read: " + e.getMessage(), e);
      }
    }
    Path file;
    try {
      file = Path.of(name);
    } catch (InvalidPathException e) {
      throw new InputException(name + ": not a valid file name (" + e.getReason() + ")", e);
    }
    if (Files.isDirectory(file)) {
      throw new InputException(name + ": is a directory, not a file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new InputException(name + ": permission denied", e);
    } catch (IOException e) {
      throw new InputException(name + ": cannot read: " + e.getMessage(), e);
    }
    return decode(name, bytes);
  }

  /** Strict UTF-8; a NUL byte marks a binary file (as grep and git decide). */
  static String decode(String name, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new InputException(name + ":" + lineAt(bytes, i) + ": binary file, not text (NUL byte at byte offset " + i + ")");
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

  /** 1-based line of byte offset {@code at}, counting LF bytes before it. */
  private static long lineAt(byte[] bytes, int at) {
    long line = 1;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
