package org.topicbench.run;

import java.util.List;
import java.util.LinkedHashMap;

/**
 * {@code manifest.json}: what produced a run and how (results/FORMAT.md). No wall-clock time: it is part
 * of the deterministic files. JSON keys are the components' names in snake case, in this order.
 *
 * @param format {@value RunFormat#FORMAT}
 * @param runId the run id, a pure function of the experiment
 * @param topicbench the version and git commit that wrote it
 * @param seed the run seed
 * @param seedDerivation how each seed derives from it
 * @param bootstrap the intervals' bootstrap
 * @param significanceLevel alpha of every test
 * @param logLossEps the probability floor of log-loss
 * @param tasks every (dataset, protocol) of the run, in order
 * @param labels every task's labels, sorted: the {@code p_*} columns of predictions.csv
 * @param learners every learner, in order
 * @param ranking the ranking across tasks, or null when the run has fewer than two blocks or learners
 * @param libraries versions of the learner libraries
 * @param environment the JVM and machine
 * @param files the files of the run directory this manifest describes, under the names they have ({@code
 *     predictions.csv.gz} in the place of {@code predictions.csv} when it is compressed, {@link RunFormat#stored})
 */
public record Manifest(
    String format,
    String runId,
    Producer topicbench,
    long seed,
    LinkedHashMap<String, String> seedDerivation,
    Bootstrap bootstrap,
    double significanceLevel,
    double logLossEps,
    List<Task> tasks,
    List<String> labels,
    List<LearnerEntry> learners,
    RankingEntry ranking,
    LinkedHashMap<String, String> libraries,
    Environment environment,
    List<String> files) {

  /** The topicbench that wrote a run. */
  public record Producer(String version, String gitCommit) {}

  /** The bootstrap of the intervals. */
  public record Bootstrap(int resamples, double confidence, String unit, String percentile) {}

  /**
   * One task: a protocol on a dataset of the experiment.
   *
   * @param dataset the experiment's name for the dataset
   * @param protocol {@code kfold}, {@code loo-doc}, {@code split} or {@code pooled}
   * @param description e.g. {@code kfold 10x10 on sentences}
   * @param folds folds per repetition
   * @param repeats repetitions
   * @param grouping what folds keep together
   * @param foldSeeds the seed of each repetition's folds (repeated protocols; else empty)
   * @param files the data files: role ({@code data}, {@code train}, {@code test}), name, file, sha256, examples
   * @param labels the task's labels
   * @param sentencesScored sentences scored per repetition
   * @param nearDuplicates the near-duplicate clusters and what they cost
   * @param rankingMetric the metric that ranks learners and marks significant differences
   * @param rankingTest the test behind the marks
   * @param warnings messages about the data
   */
  public record Task(
      String dataset,
      String protocol,
      String description,
      int folds,
      int repeats,
      String grouping,
      List<Long> foldSeeds,
      List<DataFile> files,
      List<String> labels,
      int sentencesScored,
      NearDuplicates nearDuplicates,
      String rankingMetric,
      String rankingTest,
      List<String> warnings) {
    /** {@code dataset/protocol}. */
    public String key() {
      return dataset + "/" + protocol;
    }
  }

  /** A data file of a task. */
  public record DataFile(String role, String name, String file, String sha256, int examples) {}

  /** A task's near-duplicate clusters. */
  public record NearDuplicates(
      int multiMemberClusters,
      int sentencesInMultiMemberClusters,
      int purgedFromTraining,
      int testSentencesWithNearDuplicateInTraining) {}

  /**
   * A learner of the run.
   *
   * @param name its name in every file
   * @param spec the full spec that builds it again
   * @param hyperparameters every setting, as the learner describes them
   * @param tuning how it chose its settings, or null when it is not tuned
   */
  public record LearnerEntry(String name, String spec, LinkedHashMap<String, String> hyperparameters, Tuning tuning) {}

  /**
   * A tuned learner's nested cross-validation.
   *
   * @param folds inner folds
   * @param metric the inner metric
   * @param candidates each candidate's grid values
   */
  public record Tuning(int folds, String metric, List<String> candidates) {}

  /**
   * The ranking across tasks (Demsar 2006).
   *
   * @param by {@code dataset} or {@code task}
   * @param metric the ranked metric
   * @param alpha the significance level
   * @param control the control learner of the Holm comparisons
   * @param blocks the blocks, in order
   * @param friedman chi-squared, its degrees of freedom and p
   * @param imanDavenport F, its two degrees of freedom and p
   * @param nemenyi q and the critical difference
   */
  public record RankingEntry(
      String by,
      String metric,
      double alpha,
      String control,
      List<String> blocks,
      Friedman friedman,
      ImanDavenport imanDavenport,
      Nemenyi nemenyi) {}

  /** The Friedman test. */
  public record Friedman(double chi2, int df, double p) {}

  /** Iman and Davenport's F form of it. */
  public record ImanDavenport(double f, int df1, int df2, double p) {}

  /** The Nemenyi critical difference. */
  public record Nemenyi(double q, double criticalDifference) {}

  /** Where the run ran. */
  public record Environment(
      String javaVersion, String javaVendor, String javaVm, String os, String arch, int availableProcessors) {}

  /** The task {@code dataset/protocol}, or null. */
  public Task task(String key) {
    for (Task t : tasks) {
      if (t.key().equals(key)) {
        return t;
      }
    }
    return null;
  }

  /** The learner called {@code name}, or null. */
  public LearnerEntry learner(String name) {
    for (LearnerEntry l : learners) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    return null;
  }

  /** Learner names, in order. */
  public List<String> learnerNames() {
    return learners.stream().map(LearnerEntry::name).toList();
  }
}
