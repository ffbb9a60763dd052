package org.topicbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import org.topicbench.data.InputException;
import org.topicbench.data.AtomicFile;
import org.topicbench.run.Run;
import org.topicbench.run.RunFormat;
import org.topicbench.run.RunReader;
import org.topicbench.run.RunWriter;

/**
 * Writes a run directory's {@code report.html} (one self-contained page) and {@code charts/} (every
 * chart of the page as {@code <dataset>-<protocol>-<chart>.svg} and {@code .png}, and {@code
 * ranking-cd.svg}/{@code .png} when the run ranks learners across tasks), rendered from the {@link Run}
 * as {@link RunWriter} makes it or {@link RunReader} reads it.
 *
 * <p>Two ways in: {@link #extra} for {@code topicbench evaluate}, which writes the report into the run's
 * temporary directory before the whole run is moved into place; and {@link #rebuild} for {@code topicbench
 * report}, which replaces the report and the charts of an existing run under the run directory's lock,
 * each whole or not at all.
 */
public final class ReportWriter {
  /** The report's file name in the run directory ({@link RunFormat#REPORT}). */
  public static final String REPORT = RunFormat.REPORT;
  /** The chart directory's name in the run directory ({@link RunFormat#CHARTS}). */
  public static final String CHARTS = RunFormat.CHARTS;
  /** Where JMH results are looked for by default (relative to the working directory). */
  public static final Path DEFAULT_JMH = Path.of("results", "jmh");

  private ReportWriter() {}

  /**
   * Writes {@code report.html} and {@code charts/} of {@code run} into {@code outDir} (which must
   * exist), not atomically; the tokenizer table comes from {@code jmhDir/*.json} if any.
   */
  public static void writeInto(Run run, Path outDir, Path jmhDir) throws IOException {
    HtmlReport.Output out = HtmlReport.build(run, Jmh.read(jmhDir));
    Path charts = outDir.resolve(CHARTS);
    Files.createDirectories(charts);
    for (HtmlReport.ChartFile c : out.charts()) {
      Files.write(charts.resolve(c.name() + ".svg"), c.svg());
      Files.write(charts.resolve(c.name() + ".png"), c.png());
    }
    Files.writeString(outDir.resolve(REPORT), out.html(), StandardCharsets.UTF_8);
  }

  /** A {@link RunWriter.Extra} that writes the report of the run being written. */
  public static RunWriter.Extra extra(Path jmhDir) {
    return (tmp, run) -> writeInto(run, tmp, jmhDir);
  }

  /**
   * Like {@link #extra(Path)}, but a report that cannot be built does not cost the run: its partial files
   * are removed, {@code warn} gets a one-line message, and the run is written without a report (which
   * {@code topicbench report} can rebuild later).
   */
  public static RunWriter.Extra extra(Path jmhDir, Consumer<String> warn) {
    return (tmp, run) -> {
      try {
        writeInto(run, tmp, jmhDir);
      } catch (RuntimeException e) {
        deleteTree(tmp.resolve(CHARTS));
        Files.deleteIfExists(tmp.resolve(REPORT));
        warn.accept("no report written (" + e.getClass().getSimpleName() + ": " + e.getMessage()
            + "); the run is complete, 'topicbench report' rebuilds the report");
      }
    };
  }

  /**
   * Rebuilds {@code report.html} and {@code charts/} of the run in {@code runDir}: under the directory's
   * lock ({@link RunFormat#lock}, so that no {@code topicbench evaluate} replaces the directory meanwhile)
   * it reads the run, writes both to a temporary directory inside it, and moves them into place, so a
   * failure leaves the previous report intact.
   *
   * @return the report file
   * @throws InputException when {@code runDir} is missing, not a run directory of this format, holds a
   *     malformed file, is locked by another process, or cannot be written
   */
  public static Path rebuild(Path runDir, Path jmhDir) {
    if (!Files.isDirectory(runDir)) {
      RunReader.read(runDir); // says what is wrong; taking the lock first would create runDir's parent
    }
    try (AtomicFile.DirectoryLock lock = RunFormat.lock(runDir)) {
      Run run = RunReader.read(runDir);
      try (var left = Files.list(runDir)) {
        for (Path p : (Iterable<Path>) left::iterator) {
          if (p.getFileName().toString().startsWith(RunFormat.REPORT_TMP)) {
            deleteTree(p); // a report build that was killed
          }
        }
      }
      Path tmp = Files.createTempDirectory(runDir, RunFormat.REPORT_TMP);
      try {
        writeInto(run, tmp, jmhDir);
        Path charts = runDir.resolve(CHARTS);
        if (Files.exists(charts)) {
          move(charts, tmp.resolve(CHARTS + ".old"));
        }
        move(tmp.resolve(CHARTS), charts);
        move(tmp.resolve(REPORT), runDir.resolve(REPORT));
      } finally {
        deleteTree(tmp);
      }
      return runDir.resolve(REPORT);
    } catch (IOException e) {
      throw InputException.of(runDir, "cannot write the report: " + e.getMessage());
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path p) {
    try {
      if (!Files.exists(p)) {
        return;
      }
      Files.walkFileTree(p, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // leftovers of a temporary directory are not worth failing a finished report for
    }
  }

}
