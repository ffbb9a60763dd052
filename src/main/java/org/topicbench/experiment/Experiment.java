package org.topicbench.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.topicbench.data.Dataset;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.Protocol;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.eval.RankingSpec;
import org.topicbench.model.Learner;

/**
 * An experiment as data: datasets x protocols x learners on shared folds, the seed and the ranking
 * (mlr3's "benchmark design"), read from a YAML file by {@link ExperimentFile}.
 *
 * @param file the file it was read from
 * @param seed the run seed
 * @param bootstrap bootstrap resamples of the intervals
 * @param ranking how learners are ranked across datasets
 * @param datasets the datasets with their protocols, in order
 * @param learners the learners (grids expanded, tuned learners as one each), in order
 */
public record Experiment(
    Path file, long seed, int bootstrap, RankingSpec ranking, List<DatasetEntry> datasets, List<Learner> learners) {

  /**
   * One dataset of the experiment.
   *
   * @param name its name in every result file
   * @param data the (training) data
   * @param test the test data of {@code split} and the second dataset of {@code pooled}, or null
   * @param protocols what runs on it
   * @param folds k of kfold and pooled
   * @param repeats repetitions of kfold and pooled
   */
  public record DatasetEntry(String name, Dataset data, Dataset test, List<Protocol> protocols, int folds, int repeats) {
    /** Its tasks, in the order of its protocols. */
    public List<ProtocolSpec> tasks() {
      List<ProtocolSpec> out = new ArrayList<>();
      for (Protocol p : protocols) {
        out.add(switch (p) {
          case KFOLD -> ProtocolSpec.kfold(name, data, folds, repeats);
          case LOO_DOC -> ProtocolSpec.looDoc(name, data);
          case SPLIT -> ProtocolSpec.split(name, data, test);
          case POOLED -> ProtocolSpec.pooled(name, List.of(data, test), folds, repeats);
        });
      }
      return out;
    }
  }

  /** Every task, dataset by dataset. */
  public List<ProtocolSpec> tasks() {
    List<ProtocolSpec> out = new ArrayList<>();
    datasets.forEach(d -> out.addAll(d.tasks()));
    return out;
  }

  /** The evaluation it describes, run on {@code threads} threads. */
  public EvaluationSpec spec(int threads) {
    return new EvaluationSpec(tasks(), learners, seed, bootstrap, threads, ranking);
  }

  /** The same experiment with only these learners (a control among the others is dropped). */
  public Experiment withLearners(List<Learner> only) {
    String control = ranking.control();
    boolean kept = control == null || only.stream().anyMatch(l -> l.name().equals(control));
    RankingSpec r = kept ? ranking : new RankingSpec(ranking.by(), ranking.metric(), null, ranking.alpha());
    return new Experiment(file, seed, bootstrap, r, datasets, only);
  }
}
