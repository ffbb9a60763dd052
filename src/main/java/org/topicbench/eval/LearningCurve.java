package org.topicbench.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.topicbench.data.Dataset;
import org.topicbench.data.Example;
import org.topicbench.data.InputException;
import org.topicbench.data.Rng;
import org.topicbench.data.Seeds;
import org.topicbench.model.Learner;
import org.topicbench.model.OutOfFold;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;

/**
 * Learning curves: how macro-F1 grows with the training data. Repeated stratified k-fold (near-duplicates
 * kept together, as the kfold protocol draws folds); inside each training fold, growing fractions of it,
 * stratified and nested (per label, one seeded random order of the fold's sentences of that label; a
 * fraction f takes the first {@code max(1, round(f * n_label))} of each, so every fraction holds the
 * smaller ones); each fraction's model scored on the same test fold.
 *
 * <p>Per learner and fraction: the mean macro-F1 over every fold of every repetition, its standard
 * deviation, and a 95% interval {@code mean +- 1.96 sd / sqrt(folds)} (a normal approximation over folds;
 * folds share training data, so it is optimistic). The trend is an inverse power law of the error, {@code
 * 1 - F1 = b * n^-c} (n the mean training size), fitted by least squares on {@code ln(1 - F1)} against
 * {@code ln n} (Figueroa et al., 2012, BMC Medical Informatics), and extrapolated to twice the full
 * training fold.
 *
 * <p>Seeds: folds of repetition r {@code Seeds.derive(seed, "curve-folds", r)}, the orders of its fold f
 * {@code Seeds.derive(seed, "curve-order", r, f)}, each fit {@code Seeds.derive(seed, "curve", r, f, i)} for
 * fraction index i (the same for every learner).
 */
public final class LearningCurve {
  private LearningCurve() {}

  /**
   * One learner at one fraction.
   *
   * @param trainSize mean training sentences over folds
   * @param macroF1 per fold (repetition-major) its test fold's macro-F1
   */
  public record Point(String learner, double fraction, double trainSize, double mean, double sd, double ciLow,
      double ciHigh, double[] macroF1) {}

  /**
   * A learner's fitted trend {@code 1 - F1 = b * n^-c}.
   *
   * @param atDouble the F1 it predicts at twice the largest training size; NaN when it cannot be fitted
   */
  public record Trend(String learner, double b, double c, double largest, double atDouble) {}

  /** Every learner's points (learner-major, fractions in order) and trends. */
  public record Result(String dataset, int folds, int repeats, long seed, double[] fractions, List<Point> points,
      List<Trend> trends) {}

