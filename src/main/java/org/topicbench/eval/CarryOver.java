package org.topicbench.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.topicbench.data.SafeCsv;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.Dataset;
import org.topicbench.data.InputException;
import org.topicbench.model.Learner;

/**
 * How well each learner carries over to articles it has never seen, in both directions: trained on the
 * five articles and scored on the external development set ({@code forward}: the default evaluation's
 * {@code split}), and trained on the external set and scored on the five articles ({@code reverse}). It
 * chooses the learner {@code topicbench label} and {@code topicbench train} use by default.
 *
 * <p><b>Why a file of its own.</b> A run directory keys its rows by {@code (protocol, learner)}
 * ({@code results/FORMAT.md}), so a second {@code split} in the default evaluation would collide with the
 * first, and a new protocol id would change the format other tools read. So the two splits run as two
 * ordinary evaluations, exactly {@code topicbench evaluate --protocol split --learners L} and the same
 * with {@code --train datasets/external-dev.csv --test datasets/sentences.csv} (a task's seed depends
 * only on the run seed, protocol, learner and fold, so the numbers are the same), and their headline
 * numbers are kept in {@link #FILE}, written by {@code topicbench carry-over}. The file records both run
 * ids; a run id is a hash of the learners with their hyperparameters, the datasets' SHA-256, the seed and
 * the bootstrap size, so {@link #expectedRunIds} tells when the file is stale.
 *
 * <p><b>The choice.</b> Among the {@code known} learners that give probabilities (labelling prints them;
 * {@code label} and {@code train} pass the calibrated ones, {@code Learners.calibrated}), the highest mean
 * of the forward and reverse pooled macro-F1; ties go to the earlier learner. The forward number is taken
 * from the committed baseline's {@code split} rows ({@link #BASELINE_SUMMARY}) when it has the learner,
 * else from {@link #FILE}; when both have it and they differ, one of the files is stale and
 * {@link Choice#warnings()} says so.
 *
 * <p>{@link #FILE}: one row per learner, best mean first; columns {@link #COLUMNS}; numbers as in run
 * directories (6 decimals, {@code NaN} for a log-loss without probabilities).
 */
public final class CarryOver {
  /** The committed table. */
  public static final Path FILE = Path.of("results", "carry-over.csv");
  /** The committed baseline's summary (written by {@code topicbench check}, format {@code results/FORMAT.md}). */
  public static final Path BASELINE_SUMMARY = Path.of("results", "baseline", "summary.csv");
  /** The committed baseline, whose split rows the choice prefers. */
  public static final Path BASELINE = Path.of("results", "baseline");
  /** Columns of {@link #FILE}. */
  public static final List<String> COLUMNS =
      List.of(
          "rank",
          "learner",
          "probabilities",
          "mean_macro_f1",
          "forward_macro_f1",
          "reverse_macro_f1",
          "forward_accuracy",
          "reverse_accuracy",
          "forward_log_loss",
          "reverse_log_loss",
          "forward_run",
          "reverse_run");

  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private CarryOver() {}

  /**
   * One learner in both directions.
   *
   * @param learner the learner's name
   * @param probabilities whether it gives probabilities
   * @param forwardMacroF1 pooled macro-F1 trained on the five articles, tested on the external set
   * @param reverseMacroF1 pooled macro-F1 trained on the external set, tested on the five articles
   * @param forwardAccuracy accuracy, forward
   * @param reverseAccuracy accuracy, reverse
   * @param forwardLogLoss log-loss, forward ({@code NaN} without probabilities)
   * @param reverseLogLoss log-loss, reverse
   */
  public record Row(
      String learner,
      boolean probabilities,
      double forwardMacroF1,
      double reverseMacroF1,
      double forwardAccuracy,
      double reverseAccuracy,
      double forwardLogLoss,
      double reverseLogLoss) {
    /** The mean of the two macro-F1 values. */
    public double meanMacroF1() {
      return (forwardMacroF1 + reverseMacroF1) / 2;
    }
  }

  /**
   * The table.
   *
   * @param forwardRun run id of the forward split
   * @param reverseRun run id of the reverse split
   * @param rows best mean first
   */
  public record Table(String forwardRun, String reverseRun, List<Row> rows) {
    public Table {
      rows = List.copyOf(rows);
    }
  }

