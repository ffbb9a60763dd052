package org.topicbench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import org.topicbench.Topicbench;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.Dataset;
import org.topicbench.data.InputException;
import org.topicbench.data.Seeds;
import org.topicbench.eval.Comparison;
import org.topicbench.eval.Estimate;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationResult;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.Fold;
import org.topicbench.eval.FoldPlan;
import org.topicbench.eval.LearnerResult;
import org.topicbench.eval.Metrics;
import org.topicbench.eval.MultiComparison;
import org.topicbench.eval.ProgressListener;
import org.topicbench.eval.Protocol;
import org.topicbench.eval.ProtocolResult;
import org.topicbench.eval.Provenance;
import org.topicbench.eval.RankingResult;
import org.topicbench.eval.Scores;
import org.topicbench.eval.TunedLearner;
import org.topicbench.eval.TuningRecord;
import org.topicbench.model.Learner;

/**
 * Writes an {@link EvaluationResult} as a run directory ({@value RunFormat#FORMAT}, results/FORMAT.md):
 * {@link #of} turns it into a {@link Run}, {@link #write} writes the files and returns what {@link RunReader}
 * reads back from them (what extras such as the report are given). Every file but
 * {@code timings.csv} is a pure function of the result's deterministic content. The directory appears
 * whole or not at all, under its lock ({@link AtomicFile.DirectoryLock#replace}), and only a directory that
 * {@link RunFormat#requireReplaceable} accepts is ever replaced.
 */
public final class RunWriter {
  /** Writes extra files (a report, say) into the temporary directory before it is moved into place. */
  @FunctionalInterface
  public interface Extra {
    void writeInto(Path tempDir, Run run) throws IOException;
  }

  private RunWriter() {}

  /** The default run directory of {@code spec}: {@code results/runs/<run-id>}. */
  public static Path defaultDir(EvaluationSpec spec) {
    return Path.of("results", "runs", spec.runId());
  }

  /**
   * Writes {@code result} (and the {@code extras}) to {@code dir}, replacing a previous run there, under
   * the directory's lock.
   *
   * @throws InputException when {@code dir} may not be replaced, another process is writing it, or it
   *     cannot be written
   */
  public static Run write(EvaluationResult result, Path dir, Extra... extras) {
    return write(result, dir, RunFormat.Compression.AUTO, extras);
  }

