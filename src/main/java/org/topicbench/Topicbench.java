package org.topicbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  /** A build property such as {@code smile.version}; {@code unknown} when absent. */
  public static String property(String key) {
    return PROPS.getProperty(key, "unknown");
  }
}
