package org.topicbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.topicbench.data.InputException;
import org.topicbench.data.Utf8;

/**
 * Reads a user's text file (or standard input for {@code -}) as strict UTF-8 ({@link Utf8}), turning
 * every problem into a one-line {@link InputException} that names the file and, where there is one, the
 * line. The
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
        return Utf8.decode(STDIN, stdin.readAllBytes());
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
    return Utf8.decode(name, bytes);
  }
}
