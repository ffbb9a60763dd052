package org.topicbench.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.model.Learner;

/**
 * What to evaluate: one or more protocols, the learners, and the seed every random choice derives from.
 *
 * @param protocols protocols, run and reported in this order
 * @param learners learners, reported in this order (ties in rankings too)
 * @param seed the run seed (folds, learner seeds, bootstrap)
 * @param bootstrapResamples resamples of the 95% bootstrap intervals; 0 for none
 * @param threads worker threads; results do not depend on it
 * @param ranking how learners are ranked across tasks, when there are two or more blocks
 */
public record EvaluationSpec(
    List<ProtocolSpec> protocols,
    List<Learner> learners,
    long seed,
    int bootstrapResamples,
    int threads,
    RankingSpec ranking) {
  /** The default run seed. */
  public static final long DEFAULT_SEED = 2022;
  /** The default number of bootstrap resamples. */
  public static final int DEFAULT_BOOTSTRAP = 1000;

  public EvaluationSpec {
    protocols = List.copyOf(protocols);
    learners = List.copyOf(learners);
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("protocols must not be empty");
    }
    if (learners.isEmpty()) {
      throw new IllegalArgumentException("learners must not be empty");
    }
    Set<String> names = new LinkedHashSet<>();
    for (Learner l : learners) {
      if (!names.add(l.name())) {
        throw new IllegalArgumentException("learners must have distinct names, got '" + l.name() + "' twice");
      }
    }
    if (bootstrapResamples < 0) {
      throw new IllegalArgumentException("bootstrapResamples must be >= 0, got " + bootstrapResamples);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    Set<String> tasks = new LinkedHashSet<>();
    for (ProtocolSpec p : protocols) {
      if (!tasks.add(p.key())) {
        throw new IllegalArgumentException("tasks must be distinct, got " + p.key() + " twice");
      }
    }
    if (ranking == null) {
      throw new IllegalArgumentException("ranking must not be null");
    }
    if (ranking.control() != null && !names.contains(ranking.control())) {
      throw new IllegalArgumentException("the ranking's control learner '" + ranking.control() + "' is not one of the"
          + " learners");
    }
  }

  /** A spec ranked the default way ({@link RankingSpec#DEFAULT}). */
  public EvaluationSpec(List<ProtocolSpec> protocols, List<Learner> learners, long seed, int bootstrapResamples,
      int threads) {
    this(protocols, learners, seed, bootstrapResamples, threads, RankingSpec.DEFAULT);
  }

  /** A spec with the default seed, bootstrap and one thread per available processor. */
  public static EvaluationSpec of(List<ProtocolSpec> protocols, List<Learner> learners) {
    return new EvaluationSpec(
        protocols, learners, DEFAULT_SEED, DEFAULT_BOOTSTRAP, Runtime.getRuntime().availableProcessors());
  }

  /** The same spec with another seed. */
  public EvaluationSpec withSeed(long newSeed) {
    return new EvaluationSpec(protocols, learners, newSeed, bootstrapResamples, threads, ranking);
  }

  /** The same spec with another number of threads. */
  public EvaluationSpec withThreads(int newThreads) {
    return new EvaluationSpec(protocols, learners, seed, bootstrapResamples, newThreads, ranking);
  }

  /**
   * The default evaluation on the given datasets: {@code kfold} 10x10 and {@code loo-doc} on
   * {@code train}, then {@code split} training on {@code train} and testing on {@code test}.
   */
  public static List<ProtocolSpec> defaultProtocols(Dataset train, Dataset test) {
    return defaultProtocols(train, test, ProtocolSpec.DEFAULT_FOLDS, ProtocolSpec.DEFAULT_REPEATS);
  }

  /** {@link #defaultProtocols(Dataset, Dataset)} with another k and number of repetitions for kfold. */
  public static List<ProtocolSpec> defaultProtocols(Dataset train, Dataset test, int folds, int repeats) {
    return List.of(ProtocolSpec.kfold(DEFAULT_DATASET, train, folds, repeats), ProtocolSpec.looDoc(DEFAULT_DATASET, train),
        ProtocolSpec.split(DEFAULT_DATASET, train, test));
  }

  /** The name of the bundled dataset in results (experiments/default.yaml names it so). */
  public static final String DEFAULT_DATASET = "articles";

  /**
   * The default evaluation, as {@code topicbench evaluate} without options runs it: {@code learners} under
   * {@link #defaultProtocols} on the bundled {@code datasets/sentences.csv} and
   * {@code datasets/external-dev.csv} (read relative to the working directory), default seed and bootstrap.
   *
   * @throws org.topicbench.data.InputException when a bundled dataset cannot be read
   */
  public static EvaluationSpec defaults(List<Learner> learners) {
    Dataset train = Datasets.read(Datasets.SENTENCES);
    Dataset test = Datasets.read(Datasets.EXTERNAL_DEV);
    return of(defaultProtocols(train, test), learners);
  }

  /**
   * A run id that is a pure function of the spec (threads excluded):
   * {@code <protocols>_<datasets>_seed<seed>_<8 hex digits>}, e.g.
   * {@code kfold+loo-doc+split_articles_seed2022_1a2b3c4d}; the hex digits are the start of the SHA-256 of
   * the tasks (dataset name, protocol, folds, repeats, the files' names and sha256), the learners' names,
   * specs and hyperparameters, the ranking, the seed and the bootstrap size.
   */
  public String runId() {
    Set<String> protos = new LinkedHashSet<>();
    Set<String> data = new LinkedHashSet<>();
    StringBuilder canon = new StringBuilder();
    for (ProtocolSpec p : protocols) {
      protos.add(p.protocol().id());
      data.add(p.dataset());
      canon.append(p.dataset()).append('|').append(p.protocol().id()).append('|').append(p.folds()).append('|')
          .append(p.repeats());
      for (Dataset d : p.datasets()) {
        canon.append('|').append(d.name()).append('=').append(d.sha256());
      }
      canon.append('\n');
    }
    for (Learner l : learners) {
      canon.append(l.name()).append('|').append(l.spec());
      for (Map.Entry<String, String> h : l.hyperparameters().entrySet()) {
        canon.append('|').append(h.getKey()).append('=').append(h.getValue());
      }
      canon.append('\n');
    }
    canon.append(ranking.by().id()).append('|').append(ranking.metric()).append('|').append(ranking.control())
        .append('|').append(ranking.alpha()).append('\n');
    canon.append(seed).append('|').append(bootstrapResamples);
    String hash;
    try {
      hash =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(canon.toString().getBytes(StandardCharsets.UTF_8)))
              .substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<String> parts = new ArrayList<>();
    parts.add(String.join("+", protos));
    parts.add(String.join("+", data).replaceAll("[^A-Za-z0-9._+-]", "_"));
    parts.add("seed" + seed);
    parts.add(hash);
    return String.join("_", parts);
  }
}
