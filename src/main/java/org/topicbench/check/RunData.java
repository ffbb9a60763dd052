package org.topicbench.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * What {@code topicbench check} compares, read from a run directory ({@code results/FORMAT.md}) by
 * {@link RunReader}: the manifest's experiment (seed, protocols, datasets, learners), each learner's
 * tracked figures per protocol, and every out-of-fold prediction.
 *
 * @param dir the directory it was read from
 * @param runId the manifest's {@code run_id}
 * @param gitCommit the commit that produced it, or {@code unknown}
 * @param seed the run seed
 * @param protocols per protocol, in the manifest's order
 * @param learners in the manifest's order
 * @param figures per (protocol, learner), from summary.csv and per-class.csv
 * @param predictions per (protocol, learner), every prediction by (repetition, dataset, id), in file order
 */
public record RunData(
    Path dir,
    String runId,
    String gitCommit,
    long seed,
    List<ProtocolInfo> protocols,
    List<LearnerInfo> learners,
    Map<Key, Figures> figures,
    Map<Key, SequencedMap<Slot, Outcome>> predictions) {

  public RunData {
    protocols = List.copyOf(protocols);
    learners = List.copyOf(learners);
    figures = Map.copyOf(figures);
    predictions = Map.copyOf(predictions);
  }

  /** A (protocol, learner) pair, the key of every per-learner result. */
  public record Key(String protocol, String learner) {}

  /** Where a prediction sits: the repetition and the sentence (dataset name and id). */
  public record Slot(int repetition, String dataset, String id) {}

  /** A prediction and the true label. */
  public record Outcome(String truth, String predicted) {
    public boolean correct() {
      return truth.equals(predicted);
    }
  }

  /** A dataset a protocol used, as the manifest records it. */
  public record DatasetInfo(String role, String name, String file, String sha256, int examples) {}

  /** A protocol's settings and data, as the manifest records them. */
  public record ProtocolInfo(
      String id, String description, int folds, int repeats, List<DatasetInfo> datasets, List<String> labels) {
    public ProtocolInfo {
      datasets = List.copyOf(datasets);
      labels = List.copyOf(labels);
    }
  }

  /** A learner and its hyperparameters, as the manifest records them. */
  public record LearnerInfo(String name, SequencedMap<String, String> hyperparameters) {}

  /**
   * One learner's tracked figures under one protocol, as written (6 decimals).
   *
   * @param repetitions repetitions of the protocol
   * @param sentences sentences scored per repetition
   * @param accuracy {@code accuracy_mean}
   * @param macroF1 {@code macro_f1_pooled_mean}
   * @param f1 per label, {@code f1_mean}, in per-class.csv's order
   */
  public record Figures(int repetitions, int sentences, double accuracy, double macroF1, SequencedMap<String, Double> f1) {}

  /** The protocol with id {@code id}, or null. */
  public ProtocolInfo protocol(String id) {
    for (ProtocolInfo p : protocols) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    return null;
  }

  /** The learner called {@code name}, or null. */
  public LearnerInfo learner(String name) {
    for (LearnerInfo l : learners) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    return null;
  }

  /** The learners' names, in order. */
  public List<String> learnerNames() {
    return learners.stream().map(LearnerInfo::name).toList();
  }
}
