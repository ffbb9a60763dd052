package org.topicbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.topicbench.data.InputException;
import org.topicbench.run.Rows;

/** What the report derives from a run's rows: costs, the Pareto front, errors, repeated sentences. */
final class Figures {
  private Figures() {}

  /**
   * A learner's cost on one task, from timings.csv.
   *
   * @param trainMsPerFold mean wall time of one {@code fit}, milliseconds
   * @param sentencesPerSecond sentences predicted over total prediction time (NaN when none was measured)
   */
  record Cost(double trainMsPerFold, double sentencesPerSecond) {}

  /** Costs per learner of one task's timings rows. */
  static Map<String, Cost> costs(List<Rows.Timing> timings) {
    Map<String, double[]> sums = new LinkedHashMap<>(); // folds, train ns, predict ns, sentences
    for (Rows.Timing r : timings) {
      double[] s = sums.computeIfAbsent(r.learner(), k -> new double[4]);
      s[0]++;
      s[1] += r.trainNs();
      s[2] += r.predictNs();
      s[3] += r.testSize();
    }
    Map<String, Cost> costs = new LinkedHashMap<>();
    sums.forEach((learner, s) -> costs.put(learner,
        new Cost(s[1] / s[0] / 1e6, s[2] == 0 ? Double.NaN : s[3] * 1e9 / s[2])));
    return costs;
  }

