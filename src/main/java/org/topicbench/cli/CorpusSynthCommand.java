package org.topicbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.InputException;
import org.topicbench.data.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code topicbench corpus synth}: a deterministic synthetic corpus for scaling measurements. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Writes a deterministic synthetic corpus (id,doc,label,text CSV, four labels, documents of 20"
        + " sentences with a boilerplate line each): the same size and seed give the same bytes.")
public final class CorpusSynthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--sentences", paramLabel = "N", required = true, description = "Sentences to write.")
  int sentences;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The CSV file to write.")
  Path output;

  @Override
  public Integer call() {
    if (sentences < 1 || sentences > 100_000_000) {
      throw new InputException("--sentences must be 1 to 100000000, got " + sentences);
    }
    AtomicFile.write(output, w -> SyntheticCorpus.write(sentences, seed, w));
    spec.commandLine().getErr().println("topicbench: wrote " + sentences + " synthetic sentences to " + output);
    return Main.OK;
  }
}
