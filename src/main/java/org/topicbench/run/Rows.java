package org.topicbench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * One record per row of each CSV file of a run directory, with the file's columns; {@link RunWriter}
 * writes them and {@link RunReader} reads them back (results/FORMAT.md describes every column). Every
 * per-task file starts with {@code dataset,protocol}: rows are keyed by {@code (dataset, protocol, ...)}.
 */
public final class Rows {
  private Rows() {}

  /** A mean with its standard deviation and 95% interval. */
  public record Stat(double mean, double sd, double ciLow, double ciHigh) {
    static Stat read(Csv.Cells c, String prefix) {
      return new Stat(c.number(prefix + "_mean"), c.number(prefix + "_sd"), c.number(prefix + "_ci_low"),
          c.number(prefix + "_ci_high"));
    }

    void write(List<String> out) {
      out.add(Csv.num(mean));
      out.add(Csv.num(sd));
      out.add(Csv.num(ciLow));
      out.add(Csv.num(ciHigh));
    }
  }

  /** A row of {@code summary.csv}: one learner on one task, by rank. */
  public record Summary(
      String dataset, String protocol, String learner, int rank, int repetitions, int folds, int sentences,
      Stat accuracy, Stat macroF1Pooled, double macroF1FoldMean, double macroF1FoldSd, Stat kappa, double logLossMean,
      double logLossSd, double brierMean, double brierSd, double eceMean, double eceSd,
      List<String> significantlyBetterThan, List<String> significantlyWorseThan) {
    public static final List<String> COLUMNS = List.of(
        "dataset", "protocol", "learner", "rank", "repetitions", "folds", "sentences",
        "accuracy_mean", "accuracy_sd", "accuracy_ci_low", "accuracy_ci_high",
        "macro_f1_pooled_mean", "macro_f1_pooled_sd", "macro_f1_pooled_ci_low", "macro_f1_pooled_ci_high",
        "macro_f1_fold_mean", "macro_f1_fold_sd",
        "kappa_mean", "kappa_sd", "kappa_ci_low", "kappa_ci_high",
        "log_loss_mean", "log_loss_sd", "brier_mean", "brier_sd", "ece_mean", "ece_sd",
        "significantly_better_than", "significantly_worse_than");

    List<String> cells() {
      List<String> r = new ArrayList<>(List.of(dataset, protocol, learner, Integer.toString(rank),
          Integer.toString(repetitions), Integer.toString(folds), Integer.toString(sentences)));
      accuracy.write(r);
      macroF1Pooled.write(r);
      r.add(Csv.num(macroF1FoldMean));
      r.add(Csv.num(macroF1FoldSd));
      kappa.write(r);
      r.add(Csv.num(logLossMean));
      r.add(Csv.num(logLossSd));
      r.add(Csv.num(brierMean));
      r.add(Csv.num(brierSd));
      r.add(Csv.num(eceMean));
      r.add(Csv.num(eceSd));
      r.add(String.join(";", significantlyBetterThan));
      r.add(String.join(";", significantlyWorseThan));
      return r;
    }

    static Summary read(Csv.Cells c) {
      return new Summary(c.text("dataset"), c.text("protocol"), c.text("learner"), c.integer("rank"),
          c.integer("repetitions"), c.integer("folds"), c.integer("sentences"), Stat.read(c, "accuracy"),
          Stat.read(c, "macro_f1_pooled"), c.number("macro_f1_fold_mean"), c.number("macro_f1_fold_sd"),
          Stat.read(c, "kappa"), c.number("log_loss_mean"), c.number("log_loss_sd"),
          c.number("brier_mean"), c.number("brier_sd"), c.number("ece_mean"), c.number("ece_sd"),
          c.list("significantly_better_than"), c.list("significantly_worse_than"));
    }
  }

  /** A row of {@code per-class.csv}: one label of one learner on one task. */
  public record PerClass(
      String dataset, String protocol, String learner, String label, int support, double precisionMean,
      double precisionSd, double recallMean, double recallSd, double f1Mean, double f1Sd) {
    public static final List<String> COLUMNS = List.of("dataset", "protocol", "learner", "label", "support",
        "precision_mean", "precision_sd", "recall_mean", "recall_sd", "f1_mean", "f1_sd");

    List<String> cells() {
      return List.of(dataset, protocol, learner, label, Integer.toString(support), Csv.num(precisionMean),
          Csv.num(precisionSd), Csv.num(recallMean), Csv.num(recallSd), Csv.num(f1Mean), Csv.num(f1Sd));
    }

    static PerClass read(Csv.Cells c) {
      return new PerClass(c.text("dataset"), c.text("protocol"), c.text("learner"), c.text("label"),
          c.integer("support"), c.number("precision_mean"), c.number("precision_sd"), c.number("recall_mean"),
          c.number("recall_sd"), c.number("f1_mean"), c.number("f1_sd"));
    }
  }

