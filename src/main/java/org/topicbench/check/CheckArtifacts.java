package org.topicbench.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.topicbench.data.InputException;

/**
 * The files a check leaves for CI in its report directory (default {@code target/check/}):
 * {@code benchmark.json} ({@link BenchmarkJson}) and {@code check.md} ({@link CheckMarkdown}). Each file is
 * written to a temporary file and moved into place.
 */
public final class CheckArtifacts {
  /** The chart data for github-action-benchmark. */
  public static final String BENCHMARK_JSON = "benchmark.json";
  /** The pull-request comment. */
  public static final String CHECK_MD = "check.md";

  private CheckArtifacts() {}

  /**
   * Writes both files into {@code dir}, creating it.
   *
   * @param learners the learners checked, or null for all
   * @param acceptCommand the command that accepts the changes
   */
  public static void write(Path dir, CheckReport report, Set<String> learners, String acceptCommand) {
    try {
      Files.createDirectories(dir);
      writeAtomically(dir.resolve(BENCHMARK_JSON), BenchmarkJson.render(report.now(), learners));
      writeAtomically(dir.resolve(CHECK_MD), CheckMarkdown.render(report, acceptCommand));
    } catch (IOException e) {
      throw InputException.of(dir, "cannot write the check reports: " + e.getClass().getSimpleName() + ": "
          + e.getMessage());
    }
  }

  /**
   * When the check could not run: a {@code check.md} that says why (so the pull request hears of it) and no
   * stale {@code benchmark.json}. Best effort: failures here are ignored, the error is reported anyway.
   */
  public static void writeError(Path dir, String message) {
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve(BENCHMARK_JSON));
      writeAtomically(dir.resolve(CHECK_MD),
          "## Accuracy check could not run\n\n```\ntopicbench: " + message + "\n```\n");
    } catch (IOException | RuntimeException ignored) {
      // the caller reports the error itself
    }
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
