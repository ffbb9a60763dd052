package org.topicbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.topicbench.data.InputException;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationResult;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.ProgressListener;
import org.topicbench.run.CellDirectory;
import org.topicbench.run.RunFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code topicbench merge DIR --out RUN}: the run directory of the cells the shards wrote, the same files
 * (timings aside) as one {@code evaluate} of the same experiment would write.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Makes the run directory of the cells that 'evaluate --shard K/N --cells DIR' processes wrote: the same"
          + " files, byte for byte but timings, as one 'evaluate' of the same experiment.",
      "Missing cells are one line naming them (exit 2); nothing is computed."
    })
public final class MergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The cell directory.")
  Path cells;

  @Option(names = "--out", paramLabel = "RUN", description = "Run directory (default: results/runs/<run-id>).")
  Path out;

  @Option(names = "--no-report", description = "Do not write report.html and charts/.")
  boolean noReport;

  @Option(names = "--compress", paramLabel = "WHEN", converter = EvaluateCommand.CompressionConverter.class,
      description = "Store predictions.csv and examples.csv gzip-compressed: auto (each file with more than "
          + RunFormat.AUTO_ROWS + " rows), always or never (default: auto), as 'evaluate --compress'.")
  RunFormat.Compression compress = RunFormat.Compression.AUTO;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CellDirectory.Index index = CellDirectory.index(cells);
    EvaluateCommand evaluate = new EvaluateCommand();
    CommandLine cl = new CommandLine(evaluate);
    try {
      cl.parseArgs(index.arguments().toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw InputException.of(cells.resolve(CellDirectory.INDEX), "its evaluate arguments no longer parse: "
          + e.getMessage());
    }
    evaluate.spec = cl.getCommandSpec();
    EvaluationSpec es = evaluate.buildSpec();
    if (!es.runId().equals(index.runId())) {
      throw InputException.of(cells, "its cells are of run " + index.runId() + ", but its experiment now gives run "
          + es.runId() + " (a data file, the experiment or topicbench changed since)");
    }
    CellDirectory store = CellDirectory.existing(cells);
    Path dir = out != null ? out : org.topicbench.run.RunWriter.defaultDir(es);
    ProgressListener progress = Progress.of("merge", "", err);
    EvaluationResult result = EvaluateCommand.write(es, dir, noReport, compress, err, progress,
        () -> Evaluation.assemble(es, store, progress));
    EvaluateCommand.print(stdout, result, dir, noReport);
    return Main.OK;
  }
}
