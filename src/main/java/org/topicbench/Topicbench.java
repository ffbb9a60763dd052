package org.topicbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Build facts of this topicbench: its version and the versions of the learner libraries it was built with. */
public final class Topicbench {
  private static final Properties PROPS = load();

  private Topicbench() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Topicbench.class.getResourceAsStream("topicbench.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The topicbench version, e.g. {@code 0.1.0}; {@code dev} when run from unpackaged classes. */
  public static String version() {
    return PROPS.getProperty("version", "dev");
  }

  /**
   * The topicbench installation folder (the repository root), as {@code bin/topicbench} passes it in the
   * system property {@code topicbench.home}; {@code null} when it is not set.
   */
  public static Path home() {
    String h = System.getProperty("topicbench.home");
    return h == null || h.isBlank() ? null : Path.of(h);
  }

  /**
   * Where a bundled file ({@code datasets/sentences.csv}, {@code results/carry-over.csv}, ...) is: the
   * relative path itself when it exists from the working folder, else the same path inside
   * {@link #home()} when it exists there, else the path unchanged (so that an error names it). Lets
   * {@code topicbench label} run from any folder.
   */
  public static Path locate(Path bundled) {
    Path home = home();
    if (bundled.isAbsolute() || Files.exists(bundled) || home == null) {
      return bundled;
    }
    Path inHome = home.resolve(bundled);
    return Files.exists(inHome) ? inHome : bundled;
  }

  /** A build property such as {@code smile.version}; {@code unknown} when absent. */
  public static String property(String key) {
    return PROPS.getProperty(key, "unknown");
  }
}