  /**
   * The learner to use and why.
   *
   * @param learner its name
   * @param forward the forward macro-F1 used
   * @param reverse the reverse macro-F1 used
   * @param forwardSource where the forward number came from
   * @param runnerUp the next best learner with probabilities, or null
   * @param warnings stale or missing files
   */
  public record Choice(String learner, double forward, double reverse, Path forwardSource, String runnerUp, List<String> warnings) {
    public Choice {
      warnings = List.copyOf(warnings);
    }

    /** One line for the terminal. */
    public String reason() {
      return String.format(
          Locale.ROOT,
          "best mean macro-F1 over both split directions among learners with probabilities: %.3f"
              + " (trained on the five articles, tested on external-dev: %.3f, from %s; the reverse: %.3f, from %s)%s",
          (forward + reverse) / 2, forward, forwardSource, reverse, FILE,
          runnerUp == null ? "" : "; runner-up " + runnerUp);
    }
  }

  /** The two evaluations: {@code split} from {@code articles} to {@code external}, and back. */
  public static List<EvaluationSpec> specs(List<Learner> learners, Dataset articles, Dataset external) {
    return List.of(
        EvaluationSpec.of(List.of(ProtocolSpec.split(articles, external)), learners),
        EvaluationSpec.of(List.of(ProtocolSpec.split(external, articles)), learners));
  }

  /** The run ids {@link #FILE} must record to be current for these learners and datasets. */
  public static List<String> expectedRunIds(List<Learner> learners, Dataset articles, Dataset external) {
    return specs(learners, articles, external).stream().map(EvaluationSpec::runId).toList();
  }

  /** The table of two finished split evaluations (forward, reverse) of the same learners. */
  public static Table of(EvaluationResult forward, EvaluationResult reverse) {
    ProtocolResult f = forward.protocols().getFirst();
    ProtocolResult r = reverse.protocols().getFirst();
    List<Row> rows = new ArrayList<>();
    for (LearnerResult lf : f.learners()) {
      LearnerResult lr = r.learner(lf.learner());
      rows.add(
          new Row(
              lf.learner(),
              lf.hasProbabilities() && lr.hasProbabilities(),
              lf.macroF1Pooled().mean(),
              lr.macroF1Pooled().mean(),
              lf.accuracy().mean(),
              lr.accuracy().mean(),
              lf.logLoss().mean(),
              lr.logLoss().mean()));
    }
    return new Table(forward.runId(), reverse.runId(), ranked(rows));
  }

  /** {@code rows} by mean macro-F1, best first; ties keep their order. */
  static List<Row> ranked(List<Row> rows) {
    List<Row> out = new ArrayList<>(rows);
    out.sort(Comparator.comparingDouble(Row::meanMacroF1).reversed());
    return out;
  }

  /** Writes {@code table} to {@code file} (atomically). */
  public static void write(Table table, Path file) {
    AtomicFile.write(
        file,
        w -> {
          CSVPrinter p = new CSVPrinter(w, CSV);
          p.printRecord(COLUMNS);
          int rank = 0;
          for (Row row : table.rows()) {
            SafeCsv.print(
                p,
                ++rank,
                row.learner(),
                row.probabilities(),
                Metrics.fixed(row.meanMacroF1()),
                Metrics.fixed(row.forwardMacroF1()),
                Metrics.fixed(row.reverseMacroF1()),
                Metrics.fixed(row.forwardAccuracy()),
                Metrics.fixed(row.reverseAccuracy()),
                Metrics.fixed(row.forwardLogLoss()),
                Metrics.fixed(row.reverseLogLoss()),
                table.forwardRun(),
                table.reverseRun());
          }
          p.flush();
        });
  }

