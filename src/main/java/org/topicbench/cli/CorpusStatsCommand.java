package org.topicbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topicbench.data.CorpusStats;
import org.topicbench.data.Datasets;
import org.topicbench.data.NearDuplicates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topicbench corpus stats}: sentences per label per document, and repeated sentences. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Counts sentences per label per document and lists the sentences that repeat or nearly repeat,"
          + " across documents and within one (folds must keep each such cluster on one side of a split).",
      "Reads CSV, TSV and Weka ARFF files."
    })
public final class CorpusStatsCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    csv,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "DATASET",
      description = "The labelled dataset (default: ${DEFAULT-VALUE}).")
  Path dataset = Datasets.SENTENCES;

  @Mixin DatasetOptions columns;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default), csv (the per-document counts table only) or json (everything).")
  Format format = Format.text;

  @Override
  public Integer call() throws Exception {
    CorpusStats stats = CorpusStats.of(columns.read(dataset), NearDuplicates.Rule.DEFAULT);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case text -> stats.writeText(out);
      case csv -> stats.writeCsv(out);
      case json -> stats.writeJson(out);
    }
    out.flush();
    return Main.OK;
  }
}
