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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * The file that writing {@code file} replaces: {@code file} itself (absolute) when it is absent or a
   * regular file, the file a symbolic link points to when it is one (the link is kept). Call it before
   * long work, so that a bad target fails first.
   *
   * @throws InputException naming {@code file} when it is a directory, a device, a FIFO, a socket or a
   *     link to one of them
   */
  public static Path writableTarget(Path file) {
    Path abs = file.toAbsolutePath();
    if (Files.isSymbolicLink(abs)) {
      try {
        abs = abs.toRealPath();
      } catch (IOException e) {
        // a dangling link: writing replaces the link
        return abs;
      }
    }
    if (Files.isDirectory(abs)) {
      throw InputException.of(file, "is a directory; name a file to write");
    }
    if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw InputException.of(file, "is not a regular file (a device, FIFO or socket); name a regular file to write");
    }
    return abs;
  }

  /** Writes the bytes of a file. */
  @FunctionalInterface
  public interface BinaryBody {
    void writeTo(OutputStream out) throws IOException;
  }

  /** As {@link #write(Path, Body)}, for bytes. */
  public static void writeBytes(Path file, BinaryBody body) {
    Path abs = writableTarget(file);
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
   * Replaces directory {@code dir} as a whole under its {@linkplain #lockDirectory lock}; see
   * {@link DirectoryLock#replace}. The caller decides beforehand whether {@code dir} may be replaced.
   *
   * @throws InputException when another process holds the lock
   */
  public static void replaceDirectory(Path dir, DirectoryBody body) throws IOException {
    try (DirectoryLock lock = lockDirectory(dir)) {
      lock.replace(body);
    }
  }

  /**
   * Takes the lock of directory {@code dir} (which need not exist): the file {@code .<name>.lock} beside
   * it, locked with the operating system's file lock, which is released when the process ends however it
   * ends. Then finishes or rolls back a replacement of {@code dir} that an earlier process left half done
   * (see {@link #recover}).
   *
   * @throws InputException naming {@code dir} when another process (or this one) holds the lock
   */
  public static DirectoryLock lockDirectory(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path lockFile = abs.resolveSibling("." + abs.getFileName() + ".lock");
    for (int attempt = 0; ; attempt++) {
      FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      } catch (IOException e) {
        channel.close();
        throw e;
      }
      if (lock == null) {
        channel.close();
        throw InputException.of(dir, "another topicbench process is writing it (it holds " + lockFile.getFileName()
            + "); wait for it to finish or choose another directory");
      }
      // the holder before us deletes the lock file before it releases the lock: the file we locked must
      // still be the one at the path, or a third process could lock a new file there at the same time
      Object atPath = Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)
          ? Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey()
          : null;
      Object mine = lockedFileKey(lockFile);
      if (atPath != null && (mine == null || mine.equals(atPath))) {
        DirectoryLock l = new DirectoryLock(abs, lockFile, channel, lock);
        try {
          l.recovered = recover(abs);
        } catch (IOException | RuntimeException e) {
          l.close();
          throw e;
        }
        return l;
      }
      lock.release();
      channel.close();
      if (attempt > 100) {
        throw InputException.of(dir, "cannot take the lock " + lockFile.getFileName() + " (it keeps changing)");
      }
    }
  }

  /** A key no file has: the file this process opened is no longer at the path. */
  private static final Object GONE = new Object();

  /**
   * The file key of the file this process has open at {@code file}, read through {@code /proc/self/fd};
   * {@link #GONE} when it is open but no longer at that path; null where there is no {@code /proc}.
   */
  private static Object lockedFileKey(Path file) throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return null;
    }
    Path target;
    try {
      target = file.toRealPath();
    } catch (NoSuchFileException e) {
      return GONE;
    }
    try (var s = Files.list(fds)) {
      for (Path fd : (Iterable<Path>) s::iterator) {
        try {
          if (Files.readSymbolicLink(fd).equals(target)) {
            return Files.readAttributes(fd, BasicFileAttributes.class).fileKey();
          }
        } catch (IOException e) {
          // a descriptor that closed meanwhile
        }
      }
    }
    return GONE;
  }

  /**
   * The lock of a directory, held until {@link #close}; {@link #replace} swaps a new directory in.
   * Not thread-safe.
   */
  public static final class DirectoryLock implements AutoCloseable {
    private final Path dir;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private List<String> recovered = List.of();

    private DirectoryLock(Path dir, Path lockFile, FileChannel channel, FileLock lock) {
      this.dir = dir;
      this.lockFile = lockFile;
      this.channel = channel;
      this.lock = lock;
    }

    /** What taking the lock recovered ({@link #recover}): one line per step, usually none. */
    public List<String> recovered() {
      return recovered;
    }

    /** The locked directory (absolute). */
    public Path dir() {
      return dir;
    }

    /**
     * Replaces the directory as a whole. {@code body} fills {@code .<name>.tmp-<token>} beside it
     * (readable by all, like a directory made by hand); when it is complete it is renamed
     * {@code .<name>.new-<token>}; the old directory is renamed {@code .<name>.old-<token>}, the new one
     * renamed into place, the old one deleted. Each step is one rename, so a process killed at any point
     * leaves a state that {@link #recover} (run by the next {@link #lockDirectory}) completes or rolls back:
     * the directory is never lost. When {@code body} fails, the temporary directory is removed and the
     * directory is left as it was.
     */
    public void replace(DirectoryBody body) throws IOException {
      Path parent = dir.getParent();
      String name = dir.getFileName().toString();
      Path tmp = Files.createTempDirectory(parent, "." + name + TMP);
      String token = tmp.getFileName().toString().substring(name.length() + 1 + TMP.length());
      Path fresh = parent.resolve("." + name + NEW + token);
      Path old = parent.resolve("." + name + OLD + token);
      try {
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: its default permissions apply
        }
        body.writeInto(tmp);
        move(tmp, fresh);
      } catch (IOException | RuntimeException e) {
        deleteTree(tmp);
        throw e;
      }
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        move(dir, old);
      }
      move(fresh, dir);
      deleteTree(old);
    }

    /** Deletes the lock file, then releases the lock. */
    @Override
    public void close() throws IOException {
      try {
        Files.deleteIfExists(lockFile);
      } finally {
        try {
          lock.release();
        } finally {
          channel.close();
        }
      }
    }
  }

  private static final String TMP = ".tmp-";
  private static final String NEW = ".new-";
  private static final String OLD = ".old-";

  /**
   * Brings the directory {@code dir} and its siblings {@code .<name>.tmp-*}, {@code .new-*} and
   * {@code .old-*} left by an interrupted {@link DirectoryLock#replace} back to one directory: a
   * {@code tmp} was still being written and is deleted; when {@code dir} is missing, a complete
   * {@code new} is moved into place (the replacement is finished), else the {@code old} one is moved back
   * (rolled back); what remains beside it is deleted. Call it only while holding the directory's lock
   * ({@link #lockDirectory} does).
   *
   * @return what was done, one line per step (empty when there was nothing to recover)
   */
  public static List<String> recover(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    String prefix = "." + abs.getFileName();
    List<Path> tmps = new ArrayList<>();
    List<Path> news = new ArrayList<>();
    List<Path> olds = new ArrayList<>();
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (var s = Files.list(parent)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        String n = p.getFileName().toString();
        if (n.startsWith(prefix + TMP)) {
          tmps.add(p);
        } else if (n.startsWith(prefix + NEW)) {
          news.add(p);
        } else if (n.startsWith(prefix + OLD)) {
          olds.add(p);
        }
      }
    }
    List<String> done = new ArrayList<>();
    for (Path t : tmps) {
      deleteTree(t);
      done.add("deleted the unfinished " + t.getFileName());
    }
    if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
      if (!news.isEmpty()) {
        Path n = news.removeLast();
        move(n, abs);
        done.add("finished an interrupted replacement: moved " + n.getFileName() + " into place");
      } else if (!olds.isEmpty()) {
        Path o = olds.removeLast();
        move(o, abs);
        done.add("rolled back an interrupted replacement: moved " + o.getFileName() + " back");
      }
    }
    for (Path p : news) {
      deleteTree(p);
      done.add("deleted the unused " + p.getFileName());
    }
    for (Path p : olds) {
      deleteTree(p);
      done.add("deleted the replaced " + p.getFileName());
    }
    return done;
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
  public static String describe(IOException e) {
    return switch (e) {
      case FileAlreadyExistsException f -> f.getFile() + " exists and is not a folder";
      case AccessDeniedException a -> "permission denied (" + a.getFile() + ")";
      case NoSuchFileException n -> "no such folder (" + n.getFile() + ")";
      case FileSystemException f -> f.getReason() == null ? f.getFile() : f.getReason() + " (" + f.getFile() + ")";
      default -> String.valueOf(e.getMessage());
    };
  }
}