  /** A row of {@code confusion.csv}: a cell of one learner's confusion matrix on one task. */
  public record Confusion(
      String dataset, String protocol, String learner, String truth, String predicted, long count, int repetitions) {
    public static final List<String> COLUMNS =
        List.of("dataset", "protocol", "learner", "true", "predicted", "count", "repetitions");

    List<String> cells() {
      return List.of(dataset, protocol, learner, truth, predicted, Long.toString(count), Integer.toString(repetitions));
    }

    static Confusion read(Csv.Cells c) {
      return new Confusion(c.text("dataset"), c.text("protocol"), c.text("learner"), c.text("true"),
          c.text("predicted"), c.longInteger("count"), c.integer("repetitions"));
    }
  }

  /** A row of {@code folds.csv}: one learner on one fold. */
  public record FoldScore(
      String dataset, String protocol, String learner, int repetition, int fold, String testGroup, int trainSize,
      int testSize, int purged, int labelsInTest, double accuracy, double macroF1, double kappa, double logLoss, double brier,
      double ece) {
    public static final List<String> COLUMNS = List.of("dataset", "protocol", "learner", "repetition", "fold",
        "test_group", "train_size", "test_size", "purged", "labels_in_test", "accuracy", "macro_f1", "kappa",
        "log_loss", "brier", "ece");

    List<String> cells() {
      return List.of(dataset, protocol, learner, Integer.toString(repetition), Integer.toString(fold), testGroup,
          Integer.toString(trainSize), Integer.toString(testSize), Integer.toString(purged),
          Integer.toString(labelsInTest), Csv.num(accuracy), Csv.num(macroF1), Csv.num(kappa), Csv.num(logLoss),
          Csv.num(brier), Csv.num(ece));
    }

    static FoldScore read(Csv.Cells c) {
      return new FoldScore(c.text("dataset"), c.text("protocol"), c.text("learner"), c.integer("repetition"),
          c.integer("fold"), c.text("test_group"), c.integer("train_size"), c.integer("test_size"),
          c.integer("purged"), c.integer("labels_in_test"), c.number("accuracy"), c.number("macro_f1"),
          c.number("kappa"), c.number("log_loss"), c.number("brier"), c.number("ece"));
    }
  }

  /**
   * A row of {@code calibration.csv}: one confidence bin of one learner's reliability diagram on one task,
   * over the pooled predictions of every repetition (learners with probabilities only).
   *
   * @param bin the bin's index, from 0
   * @param low its lower edge (exclusive, 0 inclusive)
   * @param high its upper edge (inclusive)
   * @param count predictions (summed over repetitions) whose top-label probability falls in it
   * @param meanConfidence their mean top-label probability (NaN when empty)
   * @param accuracy the share of them that is right (NaN when empty)
   */
  public record Reliability(
      String dataset, String protocol, String learner, int bin, double low, double high, long count,
      double meanConfidence, double accuracy, int repetitions) {
    public static final List<String> COLUMNS = List.of("dataset", "protocol", "learner", "bin", "low", "high",
        "count", "mean_confidence", "accuracy", "repetitions");

    List<String> cells() {
      return List.of(dataset, protocol, learner, Integer.toString(bin), Csv.num(low), Csv.num(high),
          Long.toString(count), Csv.num(meanConfidence), Csv.num(accuracy), Integer.toString(repetitions));
    }

    static Reliability read(Csv.Cells c) {
      return new Reliability(c.text("dataset"), c.text("protocol"), c.text("learner"), c.integer("bin"),
          c.number("low"), c.number("high"), c.longInteger("count"), c.number("mean_confidence"),
          c.number("accuracy"), c.integer("repetitions"));
    }
  }