  /** Runs the curve. */
  public static Result run(Dataset d, List<Learner> learners, double[] fractions, int folds, int repeats, long seed,
      int threads) {
    List<String> labels = d.labels();
    List<String> texts = new ArrayList<>();
    int[] y = new int[d.size()];
    for (int i = 0; i < d.size(); i++) {
      Example e = d.examples().get(i);
      texts.add(e.text());
      y[i] = labels.indexOf(e.label());
    }
    TrainingSet all = new TrainingSet(texts, y, labels);
    List<int[]> train = new ArrayList<>();
    List<int[]> test = new ArrayList<>();
    List<long[]> orderSeeds = new ArrayList<>();
    int k = 0;
    for (int r = 0; r < repeats; r++) {
      OutOfFold.Plan plan = OutOfFold.plan(all, folds, Seeds.derive(seed, "curve-folds", r));
      if (plan.foldOf() == null) {
        throw new InputException(d.file() + ": too few distinct sentences for folds");
      }
      k = plan.k();
      for (int f = 0; f < plan.k(); f++) {
        List<Integer> tr = new ArrayList<>();
        List<Integer> te = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
          (plan.foldOf()[i] == f ? te : tr).add(i);
        }
        train.add(tr.stream().mapToInt(Integer::intValue).toArray());
        test.add(te.stream().mapToInt(Integer::intValue).toArray());
        orderSeeds.add(new long[] {r, f});
      }
    }
    int nf = train.size();
    // per fold and fraction: the nested stratified subsample
    int[][][] subsets = new int[nf][fractions.length][];
    for (int fi = 0; fi < nf; fi++) {
      long[] rf = orderSeeds.get(fi);
      Rng rng = new Rng(Seeds.derive(seed, "curve-order", rf[0], rf[1]));
      List<List<Integer>> byLabel = new ArrayList<>();
      for (int c = 0; c < labels.size(); c++) {
        byLabel.add(new ArrayList<>());
      }
      for (int i : train.get(fi)) {
        byLabel.get(y[i]).add(i);
      }
      List<int[]> orders = new ArrayList<>();
      for (List<Integer> members : byLabel) {
        int[] a = members.stream().mapToInt(Integer::intValue).toArray();
        rng.shuffle(a);
        orders.add(a);
      }
      for (int j = 0; j < fractions.length; j++) {
        List<Integer> chosen = new ArrayList<>();
        for (int[] a : orders) {
          int take = a.length == 0 ? 0 : Math.max(1, (int) Math.round(fractions[j] * a.length));
          for (int t = 0; t < Math.min(take, a.length); t++) {
            chosen.add(a[t]);
          }
        }
        subsets[fi][j] = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
      }
    }
    double[][][] f1 = new double[learners.size()][fractions.length][nf];
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int li = 0; li < learners.size(); li++) {
        for (int fi = 0; fi < nf; fi++) {
          for (int j = 0; j < fractions.length; j++) {
            int l = li;
            int ff = fi;
            int jj = j;
            tasks.add(pool.submit(() -> {
              int[] sub = subsets[ff][jj];
              List<String> st = new ArrayList<>(sub.length);
              int[] sy = new int[sub.length];
              for (int q = 0; q < sub.length; q++) {
                st.add(texts.get(sub[q]));
                sy[q] = y[sub[q]];
              }
              long[] rf = orderSeeds.get(ff);
              TrainedModel m = learners.get(l).fit(new TrainingSet(st, sy, labels),
                  Seeds.derive(seed, "curve", rf[0], rf[1], jj));
              int[] te = test.get(ff);
              List<String> tt = new ArrayList<>(te.length);
              int[] truth = new int[te.length];
              for (int q = 0; q < te.length; q++) {
                tt.add(texts.get(te[q]));
                truth[q] = y[te[q]];
              }
              Prediction[] p = m.predictAll(tt);
              int[] pred = new int[p.length];
              for (int q = 0; q < p.length; q++) {
                pred[q] = p[q].label();
              }
              f1[l][jj][ff] = Metrics.score(truth, pred, null, labels.size()).macroF1();
            }));
          }
        }
      }
      for (Future<?> t : tasks) {
        t.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<Point> points = new ArrayList<>();
    List<Trend> trends = new ArrayList<>();
    for (int li = 0; li < learners.size(); li++) {
      double[] xs = new double[fractions.length];
      double[] ys = new double[fractions.length];
      for (int j = 0; j < fractions.length; j++) {
        double size = 0;
        for (int fi = 0; fi < nf; fi++) {
          size += subsets[fi][j].length;
        }
        size /= nf;
        double mean = Statistics.mean(f1[li][j]);
        double sd = Statistics.sd(f1[li][j]);
        double half = 1.96 * sd / Math.sqrt(nf);
        points.add(new Point(learners.get(li).name(), fractions[j], size, mean, sd, mean - half, mean + half,
            f1[li][j].clone()));
        xs[j] = size;
        ys[j] = mean;
      }
      trends.add(trend(learners.get(li).name(), xs, ys));
    }
    return new Result(d.name(), k, repeats, seed, fractions.clone(), List.copyOf(points), List.copyOf(trends));
  }

  /** {@code 1 - F1 = b n^-c} by least squares on the logs; points with F1 of 1 or NaN left out. */
  static Trend trend(String learner, double[] n, double[] f1) {
    List<double[]> pts = new ArrayList<>();
    double largest = 0;
    for (int i = 0; i < n.length; i++) {
      largest = Math.max(largest, n[i]);
      if (n[i] > 0 && f1[i] < 1 && !Double.isNaN(f1[i])) {
        pts.add(new double[] {Math.log(n[i]), Math.log(1 - f1[i])});
      }
    }
    if (pts.size() < 2) {
      return new Trend(learner, Double.NaN, Double.NaN, largest, Double.NaN);
    }
    double mx = 0;
    double my = 0;
    for (double[] p : pts) {
      mx += p[0];
      my += p[1];
    }
    mx /= pts.size();
    my /= pts.size();
    double sxy = 0;
    double sxx = 0;
    for (double[] p : pts) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
    }
    if (sxx == 0) {
      return new Trend(learner, Double.NaN, Double.NaN, largest, Double.NaN);
    }
    double slope = sxy / sxx;
    double b = Math.exp(my - slope * mx);
    double c = -slope;
    double at = 1 - b * Math.pow(2 * largest, -c);
    return new Trend(learner, b, c, largest, at);
  }
}
