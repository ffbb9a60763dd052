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
import org.topicbench.data.Folds;
import org.topicbench.data.InputException;
import org.topicbench.eval.CellStore;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationResult;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.ProgressListener;
import org.topicbench.eval.Protocol;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.eval.ResultTable;
import org.topicbench.eval.Shard;
import org.topicbench.eval.Stages;
import org.topicbench.experiment.Experiment;
import org.topicbench.experiment.ExperimentFile;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerSpecs;
import org.topicbench.model.Learners;
import org.topicbench.report.ReportWriter;
import org.topicbench.run.CellDirectory;
import org.topicbench.run.RunFormat;
import org.topicbench.run.RunWriter;
import org.topicbench.run.StageLog;
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
      "With --experiment FILE: the experiment the YAML file describes (datasets x protocols x learners; see"
          + " 'topicbench experiment init'). With no options: experiments/default.yaml, every learner under kfold"
          + " 10x10 and loo-doc on datasets/sentences.csv, and split training on it and testing on"
          + " datasets/external-dev.csv. With --train, --protocol or --learner(s): that evaluation instead."
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatasetOptions columns;

  @Option(names = "--experiment", paramLabel = "FILE",
      description = "An experiment file (YAML): datasets, protocols, learners, grids, tuning, seed, ranking.")
  Path experiment;

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

  @Option(names = "--seed", paramLabel = "S", description = "Run seed; every random choice derives from it (default: 2022, or the experiment's).")
  Long seed;

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

  @Option(names = "--bootstrap", paramLabel = "B", description = "Bootstrap resamples of the 95%% intervals (default: 1000, or the experiment's).")
  Integer bootstrap;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: available processors); results do not depend on it.")
  Integer threads;

  @Option(names = "--no-report", description = "Do not write report.html and charts/ (see 'topicbench report').")
  boolean noReport;

  @Option(names = "--compress", paramLabel = "WHEN", converter = CompressionConverter.class,
      description = "Store predictions.csv and examples.csv gzip-compressed (predictions.csv.gz, examples.csv.gz;"
          + " zcat reads them): auto (each file with more than " + RunFormat.AUTO_ROWS + " rows), always or"
          + " never (default: auto).")
  RunFormat.Compression compress = RunFormat.Compression.AUTO;

  @Option(names = "--shard", paramLabel = "K/N",
      description = "Compute only shard K of N of the cells (dataset x protocol x learner x fold) into --cells;"
          + " 'topicbench merge' makes the run of them. For job arrays: --shard $SLURM_ARRAY_TASK_ID/N.")
  String shard;

  @Option(names = "--cells", paramLabel = "DIR",
      description = "Keep every finished cell in DIR (one file each, named by a content hash): a rerun skips the"
          + " cells already there (resume after a crash); with --shard, the shards' shared directory.")
  Path cells;

  @Option(names = "--stages", paramLabel = "FILE",
      description = "Also write each stage's wall time and peak heap (reading, near-duplicates and folds, fit and"
          + " predict, scoring, tests, writing, report) and each learner's fit and predict time as JSON to FILE"
          + " (what benchmarks/scaling.sh collects).")
  Path stagesFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Stages stages = new Stages();
    stages.begin("reading");
    Shard share = Shard.ALL;
    if (shard != null) {
      try {
        share = Shard.parse(shard);
      } catch (IllegalArgumentException e) {
        throw new InputException("--shard: " + e.getMessage());
      }
      if (cells == null) {
        throw new InputException("--shard needs --cells DIR, the directory the shards share");
      }
    }
    EvaluationSpec es = buildSpec();
    CellStore store = cells == null ? CellStore.NONE : CellDirectory.open(cells, es.runId(), arguments());
    if (shard != null) {
      java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
      CellStore counting = new CellStore() {
        @Override
        public org.topicbench.eval.Cell get(org.topicbench.eval.Cell.Key key) {
          return store.get(key);
        }

        @Override
        public void put(org.topicbench.eval.Cell.Key key, org.topicbench.eval.Cell cell) {
          store.put(key, cell);
          computed.incrementAndGet();
        }
      };
      Evaluation.run(es, Progress.of("evaluate", "shard " + share, err), counting, share);
      int after = countCells(store, es);
      int total = Evaluation.cellKeys(es).size();
      out.printf(Locale.ROOT, "shard %s: computed %d cells; %d of %d cells of run %s are in %s%n", share,
          computed.get(), after, total, es.runId(), cells);
      out.println(after == total ? "every cell is done: topicbench merge " + cells + " --out RUN"
          : "when every shard has run: topicbench merge " + cells + " --out RUN");
      out.flush();
      return Main.OK;
    }
    Path dir = this.out != null ? this.out : RunWriter.defaultDir(es);
    ProgressListener progress = Progress.recording(Progress.of("evaluate", "", err), stages);
    EvaluationResult result = write(es, dir, noReport, compress, err, progress, () -> Evaluation.run(es, progress, store,
        Shard.ALL));
    stages.end();
    if (stagesFile != null) {
      StageLog.write(stagesFile, result, stages, dir);
    }
    print(out, result, dir, noReport);
    return Main.OK;
  }

  /** How many of the evaluation's cells {@code store} holds. */
  private static int countCells(CellStore store, EvaluationSpec es) {
    int n = 0;
    for (var k : Evaluation.cellKeys(es)) {
      n += store.get(k) != null ? 1 : 0;
    }
    return n;
  }

  /**
   * The arguments that rebuild this evaluation, paths made absolute and without --shard, --cells, --out,
   * --threads and --compress (they say where and how, not what; merge has its own --compress).
   */
  private List<String> arguments() {
    List<String> all = spec.commandLine().getParseResult().originalArgs();
    // the original arguments start with the command's own name when it ran under 'topicbench'
    int at = all.indexOf(spec.name());
    List<String> args = new ArrayList<>(at >= 0 ? all.subList(at + 1, all.size()) : all);
    List<String> out = new ArrayList<>();
    java.util.Set<String> drop = java.util.Set.of("--shard", "--cells", "--out", "--threads", "--compress");
    java.util.Set<String> paths = java.util.Set.of("--experiment", "--train", "--test");
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      boolean inline = a.contains("=");
      if (drop.contains(name)) {
        i += inline ? 0 : 1;
        continue;
      }
      if (paths.contains(name)) {
        String v = inline ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.size() ? args.get(++i) : "");
        out.add(name);
        out.add(Path.of(v).toAbsolutePath().normalize().toString());
        continue;
      }
      out.add(a);
    }
    return out;
  }

  /** Writes a result under the run directory's lock, checking the directory before the work. */
  static EvaluationResult write(EvaluationSpec es, Path dir, boolean noReport, RunFormat.Compression compress,
      PrintWriter err, ProgressListener progress, java.util.function.Supplier<EvaluationResult> work) {
    // the lock and the check come before the evaluation: a second run on the same directory, or a
    // directory that is not a run, fails at once instead of after the work
    try (AtomicFile.DirectoryLock lock = RunFormat.lock(dir)) {
      lock.recovered().forEach(step -> err.println("evaluate: " + dir + ": " + step));
      RunFormat.requireReplaceable(dir);
      EvaluationResult result = work.get();
      RunWriter.write(result, lock, progress, compress, noReport ? new RunWriter.Extra[0]
          : new RunWriter.Extra[] {ReportWriter.extra(ReportWriter.DEFAULT_JMH, w -> err.println("topicbench: " + w))});
      return result;
    } catch (IOException e) {
      throw InputException.of(dir, "cannot release its lock: " + e.getMessage());
    }
  }

  /** {@code auto}, {@code always} or {@code never}. */
  static final class CompressionConverter implements picocli.CommandLine.ITypeConverter<RunFormat.Compression> {
    @Override
    public RunFormat.Compression convert(String value) {
      for (RunFormat.Compression c : RunFormat.Compression.values()) {
        if (c.name().toLowerCase(Locale.ROOT).equals(value)) {
          return c;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("expected auto, always or never, got '" + value + "'");
    }
  }

  static void print(PrintWriter out, EvaluationResult result, Path dir, boolean noReport) {
    out.print(ResultTable.render(result));
    out.printf(Locale.ROOT, "%nresults: %s (%.1f s)%n", dir, result.wallNanos() / 1e9);
    if (!noReport && Files.exists(dir.resolve(ReportWriter.REPORT))) {
      out.println("report: " + dir.resolve(ReportWriter.REPORT));
    }
    out.flush();
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
    if (threads != null && threads < 1) {
      throw new InputException("--threads must be >= 1, got " + threads);
    }
    if (bootstrap != null && bootstrap < 0) {
      throw new InputException("--bootstrap must be >= 0, got " + bootstrap);
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    boolean adHoc = train != null || test != null || protocols != null || folds != null || repeats != null
        || learnerNames != null || learnerSpecs != null || columns.columns().text() != null
        || columns.columns().label() != null || columns.columns().group() != null || columns.columns().id() != null;
    if (experiment != null || !adHoc) {
      if (experiment != null && (adHoc || seed != null || bootstrap != null)) {
        throw new InputException("--experiment gives the datasets, protocols, learners, seed and bootstrap; drop the"
            + " other options (or change the file)");
      }
      Experiment e = experiment != null ? ExperimentFile.read(experiment) : ExperimentFile.readDefault();
      EvaluationSpec es = e.spec(n);
      return new EvaluationSpec(es.protocols(), es.learners(), seed != null ? seed : es.seed(),
          bootstrap != null ? bootstrap : es.bootstrapResamples(), n, es.ranking());
    }
    return adHocSpec(n);
  }

  /** The evaluation the options give without an experiment file. */
  private EvaluationSpec adHocSpec(int n) {
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
    String name = train == null ? EvaluationSpec.DEFAULT_DATASET : ProtocolSpec.nameOf(trainData);
    for (Protocol p : ps) {
      specs.add(
          switch (p) {
            case KFOLD -> ProtocolSpec.kfold(name, trainData, k, r);
            case LOO_DOC -> ProtocolSpec.looDoc(name, trainData);
            case SPLIT -> ProtocolSpec.split(name, trainData, testData);
            case POOLED -> ProtocolSpec.pooled(name, List.of(trainData, testData), k, r);
          });
    }
    return new EvaluationSpec(specs, learners, seed != null ? seed : EvaluationSpec.DEFAULT_SEED,
        bootstrap != null ? bootstrap : EvaluationSpec.DEFAULT_BOOTSTRAP, n);
  }
}
