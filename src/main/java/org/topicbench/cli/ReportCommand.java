package org.topicbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topicbench.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topicbench report RUN_DIR}: rebuilds a run directory's report.html and charts/. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Rebuilds RUN_DIR/report.html (one self-contained page: comparison, charts, errors, repeated sentences,"
          + " manifest) and RUN_DIR/charts/ (every chart as SVG and PNG) from the run's files.",
      "topicbench evaluate writes the same report itself."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "A run directory written by 'topicbench evaluate'.")
  Path runDir;

  @Option(names = "--jmh", paramLabel = "DIR",
      description = "JMH JSON results for the tokenizer table (default: results/jmh; skipped when absent).")
  Path jmh = ReportWriter.DEFAULT_JMH;

  @Override
  public Integer call() {
    Path report = ReportWriter.rebuild(runDir, jmh);
    spec.commandLine().getOut().println("report: " + report);
    spec.commandLine().getOut().flush();
    return Main.OK;
  }
}
