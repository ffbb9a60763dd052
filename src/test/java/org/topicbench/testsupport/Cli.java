package org.topicbench.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.topicbench.cli.Main;

/** Runs the command line in-process and checks its one-line errors. */
public final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  public record Run(int code, String out, String err) {}

  /** Runs {@code topicbench args...} with captured output. */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs {@code topicbench args...} with {@code stdin} as standard input. */
  public static Run runWithStdin(byte[] stdin, String... args) {
    java.io.InputStream saved = System.in;
    System.setIn(new java.io.ByteArrayInputStream(stdin));
    try {
      return run(args);
    } finally {
      System.setIn(saved);
    }
  }

  /**
   * Asserts exit 2 with exactly one line on standard error, {@code "topicbench: " + expected}, and no
   * exception name in it.
   */
  public static void assertOneLineError(Run r, String expected) {
    assertEquals(2, r.code(), r.err());
    assertEquals("topicbench: " + expected + "\n", r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  /** The seed of a random test: {@code -Dtopicbench.seed=N}, else a fresh one; printed either way. */
  public static long seed(String test) {
    long seed = Long.getLong("topicbench.seed", System.nanoTime());
    System.out.println(test + " seed " + seed + " (rerun with -Dtopicbench.seed=" + seed + ")");
    return seed;
  }
}
