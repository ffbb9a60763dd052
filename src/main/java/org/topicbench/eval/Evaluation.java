package org.topicbench.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.topicbench.data.Rng;
import org.topicbench.data.Seeds;
import org.topicbench.model.Learner;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;

/**
 * Runs an {@link EvaluationSpec}: builds each protocol's folds once, trains and tests every learner on
 * every fold, scores, and compares the learners.
 *
 * <p>Work runs on a fixed pool of {@code spec.threads()} threads, one task per (protocol, learner, fold);
 * a task's learner seed is {@code Seeds.derive(seed, protocol, learner, repetition, fold)} and results
 * are assembled by position, so the outcome does not depend on the number of threads or on scheduling.
 * Only the timings do.
 *
 * <p>Intervals: a 95% percentile bootstrap over sentences. Each resample draws the scored sentences with
 * replacement (seed {@code Seeds.derive(seed, "bootstrap", protocol)}, the same resamples for every
 * learner), scores every repetition's predictions of the drawn sentences and averages over repetitions;
 * the interval is the 2.5th and 97.5th percentile of those averages. It therefore reflects the finite
 * test sample, not only the fold shuffling.
 */
public final class Evaluation {
  /** Significance level after Holm correction. */
  public static final double ALPHA = 0.05;

  private Evaluation() {}

  /** Runs {@code spec} without progress reports. */
  public static EvaluationResult run(EvaluationSpec spec) {
    return run(spec, ProgressListener.NONE);
  }

  /**
   * Runs {@code spec}.
   *
   * @throws org.topicbench.data.InputException when the data cannot support a protocol
   * @throws org.topicbench.data.InputException when a learner fails, naming it, the task and the fold
   */
  public static EvaluationResult run(EvaluationSpec spec, ProgressListener progress) {
    return run(spec, progress, CellStore.NONE, Shard.ALL);
  }

  /**
   * Runs the cells of {@code shard} that {@code cells} does not hold yet, keeping each in {@code cells} as it
   * finishes; then, when every cell of the evaluation is known (always with {@link Shard#ALL}), assembles
   * the result. A cell is computed the same way whichever process computes it, so a result assembled from
   * cells equals the single-process one (timings aside).
   *
   * @return the result, or null when cells of other shards are still missing
   */
  public static EvaluationResult run(EvaluationSpec spec, ProgressListener progress, CellStore cells, Shard shard) {
    return run(spec, progress, cells, shard, true);
  }

  /**
   * Assembles the result from {@code cells} alone, computing nothing ({@code topicbench merge}).
   *
   * @throws org.topicbench.data.InputException naming the missing cells when some are
   */
  public static EvaluationResult assemble(EvaluationSpec spec, CellStore cells, ProgressListener progress) {
    return run(spec, progress, cells, Shard.ALL, false);
  }

  /** The evaluation's cells in their fixed order (task, learner, fold), with the key of each. */
  public static List<Cell.Key> cellKeys(EvaluationSpec spec) {
    List<FoldPlan> plans = new ArrayList<>();
    for (ProtocolSpec p : spec.protocols()) {
      plans.add(FoldPlan.of(p, spec.seed()));
    }
    return keys(spec, plans).stream().flatMap(List::stream).flatMap(List::stream).toList();
  }

  /** keys[plan][learner][fold]. */
  private static List<List<List<Cell.Key>>> keys(EvaluationSpec spec, List<FoldPlan> plans) {
    List<List<List<Cell.Key>>> out = new ArrayList<>();
    int index = 0;
    for (FoldPlan plan : plans) {
      StringBuilder task = new StringBuilder("topicbench-cell/1\n").append(spec.seed()).append('\n')
          .append(plan.spec().key()).append('|').append(plan.spec().folds()).append('|').append(plan.spec().repeats());
      for (org.topicbench.data.Dataset d : plan.spec().datasets()) {
        task.append('|').append(d.name()).append('=').append(d.sha256());
      }
      List<String> foldDigests = new ArrayList<>();
      for (Fold f : plan.folds()) {
        foldDigests.add(f.repetition() + "|" + f.index() + "|" + digest(f.train()) + "|" + digest(f.test()));
      }
      List<List<Cell.Key>> perLearner = new ArrayList<>();
      for (Learner learner : spec.learners()) {
        String l = learner.name() + "\n" + learner.spec() + "\n" + learner.hyperparameters();
        List<Cell.Key> perFold = new ArrayList<>();
        for (int fi = 0; fi < plan.folds().size(); fi++) {
          Fold f = plan.folds().get(fi);
          String hash = Seeds.sha256(task + "\n" + l + "\n" + foldDigests.get(fi));
          perFold.add(new Cell.Key(hash, plan.spec().key() + " " + learner.name() + " repetition " + f.repetition()
              + " fold " + f.index(), index++));
        }
        perLearner.add(perFold);
      }
      out.add(perLearner);
    }
    return out;
  }

