package org.topicbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.topicbench.check.Baseline;
import org.topicbench.check.Check;
import org.topicbench.check.CheckArtifacts;
import org.topicbench.check.CheckReport;
import org.topicbench.check.CheckText;
import org.topicbench.check.RunData;
import org.topicbench.check.RunReader;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.InputException;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationResult;
import org.topicbench.experiment.Experiment;
import org.topicbench.experiment.ExperimentFile;
import org.topicbench.model.Learner;
import org.topicbench.run.RunFormat;
import org.topicbench.run.RunWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topicbench check}: the accuracy regression check. Runs the default evaluation (or reads a run
 * directory) and compares it with the committed baseline; see {@link Check} for the rules. Exit 0 passed,
 * 1 failed, 2 bad input (a missing or broken baseline among them).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Runs the default evaluation and compares it with the baseline (results/baseline): exit 1 when a"
          + " tracked metric (accuracy, macro-F1, each label's F1) drops by more than the tolerance, a learner"
          + " of the baseline is missing, or a dataset differs from the baseline's; 0 otherwise.",
      "Writes <report-dir>/run/ (the run), benchmark.json (github-action-benchmark, customBiggerIsBetter)"
          + " and check.md (a pull-request comment)."
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--baseline", paramLabel = "DIR", description = "The baseline (default: results/baseline).")
  Path baseline = Baseline.DEFAULT_DIR;

  @Option(names = "--experiment", paramLabel = "FILE",
      description = "Run this experiment file instead of the default one (experiments/default.yaml).")
  Path experiment;

  @Option(names = "--run", paramLabel = "DIR",
      description = "Compare this finished run directory instead of running the default evaluation.")
  Path run;

  @Option(names = "--tolerance", paramLabel = "X",
      description = "The most a tracked metric may drop and still pass (default: 0.005).")
  double tolerance = Check.DEFAULT_TOLERANCE;

  @Option(names = "--learners", split = ",", paramLabel = "NAME",
      description = "Check (and run) only these learners, comma-separated (default: every learner).")
  List<String> learnerNames;

  @Option(names = "--update",
      description = "Accept the run as the new baseline: write it atomically and print what changed.")
  boolean update;

  @Option(names = "--allow-dataset-change",
      description = "Compare even when a dataset's sha256 differs from the baseline's (default: that fails).")
  boolean allowDatasetChange;

  @Option(names = "--report-dir", paramLabel = "DIR",
      description = "Where the run, benchmark.json and check.md go (default: target/check).")
  Path reportDir = Path.of("target", "check");

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return check(out, err);
    } catch (InputException e) {
      CheckArtifacts.writeError(reportDir, e.getMessage());
      throw e;
    }
  }

  private int check(PrintWriter out, PrintWriter err) {
    Check.Options options = options();
    if (update && learnerNames != null) {
      throw new InputException("--update rewrites the whole baseline; run it without --learners");
    }
    if (update) {
      try (AtomicFile.DirectoryLock lock = RunFormat.lock(baseline)) {
        report(lock.recovered(), err);
        return check(out, err, options, lock);
      } catch (IOException e) {
        throw InputException.of(baseline, "cannot release its lock: " + e.getMessage());
      }
    }
    recoverBaseline(err);
    return check(out, err, options, null);
  }

  /** Finishes or rolls back an update of the baseline that a killed process left half done. */
  private void recoverBaseline(PrintWriter err) {
    Path parent = baseline.toAbsolutePath().normalize().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return;
    }
    try (AtomicFile.DirectoryLock lock = RunFormat.lock(baseline)) {
      report(lock.recovered(), err);
    } catch (InputException | IOException e) {
      // another process is updating it: read what is in place
    }
  }

  private void report(List<String> recovered, PrintWriter err) {
    for (String step : recovered) {
      err.println("check: " + baseline + ": " + step);
    }
    err.flush();
  }

  /** The check; {@code lock} holds the baseline when it is to be updated, else null. */
  private int check(PrintWriter out, PrintWriter err, Check.Options options, AtomicFile.DirectoryLock lock) {
    RunData base = null;
    String baseProblem = null;
    try {
      base = RunReader.read(baseline);
    } catch (InputException e) {
      if (!update) {
        throw e;
      }
      baseProblem = e.getMessage();
    }
    RunData now = run != null ? RunReader.read(run) : evaluate(base, options.learners(), err);

    if (base == null) {
      List<String> files = Baseline.replace(now.dir(), lock);
      out.println("no usable baseline (" + baseProblem + "); wrote a new one");
      out.println("BASELINE WRITTEN: " + baseline + " (" + String.join(", ", files) + ") from " + now.dir());
      out.println("  Commit it: git add " + baseline);
      out.flush();
      return Main.OK;
    }
    CheckReport report;
    try {
      report = Check.compare(base, now, options);
    } catch (IllegalArgumentException e) {
      throw new InputException("--learners: " + e.getMessage());
    }
    String accept = acceptCommand();
    out.print(CheckText.render(report, accept));
    CheckArtifacts.write(reportDir, report, options.learners(), accept);
    if (update) {
      Baseline.replace(now.dir(), lock);
      out.println();
      out.print(CheckText.updated(report, baseline.toString()));
      out.flush();
      return Main.OK;
    }
    out.flush();
    return report.passed() ? Main.OK : Main.CHECK_FAILED;
  }

  private Check.Options options() {
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new InputException("--tolerance must be in [0, 1), got " + tolerance);
    }
    Set<String> names = null;
    if (learnerNames != null) {
      names = new LinkedHashSet<>();
      for (String n : learnerNames) {
        if (!n.isBlank()) {
          names.add(n.strip());
        }
      }
      if (names.isEmpty()) {
        throw new InputException("--learners must name at least one learner");
      }
    }
    return new Check.Options(tolerance, names, allowDatasetChange);
  }

  /** Runs the default evaluation on the selected learners, writes it to report-dir/run and reads it back. */
  private RunData evaluate(RunData base, Set<String> names, PrintWriter err) {
    Experiment e = experiment != null ? ExperimentFile.read(experiment) : ExperimentFile.readDefault();
    List<Learner> learners = new ArrayList<>();
    for (Learner l : e.learners()) {
      if (names == null || names.contains(l.name())) {
        learners.add(l);
      }
    }
    if (names != null) {
      List<String> known = e.learners().stream().map(Learner::name).toList();
      for (String n : names) {
        if (!known.contains(n) && (base == null || base.learner(n) == null)) {
          throw new InputException("--learners: unknown learner '" + n + "'; known: " + String.join(", ", known));
        }
      }
      if (learners.isEmpty()) {
        throw new InputException("--learners: none of " + names + " is a learner of this tree; known: "
            + String.join(", ", known));
      }
    }
    EvaluationResult result = Evaluation.run(e.withLearners(learners).spec(Runtime.getRuntime().availableProcessors()),
        Progress.of("check", "running " + (experiment != null ? experiment : "the default evaluation"), err));
    Path dir = reportDir.resolve("run");
    RunWriter.write(result, dir);
    err.printf(Locale.ROOT, "check: default evaluation done in %.1f s, written to %s%n", result.wallNanos() / 1e9, dir);
    err.flush();
    return RunReader.read(dir);
  }

  /** The command that accepts the changes: as run, with --update and without --learners. */
  private String acceptCommand() {
    StringBuilder b = new StringBuilder("bin/topicbench check --update");
    if (!baseline.normalize().equals(Baseline.DEFAULT_DIR)) {
      b.append(" --baseline ").append(baseline);
    }
    if (run != null) {
      b.append(" --run ").append(run);
    }
    return b.toString();
  }
}
