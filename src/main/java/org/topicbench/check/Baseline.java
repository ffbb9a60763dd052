package org.topicbench.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.InputException;
import org.topicbench.run.Manifest;
import org.topicbench.run.RunFormat;
import org.topicbench.run.RunWriter;

/**
 * The committed baseline, {@code results/baseline/}: a run directory of the default evaluation
 * ({@code results/FORMAT.md}) without {@code timings.csv}, which is not deterministic. Its manifest's
 * {@code files} lists what it holds.
 *
 * <p>{@link #replace} writes a new baseline under the directory's lock with
 * {@link AtomicFile.DirectoryLock#replace}: a process killed at any point leaves either the old or the new
 * baseline in place, or a state that the next {@code topicbench check} (or any other taker of the lock)
 * completes or rolls back by itself.
 */
public final class Baseline {
  /** The default baseline directory, relative to the repository root. */
  public static final Path DEFAULT_DIR = Path.of("results", "baseline");

  /** The run file a baseline leaves out. */
  public static final String NOT_KEPT = RunFormat.TIMINGS;

  /** Called after each file is written into the temporary directory; tests use it to fail mid-write. */
  @FunctionalInterface
  interface FileHook {
    void written(Path file) throws IOException;
  }

  private Baseline() {}

  /**
   * Replaces the baseline {@code dir} with the run directory {@code run} (already validated by
   * {@link RunReader}): every file its manifest lists except {@value #NOT_KEPT}.
   *
   * @return the files written, in order
   * @throws InputException when {@code dir} exists but does not look like a baseline or run directory (it
   *     holds a file that is not a run file, or a directory), another process is writing it, or writing fails
   */
  public static List<String> replace(Path run, Path dir) {
    try (AtomicFile.DirectoryLock lock = RunFormat.lock(dir)) {
      return replace(run, lock, f -> {});
    } catch (IOException e) {
      throw InputException.of(dir, "cannot write the baseline: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** As {@link #replace(Path, Path)}, into the directory {@code lock} holds. */
  public static List<String> replace(Path run, AtomicFile.DirectoryLock lock) {
    return replace(run, lock, f -> {});
  }

  static List<String> replace(Path run, AtomicFile.DirectoryLock lock, FileHook hook) {
    Path dir = lock.dir();
    String problem = RunFormat.notReplaceable(dir, true);
    if (problem != null) {
      throw InputException.of(dir, problem);
    }
    try {
      List<String> written = new ArrayList<>();
      lock.replace(
          tmp -> {
            for (String f : files(run)) {
              Path target = tmp.resolve(f);
              if (f.equals("manifest.json")) {
                Files.writeString(target, manifest(run.resolve(f)), StandardCharsets.UTF_8);
              } else {
                Files.copy(run.resolve(f), target);
              }
              written.add(f);
              hook.written(target);
            }
          });
      return written;
    } catch (IOException e) {
      throw InputException.of(dir, "cannot write the baseline: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The run's files a baseline keeps, manifest last: the manifest's {@code files} without timings. */
  private static List<String> files(Path run) {
    List<String> out = new ArrayList<>();
    for (String name : org.topicbench.run.RunReader.manifest(run.resolve(RunFormat.MANIFEST)).files()) {
      if (!name.equals(NOT_KEPT) && !name.equals(RunFormat.MANIFEST) && RunFormat.isRunFile(name)) {
        out.add(name);
      }
    }
    out.add(RunFormat.MANIFEST);
    return out;
  }

  /** The run's manifest with {@value #NOT_KEPT} taken out of {@code files}; otherwise as written. */
  private static String manifest(Path file) {
    Manifest m = org.topicbench.run.RunReader.manifest(file);
    List<String> files = m.files().stream().filter(f -> !f.equals(NOT_KEPT)).toList();
    return RunWriter.manifestJson(new Manifest(m.format(), m.runId(), m.topicbench(), m.seed(), m.seedDerivation(),
        m.bootstrap(), m.significanceLevel(), m.logLossEps(), m.tasks(), m.labels(), m.learners(), m.ranking(),
        m.libraries(), m.environment(), files));
  }
}