  /**
   * Which points are on the Pareto front when both {@code quality} and {@code speed} are better higher:
   * no other point is at least as good in both and strictly better in one. NaN points are never on it
   * and never dominate.
   */
  static boolean[] paretoFront(double[] quality, double[] speed) {
    int n = quality.length;
    boolean[] front = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(quality[i]) || Double.isNaN(speed[i])) {
        continue;
      }
      boolean dominated = false;
      for (int j = 0; j < n && !dominated; j++) {
        if (j == i || Double.isNaN(quality[j]) || Double.isNaN(speed[j])) {
          continue;
        }
        dominated = quality[j] >= quality[i] && speed[j] >= speed[i]
            && (quality[j] > quality[i] || speed[j] > speed[i]);
      }
      front[i] = !dominated;
    }
    return front;
  }

  /**
   * A sentence a learner labelled wrongly, once per wrong label it gave.
   *
   * @param example the examples.csv row of the sentence
   * @param predicted the wrong label
   * @param times predictions of the sentence with that label
   * @param of predictions of the sentence (one per repetition)
   * @param confidence mean probability the learner gave {@code predicted} in those predictions, NaN
   *     without probabilities
   */
  record Misclassified(Rows.Example example, String truth, String predicted, int times, int of, double confidence) {}

  /**
   * Every wrong prediction of {@code predictions} (one learner on one task), merged per sentence and
   * wrong label; most frequent first, then most confident, then file order. {@code labels} are the
   * run's labels, which index every prediction's probabilities.
   */
  static List<Misclassified> misclassified(
      List<Rows.Prediction> predictions, List<Rows.Example> examples, List<String> labels) {
    Map<String, Rows.Example> byKey = new HashMap<>();
    for (Rows.Example e : examples) {
      byKey.put(key(e.source(), e.id()), e);
    }
    Map<String, Integer> total = new HashMap<>();
    Map<String, List<Rows.Prediction>> wrong = new LinkedHashMap<>();
    for (Rows.Prediction p : predictions) {
      String key = key(p.source(), p.id());
      total.merge(key, 1, Integer::sum);
      if (!p.truth().equals(p.predicted())) {
        wrong.computeIfAbsent(key + "\u0000" + p.predicted(), k -> new ArrayList<>()).add(p);
      }
    }
    List<Misclassified> out = new ArrayList<>();
    for (List<Rows.Prediction> rows : wrong.values()) {
      Rows.Prediction first = rows.getFirst();
      String predicted = first.predicted();
      int column = labels.indexOf(predicted);
      double sum = 0;
      for (Rows.Prediction r : rows) {
        sum += r.probabilities() == null || column < 0 ? Double.NaN : r.probabilities()[column];
      }
      Rows.Example example = byKey.get(key(first.source(), first.id()));
      if (example == null) {
        throw new InputException("predictions.csv: sentence " + first.source() + "/" + first.id() + " of "
            + first.dataset() + "/" + first.protocol() + " is not in examples.csv");
      }
      out.add(new Misclassified(example, first.truth(), predicted, rows.size(),
          total.get(key(first.source(), first.id())), sum / rows.size()));
    }
    out.sort(Comparator.comparingInt(Misclassified::times).reversed()
        .thenComparing(Comparator.comparingDouble((Misclassified m) -> Double.isNaN(m.confidence()) ? -1
            : m.confidence()).reversed())
        .thenComparingInt(m -> m.example().index())
        .thenComparing(Misclassified::predicted));
    return out;
  }

  /**
   * At most {@code n} of {@code rows}, in their order: all of them when there are no more, else taken
   * in turn from each stratum (in the order strata first appear), each stratum's rows in order, until
   * {@code n} are taken. Deterministic: the same rows give the same sample.
   */
  static <T> List<T> sample(List<T> rows, int n, Function<T, String> stratum) {
    if (rows.size() <= n) {
      return rows;
    }
    Map<String, List<Integer>> strata = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      strata.computeIfAbsent(stratum.apply(rows.get(i)), k -> new ArrayList<>()).add(i);
    }
    boolean[] taken = new boolean[rows.size()];
    int count = 0;
    for (int round = 0; count < n; round++) {
      for (List<Integer> members : strata.values()) {
        if (round < members.size() && count < n) {
          taken[members.get(round)] = true;
          count++;
        }
      }
    }
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < rows.size(); i++) {
      if (taken[i]) {
        out.add(rows.get(i));
      }
    }
    return out;
  }

  /** A sentence's key within a task: its data file and id. */
  static String key(String source, String id) {
    return source + "\u0000" + id;
  }

  /**
   * One near-duplicate cluster of more than one sentence.
   *
   * @param members its examples.csv rows in file order
   * @param testFolds per member, the fold that tested it in each repetition ({@code folds[rep]}, -1 when
   *     the sentence was never tested, e.g. the training file of split)
   */
  record Cluster(int id, List<Rows.Example> members, List<int[]> testFolds) {
    /** Repetitions in which every tested member sat in the same test fold. */
    int repetitionsTogether() {
      int reps = testFolds.isEmpty() ? 0 : testFolds.getFirst().length;
      int together = 0;
      for (int r = 0; r < reps; r++) {
        int fold = Integer.MIN_VALUE;
        boolean same = true;
        for (int[] f : testFolds) {
          if (f[r] < 0) {
            continue;
          }
          if (fold != Integer.MIN_VALUE && f[r] != fold) {
            same = false;
          }
          fold = f[r];
        }
        together += same ? 1 : 0;
      }
      return together;
    }

    /** Distinct documents (examples.csv {@code source} and {@code group}) of the members. */
    long documents() {
      return members.stream().map(m -> m.source() + "\u0000" + m.group()).distinct().count();
    }
  }

  /** The clusters with more than one member, by cluster id; folds from one learner's predictions. */
  static List<Cluster> clusters(List<Rows.Example> examples, List<Rows.Prediction> oneLearner, int repetitions) {
    Map<Integer, List<Rows.Example>> members = new TreeMap<>();
    for (Rows.Example e : examples) {
      if (e.clusterSize() > 1) {
        members.computeIfAbsent(e.cluster(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, int[]> folds = new HashMap<>();
    for (Rows.Prediction p : oneLearner) {
      int[] f = folds.computeIfAbsent(key(p.source(), p.id()), k -> filled(repetitions));
      if (p.repetition() >= 0 && p.repetition() < repetitions) {
        f[p.repetition()] = p.fold();
      }
    }
    List<Cluster> out = new ArrayList<>();
    members.forEach((id, rows) -> {
      List<int[]> f = new ArrayList<>();
      for (Rows.Example m : rows) {
        f.add(folds.getOrDefault(key(m.source(), m.id()), filled(repetitions)));
      }
      out.add(new Cluster(id, rows, f));
    });
    return out;
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }
}
