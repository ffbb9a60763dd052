package org.topicbench.data;

import java.nio.file.Path;

/**
 * Bad user input: a file that is missing, unreadable or malformed. The message is one line naming
 * the file, the line (when there is one) and what is wrong; the command line prints it and exits 2.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code file:line: what}. */
  public static InputException at(Path file, long line, String what) {
    return new InputException(file + ":" + line + ": " + what);
  }

  /** {@code file: what}. */
  public static InputException of(Path file, String what) {
    return new InputException(file + ": " + what);
  }
}