  /**
   * Reads a table written by {@link #write}.
   *
   * @throws InputException for a missing or malformed file
   */
  public static Table read(Path file) {
    List<Row> rows = new ArrayList<>();
    String forwardRun = null;
    String reverseRun = null;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      if (!parser.getHeaderNames().equals(COLUMNS)) {
        throw InputException.at(file, 1, "columns must be " + String.join(",", COLUMNS) + ", got " + String.join(",", parser.getHeaderNames()));
      }
      for (CSVRecord rec : parser) {
        long line = rec.getRecordNumber() + 1;
        if (!rec.isConsistent()) {
          throw InputException.at(file, line, "expected " + COLUMNS.size() + " fields, got " + rec.size());
        }
        if (forwardRun == null) {
          forwardRun = rec.get("forward_run");
          reverseRun = rec.get("reverse_run");
        } else if (!forwardRun.equals(rec.get("forward_run")) || !reverseRun.equals(rec.get("reverse_run"))) {
          throw InputException.at(file, line, "every row must name the same two runs");
        }
        rows.add(
            new Row(
                SafeCsv.unescape(rec.get("learner")),
                Boolean.parseBoolean(rec.get("probabilities")),
                number(file, line, rec, "forward_macro_f1"),
                number(file, line, rec, "reverse_macro_f1"),
                number(file, line, rec, "forward_accuracy"),
                number(file, line, rec, "reverse_accuracy"),
                number(file, line, rec, "forward_log_loss"),
                number(file, line, rec, "reverse_log_loss")));
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw InputException.of(file, "no such file (run from the repository root, or create it with 'topicbench carry-over')");
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw InputException.of(file, "cannot read: " + e.getMessage());
    }
    if (rows.isEmpty()) {
      throw InputException.of(file, "has no learners");
    }
    return new Table(forwardRun, reverseRun, rows);
  }

  private static double number(Path file, long line, CSVRecord rec, String column) {
    String v = rec.get(column);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw InputException.at(file, line, column + " must be a number, got '" + v + "'");
    }
  }

  /**
   * Chooses the default learner among {@code known} (learner names this topicbench has).
   *
   * @param table the carry-over table
   * @param baselineForward forward numbers of the committed baseline by learner (may be empty)
   * @param expectedRunIds the run ids a current table records (see {@link #expectedRunIds})
   * @param known learner names that may be chosen
   * @throws InputException when no learner with probabilities is in the table
   */
  public static Choice choose(Table table, Map<String, Double> baselineForward, List<String> expectedRunIds, List<String> known) {
    List<String> warnings = new ArrayList<>();
    if (!List.of(table.forwardRun(), table.reverseRun()).equals(expectedRunIds)) {
      warnings.add(FILE + " was computed for other learners, settings or data than this topicbench's"
          + " (run ids differ); run 'topicbench carry-over' to bring it up to date");
    }
    String best = null;
    String runnerUp = null;
    double bestMean = Double.NEGATIVE_INFINITY;
    double runnerUpMean = Double.NEGATIVE_INFINITY;
    double bestForward = Double.NaN;
    double bestReverse = Double.NaN;
    boolean bestFromBaseline = false;
    for (Row row : table.rows()) {
      if (!row.probabilities() || !known.contains(row.learner())) {
        continue;
      }
      Double base = baselineForward.get(row.learner());
      double forward = row.forwardMacroF1();
      if (base != null) {
        if (Math.abs(base - forward) > 5e-7) {
          warnings.add(String.format(Locale.ROOT,
              "%s: forward macro-F1 %.6f in %s, %.6f in %s; one of them is stale", row.learner(), base,
              BASELINE_SUMMARY, forward, FILE));
        }
        forward = base;
      }
      double mean = (forward + row.reverseMacroF1()) / 2;
      if (mean > bestMean) {
        runnerUp = best;
        runnerUpMean = bestMean;
        best = row.learner();
        bestMean = mean;
        bestForward = forward;
        bestReverse = row.reverseMacroF1();
        bestFromBaseline = base != null;
      } else if (mean > runnerUpMean) {
        runnerUp = row.learner();
        runnerUpMean = mean;
      }
    }
    if (best == null) {
      throw InputException.of(FILE, "has no learner with probabilities among the candidates (" + known.size() + " learners)");
    }
    return new Choice(best, bestForward, bestReverse, bestFromBaseline ? BASELINE_SUMMARY : FILE, runnerUp, warnings);
  }
}
