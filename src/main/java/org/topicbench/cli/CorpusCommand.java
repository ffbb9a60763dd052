package org.topicbench.cli;

import picocli.CommandLine.Command;

/** {@code topicbench corpus}: look at a labelled dataset. */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Inspect and export labelled datasets.",
    subcommands = {CorpusStatsCommand.class, CorpusExportCommand.class, CorpusAuditCommand.class,
        CorpusSynthCommand.class})
public final class CorpusCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a corpus command is required (stats, export)");
  }
}
