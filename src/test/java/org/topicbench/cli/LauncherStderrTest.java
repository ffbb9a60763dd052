package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/topicbench runs the tokenizer's vector kernel (it adds jdk.incubator.vector) and nothing else reaches
 * stderr: the JVM's start-up warning for the incubator module is dropped, the JVM's other output passes
 * through, and topicbench's own messages are written straight to the caller's stderr (in a file as soon as
 * the process has exited). Runs the real launcher and this JDK on a jar whose manifest points at the test
 * class path, in a copy of the layout where nothing is newer than the jar (so it does not build).
 */
class LauncherStderrTest {
  static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  private Path layout() throws IOException {
    Path root = LauncherRebuildTest.copyLauncher(tmp.resolve("repo"));
    Path jar = Files.createDirectories(root.resolve("target")).resolve("topicbench.jar");
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH,
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(e -> Path.of(e).toAbsolutePath().toUri().toString())
            .collect(Collectors.joining(" ")));
    try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
      j.flush();
    }
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
    return root;
  }

  private Run run(Path root, Map<String, String> env, File errFile, String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(root.resolve("bin/topicbench").toString()),
        Stream.of(args)).toList());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("TOPICBENCH_JAVA_OPTS");
    pb.environment().remove("TOPICBENCH_VECTOR");
    pb.environment().putAll(env);
    if (errFile != null) {
      pb.redirectError(errFile);
    }
    Process p = pb.start();
    p.getOutputStream().close();
    Thread errReader = null;
    StringBuilder err = new StringBuilder();
    if (errFile == null) {
      errReader = Thread.ofVirtual().start(() -> {
        try {
          err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
          err.append(e);
        }
      });
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    if (errReader != null) {
      errReader.join();
    } else { // read the moment the process has exited: nothing may still be on its way
      err.append(Files.readString(errFile.toPath()));
    }
    return new Run(code, out, err.toString());
  }

  @Test
  void runsTheVectorKernelWithNothingOnStderr() throws Exception {
    Run r = run(layout(), Map.of(), null, "--version");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("tokenizer kernel: vector"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void topicbenchMessagesReachAFileBeforeTheProcessEnds() throws Exception {
    Path root = layout();
    for (int i = 0; i < 3; i++) {
      File f = tmp.resolve("err" + i + ".txt").toFile();
      Run r = run(root, Map.of(), f, "no-such-command");
      assertEquals(2, r.code());
      assertTrue(r.err().startsWith("topicbench: Unmatched argument at index 0: 'no-such-command'"), r.err());
      assertFalse(r.err().contains(WARNING), r.err());
    }
  }

  @Test
  void theJvmsOwnOutputStillPassesThrough() throws Exception {
    Run r = run(layout(), Map.of("TOPICBENCH_JAVA_OPTS", "-Xmx256m -Xlog:gc*=info:stderr"), null, "--version");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("[gc"), r.err());
    assertFalse(r.err().contains(WARNING), r.err());
    assertTrue(r.out().contains("tokenizer kernel: vector"), r.out());
  }

  @Test
  void vectorOffRunsTheScalarKernel() throws Exception {
    Run r = run(layout(), Map.of("TOPICBENCH_VECTOR", "0"), null, "--version");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("tokenizer kernel: scalar"), r.out());
    assertEquals("", r.err());
  }
}