  /**
   * A row of {@code pairwise.csv}: one test between two learners on one task.
   *
   * @param test {@code corrected_resampled_t} (then {@code df} is set and {@code aOnly}, {@code bOnly} are
   *     -1) or {@code mcnemar_exact} (then {@code statistic} is the smaller discordant count, {@code df} NaN)
   */
  public record Pairwise(
      String dataset, String protocol, String metric, String test, String learnerA, String learnerB, int n,
      double meanA, double meanB, double statistic, double df, int aOnly, int bOnly, double p, double pHolm,
      boolean significant, String better) {
    public static final List<String> COLUMNS = List.of("dataset", "protocol", "metric", "test", "learner_a",
        "learner_b", "n", "mean_a", "mean_b", "statistic", "df", "a_only_correct", "b_only_correct", "p_value",
        "p_holm", "significant", "better");

    /** Whether this is a t-test (else McNemar). */
    public boolean tTest() {
      return aOnly < 0;
    }

    List<String> cells() {
      boolean t = tTest();
      return List.of(dataset, protocol, metric, test, learnerA, learnerB, Integer.toString(n), Csv.num(meanA),
          Csv.num(meanB), t ? Csv.num(statistic) : Integer.toString((int) statistic), t ? Integer.toString((int) df) : "",
          t ? "" : Integer.toString(aOnly), t ? "" : Integer.toString(bOnly), Csv.num(p), Csv.num(pHolm),
          Boolean.toString(significant), better);
    }

    static Pairwise read(Csv.Cells c) {
      int aOnly = c.integerOrNone("a_only_correct");
      int bOnly = c.integerOrNone("b_only_correct");
      String df = c.text("df");
      return new Pairwise(c.text("dataset"), c.text("protocol"), c.text("metric"), c.text("test"),
          c.text("learner_a"), c.text("learner_b"), c.integer("n"), c.number("mean_a"), c.number("mean_b"),
          c.number("statistic"), df.isEmpty() ? Double.NaN : c.integer("df"), aOnly, bOnly, c.number("p_value"),
          c.number("p_holm"), c.bool("significant"), c.text("better"));
    }
  }

  /**
   * A row of {@code predictions.csv}: one out-of-fold prediction.
   *
   * @param source the name of the data file the sentence comes from (a split's test file, one file of pooled)
   * @param probabilities by {@link Manifest#labels()} of the whole run (every task's labels, sorted); NaN for a
   *     label of another task, null without probabilities
   */
  public record Prediction(
      String dataset, String protocol, String learner, int repetition, int fold, String source, String id,
      String truth, String predicted, double[] probabilities) {
    public static final List<String> COLUMNS = List.of("dataset", "protocol", "learner", "repetition", "fold",
        "source", "id", "true", "predicted");
    /** The probability columns: this prefix and a label. */
    public static final String P = "p_";

    List<String> cells(int labels) {
      List<String> r = new ArrayList<>(List.of(dataset, protocol, learner, Integer.toString(repetition),
          Integer.toString(fold), source, id, truth, predicted));
      for (int c = 0; c < labels; c++) {
        r.add(probabilities == null || Double.isNaN(probabilities[c]) ? "" : Csv.num(probabilities[c]));
      }
      return r;
    }

    static Prediction read(Csv.Cells c, List<String> labels) {
      double[] p = new double[labels.size()];
      boolean any = false;
      for (int i = 0; i < p.length; i++) {
        p[i] = c.numberOrEmpty(P + labels.get(i));
        any |= !Double.isNaN(p[i]);
      }
      return new Prediction(c.text("dataset"), c.text("protocol"), c.text("learner"), c.integer("repetition"),
          c.integer("fold"), c.text("source"), c.text("id"), c.text("true"), c.text("predicted"), any ? p : null);
    }
  }

  /** A row of {@code examples.csv}: one sentence of one task, with its near-duplicate cluster. */
  public record Example(
      String dataset, String protocol, int index, String source, String id, String group, int cluster,
      int clusterSize, String label, String text) {
    public static final List<String> COLUMNS = List.of("dataset", "protocol", "index", "source", "id", "group",
        "cluster", "cluster_size", "label", "text");

    List<String> cells() {
      return List.of(dataset, protocol, Integer.toString(index), source, id, group, Integer.toString(cluster),
          Integer.toString(clusterSize), label, text);
    }

    static Example read(Csv.Cells c) {
      return new Example(c.text("dataset"), c.text("protocol"), c.integer("index"), c.text("source"), c.text("id"),
          c.text("group"), c.integer("cluster"), c.integer("cluster_size"), c.text("label"), c.text("text"));
    }
  }

