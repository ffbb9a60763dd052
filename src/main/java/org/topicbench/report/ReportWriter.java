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
import org.topicbench.eval.ResultWriter;

/**
 * Writes a run directory's {@code report.html} (one self-contained page) and {@code charts/} (every
 * chart of the page as {@code <protocol>-<chart>.svg} and {@code .png}).
 *
 * <p>Two ways in: {@link #extra} for {@code topicbench evaluate}, which writes the report into the run's
 * temporary directory before the whole run is moved into place; and {@link #rebuild} for {@code topicbench
 * report}, which replaces the report and the charts of an existing run, each whole or not at all.
 */
public final class ReportWriter {
  /** The report's file name in the run directory. */
  public static final String REPORT = "report.html";
  /** The chart directory's name in the run directory. */
  public static final String CHARTS = "charts";
  /** Where JMH results are looked for by default (relative to the working directory). */
  public static final Path DEFAULT_JMH = Path.of("results", "jmh");

  private ReportWriter() {}

  /**
   * Reads the run in {@code runDir} and writes {@code report.html} and {@code charts/} into {@code outDir}
   * (which must exist), not atomically; the tokenizer table comes from {@code jmhDir/*.json} if any.
   *
   * @throws InputException when {@code runDir} is not a readable run directory
   */
  public static void writeInto(Path runDir, Path outDir, Path jmhDir) throws IOException {
    RunDirectory run = RunDirectory.read(runDir);
    HtmlReport.Output out = HtmlReport.build(run, Jmh.read(jmhDir));
    Path charts = outDir.resolve(CHARTS);
    Files.createDirectories(charts);
    for (HtmlReport.ChartFile c : out.charts()) {
      Files.write(charts.resolve(c.name() + ".svg"), c.svg());
      Files.write(charts.resolve(c.name() + ".png"), c.png());
    }
    Files.writeString(outDir.resolve(REPORT), out.html(), StandardCharsets.UTF_8);
  }

  /** A {@link ResultWriter.Extra} that writes the report of the run being written. */
  public static ResultWriter.Extra extra(Path jmhDir) {
    return (tmp, result) -> writeInto(tmp, tmp, jmhDir);
  }

  /**
   * Like {@link #extra(Path)}, but a report that cannot be built does not cost the run: its partial files
   * are removed, {@code warn} gets a one-line message, and the run is written without a report (which
   * {@code topicbench report} can rebuild later).
   */
  public static ResultWriter.Extra extra(Path jmhDir, Consumer<String> warn) {
    return (tmp, result) -> {
      try {
        writeInto(tmp, tmp, jmhDir);
      } catch (RuntimeException e) {
        deleteTree(tmp.resolve(CHARTS));
        Files.deleteIfExists(tmp.resolve(REPORT));
        warn.accept("no report written (" + e.getClass().getSimpleName() + ": " + e.getMessage()
            + "); the run is complete, 'topicbench report' rebuilds the report");
      }
    };
  }

  /**
   * Rebuilds {@code report.html} and {@code charts/} of the run in {@code runDir}: both are written to a
   * temporary directory first and then moved into place, so a failure leaves the previous report intact.
   *
   * @return the report file
   * @throws InputException when {@code runDir} is missing, not a run directory, holds a malformed file,
   *     or cannot be written
   */
  public static Path rebuild(Path runDir, Path jmhDir) {
    RunDirectory.read(runDir); // fail on a bad run before creating anything in it
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory(runDir, ".report.tmp-");
      writeInto(runDir, tmp, jmhDir);
      Path charts = runDir.resolve(CHARTS);
      if (Files.exists(charts)) {
        move(charts, tmp.resolve(CHARTS + ".old"));
      }
      move(tmp.resolve(CHARTS), charts);
      move(tmp.resolve(REPORT), runDir.resolve(REPORT));
      return runDir.resolve(REPORT);
    } catch (IOException e) {
      throw InputException.of(runDir, "cannot write the report: " + e.getMessage());
    } finally {
      if (tmp != null) {
        deleteTree(tmp);
      }
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
