package org.topicbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationResult;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.Protocol;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.eval.ResultTable;
import org.topicbench.eval.ResultWriter;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerSpecs;
import org.topicbench.model.Learners;
import org.topicbench.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topicbench evaluate}: compares learners under shared folds and writes a run directory
 * (format: {@code results/FORMAT.md}).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Compares learners on the same folds and writes results/runs/<run-id>/ (see results/FORMAT.md).",
      "With no options: the default evaluation, every learner under kfold 10x10 and loo-doc on"
          + " datasets/sentences.csv, and split training on it and testing on datasets/external-dev.csv."
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatasetOptions columns;

  @Option(names = "--train", paramLabel = "FILE",
      description = "Training (or only) dataset, CSV/TSV/ARFF (default: datasets/sentences.csv).")
  Path train;

  @Option(names = "--test", paramLabel = "FILE",
      description = "Test dataset of split, second dataset of pooled (default: datasets/external-dev.csv).")
  Path test;

  @Option(names = "--protocol", split = ",", paramLabel = "P",
      description = "loo-doc, kfold, split, pooled; comma-separated for several (default: kfold,loo-doc,split).")
  List<String> protocols;

  @Option(names = "--folds", paramLabel = "K", description = "Folds of kfold and pooled (default: 10).")
  Integer folds;

  @Option(names = "--repeats", paramLabel = "R", description = "Repetitions of kfold and pooled (default: 10).")
  Integer repeats;

  @Option(names = "--seed", paramLabel = "S", description = "Run seed; every random choice derives from it (default: 2022).")
  long seed = EvaluationSpec.DEFAULT_SEED;

  @Option(names = "--learners", split = ",", paramLabel = "NAME",
      description = "Learners to compare, comma-separated preset names or specs (default: every learner of the"
          + " default evaluation; see 'topicbench learners').")
  List<String> learnerNames;

  @Option(names = "--learner", paramLabel = "SPEC",
      description = "A learner spec, e.g. \"smile.logistic lambda=0.001|0.01\" (a grid gives one learner per"
          + " value) or \"weka:weka.classifiers.trees.J48 -C 0.25\"; repeatable, after --learners.")
  List<String> learnerSpecs;

  @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: results/runs/<run-id>).")
  Path out;

  @Option(names = "--bootstrap", paramLabel = "B", description = "Bootstrap resamples of the 95%% intervals (default: 1000).")
  int bootstrap = EvaluationSpec.DEFAULT_BOOTSTRAP;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: available processors); results do not depend on it.")
  Integer threads;

  @Option(names = "--no-report", description = "Do not write report.html and charts/ (see 'topicbench report').")
  boolean noReport;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EvaluationSpec es = buildSpec();
    Path dir = this.out != null ? this.out : ResultWriter.defaultDir(es);
    EvaluationResult result;
    // the lock and the check come before the evaluation: a second run on the same directory, or a
    // directory that is not a run, fails at once instead of after the work
    try (AtomicFile.DirectoryLock lock = ResultWriter.lock(dir)) {
      lock.recovered().forEach(step -> err.println("evaluate: " + dir + ": " + step));
      ResultWriter.requireReplaceable(dir);
      result = Evaluation.run(es, Progress.of("evaluate", "", err));
      ResultWriter.write(result, lock, noReport ? new ResultWriter.Extra[0]
          : new ResultWriter.Extra[] {ReportWriter.extra(ReportWriter.DEFAULT_JMH, w -> err.println("topicbench: " + w))});
    } catch (IOException e) {
      throw InputException.of(dir, "cannot release its lock: " + e.getMessage());
    }
    out.print(ResultTable.render(result));
    out.printf(Locale.ROOT, "%nresults: %s (%.1f s)%n", dir, result.wallNanos() / 1e9);
    if (!noReport && Files.exists(dir.resolve(ReportWriter.REPORT))) {
      out.println("report: " + dir.resolve(ReportWriter.REPORT));
    }
    out.flush();
    return Main.OK;
  }

  private static List<Learner> specs(String option, String spec) {
    try {
      return LearnerSpecs.expand(spec.strip(), null);
    } catch (InputException e) {
      throw new InputException(option + ": " + e.getMessage());
    }
  }

  /** The spec the options describe; bad options throw {@link InputException}. */
  EvaluationSpec buildSpec() {
    List<Learner> learners = new ArrayList<>();
    if (learnerNames == null && learnerSpecs == null) {
      learners.addAll(Learners.all());
    }
    if (learnerNames != null) {
      for (String name : new LinkedHashSet<>(learnerNames)) {
        if (!name.isBlank()) {
          learners.addAll(specs("--learners", name));
        }
      }
      if (learners.isEmpty()) {
        throw new InputException("--learners must name at least one learner");
      }
    }
    if (learnerSpecs != null) {
      for (String s : learnerSpecs) {
        learners.addAll(specs("--learner", s));
      }
    }
    Set<String> seen = new HashSet<>();
    for (Learner l : learners) {
      if (!seen.add(l.name())) {
        throw new InputException("two learners are named '" + l.name() + "'; give each spec once");
      }
    }
    List<Protocol> ps = new ArrayList<>();
    if (protocols == null) {
      ps.addAll(List.of(Protocol.KFOLD, Protocol.LOO_DOC, Protocol.SPLIT));
    } else {
      for (String p : new LinkedHashSet<>(protocols)) {
        if (p.isBlank()) {
          continue;
        }
        try {
          ps.add(Protocol.of(p.strip()));
        } catch (IllegalArgumentException e) {
          throw new InputException("--protocol: " + e.getMessage());
        }
      }
    }
    if (ps.isEmpty()) {
      throw new InputException("--protocol must name at least one protocol");
    }
    boolean repeated = ps.stream().anyMatch(Protocol::repeated);
    if (!repeated && (folds != null || repeats != null)) {
      throw new InputException("--folds and --repeats apply to kfold and pooled only, not to " + ps);
    }
    if (bootstrap < 0) {
      throw new InputException("--bootstrap must be >= 0, got " + bootstrap);
    }
    if (threads != null && threads < 1) {
      throw new InputException("--threads must be >= 1, got " + threads);
    }
    int k = folds != null ? folds : ProtocolSpec.DEFAULT_FOLDS;
    int r = repeats != null ? repeats : ProtocolSpec.DEFAULT_REPEATS;
    Dataset trainData = columns.read(train != null ? train : Datasets.SENTENCES);
    Dataset testData = null;
    if (ps.contains(Protocol.SPLIT) || ps.contains(Protocol.POOLED)) {
      testData = columns.read(test != null ? test : Datasets.EXTERNAL_DEV);
    } else if (test != null) {
      throw new InputException("--test applies to split and pooled only, not to " + ps);
    }
    List<ProtocolSpec> specs = new ArrayList<>();
    if (protocols == null) {
      specs.addAll(EvaluationSpec.defaultProtocols(trainData, testData, k, r));
    }
    for (Protocol p : protocols == null ? List.<Protocol>of() : ps) {
      specs.add(
          switch (p) {
            case KFOLD -> ProtocolSpec.kfold(trainData, k, r);
            case LOO_DOC -> ProtocolSpec.looDoc(trainData);
            case SPLIT -> ProtocolSpec.split(trainData, testData);
            case POOLED -> ProtocolSpec.pooled(List.of(trainData, testData), k, r);
          });
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    return new EvaluationSpec(specs, learners, seed, bootstrap, n);
  }
}
