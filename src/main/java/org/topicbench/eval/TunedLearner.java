package org.topicbench.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.topicbench.data.Seeds;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerSpecs;
import org.topicbench.model.OutOfFold;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;

/**
 * A learner that chooses its settings by nested cross-validation: given a training set (an outer training
 * fold), it splits it into inner folds (stratified, near-duplicates kept together, as the outer kfold
 * does), scores every candidate of its grid on the inner folds' pooled out-of-fold predictions with the
 * named metric, chooses the best (ties to the first in grid order), and fits that one on the whole
 * training set. It sees only the training set it is given, so no outer test sentence reaches the choice;
 * the evaluation scores only the outer test fold. The choice of every fit is its model's {@link
 * Model#tuning()}, which the evaluation writes to {@code tuning.csv}.
 *
 * <p>Seeds: inner folds from {@code Seeds.derive(seed, "inner-folds")}, each inner fit {@code
 * Seeds.derive(seed, "tune", candidate, inner fold)}, the final fit the seed itself (so a grid of one is
 * its candidate).
 */
public final class TunedLearner implements Learner {
  /** The metrics a learner can be tuned on. */
  public static final List<String> METRICS = RankingSpec.METRICS;

  private final String name;
  private final String spec;
  private final List<LearnerSpecs.Candidate> candidates;
  private final int folds;
  private final String metric;

  /**
   * @param name the tuned learner's name
   * @param spec the grid spec it was made from
   * @param candidates the grid
   * @param folds inner folds, at least 2
   * @param metric one of {@link #METRICS}
   */
  public TunedLearner(String name, String spec, List<LearnerSpecs.Candidate> candidates, int folds, String metric) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("a tuned learner needs at least one candidate");
    }
    if (folds < 2) {
      throw new IllegalArgumentException("inner folds must be >= 2, got " + folds);
    }
    if (!METRICS.contains(metric)) {
      throw new IllegalArgumentException("metric must be one of " + String.join(", ", METRICS) + ", got '" + metric + "'");
    }
    this.name = name;
    this.spec = spec;
    this.candidates = List.copyOf(candidates);
    this.folds = folds;
    this.metric = metric;
  }

  @Override
  public String name() {
    return name;
  }

  /** It fits every candidate: alone when any candidate fits alone. */
  @Override
  public boolean fitsAlone() {
    return candidates.stream().anyMatch(c -> c.learner().fitsAlone());
  }

  /** The grid spec it tunes over. */
  @Override
  public String spec() {
    return spec;
  }

  /** Inner folds. */
  public int folds() {
    return folds;
  }

  /** The inner metric. */
  public String metric() {
    return metric;
  }

  /** Each candidate's grid values, in grid order. */
  public List<String> candidateValues() {
    return candidates.stream().map(LearnerSpecs.Candidate::values).toList();
  }

  /** The grid. */
  public List<LearnerSpecs.Candidate> candidates() {
    return candidates;
  }

  @Override
  public SequencedMap<String, String> hyperparameters() {
    SequencedMap<String, String> h = new LinkedHashMap<>();
    h.put("tuning", "nested cross-validation: " + folds + " inner folds (stratified, near-duplicates together), "
        + metric + " of the pooled out-of-fold predictions, ties to the first candidate");
    h.put("grid", String.join(" | ", candidateValues()));
    candidates.getFirst().learner().hyperparameters().forEach((k, v) -> h.put("first." + k, v));
    return h;
  }

  @Override
  public TrainedModel fit(TrainingSet train, long seed) {
    TuningRecord record = choose(train, seed);
    TrainedModel model = candidates.get(record.chosen()).learner().fit(train, seed);
    return new Model(model, record);
  }

  /** Scores every candidate on inner folds of {@code train} and picks one. */
  TuningRecord choose(TrainingSet train, long seed) {
    int numLabels = train.labelNames().size();
    double[] scores = new double[candidates.size()];
    java.util.Arrays.fill(scores, Double.NaN);
    if (candidates.size() == 1) {
      return new TuningRecord(metric, candidateValues(), scores, 0);
    }
    OutOfFold.Plan plan = OutOfFold.plan(train, folds, Seeds.derive(seed, "inner-folds"));
    if (plan.foldOf() == null) {
      return new TuningRecord(metric, candidateValues(), scores, 0);
    }
    for (int c = 0; c < candidates.size(); c++) {
      int cc = c;
      OutOfFold.Predictions oof = OutOfFold.predict(candidates.get(c).learner(), train, plan,
          f -> Seeds.derive(seed, "tune", cc, f));
      int[] predicted = oof.predicted();
      double[][] probabilities = oof.probabilities();
      Scores s = Metrics.score(train.labels(), predicted, probabilities, numLabels);
      scores[c] = switch (metric) {
        case "accuracy" -> s.accuracy();
        case "kappa" -> s.kappa();
        case "log_loss" -> s.logLoss();
        default -> s.macroF1();
      };
    }
    int best = 0;
    for (int c = 1; c < scores.length; c++) {
      if (better(scores[c], scores[best])) {
        best = c;
      }
    }
    return new TuningRecord(metric, candidateValues(), scores, best);
  }

  /** Whether score {@code a} beats {@code b} (strictly; NaN never beats, everything beats NaN). */
  private boolean better(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    if (Double.isNaN(b)) {
      return true;
    }
    return metric.equals("log_loss") ? a < b : a > b;
  }

  /** The chosen candidate's model, with the choice. */
  public static final class Model implements TrainedModel {
    private final TrainedModel chosen;
    private final TuningRecord tuning;

    Model(TrainedModel chosen, TuningRecord tuning) {
      this.chosen = chosen;
      this.tuning = tuning;
    }

    /** What was chosen, and how each candidate scored. */
    public TuningRecord tuning() {
      return tuning;
    }

    @Override
    public List<String> labelNames() {
      return chosen.labelNames();
    }

    @Override
    public Prediction predict(String text) {
      return chosen.predict(text);
    }

    @Override
    public Prediction[] predictAll(List<String> texts) {
      return chosen.predictAll(texts);
    }
  }
}
