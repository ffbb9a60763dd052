package org.topicbench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A run directory's content: the manifest and the rows of every file, as {@link RunWriter} makes them from
 * an evaluation and {@link RunReader} reads them back (checked against each other). Lists are in file
 * order.
 *
 * @param dir where it was read from, or null for a run not yet written
 */
public record Run(
    Path dir,
    Manifest manifest,
    List<Rows.Summary> summary,
    List<Rows.PerClass> perClass,
    List<Rows.Confusion> confusion,
    List<Rows.FoldScore> folds,
    List<Rows.Reliability> calibration,
    List<Rows.Pairwise> pairwise,
    List<Rows.Prediction> predictions,
    List<Rows.Example> examples,
    List<Rows.Timing> timings,
    List<Rows.Tuning> tuning,
    List<Rows.Rank> ranks,
    List<Rows.Ranking> ranking,
    List<Rows.Wins> wins) {

  /** The tasks, in the manifest's order. */
  public List<Manifest.Task> tasks() {
    return manifest.tasks();
  }

  /**
   * The name under which this run stores the file {@code name}: {@code predictions.csv} or, compressed,
   * {@code predictions.csv.gz} (results/FORMAT.md); {@code name} itself when the manifest lists neither.
   */
  public String file(String name) {
    String s = RunFormat.stored(manifest.files(), name);
    return s != null ? s : name;
  }

  /** The run id. */
  public String runId() {
    return manifest.runId();
  }

  /** Learner names in the run's order. */
  public List<String> learners() {
    return manifest.learnerNames();
  }

  /** Orders learner names as the run listed them. */
  public Comparator<String> learnerOrder() {
    List<String> order = learners();
    return Comparator.<String>comparingInt(n -> order.contains(n) ? order.indexOf(n) : Integer.MAX_VALUE)
        .thenComparing(Comparator.naturalOrder());
  }

  private static boolean of(Manifest.Task t, String dataset, String protocol) {
    return t.dataset().equals(dataset) && t.protocol().equals(protocol);
  }

  /** summary.csv rows of a task, by rank. */
  public List<Rows.Summary> summary(Manifest.Task t) {
    List<Rows.Summary> out = new ArrayList<>();
    for (Rows.Summary r : summary) {
      if (of(t, r.dataset(), r.protocol())) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparingInt(Rows.Summary::rank));
    return out;
  }

  /** The summary row of {@code learner} on a task, or null. */
  public Rows.Summary summary(Manifest.Task t, String learner) {
    for (Rows.Summary r : summary) {
      if (of(t, r.dataset(), r.protocol()) && r.learner().equals(learner)) {
        return r;
      }
    }
    return null;
  }

  /** Learner names of a task by rank. */
  public List<String> ranking(Manifest.Task t) {
    return summary(t).stream().map(Rows.Summary::learner).toList();
  }

  /** The rank-1 learner of a task. */
  public String best(Manifest.Task t) {
    return summary(t).getFirst().learner();
  }

  public List<Rows.PerClass> perClass(Manifest.Task t) {
    return perClass.stream().filter(r -> of(t, r.dataset(), r.protocol())).toList();
  }

  public List<Rows.Confusion> confusion(Manifest.Task t) {
    return confusion.stream().filter(r -> of(t, r.dataset(), r.protocol())).toList();
  }

  public List<Rows.FoldScore> folds(Manifest.Task t) {
    return folds.stream().filter(r -> of(t, r.dataset(), r.protocol())).toList();
  }

  /** calibration.csv rows of a task: learners with probabilities, each its bins in order. */
  public List<Rows.Reliability> calibration(Manifest.Task t) {
    return calibration.stream().filter(r -> of(t, r.dataset(), r.protocol())).toList();
  }

  public List<Rows.Pairwise> pairwise(Manifest.Task t) {
    return pairwise.stream().filter(r -> of(t, r.dataset(), r.protocol())).toList();
  }

  public List<Rows.Prediction> predictions(Manifest.Task t, String learner) {
    return predictions.stream().filter(r -> of(t, r.dataset(), r.protocol()) && r.learner().equals(learner)).toList();
  }

  public List<Rows.Example> examples(Manifest.Task t) {
    return examples.stream().filter(r -> of(t, r.dataset(), r.protocol())).toList();
  }

  public List<Rows.Timing> timings(Manifest.Task t) {
    return timings.stream().filter(r -> of(t, r.dataset(), r.protocol())).toList();
  }

  public List<Rows.Tuning> tuning(Manifest.Task t) {
    return tuning.stream().filter(r -> of(t, r.dataset(), r.protocol())).toList();
  }
}
