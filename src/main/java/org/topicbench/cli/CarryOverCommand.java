package org.topicbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;
import org.topicbench.eval.CarryOver;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationResult;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.ResultTable;
import org.topicbench.model.Learner;
import org.topicbench.run.RunWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topicbench carry-over}: every learner (and variant) under {@code split} in both directions
 * between the bundled datasets, written to {@code results/carry-over.csv}; see {@link CarryOver}.
 */
@Command(
    name = "carry-over",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Scores every learner, variants included, on articles it has never seen, both ways: trained on"
          + " datasets/sentences.csv and tested on datasets/external-dev.csv, and the reverse. Writes the two"
          + " run directories (results/runs/<run-id>) and results/carry-over.csv, from which 'label' and"
          + " 'train' choose their default learner.",
      "The same numbers as 'topicbench evaluate --protocol split --learners L' and 'topicbench evaluate"
          + " --protocol split --train datasets/external-dev.csv --test datasets/sentences.csv --learners L'."
    })
public final class CarryOverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "FILE", description = "The table to write (default: ${DEFAULT-VALUE}).")
  Path outFile = CarryOver.FILE;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: available processors); results do not depend on it.")
  Integer threads;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (threads != null && threads < 1) {
      throw new InputException("--threads must be >= 1, got " + threads);
    }
    Dataset articles = Training.read(Datasets.SENTENCES);
    Dataset external = Training.read(Datasets.EXTERNAL_DEV);
    List<Learner> learners = Training.known();
    List<EvaluationResult> results = new java.util.ArrayList<>();
    for (EvaluationSpec es : CarryOver.specs(learners, articles, external)) {
      if (threads != null) {
        es = es.withThreads(threads);
      }
      EvaluationResult r = Evaluation.run(es);
      Path dir = RunWriter.defaultDir(r.spec());
      RunWriter.write(r, dir);
      out.print(ResultTable.render(r));
      out.printf("results: %s%n%n", dir);
      results.add(r);
    }
    CarryOver.Table table = CarryOver.of(results.get(0), results.get(1));
    CarryOver.write(table, outFile);
    out.printf("%4s  %-28s %5s  %7s  %7s  %7s%n", "rank", "learner", "probs", "mean", "forward", "reverse");
    int rank = 0;
    for (CarryOver.Row row : table.rows()) {
      out.printf(Locale.ROOT, "%4d  %-28s %5s  %7.3f  %7.3f  %7.3f%n", ++rank, row.learner(),
          row.probabilities() ? "yes" : "no", row.meanMacroF1(), row.forwardMacroF1(), row.reverseMacroF1());
    }
    out.printf("(pooled macro-F1; forward: trained on %s, tested on %s; reverse: the other way)%n", articles.file(), external.file());
    out.printf("wrote %s%n", outFile);
    out.flush();
    err.flush();
    return Main.OK;
  }
}
