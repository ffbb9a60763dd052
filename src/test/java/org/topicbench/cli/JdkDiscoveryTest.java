package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/jdk.sh, which bin/topicbench, bin/mvn and .ci/run use to find a JDK 25+: JAVA_HOME if 25+, else
 * {@code java} on the PATH if 25+, else the newest 25+ in the JVM folders, else one line and exit 1.
 * Runs the real script against fake JDK homes (a {@code release} file and two executables).
 */
class JdkDiscoveryTest {
  @TempDir Path tmp;

  private Path fakeJdk(String name, String version) throws IOException {
    Path home = tmp.resolve("jvm").resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
    for (String tool : new String[] {"java", "javac"}) {
      Path f = home.resolve("bin").resolve(tool);
      Files.writeString(f, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\n");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return home;
  }

  private record Result(int code, String out, String err) {}

  private Result find(String javaHome, Path javaOnPath, Path roots) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", ". bin/jdk.sh && topicbench_find_jdk && printf '%s' \"$JAVA_HOME\"");
    Map<String, String> env = pb.environment();
    env.remove("JAVA_HOME");
    if (javaHome != null) {
      env.put("JAVA_HOME", javaHome);
    }
    String path = "/usr/bin:/bin";
    env.put("PATH", javaOnPath == null ? path : javaOnPath.resolve("bin") + ":" + path);
    env.put("TOPICBENCH_JVM_ROOTS", roots.toString());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out, err);
  }

  @Test
  void javaHomeWinsWhenItIs25OrNewer() throws Exception {
    Path jdk26 = fakeJdk("jdk-26", "26");
    Path old = fakeJdk("jdk-17", "17.0.15");
    fakeJdk("jdk-25", "25.0.3");
    Result r = find(jdk26.toString(), old, tmp.resolve("jvm"));
    assertEquals(0, r.code(), r.err());
    assertEquals(jdk26.toString(), r.out());
  }

  @Test
  void javaOnThePathIsNextWhenJavaHomeIsOld() throws Exception {
    Path old = fakeJdk("jdk-17", "17.0.15");
    Path jdk25 = fakeJdk("jdk-25", "25.0.1");
    fakeJdk("jdk-26", "26");
    Result r = find(old.toString(), jdk25, tmp.resolve("jvm"));
    assertEquals(0, r.code(), r.err());
    assertEquals(jdk25.toString(), r.out());
  }

  @Test
  void elseTheNewestJdk25PlusInTheJvmFolder() throws Exception {
    Path old = fakeJdk("java-17-openjdk-amd64", "17.0.15");
    fakeJdk("jdk-21", "21.0.2");
    Path jdk25 = fakeJdk("temurin-25-jdk-amd64", "25.0.3");
    Result r = find(old.toString(), old, tmp.resolve("jvm"));
    assertEquals(0, r.code(), r.err());
    assertEquals(jdk25.toString(), r.out());
  }

  @Test
  void noJdk25IsOneClearLineAndAFailure() throws Exception {
    Path old = fakeJdk("java-17-openjdk-amd64", "17.0.15");
    fakeJdk("jdk-21", "21.0.2");
    Result r = find(old.toString(), old, tmp.resolve("jvm"));
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals(true, r.err().startsWith("topicbench: needs a JDK 25 or newer"), r.err());
  }
}
