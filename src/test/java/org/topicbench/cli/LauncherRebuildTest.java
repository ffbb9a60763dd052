package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/topicbench builds the jar again when a source or build file is newer than it, and also when a file the
 * build trains the bundled model from is (the two bundled datasets, results/carry-over.csv); otherwise it runs
 * the jar as it is. Runs the real launcher in a copy of the layout, with a fake JDK 25 and a fake {@code mvn}
 * that records each build.
 */
class LauncherRebuildTest {
  @TempDir Path tmp;

  private static void executable(Path f, String text) throws IOException {
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Copies bin/topicbench and bin/jdk.sh into {@code root}/bin (the launcher tests' layout); returns root. */
  static Path copyLauncher(Path root) throws IOException {
    Files.createDirectories(root.resolve("bin"));
    Files.copy(Path.of("bin", "topicbench"), root.resolve("bin/topicbench"));
    Files.copy(Path.of("bin", "jdk.sh"), root.resolve("bin/jdk.sh"));
    root.resolve("bin/topicbench").toFile().setExecutable(true);
    return root;
  }

  private Path layout() throws IOException {
    Path root = copyLauncher(tmp.resolve("repo"));
    for (String f : List.of("src/main/java/A.java", "pom.xml", "app.pom.xml", "datasets/sentences.csv",
        "datasets/external-dev.csv", "results/carry-over.csv", "datasets/GUIDELINES.md", "target/topicbench.jar")) {
      Files.createDirectories(root.resolve(f).getParent());
      Files.writeString(root.resolve(f), f);
    }
    Path jdk = tmp.resolve("jdk");
    Files.writeString(Files.createDirectories(jdk).resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
    executable(jdk.resolve("bin/java"), "#!/bin/sh\necho 'openjdk version \"25.0.3\"' >&2\n");
    executable(jdk.resolve("bin/javac"), "#!/bin/sh\nexit 0\n");
    executable(tmp.resolve("path/mvn"), "#!/bin/sh\necho built >> \"" + tmp.resolve("builds") + "\"\n");
    return root;
  }

  /**
   * Sets every file and folder of the layout to an hour ago and the jar to now, then {@code touched} to a minute
   * ahead (a folder made in the same millisecond as the jar's time would otherwise be newer than it by nanoseconds).
   */
  private static void age(Path root, String touched) throws IOException {
    long now = System.currentTimeMillis();
    try (var files = Files.walk(root)) {
      for (Path f : files.toList()) { // folders too: find -newer looks at src/main's own time
        Files.setLastModifiedTime(f, FileTime.fromMillis(now - 3_600_000));
      }
    }
    Files.setLastModifiedTime(root.resolve("target/topicbench.jar"), FileTime.fromMillis(now));
    if (touched != null) {
      Files.setLastModifiedTime(root.resolve(touched), FileTime.fromMillis(now + 60_000));
    }
  }

  private int builds(Path root) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/topicbench").toString(), "--version");
    pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
    pb.environment().put("PATH", tmp.resolve("path") + ":/usr/bin:/bin");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    Path log = tmp.resolve("builds");
    int n = Files.exists(log) ? Files.readAllLines(log).size() : 0;
    Files.deleteIfExists(log);
    return n;
  }

  @Test
  void rebuildsWhenASourceOrWhatTheBundledModelIsTrainedFromIsNewer() throws Exception {
    Path root = layout();
    age(root, null);
    assertEquals(0, builds(root), "nothing newer than the jar");
    for (String f : List.of("src/main/java/A.java", "app.pom.xml", "datasets/sentences.csv",
        "datasets/external-dev.csv", "results/carry-over.csv")) {
      age(root, f);
      assertEquals(1, builds(root), f + " newer than the jar");
    }
    age(root, "datasets/GUIDELINES.md");
    assertEquals(0, builds(root), "a file the build does not read");
    Files.delete(root.resolve("target/topicbench.jar"));
    assertTrue(builds(root) == 1, "no jar");
  }
}
