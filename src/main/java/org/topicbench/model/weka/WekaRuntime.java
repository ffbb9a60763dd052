package org.topicbench.model.weka;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Loads Weka's core once, quietly. When Weka's package manager initialises (on first use of
 * {@code weka.core.Utils}) without the native-BLAS jars we exclude, it prints a one-line warning about
 * "core mtj jar files" to standard output, where it would mix with topicbench's own output. The text
 * learners never use those jars. Call {@link #init()} before any other Weka class is touched.
 */
final class WekaRuntime {
  private static boolean loaded;

  private WekaRuntime() {}

  static synchronized void init() {
    if (loaded) {
      return;
    }
    PrintStream out = System.out;
    try {
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      Class.forName("weka.core.WekaPackageManager", true, WekaRuntime.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Weka is not on the class path", e);
    } finally {
      System.setOut(out);
      loaded = true;
    }
  }
}
