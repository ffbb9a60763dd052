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
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

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

  /** Fills a fresh directory. */
  @FunctionalInterface
  public interface DirectoryBody {
    void writeInto(Path dir) throws IOException;
  }

  /**
   * Replaces directory {@code dir} as a whole: {@code body} fills a temporary sibling directory
   * (readable by all, like a directory made by hand), the old directory is moved aside, the new one
   * moved into place, the old one deleted. When {@code body} fails, the temporary directory is removed
   * and {@code dir} is left as it was. The caller decides beforehand whether {@code dir} may be replaced.
   */
  public static void replaceDirectory(Path dir, DirectoryBody body) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    String name = abs.getFileName().toString();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, "." + name + ".tmp-");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: its default permissions apply
      }
      body.writeInto(tmp);
      Path old = null;
      if (Files.exists(abs)) {
        old = Files.createTempDirectory(parent, "." + name + ".old-");
        Files.delete(old);
        move(abs, old);
      }
      move(tmp, abs);
      if (old != null) {
        deleteTree(old);
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(tmp);
      throw e;
    }
  }

  /** Moves {@code from} to {@code to} atomically, or plainly where the file system cannot. */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes {@code p} and everything below it; nothing happens when it does not exist. */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
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