  /** Whether a stored cell has one prediction per test sentence, labels in range, probability rows of the right size. */
  private static boolean fits(Cell c, FoldPlan plan, Fold f) {
    int k = plan.labelNames().size();
    if (c.predicted().length != f.test().length || c.probabilities().length != f.test().length) {
      return false;
    }
    for (int i = 0; i < c.predicted().length; i++) {
      double[] p = c.probabilities()[i];
      if (c.predicted()[i] < 0 || c.predicted()[i] >= k || p != null && p.length != k) {
        return false;
      }
    }
    return true;
  }

  private static String digest(int[] a) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(a.length * 4);
    b.asIntBuffer().put(a);
    return Seeds.sha256(b.array());
  }

  private static EvaluationResult run(
      EvaluationSpec spec, ProgressListener progress, CellStore cells, Shard shard, boolean compute) {
    long start = System.nanoTime();
    progress.stage("near-duplicates and folds");
    List<FoldPlan> plans = new ArrayList<>();
    for (ProtocolSpec p : spec.protocols()) {
      plans.add(FoldPlan.of(p, spec.seed()));
    }
    List<List<List<Cell.Key>>> keys = keys(spec, plans);
    // what is known already, what this process computes, what is missing
    List<List<List<Cell>>> known = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    int total = 0;
    boolean complete = true;
    for (int p = 0; p < plans.size(); p++) {
      List<List<Cell>> perLearner = new ArrayList<>();
      for (int l = 0; l < spec.learners().size(); l++) {
        List<Cell> perFold = new ArrayList<>();
        for (int fi = 0; fi < keys.get(p).get(l).size(); fi++) {
          Cell.Key k = keys.get(p).get(l).get(fi);
          Cell c = cells.get(k);
          if (c != null && !fits(c, plans.get(p), plans.get(p).folds().get(fi))) {
            throw new org.topicbench.data.InputException("the stored cell " + k.hash() + " (" + k.describe()
                + ") does not fit its fold; delete it and compute it again");
          }
          perFold.add(c);
          if (c == null && compute && shard.takes(k.index())) {
            total++;
          } else if (c == null) {
            complete = false;
            missing.add(k.describe());
          }
        }
        perLearner.add(perFold);
      }
      known.add(perLearner);
    }
    if (!compute && !missing.isEmpty()) {
      throw new org.topicbench.data.InputException(missing.size() + " of " + keys.stream().flatMap(List::stream)
          .mapToInt(List::size).sum() + " cells are missing (run the shards that compute them): "
          + String.join("; ", missing.subList(0, Math.min(5, missing.size())))
          + (missing.size() > 5 ? "; ..." : ""));
    }
    progress.stage("fit and predict");
    progress.start(total);
    ExecutorService pool = Executors.newFixedThreadPool(spec.threads(), r -> {
      Thread t = new Thread(r, "topicbench-eval");
      t.setDaemon(true);
      return t;
    });
    java.util.concurrent.locks.ReadWriteLock alone = new java.util.concurrent.locks.ReentrantReadWriteLock();
    try {
      // one task per (plan, learner, fold) to compute, submitted in that order; training sets built once per fold
      List<List<List<Future<Cell>>>> futures = new ArrayList<>();
      for (int p = 0; p < plans.size(); p++) {
        FoldPlan plan = plans.get(p);
        List<TrainingSet> trainSets = new ArrayList<>();
        List<List<String>> testTexts = new ArrayList<>();
        for (Fold f : plan.folds()) {
          trainSets.add(trainingSet(plan, f));
          testTexts.add(texts(plan, f.test()));
        }
        List<List<Future<Cell>>> perLearner = new ArrayList<>();
        for (int l = 0; l < spec.learners().size(); l++) {
          Learner learner = spec.learners().get(l);
          List<Future<Cell>> perFold = new ArrayList<>();
          for (int fi = 0; fi < plan.folds().size(); fi++) {
            Cell.Key key = keys.get(p).get(l).get(fi);
            Cell done = known.get(p).get(l).get(fi);
            if (done != null || !compute || !shard.takes(key.index())) {
              perFold.add(java.util.concurrent.CompletableFuture.completedFuture(done));
              continue;
            }
            Fold fold = plan.folds().get(fi);
            TrainingSet train = trainSets.get(fi);
            List<String> test = testTexts.get(fi);
            perFold.add(
                pool.submit(
                    () -> {
                      // a learner that fits alone runs with no other task beside it (Learner.fitsAlone)
                      java.util.concurrent.locks.Lock lock = learner.fitsAlone() ? alone.writeLock() : alone.readLock();
                      lock.lock();
                      Cell c;
                      try {
                        c = runTask(spec.seed(), plan, learner, fold, train, test);
                      } finally {
                        lock.unlock();
                      }
                      cells.put(key, c);
                      progress.taskDone(plan.spec().key() + " " + learner.name() + " rep " + fold.repetition()
                          + " fold " + fold.index());
                      return c;
                    }));
          }
          perLearner.add(perFold);
        }
        futures.add(perLearner);
      }
      List<List<List<Cell>>> outcomes = new ArrayList<>();
      for (List<List<Future<Cell>>> perLearner : futures) {
        List<List<Cell>> ls = new ArrayList<>();
        for (List<Future<Cell>> perFold : perLearner) {
          List<Cell> fs = new ArrayList<>();
          for (Future<Cell> f : perFold) {
            fs.add(get(f));
          }
          ls.add(fs);
        }
        outcomes.add(ls);
      }
      progress.finish();
      if (!complete) {
        return null;
      }
      progress.stage("scoring");
      List<List<Scored>> scores = perTask(pool, plans.size(), spec.learners().size(),
          (p, l) -> () -> score(plans.get(p), outcomes.get(p).get(l)));
      progress.stage("bootstrap");
      List<List<LearnerResult>> summaries = perTask(pool, plans.size(), spec.learners().size(),
          (p, l) -> () -> summarise(spec, plans.get(p), spec.learners().get(l), scores.get(p).get(l)));
      progress.stage("tests");
      List<ProtocolResult> results = new ArrayList<>();
      for (int p = 0; p < plans.size(); p++) {
        results.add(compare(plans.get(p), summaries.get(p)));
      }
      progress.stage("ranking");
      RankingResult ranking = rank(spec, results);
      return new EvaluationResult(spec, spec.runId(), results, ranking, System.nanoTime() - start);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One task per (plan, learner) on {@code pool}, all submitted before any is awaited; results by plan, then learner. */
  private static <T> List<List<T>> perTask(ExecutorService pool, int plans, int learners,
      BiFunction<Integer, Integer, Callable<T>> task) {
    List<List<Future<T>>> futures = new ArrayList<>();
    for (int p = 0; p < plans; p++) {
      List<Future<T>> perLearner = new ArrayList<>();
      for (int l = 0; l < learners; l++) {
        perLearner.add(pool.submit(task.apply(p, l)));
      }
      futures.add(perLearner);
    }
    List<List<T>> out = new ArrayList<>();
    for (List<Future<T>> perLearner : futures) {
      List<T> results = new ArrayList<>();
      for (Future<T> f : perLearner) {
        results.add(get(f));
      }
      out.add(results);
    }
    return out;
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static TrainingSet trainingSet(FoldPlan plan, Fold f) {
    int[] y = new int[f.train().length];
    for (int i = 0; i < y.length; i++) {
      y[i] = plan.labels()[f.train()[i]];
    }
    return new TrainingSet(texts(plan, f.train()), y, plan.labelNames());
  }

  private static List<String> texts(FoldPlan plan, int[] idx) {
    List<String> t = new ArrayList<>(idx.length);
    for (int i : idx) {
      t.add(plan.examples().get(i).text());
    }
    return List.copyOf(t);
  }

  /** The seed handed to {@code learner.fit} on {@code fold}. */
  public static long learnerSeed(long seed, Protocol protocol, String learner, Fold fold) {
    return Seeds.derive(seed, "fit", protocol.id(), learner, fold.repetition(), fold.index());
  }

  private static Cell runTask(
      long seed, FoldPlan plan, Learner learner, Fold fold, TrainingSet train, List<String> test) {
    try {
      // a private copy of the labels: a learner that modified them would otherwise disturb the others
      TrainingSet own = new TrainingSet(train.texts(), train.labels().clone(), train.labelNames());
      long t0 = System.nanoTime();
      TrainedModel model = learner.fit(own, learnerSeed(seed, plan.protocol(), learner.name(), fold));
      long t1 = System.nanoTime();
      Prediction[] preds = model.predictAll(test);
      long t2 = System.nanoTime();
      int k = plan.labelNames().size();
      int[] map = labelMap(model.labelNames(), plan.labelNames(), learner.name());
      int[] y = new int[preds.length];
      double[][] probs = new double[preds.length][];
      for (int i = 0; i < preds.length; i++) {
        y[i] = map[preds[i].label()];
        if (preds[i].hasProbabilities()) {
          double[] src = preds[i].probabilities();
          double[] p = new double[k];
          for (int c = 0; c < src.length; c++) {
            p[map[c]] = src[c];
          }
          probs[i] = p;
        }
      }
      TuningRecord tuning = model instanceof TunedLearner.Model tm ? tm.tuning() : null;
      return new Cell(y, probs, t1 - t0, t2 - t1, tuning);
    } catch (RuntimeException e) {
      // a learner the user configured (a Weka option that fails only when it builds, say) is bad input: one
      // line naming the learner, the fold and the innermost reason; the cause keeps the stack for debugging
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      throw new org.topicbench.data.InputException(
          "learner " + learner.name() + " failed on " + plan.spec().key() + " repetition " + fold.repetition()
              + " fold " + fold.index() + ": " + reason.strip().replaceAll("\\s+", " "),
          e);
    }
  }

  /** Maps the model's label indices to the plan's. */
  private static int[] labelMap(List<String> modelLabels, List<String> planLabels, String learner) {
    int[] map = new int[modelLabels.size()];
    for (int c = 0; c < map.length; c++) {
      map[c] = planLabels.indexOf(modelLabels.get(c));
      if (map[c] < 0) {
        throw new IllegalStateException(
            "learner " + learner + " predicts label '" + modelLabels.get(c) + "' which is not among " + planLabels);
      }
    }
    return map;
  }

  /** What {@link #score} computes from a learner's cells, for {@link #summarise} (the bootstrap) to finish. */
  private record Scored(int[][] predicted, double[][][] probs, Scores[] foldScores, long[] trainNanos, long[] predictNanos,
      TuningRecord[] tuning, int[] truth, int[] support, Scores[] repScores, long[][] confusion, int[][] predScored,
      Metrics.Bin[] reliability, boolean allProbabilities) {}

  /** A learner's scores per fold and per repetition from its cells (the "scoring" stage). */
  private static Scored score(FoldPlan plan, List<Cell> outcomes) {
    int n = plan.examples().size();
    int k = plan.labelNames().size();
    int reps = plan.repeats();
    int[][] predicted = new int[reps][n];
    double[][][] probs = new double[reps][n][];
    for (int[] row : predicted) {
      Arrays.fill(row, -1);
    }
    int nf = plan.folds().size();
    Scores[] foldScores = new Scores[nf];
    long[] trainNanos = new long[nf];
    long[] predictNanos = new long[nf];
    TuningRecord[] tuning = new TuningRecord[nf];
    for (int fi = 0; fi < nf; fi++) {
      Fold f = plan.folds().get(fi);
      Cell o = outcomes.get(fi);
      tuning[fi] = o.tuning();
      int[] truth = new int[f.test().length];
      for (int j = 0; j < f.test().length; j++) {
        int i = f.test()[j];
        predicted[f.repetition()][i] = o.predicted()[j];
        probs[f.repetition()][i] = o.probabilities()[j];
        truth[j] = plan.labels()[i];
      }
      foldScores[fi] = Metrics.score(truth, o.predicted(), o.probabilities(), k);
      trainNanos[fi] = o.trainNanos();
      predictNanos[fi] = o.predictNanos();
    }
    int[] scored = plan.scored();
    int[] truth = new int[scored.length];
    for (int j = 0; j < scored.length; j++) {
      truth[j] = plan.labels()[scored[j]];
    }
    int[] support = new int[k];
    for (int y : truth) {
      support[y]++;
    }
    Scores[] repScores = new Scores[reps];
    long[][] confusion = new long[k][k];
    int[][] predScored = new int[reps][scored.length];
    Metrics.Bin[] reliability = null;
    boolean allProbabilities = true;
    for (int r = 0; r < reps; r++) {
      double[][] p = new double[scored.length][];
      for (int j = 0; j < scored.length; j++) {
        predScored[r][j] = predicted[r][scored[j]];
        p[j] = probs[r][scored[j]];
      }
      repScores[r] = Metrics.score(truth, predScored[r], p, k);
      Metrics.Bin[] bins = Metrics.reliability(truth, p, Metrics.ECE_BINS);
      allProbabilities &= bins != null;
      reliability = Metrics.add(reliability, bins);
      for (int t = 0; t < k; t++) {
        for (int q = 0; q < k; q++) {
          confusion[t][q] += repScores[r].confusion()[t][q];
        }
      }
    }
    return new Scored(predicted, probs, foldScores, trainNanos, predictNanos, tuning, truth, support, repScores, confusion,
        predScored, reliability, allProbabilities);
  }

  /** {@code s} with its bootstrap intervals (the "bootstrap" stage), as the learner's result. */
  private static LearnerResult summarise(EvaluationSpec spec, FoldPlan plan, Learner learner, Scored s) {
    int k = plan.labelNames().size();
    Scores[] repScores = s.repScores();
    Scores[] foldScores = s.foldScores();
    double[][] boot = bootstrap(spec, plan, s.truth(), s.predScored());
    Estimate[] precision = new Estimate[k];
    Estimate[] recall = new Estimate[k];
    Estimate[] f1 = new Estimate[k];
    for (int c = 0; c < k; c++) {
      int cc = c;
      precision[c] = estimate(Arrays.stream(repScores).mapToDouble(x -> x.precision()[cc]).toArray(), null);
      recall[c] = estimate(Arrays.stream(repScores).mapToDouble(x -> x.recall()[cc]).toArray(), null);
      f1[c] = estimate(Arrays.stream(repScores).mapToDouble(x -> x.f1()[cc]).toArray(), null);
    }
    double[] foldF1 = Arrays.stream(foldScores).mapToDouble(Scores::macroF1).toArray();
    return new LearnerResult(
        learner.name(),
        learner.hyperparameters(),
        s.predicted(),
        s.probs(),
        foldScores,
        repScores,
        estimate(Arrays.stream(repScores).mapToDouble(Scores::accuracy).toArray(), boot[0]),
        estimate(Arrays.stream(repScores).mapToDouble(Scores::macroF1).toArray(), boot[1]),
        Statistics.mean(foldF1),
        Statistics.sd(foldF1),
        estimate(Arrays.stream(repScores).mapToDouble(Scores::kappa).toArray(), boot[2]),
        estimate(Arrays.stream(repScores).mapToDouble(Scores::logLoss).toArray(), null),
        estimate(Arrays.stream(repScores).mapToDouble(Scores::brier).toArray(), null),
        estimate(Arrays.stream(repScores).mapToDouble(Scores::ece).toArray(), null),
        s.allProbabilities() ? s.reliability() : null,
        precision,
        recall,
        f1,
        s.support(),
        s.confusion(),
        s.trainNanos(),
        s.predictNanos(),
        s.tuning());
  }

  private static Estimate estimate(double[] perRepetition, double[] bootstrap) {
    double lo = Double.NaN;
    double hi = Double.NaN;
    if (bootstrap != null) {
      double[] s = Arrays.stream(bootstrap).filter(v -> !Double.isNaN(v)).sorted().toArray();
      lo = Statistics.percentile(s, 0.025);
      hi = Statistics.percentile(s, 0.975);
    }
    return new Estimate(Statistics.mean(perRepetition), Statistics.sd(perRepetition), lo, hi);
  }

  /** Bootstrap replicates of accuracy, macro-F1 and kappa: {@code [metric][resample]}; see the class doc. */
  private static double[][] bootstrap(EvaluationSpec spec, FoldPlan plan, int[] truth, int[][] predicted) {
    int b = spec.bootstrapResamples();
    if (b == 0) {
      return new double[3][];
    }
    int m = truth.length;
    int k = plan.labelNames().size();
    int reps = predicted.length;
    Rng rng = new Rng(Seeds.derive(spec.seed(), "bootstrap", plan.protocol().id()));
    double[][] out = new double[3][b];
    int[] draw = new int[m];
    long[][] cm = new long[k][k];
    for (int s = 0; s < b; s++) {
      for (int j = 0; j < m; j++) {
        draw[j] = rng.nextInt(m);
      }
      double acc = 0;
      double f1 = 0;
      double kappa = 0;
      for (int r = 0; r < reps; r++) {
        for (long[] row : cm) {
          Arrays.fill(row, 0);
        }
        for (int j : draw) {
          cm[truth[j]][predicted[r][j]]++;
        }
        Scores sc = Metrics.fromConfusion(cm);
        acc += sc.accuracy();
        f1 += sc.macroF1();
        kappa += sc.kappa();
      }
      out[0][s] = acc / reps;
      out[1][s] = f1 / reps;
      out[2][s] = kappa / reps;
    }
    return out;
  }

  /** Pairwise tests, Holm within each metric family, the ranking and its significance marks. */
  private static ProtocolResult compare(FoldPlan plan, List<LearnerResult> lrs) {
    List<Comparison> comparisons = new ArrayList<>();
    String rankingMetric;
    if (plan.protocol().repeated()) {
      rankingMetric = "macro_f1";
      double trainSize = 0;
      double testSize = 0;
      for (Fold f : plan.folds()) {
        trainSize += f.train().length;
        testSize += f.test().length;
      }
      double ratio = testSize / trainSize;
      comparisons.addAll(tTests(lrs, "macro_f1", Scores::macroF1, ratio));
      comparisons.addAll(tTests(lrs, "accuracy", Scores::accuracy, ratio));
    } else {
      rankingMetric = "accuracy";
      comparisons.addAll(mcNemars(plan, lrs));
    }
    List<LearnerResult> order = new ArrayList<>(lrs);
    order.sort(
        Comparator.comparingDouble((LearnerResult l) -> -nanLow(l.macroF1Pooled().mean()))
            .thenComparingDouble(l -> -nanLow(l.accuracy().mean())));
    List<String> ranking = order.stream().map(LearnerResult::learner).toList();
    Map<String, List<String>> better = new LinkedHashMap<>();
    for (String name : ranking) {
      List<String> beats = new ArrayList<>();
      for (String other : ranking) {
        for (Comparison c : comparisons) {
          if (c.metric().equals(rankingMetric)
              && c.better().equals(name)
              && (c.learnerA().equals(other) || c.learnerB().equals(other))
              && !other.equals(name)) {
            beats.add(other);
          }
        }
      }
      better.put(name, List.copyOf(beats));
    }
    return new ProtocolResult(plan, lrs, comparisons, ranking, better, rankingMetric);
  }

  /**
   * The learners ranked across the results' tasks as {@code spec.ranking()} says, or null with fewer
   * than two blocks or two learners.
   */
  static RankingResult rank(EvaluationSpec spec, List<ProtocolResult> results) {
    RankingSpec rs = spec.ranking();
    List<ProtocolResult> blocks = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ProtocolResult pr : results) {
      if (rs.by() == RankingSpec.By.TASK || seen.add(pr.dataset())) {
        blocks.add(pr);
      }
    }
    List<String> learners = spec.learners().stream().map(Learner::name).toList();
    if (blocks.size() < 2 || learners.size() < 2) {
      return null;
    }
    int n = blocks.size();
    int k = learners.size();
    double[][] scores = new double[n][k];
    double[][] ranked = new double[n][k];
    int[][][] outcome = new int[n][k][k];
    List<String> tests = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      ProtocolResult pr = blocks.get(b);
      for (int j = 0; j < k; j++) {
        LearnerResult l = pr.learner(learners.get(j));
        double v = switch (rs.metric()) {
          case "accuracy" -> l.accuracy().mean();
          case "kappa" -> l.kappa().mean();
          case "log_loss" -> l.logLoss().mean();
          default -> l.macroF1Pooled().mean();
        };
        scores[b][j] = v;
        double higherBetter = rs.metric().equals("log_loss") ? -v : v;
        ranked[b][j] = Double.isNaN(higherBetter) ? Double.NEGATIVE_INFINITY : higherBetter;
      }
      String test = "";
      for (Comparison c : pr.comparisons()) {
        if (!c.metric().equals(pr.rankingMetric())) {
          continue;
        }
        test = c.test();
        int a = learners.indexOf(c.learnerA());
        int z = learners.indexOf(c.learnerB());
        if (c.p() < rs.alpha()) {
          boolean aBetter = c.aOnly() >= 0 ? c.aOnly() > c.bOnly() : c.meanA() > c.meanB();
          boolean differ = c.aOnly() >= 0 ? c.aOnly() != c.bOnly() : c.meanA() != c.meanB();
          if (differ) {
            outcome[b][a][z] = aBetter ? 1 : -1;
            outcome[b][z][a] = aBetter ? -1 : 1;
          }
        }
      }
      tests.add(test);
    }
    List<String> names = blocks.stream().map(pr -> rs.by() == RankingSpec.By.TASK ? pr.key() : pr.dataset()).toList();
    MultiComparison.Result r =
        MultiComparison.compare(new MultiComparison.Input(names, learners, ranked, outcome, rs.alpha(), rs.control()));
    return new RankingResult(rs, names, blocks.stream().map(ProtocolResult::key).toList(), scores, tests, r);
  }

  private static double nanLow(double v) {
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }

  private static List<Comparison> tTests(
      List<LearnerResult> lrs, String metric, java.util.function.ToDoubleFunction<Scores> f, double ratio) {
    List<double[]> perFold = lrs.stream().map(l -> Arrays.stream(l.foldScores()).mapToDouble(f).toArray()).toList();
    List<Statistics.TTest> tests = new ArrayList<>();
    List<int[]> pairs = pairs(lrs.size());
    for (int[] p : pairs) {
      tests.add(Statistics.correctedResampledTTest(perFold.get(p[0]), perFold.get(p[1]), ratio));
    }
    double[] holm = Statistics.holm(tests.stream().mapToDouble(Statistics.TTest::p).toArray());
    List<Comparison> out = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      int a = pairs.get(i)[0];
      int b = pairs.get(i)[1];
      Statistics.TTest t = tests.get(i);
      boolean sig = holm[i] < ALPHA;
      String better = !sig ? "" : t.meanDifference() > 0 ? lrs.get(a).learner() : lrs.get(b).learner();
      out.add(
          new Comparison(
              metric, "corrected_resampled_t", lrs.get(a).learner(), lrs.get(b).learner(), t.n(),
              Statistics.mean(perFold.get(a)), Statistics.mean(perFold.get(b)), t.t(), t.df(), -1, -1, t.p(),
              holm[i], sig, better));
    }
    return out;
  }

  private static List<Comparison> mcNemars(FoldPlan plan, List<LearnerResult> lrs) {
    int[] scored = plan.scored();
    List<boolean[]> correct = new ArrayList<>();
    for (LearnerResult l : lrs) {
      boolean[] c = new boolean[scored.length];
      for (int j = 0; j < scored.length; j++) {
        c[j] = l.predicted()[0][scored[j]] == plan.labels()[scored[j]];
      }
      correct.add(c);
    }
    List<int[]> pairs = pairs(lrs.size());
    List<Statistics.McNemar> tests = new ArrayList<>();
    for (int[] p : pairs) {
      tests.add(Statistics.mcnemarExact(correct.get(p[0]), correct.get(p[1])));
    }
    double[] holm = Statistics.holm(tests.stream().mapToDouble(Statistics.McNemar::p).toArray());
    List<Comparison> out = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      int a = pairs.get(i)[0];
      int b = pairs.get(i)[1];
      Statistics.McNemar t = tests.get(i);
      boolean sig = holm[i] < ALPHA;
      String better = !sig ? "" : t.aOnly() > t.bOnly() ? lrs.get(a).learner() : lrs.get(b).learner();
      out.add(
          new Comparison(
              "accuracy", "mcnemar_exact", lrs.get(a).learner(), lrs.get(b).learner(), scored.length,
              lrs.get(a).accuracy().mean(), lrs.get(b).accuracy().mean(), Math.min(t.aOnly(), t.bOnly()), Double.NaN,
              t.aOnly(), t.bOnly(), t.p(), holm[i], sig, better));
    }
    return out;
  }

  private static List<int[]> pairs(int n) {
    List<int[]> out = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        out.add(new int[] {a, b});
      }
    }
    return out;
  }
}
