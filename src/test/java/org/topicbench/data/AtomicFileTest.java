package org.topicbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.testsupport.Cli;

/** Atomic files and directories: never half-written, never lost, recoverable after a kill, locked. */
class AtomicFileTest {
  @TempDir Path tmp;

  private List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void fill(Path dir, String generation) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < 3; i++) {
      Files.writeString(dir.resolve("f" + i), generation);
    }
  }

  private static String generation(Path dir) throws IOException {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seen.add(Files.readString(dir.resolve("f" + i)));
    }
    assertEquals(1, seen.stream().distinct().count(), "one generation in " + dir + ": " + seen);
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(3, s.count(), "three files in " + dir);
    }
    return seen.getFirst();
  }

  @Test
  void replaceSwapsTheWholeDirectoryAndLeavesNothingBeside() throws IOException {
    Path dir = tmp.resolve("run");
    AtomicFile.replaceDirectory(dir, d -> fill(d, "one"));
    assertEquals("one", generation(dir));
    AtomicFile.replaceDirectory(dir, d -> fill(d, "two"));
    assertEquals("two", generation(dir));
    assertEquals(List.of("run"), siblings());
  }

  @Test
  void aFailingBodyLeavesTheOldDirectory() throws IOException {
    Path dir = tmp.resolve("run");
    AtomicFile.replaceDirectory(dir, d -> fill(d, "one"));
    assertThrows(IOException.class, () -> AtomicFile.replaceDirectory(dir, d -> {
      fill(d, "two");
      throw new IOException("disk full");
    }));
    assertEquals("one", generation(dir));
    assertEquals(List.of("run"), siblings());
  }

  /** Every state a kill can leave between the renames of a replacement, and what the next lock makes of it. */
  @Test
  void takingTheLockRecoversEveryInterruptedState() throws IOException {
    Path dir = tmp.resolve("run");
    // killed while writing: the unfinished copy goes, the directory stays
    fill(dir, "old");
    fill(tmp.resolve(".run.tmp-1"), "half");
    assertEquals(List.of("deleted the unfinished .run.tmp-1"), recover(dir));
    assertEquals("old", generation(dir));
    // killed after the copy was complete, before the old one moved aside: rolled back
    fill(tmp.resolve(".run.new-2"), "new");
    assertEquals(List.of("deleted the unused .run.new-2"), recover(dir));
    assertEquals("old", generation(dir));
    // killed between the two renames: finished
    Files.move(dir, tmp.resolve(".run.old-3"));
    fill(tmp.resolve(".run.new-3"), "new");
    assertEquals(List.of("finished an interrupted replacement: moved .run.new-3 into place",
        "deleted the replaced .run.old-3"), recover(dir));
    assertEquals("new", generation(dir));
    // killed before the old one was deleted
    fill(tmp.resolve(".run.old-4"), "old");
    assertEquals(List.of("deleted the replaced .run.old-4"), recover(dir));
    assertEquals("new", generation(dir));
    // what the earlier topicbench left (the old one aside, no new one): rolled back
    Files.move(dir, tmp.resolve(".run.old-5"));
    assertEquals(List.of("rolled back an interrupted replacement: moved .run.old-5 back"), recover(dir));
    assertEquals("new", generation(dir));
    assertEquals(List.of(), recover(dir));
    assertEquals(List.of("run"), siblings());
  }

  private static List<String> recover(Path dir) throws IOException {
    try (AtomicFile.DirectoryLock lock = AtomicFile.lockDirectory(dir)) {
      return lock.recovered();
    }
  }

  @Test
  void aSecondLockOnTheSameDirectoryIsRefusedUntilTheFirstIsReleased() throws IOException {
    Path dir = tmp.resolve("run");
    try (AtomicFile.DirectoryLock first = AtomicFile.lockDirectory(dir)) {
      InputException e = assertThrows(InputException.class, () -> AtomicFile.lockDirectory(dir));
      assertEquals(dir + ": another topicbench process is writing it (it holds .run.lock); wait for it to finish or"
          + " choose another directory", e.getMessage());
    }
    assertEquals(List.of(), siblings(), "the lock file goes with the lock");
    AtomicFile.lockDirectory(dir).close();
  }

  /**
   * A child JVM replaces a directory over and over, each generation written slowly; it is killed (SIGKILL)
   * at random moments. While it runs, this process cannot take the lock; after each kill the lock is free
   * and recovery leaves exactly one complete generation and nothing beside it.
   */
  @Test
  void aKilledReplacementIsNeverLostAndRecoversWhole() throws Exception {
    long seed = Cli.seed("AtomicFileTest.aKilledReplacementIsNeverLostAndRecoversWhole");
    SplittableRandom random = new SplittableRandom(seed);
    Path dir = tmp.resolve("run");
    fill(dir, "g-start");
    for (int kill = 0; kill < 6; kill++) {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp", System.getProperty("java.class.path"),
                  Replacer.class.getName(), dir.toString())
              .redirectErrorStream(true)
              .start();
      // wait until it holds the lock, then a random while (up to about two generations)
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!Files.exists(tmp.resolve(".run.lock")) && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      Thread.sleep(50 + random.nextInt(400));
      assertTrue(child.isAlive(), () -> "the child ended early: " + output(child));
      assertThrows(InputException.class, () -> AtomicFile.lockDirectory(dir), "locked while the child runs");
      child.destroyForcibly().waitFor();
      try (AtomicFile.DirectoryLock lock = AtomicFile.lockDirectory(dir)) {
        assertTrue(generation(dir).startsWith("g-"), "after kill " + kill + ", seed " + seed);
      }
      assertEquals(List.of("run"), siblings(), "after kill " + kill + ", seed " + seed);
    }
  }

  private static String output(Process p) {
    try {
      return new String(p.getInputStream().readAllBytes());
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The child of {@link #aKilledReplacementIsNeverLostAndRecoversWhole}: replaces its directory for ever. */
  public static final class Replacer {
    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      try (AtomicFile.DirectoryLock lock = AtomicFile.lockDirectory(dir)) {
        for (long g = 0; ; g++) {
          String name = "g-" + g;
          lock.replace(d -> {
            for (int i = 0; i < 3; i++) {
              Files.writeString(d.resolve("f" + i), name);
              try {
                Thread.sleep(30);
              } catch (InterruptedException e) {
                throw new IOException(e);
              }
            }
          });
        }
      }
    }
  }

  @Test
  void writingADeviceOrADirectoryIsRefusedAndALinkIsWrittenThrough() throws IOException {
    Path dev = Path.of("/dev/null");
    if (Files.exists(dev)) {
      InputException e = assertThrows(InputException.class, () -> AtomicFile.write(dev, w -> w.write("x")));
      assertEquals("/dev/null: is not a regular file (a device, FIFO or socket); name a regular file to write",
          e.getMessage());
      assertFalse(Files.isRegularFile(dev), "still a device");
    }
    InputException d = assertThrows(InputException.class, () -> AtomicFile.write(tmp, w -> w.write("x")));
    assertEquals(tmp + ": is a directory; name a file to write", d.getMessage());
    Path target = tmp.resolve("target.txt");
    Files.writeString(target, "old");
    Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), target.getFileName());
    AtomicFile.write(link, w -> w.write("new"));
    assertTrue(Files.isSymbolicLink(link), "the link is kept");
    assertEquals("new", Files.readString(target));
    assertEquals(List.of("link.txt", "target.txt"), siblings());
  }
}
