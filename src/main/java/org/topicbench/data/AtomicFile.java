package org.topicbench.data;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes a text file so that it is never seen half-written: a temporary file, then one move. */
public final class AtomicFile {
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private AtomicFile() {}

  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Body {
    void writeTo(Writer w) throws IOException;
  }

  /**
   * Writes {@code file} as UTF-8 through a hidden temporary file in the same folder and an atomic move (a
   * plain replace where the file system cannot move atomically), creating missing parent folders. The
   * file gets the permissions a newly created file gets (the umask). The temporary file is removed when
   * anything fails. Failures are {@link InputException}s naming the file.
   */
  public static void write(Path file, Body body) {
    writeBytes(
        file,
        out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          body.writeTo(w);
          w.flush();
        });
  }

  /** Writes the bytes of a file. */
  @FunctionalInterface
  public interface BinaryBody {
    void writeTo(OutputStream out) throws IOException;
  }

  /** As {@link #write(Path, Body)}, for bytes. */
  public static void writeBytes(Path file, BinaryBody body) {
    if (Files.isDirectory(file)) {
      throw InputException.of(file, "is a directory; name a file to write");
    }
    Path abs = file.toAbsolutePath();
    Path tmp = null;
    try {
      Files.createDirectories(abs.getParent());
      // not Files.createTempFile, which makes the file owner-only (rw-------) whatever the umask
      tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
        body.writeTo(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw InputException.of(file, "cannot write: " + describe(e));
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named after the target
        }
      }
    }
  }

  /** A short human reason for an I/O failure (no exception class names). */
  static String describe(IOException e) {
    return switch (e) {
      case FileAlreadyExistsException f -> f.getFile() + " exists and is not a folder";
      case AccessDeniedException a -> "permission denied (" + a.getFile() + ")";
      case NoSuchFileException n -> "no such folder (" + n.getFile() + ")";
      case FileSystemException f -> f.getReason() == null ? f.getFile() : f.getReason() + " (" + f.getFile() + ")";
      default -> String.valueOf(e.getMessage());
    };
  }
}
