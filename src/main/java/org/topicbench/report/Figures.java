package org.topicbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.topicbench.data.InputException;
import org.topicbench.report.CsvTable.Row;

/** What the report derives from the run files: costs, the Pareto front, errors, repeated sentences. */
final class Figures {
  private Figures() {}

  /**
   * A learner's cost in one protocol, from timings.csv.
   *
   * @param trainMsPerFold mean wall time of one {@code fit}, milliseconds
   * @param sentencesPerSecond sentences predicted over total prediction time (NaN when none was measured)
   */
  record Cost(double trainMsPerFold, double sentencesPerSecond) {}

  /** Costs per learner of one protocol's timings rows. */
  static Map<String, Cost> costs(List<Row> timings) {
    Map<String, double[]> sums = new LinkedHashMap<>(); // folds, train ns, predict ns, sentences
    for (Row r : timings) {
      double[] s = sums.computeIfAbsent(r.get("learner"), k -> new double[4]);
      s[0]++;
      s[1] += r.integer("train_ns");
      s[2] += r.integer("predict_ns");
      s[3] += r.integer("test_size");
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
  record Misclassified(Row example, String truth, String predicted, int times, int of, double confidence) {}

  /**
   * Every wrong prediction of {@code predictions} (one learner), merged per sentence and wrong label;
   * most frequent first, then most confident, then file order.
   */
  static List<Misclassified> misclassified(List<Row> predictions, List<Row> examples) {
    Map<String, Row> byKey = new HashMap<>();
    for (Row e : examples) {
      byKey.put(key(e), e);
    }
    Map<String, Integer> total = new HashMap<>();
    Map<String, List<Row>> wrong = new LinkedHashMap<>();
    for (Row p : predictions) {
      total.merge(key(p), 1, Integer::sum);
      if (!p.get("true").equals(p.get("predicted"))) {
        wrong.computeIfAbsent(key(p) + "\u0000" + p.get("predicted"), k -> new ArrayList<>()).add(p);
      }
    }
    List<Misclassified> out = new ArrayList<>();
    for (List<Row> rows : wrong.values()) {
      Row first = rows.getFirst();
      String predicted = first.get("predicted");
      double sum = 0;
      for (Row r : rows) {
        sum += r.num("p_" + predicted);
      }
      Row example = byKey.get(key(first));
      if (example == null) {
        throw InputException.at(first.tableFile(), first.line(),
            "sentence " + first.get("dataset") + "/" + first.get("id") + " is not in examples.csv");
      }
      out.add(new Misclassified(example, first.get("true"), predicted, rows.size(), total.get(key(first)),
          sum / rows.size()));
    }
    out.sort(Comparator.comparingInt(Misclassified::times).reversed()
        .thenComparing(Comparator.comparingDouble((Misclassified m) -> Double.isNaN(m.confidence()) ? -1
            : m.confidence()).reversed())
        .thenComparingLong(m -> m.example().integer("index"))
        .thenComparing(Misclassified::predicted));
    return out;
  }

  static String key(Row r) {
    return r.get("dataset") + "\u0000" + r.get("id");
  }

  /**
   * One near-duplicate cluster of more than one sentence.
   *
   * @param members its examples.csv rows in file order
   * @param testFolds per member, the fold that tested it in each repetition ({@code folds[rep]}, -1 when
   *     the sentence was never tested, e.g. the training file of split)
   */
  record Cluster(int id, List<Row> members, List<int[]> testFolds) {
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

    /** Distinct documents (examples.csv {@code group}) of the members. */
    long documents() {
      return members.stream().map(m -> m.get("dataset") + "\u0000" + m.get("group")).distinct().count();
    }
  }

  /** The clusters with more than one member, in order of first appearance; folds from one learner. */
  static List<Cluster> clusters(List<Row> examples, List<Row> firstLearnerPredictions, int repetitions) {
    Map<Long, List<Row>> members = new TreeMap<>();
    for (Row e : examples) {
      if (e.integer("cluster_size") > 1) {
        members.computeIfAbsent(e.integer("cluster"), k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, int[]> folds = new HashMap<>();
    for (Row p : firstLearnerPredictions) {
      int[] f = folds.computeIfAbsent(key(p), k -> filled(repetitions));
      int rep = (int) p.integer("repetition");
      if (rep >= 0 && rep < repetitions) {
        f[rep] = (int) p.integer("fold");
      }
    }
    List<Cluster> out = new ArrayList<>();
    members.forEach((id, rows) -> {
      List<int[]> f = new ArrayList<>();
      for (Row m : rows) {
        f.add(folds.getOrDefault(key(m), filled(repetitions)));
      }
      out.add(new Cluster(id.intValue(), rows, f));
    });
    return out;
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }
}
