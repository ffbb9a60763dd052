package org.topicbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.topicbench.report.Scaling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topicbench bench}: summaries of measurements the scripts in benchmarks/ take. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Summaries of the measurements that the scripts in benchmarks/ take.",
    subcommands = {BenchCommand.ScalingSummary.class})
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: scaling");
  }

  /** {@code topicbench bench scaling DIR}. */
  @Command(
      name = "scaling",
      mixinStandardHelpOptions = true,
      versionProvider = Main.VersionProvider.class,
      description = "Summarises the stage logs (*.stages.json, from 'evaluate --stages') in DIR: stages.csv,"
          + " learners.csv, exponents.csv (log-log growth; 1 is linear) and scaling.svg/.png.")
  public static final class ScalingSummary implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The folder of stage logs (default: ${DEFAULT-VALUE}).",
        arity = "0..1")
    Path dir = Path.of("results", "scaling");

    @Override
    public Integer call() {
      List<String> files = Scaling.summarise(dir);
      spec.commandLine().getOut().println("wrote " + String.join(", ", files) + " in " + dir);
      spec.commandLine().getOut().flush();
      return Main.OK;
    }
  }
}