  /** As {@link #write(EvaluationResult, Path, Extra...)}, compressing as {@code compression} says. */
  public static Run write(EvaluationResult result, Path dir, RunFormat.Compression compression, Extra... extras) {
    try (AtomicFile.DirectoryLock lock = RunFormat.lock(dir)) {
      RunFormat.requireReplaceable(dir);
      return write(result, lock, ProgressListener.NONE, compression, extras);
    } catch (IOException e) {
      throw new InputException(dir + ": cannot write results: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code result} into the directory {@code lock} holds, replacing it whole; the caller has
   * checked it with {@link RunFormat#requireReplaceable} (before a long evaluation, say).
   */
  public static Run write(EvaluationResult result, AtomicFile.DirectoryLock lock, Extra... extras) {
    return write(result, lock, ProgressListener.NONE, extras);
  }

  /** As {@link #write(EvaluationResult, AtomicFile.DirectoryLock, Extra...)}, announcing its stages. */
  public static Run write(
      EvaluationResult result, AtomicFile.DirectoryLock lock, ProgressListener stages, Extra... extras) {
    return write(result, lock, stages, RunFormat.Compression.AUTO, extras);
  }

  /**
   * As {@link #write(EvaluationResult, AtomicFile.DirectoryLock, ProgressListener, Extra...)}, storing
   * predictions.csv and examples.csv compressed as {@code compression} says.
   */
  public static Run write(EvaluationResult result, AtomicFile.DirectoryLock lock, ProgressListener stages,
      RunFormat.Compression compression, Extra... extras) {
    stages.stage("writing");
    Run run = of(result, compression);
    Run[] back = {null};
    try {
      lock.replace(
          tmp -> {
            writeFiles(run, tmp);
            stages.stage("reading back");
            // extras (the report) get what the reader returns: the files' content, not the unrounded result
            back[0] = RunReader.read(tmp);
            if (extras.length > 0) {
              stages.stage("report");
            }
            for (Extra e : extras) {
              e.writeInto(tmp, back[0]);
            }
          });
    } catch (IOException e) {
      throw new InputException(lock.dir() + ": cannot write results: " + e.getMessage(), e);
    }
    Run r = back[0];
    return new Run(lock.dir(), r.manifest(), r.summary(), r.perClass(), r.confusion(), r.folds(), r.calibration(), r.pairwise(),
        r.predictions(), r.examples(), r.timings(), r.tuning(), r.ranks(), r.ranking(), r.wins());
  }

  /** Writes every file of {@code run} into {@code dir} (which must exist), not atomically. */
  public static void writeFiles(Run run, Path dir) throws IOException {
    Csv.write(dir.resolve("summary.csv"), Rows.Summary.COLUMNS, run.summary().stream().map(Rows.Summary::cells)::iterator);
    Csv.write(dir.resolve("per-class.csv"), Rows.PerClass.COLUMNS,
        run.perClass().stream().map(Rows.PerClass::cells)::iterator);
    Csv.write(dir.resolve("confusion.csv"), Rows.Confusion.COLUMNS,
        run.confusion().stream().map(Rows.Confusion::cells)::iterator);
    Csv.write(dir.resolve("folds.csv"), Rows.FoldScore.COLUMNS, run.folds().stream().map(Rows.FoldScore::cells)::iterator);
    Csv.write(dir.resolve("calibration.csv"), Rows.Reliability.COLUMNS,
        run.calibration().stream().map(Rows.Reliability::cells)::iterator);
    Csv.write(dir.resolve("pairwise.csv"), Rows.Pairwise.COLUMNS,
        run.pairwise().stream().map(Rows.Pairwise::cells)::iterator);
    List<String> labels = run.manifest().labels();
    List<String> header = new ArrayList<>(Rows.Prediction.COLUMNS);
    labels.forEach(l -> header.add(Rows.Prediction.P + l));
    Csv.write(dir.resolve(stored(run, "predictions.csv")), header,
        run.predictions().stream().map(p -> p.cells(labels.size()))::iterator);
    Csv.write(dir.resolve(stored(run, "examples.csv")), Rows.Example.COLUMNS,
        run.examples().stream().map(Rows.Example::cells)::iterator);
    Csv.write(dir.resolve("timings.csv"), Rows.Timing.COLUMNS, run.timings().stream().map(Rows.Timing::cells)::iterator);
    Csv.write(dir.resolve("tuning.csv"), Rows.Tuning.COLUMNS, run.tuning().stream().map(Rows.Tuning::cells)::iterator);
    Csv.write(dir.resolve("ranks.csv"), Rows.Rank.COLUMNS, run.ranks().stream().map(Rows.Rank::cells)::iterator);
    Csv.write(dir.resolve("ranking.csv"), Rows.Ranking.COLUMNS, run.ranking().stream().map(Rows.Ranking::cells)::iterator);
    Csv.write(dir.resolve("wins.csv"), Rows.Wins.COLUMNS, run.wins().stream().map(Rows.Wins::cells)::iterator);
    Files.writeString(dir.resolve(RunFormat.MANIFEST), manifestJson(run.manifest()), StandardCharsets.UTF_8);
  }

  /** The name {@code run}'s manifest gives the file {@code name} (compressed or not). */
  private static String stored(Run run, String name) {
    String s = RunFormat.stored(run.manifest().files(), name);
    return s != null ? s : name;
  }

  /** The manifest as written. */
  public static String manifestJson(Manifest m) {
    try {
      return RunFormat.printer().writeValueAsString(m) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The run {@code result} writes as, compressed as {@link RunFormat.Compression#AUTO} says. */
  public static Run of(EvaluationResult result) {
    return of(result, RunFormat.Compression.AUTO);
  }

  /** The run {@code result} writes as, predictions.csv and examples.csv compressed as {@code compression} says. */
  public static Run of(EvaluationResult result, RunFormat.Compression compression) {
    List<Rows.Summary> summary = new ArrayList<>();
    List<Rows.PerClass> perClass = new ArrayList<>();
    List<Rows.Confusion> confusion = new ArrayList<>();
    List<Rows.FoldScore> folds = new ArrayList<>();
    List<Rows.Reliability> calibration = new ArrayList<>();
    List<Rows.Pairwise> pairwise = new ArrayList<>();
    List<Rows.Prediction> predictions = new ArrayList<>();
    List<Rows.Example> examples = new ArrayList<>();
    List<Rows.Timing> timings = new ArrayList<>();
    List<Rows.Tuning> tuning = new ArrayList<>();
    List<String> allLabels = allLabels(result);
    for (ProtocolResult pr : result.protocols()) {
      String ds = pr.dataset();
      FoldPlan plan = pr.plan();
      String protocol = plan.protocol().id();
      for (String name : pr.ranking()) {
        LearnerResult l = pr.learner(name);
        List<String> worse = new ArrayList<>();
        for (String other : pr.ranking()) {
          if (pr.betterThan().get(other).contains(name)) {
            worse.add(other);
          }
        }
        summary.add(new Rows.Summary(ds, protocol, name, pr.rank(name), plan.repeats(), plan.foldsPerRepetition(),
            plan.scored().length, stat(l.accuracy()), stat(l.macroF1Pooled()), l.macroF1FoldMean(), l.macroF1FoldSd(),
            stat(l.kappa()), l.logLoss().mean(), l.logLoss().sd(), l.brier().mean(), l.brier().sd(), l.ece().mean(),
            l.ece().sd(), pr.betterThan().get(name), worse));
      }
      List<String> labels = plan.labelNames();
      for (LearnerResult l : pr.learners()) {
        for (int c = 0; c < labels.size(); c++) {
          perClass.add(new Rows.PerClass(ds, protocol, l.learner(), labels.get(c), l.support()[c],
              l.precision()[c].mean(), l.precision()[c].sd(), l.recall()[c].mean(), l.recall()[c].sd(),
              l.f1()[c].mean(), l.f1()[c].sd()));
        }
      }
      for (LearnerResult l : pr.learners()) {
        for (int t = 0; t < labels.size(); t++) {
          for (int p = 0; p < labels.size(); p++) {
            confusion.add(new Rows.Confusion(ds, protocol, l.learner(), labels.get(t), labels.get(p),
                l.confusion()[t][p], plan.repeats()));
          }
        }
      }
      for (LearnerResult l : pr.learners()) {
        for (int fi = 0; fi < plan.folds().size(); fi++) {
          Fold f = plan.folds().get(fi);
          Scores s = l.foldScores()[fi];
          TreeSet<Integer> inTest = new TreeSet<>();
          for (int i : f.test()) {
            inTest.add(plan.labels()[i]);
          }
          folds.add(new Rows.FoldScore(ds, protocol, l.learner(), f.repetition(), f.index(), f.testGroup(),
              f.train().length, f.test().length, f.purged(), inTest.size(), s.accuracy(), s.macroF1(), s.kappa(),
              s.logLoss(), s.brier(), s.ece()));
        }
      }
      for (LearnerResult l : pr.learners()) {
        if (l.reliability() != null) {
          for (int b = 0; b < l.reliability().length; b++) {
            Metrics.Bin bin = l.reliability()[b];
            calibration.add(new Rows.Reliability(ds, protocol, l.learner(), b, bin.low(), bin.high(), bin.count(),
                bin.meanConfidence(), bin.accuracy(), plan.repeats()));
          }
        }
      }
      for (Comparison c : pr.comparisons()) {
        pairwise.add(new Rows.Pairwise(ds, protocol, c.metric(), c.test(), c.learnerA(), c.learnerB(), c.n(),
            c.meanA(), c.meanB(), c.statistic(), c.df(), c.aOnly(), c.bOnly(), c.p(), c.pHolm(), c.significant(),
            c.better()));
      }
      int[] column = new int[labels.size()];
      for (int c = 0; c < column.length; c++) {
        column[c] = allLabels.indexOf(labels.get(c));
      }
      for (LearnerResult l : pr.learners()) {
        for (Fold f : plan.folds()) {
          for (int i : f.test()) {
            double[] probs = l.probabilities()[f.repetition()][i];
            double[] p = null;
            if (probs != null) {
              p = new double[allLabels.size()];
              Arrays.fill(p, Double.NaN);
              for (int c = 0; c < column.length; c++) {
                p[column[c]] = probs[c];
              }
            }
            var e = plan.examples().get(i);
            predictions.add(new Rows.Prediction(ds, protocol, l.learner(), f.repetition(), f.index(),
                plan.datasetName(i), e.id(), e.label(), labels.get(l.predicted()[f.repetition()][i]), p));
          }
        }
      }
      for (int i = 0; i < plan.examples().size(); i++) {
        var e = plan.examples().get(i);
        examples.add(new Rows.Example(ds, protocol, i, plan.datasetName(i), e.id(), e.group(), plan.clusters()[i],
            plan.clusterSizes()[i], e.label(), e.text()));
      }
      for (LearnerResult l : pr.learners()) {
        for (int fi = 0; fi < plan.folds().size(); fi++) {
          Fold f = plan.folds().get(fi);
          timings.add(new Rows.Timing(ds, protocol, l.learner(), f.repetition(), f.index(), f.train().length,
              f.test().length, l.trainNanos()[fi], l.predictNanos()[fi]));
        }
      }
      for (LearnerResult l : pr.learners()) {
        for (int fi = 0; fi < plan.folds().size(); fi++) {
          TuningRecord t = l.tuning()[fi];
          if (t == null) {
            continue;
          }
          Fold f = plan.folds().get(fi);
          for (int c = 0; c < t.values().size(); c++) {
            tuning.add(new Rows.Tuning(ds, protocol, l.learner(), f.repetition(), f.index(), c, t.values().get(c),
                t.metric(), t.scores()[c], c == t.chosen()));
          }
        }
      }
    }
    List<Rows.Rank> ranks = new ArrayList<>();
    List<Rows.Ranking> ranking = new ArrayList<>();
    List<Rows.Wins> wins = new ArrayList<>();
    RankingResult rr = result.ranking();
    if (rr != null) {
      MultiComparison.Result r = rr.result();
      for (int b = 0; b < rr.blocks().size(); b++) {
        for (int j = 0; j < r.learners().size(); j++) {
          ranks.add(new Rows.Rank(rr.blocks().get(b), rr.tasks().get(b), r.learners().get(j), rr.scores()[b][j],
              r.ranks()[b][j]));
        }
      }
      for (int j = 0; j < r.learners().size(); j++) {
        String name = r.learners().get(j);
        MultiComparison.ControlComparison cc =
            r.versusControl().stream().filter(c -> c.learner().equals(name)).findFirst().orElse(null);
        ranking.add(cc == null
            ? new Rows.Ranking(name, r.averageRanks()[j], true, Double.NaN, Double.NaN, Double.NaN, false)
            : new Rows.Ranking(name, r.averageRanks()[j], false, cc.z(), cc.p(), cc.pHolm(), cc.significant()));
      }
      for (int a = 0; a < r.learners().size(); a++) {
        for (int b = 0; b < r.learners().size(); b++) {
          if (a != b) {
            wins.add(new Rows.Wins(r.learners().get(a), r.learners().get(b), r.wins()[a][b], r.ties()[a][b],
                r.losses()[a][b]));
          }
        }
      }
    }
    List<String> files = new ArrayList<>();
    for (String f : RunFormat.FILES) {
      long rows = f.equals("predictions.csv") ? predictions.size() : f.equals("examples.csv") ? examples.size() : 0;
      files.add(RunFormat.COMPRESSIBLE.contains(f) && compression.compress(rows) ? f + RunFormat.GZ : f);
    }
    return new Run(null, manifest(result, allLabels, files), summary, perClass, confusion, folds, calibration, pairwise, predictions,
        examples, timings, tuning, ranks, ranking, wins);
  }

  private static Rows.Stat stat(Estimate e) {
    return new Rows.Stat(e.mean(), e.sd(), e.ciLow(), e.ciHigh());
  }

  /** Every label of every task, sorted: the probability columns of predictions.csv. */
  static List<String> allLabels(EvaluationResult result) {
    TreeSet<String> labels = new TreeSet<>();
    for (ProtocolResult pr : result.protocols()) {
      labels.addAll(pr.plan().labelNames());
    }
    return List.copyOf(labels);
  }

  private static Manifest manifest(EvaluationResult result, List<String> labels, List<String> runFiles) {
    EvaluationSpec spec = result.spec();
    LinkedHashMap<String, String> seeds = new LinkedHashMap<>();
    seeds.put("folds", "Seeds.derive(seed, \"folds\", protocol, repetition)");
    seeds.put("fit", "Seeds.derive(seed, \"fit\", protocol, learner, repetition, fold)");
    seeds.put("tuning", "Seeds.derive(fit seed, \"tune\", candidate, inner fold) for each inner fit; inner folds"
        + " from Seeds.derive(fit seed, \"inner-folds\")");
    seeds.put("bootstrap", "Seeds.derive(seed, \"bootstrap\", protocol)");
    List<Manifest.Task> tasks = new ArrayList<>();
    for (ProtocolResult pr : result.protocols()) {
      FoldPlan plan = pr.plan();
      List<Long> foldSeeds = new ArrayList<>();
      if (plan.protocol().repeated()) {
        for (int r = 0; r < plan.repeats(); r++) {
          foldSeeds.add(FoldPlan.foldSeed(spec.seed(), plan.protocol(), r));
        }
      }
      List<Manifest.DataFile> files = new ArrayList<>();
      for (int d = 0; d < plan.spec().datasets().size(); d++) {
        Dataset data = plan.spec().datasets().get(d);
        files.add(new Manifest.DataFile(plan.protocol() == Protocol.SPLIT ? (d == 0 ? "train" : "test") : "data",
            data.name(), data.file().replace('\\', '/'), data.sha256(), data.size()));
      }
      int purged = 0;
      for (Fold fold : plan.folds()) {
        purged += fold.purged();
      }
      String test = pr.comparisons().stream().filter(c -> c.metric().equals(pr.rankingMetric())).map(Comparison::test)
          .findFirst().orElse(plan.protocol().repeated() ? "corrected_resampled_t" : "mcnemar_exact");
      tasks.add(new Manifest.Task(pr.dataset(), plan.protocol().id(), plan.spec().describe(),
          plan.foldsPerRepetition(), plan.repeats(), grouping(plan.protocol()), foldSeeds, files,
          plan.labelNames(), plan.scored().length,
          new Manifest.NearDuplicates(plan.multiMemberClusters(), plan.multiMemberSentences(), purged,
              plan.testNearDuplicatesOfTrain()),
          pr.rankingMetric(), test, plan.warnings()));
    }
    List<Manifest.LearnerEntry> learners = new ArrayList<>();
    for (Learner l : spec.learners()) {
      Manifest.Tuning t = l instanceof TunedLearner tl
          ? new Manifest.Tuning(tl.folds(), tl.metric(), tl.candidateValues())
          : null;
      learners.add(new Manifest.LearnerEntry(l.name(), l.spec(), new LinkedHashMap<>(l.hyperparameters()), t));
    }
    Manifest.RankingEntry ranking = null;
    if (result.ranking() != null) {
      RankingResult rr = result.ranking();
      MultiComparison.Result r = rr.result();
      ranking = new Manifest.RankingEntry(rr.spec().by().id(), rr.spec().metric(), rr.spec().alpha(), r.control(),
          rr.blocks(), new Manifest.Friedman(r.friedmanChi2(), r.friedmanDf(), r.friedmanP()),
          new Manifest.ImanDavenport(r.imanDavenportF(), r.imanDavenportDf1(), r.imanDavenportDf2(),
              r.imanDavenportP()),
          new Manifest.Nemenyi(r.nemenyiQ(), r.criticalDifference()));
    }
    LinkedHashMap<String, String> libs = new LinkedHashMap<>();
    libs.put("smile", Topicbench.property("smile.version"));
    libs.put("weka", Topicbench.property("weka.version"));
    libs.put("jackson", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    Manifest.Environment env = new Manifest.Environment(System.getProperty("java.version"),
        System.getProperty("java.vendor"), System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors());
    return new Manifest(RunFormat.FORMAT, result.runId(),
        new Manifest.Producer(Topicbench.version(), Provenance.gitCommit()), spec.seed(), seeds,
        new Manifest.Bootstrap(spec.bootstrapResamples(), 0.95, "sentence", "type 7"), Evaluation.ALPHA,
        Metrics.LOG_LOSS_EPS, tasks, labels, learners, ranking, libs, env, runFiles);
  }

  private static String grouping(Protocol p) {
    return switch (p) {
      case KFOLD -> "near-duplicate cluster";
      case LOO_DOC -> "document; near-duplicates of held-out sentences purged from training";
      case SPLIT -> "none (train and test files as given)";
      case POOLED -> "document; near-duplicates of test sentences purged from training";
    };
  }
}
