package org.topicbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.InputException;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.eval.TunedLearner;
import org.topicbench.experiment.Experiment;
import org.topicbench.experiment.ExperimentFile;
import org.topicbench.model.Learner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topicbench experiment}: experiment files. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Experiment files (YAML): datasets x protocols x learners, run by 'topicbench evaluate --experiment FILE'.",
    subcommands = {ExperimentCommand.Init.class, ExperimentCommand.Check.class})
public final class ExperimentCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: init or check");
  }

  /** {@code topicbench experiment init [FILE]}. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      versionProvider = Main.VersionProvider.class,
      description = "Writes a commented experiment template (every key, the bundled datasets, a grid and a tuned"
          + " learner) that runs as written.")
  public static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Where to write it (default: ${DEFAULT-VALUE}).")
    Path file = Path.of("experiment.yaml");

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Override
    public Integer call() {
      if (Files.exists(file) && !force) {
        throw InputException.of(file, "exists; not replacing it (--force replaces it)");
      }
      String text = ExperimentFile.template(file);
      AtomicFile.write(file, w -> w.write(text));
      PrintWriter out = spec.commandLine().getOut();
      out.println("wrote " + file + "; run it with: bin/topicbench evaluate --experiment " + file);
      out.flush();
      return Main.OK;
    }
  }

  /** {@code topicbench experiment check FILE}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      versionProvider = Main.VersionProvider.class,
      description = "Reads FILE as 'evaluate --experiment' would (every key, spec and data file) and prints its"
          + " tasks and learners; runs nothing.")
  public static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The experiment file.")
    Path file;

    @Override
    public Integer call() {
      Experiment e = ExperimentFile.read(file);
      PrintWriter out = spec.commandLine().getOut();
      out.println(file + ": seed " + e.seed() + ", bootstrap " + e.bootstrap() + ", ranking by " + e.ranking().by().id()
          + " on " + e.ranking().metric());
      out.println("tasks:");
      for (ProtocolSpec t : e.tasks()) {
        out.println("  " + t.dataset() + ": " + t.describe());
      }
      out.println("learners:");
      for (Learner l : e.learners()) {
        String tuned = l instanceof TunedLearner t
            ? " (tuned: " + t.candidates().size() + " candidates x " + t.folds() + " inner folds, " + t.metric() + ")"
            : "";
        out.println("  " + l.name() + tuned);
      }
      out.println("OK: " + e.tasks().size() + " tasks x " + e.learners().size() + " learners");
      out.flush();
      return Main.OK;
    }
  }
}
