package org.topicbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.LabelAudit;
import org.topicbench.model.Learner;
import org.topicbench.report.AuditOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topicbench corpus audit}: the sentences whose given label is most likely wrong. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Ranks the sentences of a labelled dataset by how likely their given label is wrong, by confident"
          + " learning (Northcutt, Jiang and Chuang, JAIR 2021) on out-of-fold probabilities: every sentence is"
          + " predicted by the learner trained on the other folds (stratified, near-duplicates together),"
          + " over several repetitions, and scored 1 - p(given label). A sentence is flagged (*) when another"
          + " label reaches its per-label threshold (the mean probability of that label over the sentences"
          + " given it) and is the most probable such label; the suggested label is that one, else the most"
          + " probable other label.",
      "Measured on the bundled corpus with 10%% of its labels flipped at random (10 seeds): 80%% of the flips"
          + " are in the top ranks (as many ranks as flips); chance is 10%%."
    })
public final class CorpusAuditCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    table,
    csv,
    jsonl
  }

  /** The learner whose probabilities the audit reads, unless --learner names another. */
  static final String DEFAULT_LEARNER = "smile.svm-linear-cues";

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "DATASET", description = "The labelled dataset (default: ${DEFAULT-VALUE}).")
  Path dataset = Datasets.SENTENCES;

  @Mixin DatasetOptions columns;

  @Option(names = "--learner", paramLabel = "SPEC",
      description = "The learner whose out-of-fold probabilities are audited (default: ${DEFAULT-VALUE}); it must"
          + " give probabilities (any spec with calibration=platt does).")
  String learner = DEFAULT_LEARNER;

  @Option(names = "--folds", paramLabel = "K", description = "Folds (default: ${DEFAULT-VALUE}).")
  int folds = 5;

  @Option(names = "--repeats", paramLabel = "R",
      description = "Repetitions with other folds, probabilities averaged (default: ${DEFAULT-VALUE}).")
  int repeats = 3;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of folds and fits (default: ${DEFAULT-VALUE}).")
  long seed = EvaluationSpec.DEFAULT_SEED;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table (default), csv (columns id,label,suggested,score,text) or jsonl (with the evidence:"
          + " flagged, p_label, p_suggested).")
  Format format = Format.table;

  @Option(names = "--top", paramLabel = "N",
      description = "Only the N most suspicious sentences (default: 20 for the table, all for csv and jsonl).")
  Integer top;

  @Option(names = "--flagged", description = "Only the sentences confident learning flags.")
  boolean flaggedOnly;

  @Option(names = "--width", paramLabel = "N", description = "Table: cut text to N characters (default: ${DEFAULT-VALUE}).")
  int width = 80;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Option(names = "--raw", description = "CSV: write text cells exactly as they are (no formula neutralising).")
  boolean raw;

  @Override
  public Integer call() throws Exception {
    if (folds < 2 || folds > 100) {
      throw new InputException("--folds: must be 2 to 100, got " + folds);
    }
    if (repeats < 1 || repeats > 100) {
      throw new InputException("--repeats: must be 1 to 100, got " + repeats);
    }
    if (top != null && top < 1) {
      throw new InputException("--top: must be >= 1, got " + top);
    }
    if (width < 10) {
      throw new InputException("--width: must be >= 10, got " + width);
    }
    Learner l = Training.learner("--learner", learner);
    Dataset d = columns.read(dataset);
    if (d.labels().size() < 2) {
      throw InputException.of(Path.of(d.file()), "one label only: nothing to audit");
    }
    double[][] p = LabelAudit.outOfFold(d, l, folds, repeats, seed);
    int[] given = d.examples().stream().mapToInt(e -> d.labels().indexOf(e.label())).toArray();
    LabelAudit.Result r = LabelAudit.audit(given, p, d.labels().size());
    List<LabelAudit.Finding> shown = flaggedOnly ? r.flagged() : r.ranked();
    int limit = top != null ? top : format == Format.table ? 20 : Integer.MAX_VALUE;
    shown = shown.subList(0, Math.min(limit, shown.size()));
    PrintWriter err = spec.commandLine().getErr();
    err.printf(java.util.Locale.ROOT, "audit: %s, %d sentences, %s out of fold (%d folds x %d repetitions, seed %d):"
        + " confident learning flags %d (%.1f%%)%n", d.file(), d.size(), l.name(), folds, repeats, seed,
        r.flagged().size(), 100.0 * r.flagged().size() / d.size());
    List<LabelAudit.Finding> rows = shown;
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      write(d, r, rows, out);
      out.flush();
    } else {
      AtomicFile.write(output, w -> write(d, r, rows, w));
      err.println("topicbench: wrote " + rows.size() + " sentences to " + output);
    }
    return Main.OK;
  }

  private void write(Dataset d, LabelAudit.Result r, List<LabelAudit.Finding> rows, java.io.Writer w)
      throws java.io.IOException {
    switch (format) {
      case table -> AuditOutput.table(d, r, rows, w, width);
      case csv -> AuditOutput.csv(d, rows, w, raw);
      case jsonl -> AuditOutput.jsonLines(d, rows, w);
    }
  }
}