  /** A row of {@code timings.csv} (not deterministic): one learner's fit and prediction on one fold. */
  public record Timing(
      String dataset, String protocol, String learner, int repetition, int fold, int trainSize, int testSize,
      long trainNs, long predictNs) {
    public static final List<String> COLUMNS = List.of("dataset", "protocol", "learner", "repetition", "fold",
        "train_size", "test_size", "train_ns", "predict_ns", "predict_sentences_per_s");

    /** Sentences predicted per second, NaN when no time was measured. */
    public double sentencesPerSecond() {
      return predictNs == 0 ? Double.NaN : testSize * 1e9 / predictNs;
    }

    List<String> cells() {
      return List.of(dataset, protocol, learner, Integer.toString(repetition), Integer.toString(fold),
          Integer.toString(trainSize), Integer.toString(testSize), Long.toString(trainNs), Long.toString(predictNs),
          String.format(java.util.Locale.ROOT, "%.1f", sentencesPerSecond()));
    }

    static Timing read(Csv.Cells c) {
      return new Timing(c.text("dataset"), c.text("protocol"), c.text("learner"), c.integer("repetition"),
          c.integer("fold"), c.integer("train_size"), c.integer("test_size"), c.longInteger("train_ns"),
          c.longInteger("predict_ns"));
    }
  }

  /**
   * A row of {@code tuning.csv}: one candidate of a tuned learner in one outer fold.
   *
   * @param candidate the candidate's position in the grid, from 0
   * @param values its grid values ({@code c=0.1})
   * @param metric the inner metric
   * @param innerScore its score on the inner folds of the outer training fold
   * @param chosen whether it was chosen (the best score, ties to the first)
   */
  public record Tuning(
      String dataset, String protocol, String learner, int repetition, int fold, int candidate, String values,
      String metric, double innerScore, boolean chosen) {
    public static final List<String> COLUMNS = List.of("dataset", "protocol", "learner", "repetition", "fold",
        "candidate", "values", "metric", "inner_score", "chosen");

    List<String> cells() {
      return List.of(dataset, protocol, learner, Integer.toString(repetition), Integer.toString(fold),
          Integer.toString(candidate), values, metric, Csv.num(innerScore), Boolean.toString(chosen));
    }

    static Tuning read(Csv.Cells c) {
      return new Tuning(c.text("dataset"), c.text("protocol"), c.text("learner"), c.integer("repetition"),
          c.integer("fold"), c.integer("candidate"), c.text("values"), c.text("metric"), c.number("inner_score"),
          c.bool("chosen"));
    }
  }

  /**
   * A row of {@code ranks.csv}: one learner's score and rank in one block of the ranking across tasks.
   *
   * @param block the block (a dataset, or {@code dataset/protocol})
   * @param task the task whose score it is, {@code dataset/protocol}
   * @param score the ranked metric as the task reports it
   * @param rank 1 = best; tied scores share the mean rank
   */
  public record Rank(String block, String task, String learner, double score, double rank) {
    public static final List<String> COLUMNS = List.of("block", "task", "learner", "score", "rank");

    List<String> cells() {
      return List.of(block, task, learner, Csv.num(score), Csv.num(rank));
    }

    static Rank read(Csv.Cells c) {
      return new Rank(c.text("block"), c.text("task"), c.text("learner"), c.number("score"), c.number("rank"));
    }
  }

  /**
   * A row of {@code ranking.csv}: one learner's average rank across blocks and its Holm-corrected
   * comparison with the control (empty for the control itself).
   */
  public record Ranking(String learner, double averageRank, boolean control, double z, double p, double pHolm,
      boolean significant) {
    public static final List<String> COLUMNS =
        List.of("learner", "average_rank", "control", "z", "p_value", "p_holm", "significant");

    List<String> cells() {
      return List.of(learner, Csv.num(averageRank), Boolean.toString(control), control ? "" : Csv.num(z),
          control ? "" : Csv.num(p), control ? "" : Csv.num(pHolm), control ? "" : Boolean.toString(significant));
    }

    static Ranking read(Csv.Cells c) {
      boolean control = c.bool("control");
      return new Ranking(c.text("learner"), c.number("average_rank"), control, c.numberOrEmpty("z"),
          c.numberOrEmpty("p_value"), c.numberOrEmpty("p_holm"), !control && c.bool("significant"));
    }
  }

  /**
   * A row of {@code wins.csv}: in how many blocks learner A was significantly better than B, no different,
   * and significantly worse (the per-task test, unadjusted, as Weka's Experimenter counts).
   */
  public record Wins(String learnerA, String learnerB, int wins, int ties, int losses) {
    public static final List<String> COLUMNS = List.of("learner_a", "learner_b", "wins", "ties", "losses");

    List<String> cells() {
      return List.of(learnerA, learnerB, Integer.toString(wins), Integer.toString(ties), Integer.toString(losses));
    }

    static Wins read(Csv.Cells c) {
      return new Wins(c.text("learner_a"), c.text("learner_b"), c.integer("wins"), c.integer("ties"),
          c.integer("losses"));
    }
  }
}
