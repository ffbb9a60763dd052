package org.topicbench.model;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.topicbench.data.Seeds;

/**
 * Stacking (Wolpert, 1992): base learners' out-of-fold probabilities on inner folds of the training set
 * ({@link OutOfFold}: stratified, near-duplicates together) are the features of a meta-learner (a
 * logistic regression, {@link Stacking.MetaLearner}); the base learners are then fitted on the whole
 * training set, and a sentence's probabilities are the meta-learner's on the base models' probabilities.
 * Nothing outside the training set reaches either level. A base learner without probabilities contributes
 * its one-hot prediction. With fewer than two near-duplicate groups the meta-learner is replaced by the
 * mean of the base probabilities.
 *
 * <p>Seeds: inner folds from {@code Seeds.derive(seed, "stack-folds")}, base learner b's fit predicting
 * inner fold f {@code Seeds.derive(seed, "stack", b, f)}, its final fit {@code Seeds.derive(seed,
 * "stack-base", b)}.
 */
public final class StackedLearner implements Learner {
  private final String name;
  private final List<Learner> base;
  private final int folds;
  private final Stacking.MetaLearner meta;

  /**
   * @param name its name
   * @param base the base learners, at least 2
   * @param folds inner folds, at least 2
   * @param meta the meta-learner
   */
  public StackedLearner(String name, List<Learner> base, int folds, Stacking.MetaLearner meta) {
    if (base.size() < 2) {
      throw new IllegalArgumentException("a stack needs at least two base learners, got " + base.size());
    }
    if (folds < 2) {
      throw new IllegalArgumentException("stack folds must be >= 2, got " + folds);
    }
    this.name = name;
    this.base = List.copyOf(base);
    this.folds = folds;
    this.meta = meta;
  }

  @Override
  public String name() {
    return name;
  }

  /** It fits every base learner on inner folds: alone when any of them fits alone (the meta-learner's data is a few probabilities a sentence). */
  @Override
  public boolean fitsAlone() {
    return base.stream().anyMatch(Learner::fitsAlone);
  }

  /** The base learners, in order. */
  public List<Learner> base() {
    return base;
  }

  @Override
  public SequencedMap<String, String> hyperparameters() {
    SequencedMap<String, String> h = new LinkedHashMap<>();
    for (int b = 0; b < base.size(); b++) {
      h.put("base." + (b + 1), base.get(b).spec());
    }
    h.put("folds", Integer.toString(folds));
    h.put("meta", meta.describe());
    return h;
  }

  @Override
  public TrainedModel fit(TrainingSet train, long seed) {
    int k = train.labelNames().size();
    int n = train.size();
    OutOfFold.Plan plan = OutOfFold.plan(train, folds, Seeds.derive(seed, "stack-folds"));
    Stacking.Combiner combiner;
    if (plan.foldOf() == null) {
      combiner = new Mean(base.size(), k);
    } else {
      double[][] z = new double[n][base.size() * k];
      for (int b = 0; b < base.size(); b++) {
        int bb = b;
        OutOfFold.Predictions p = OutOfFold.predict(base.get(b), train, plan, f -> Seeds.derive(seed, "stack", bb, f));
        for (int i = 0; i < n; i++) {
          double[] row = p.probabilities()[i] != null ? p.probabilities()[i] : CalibratedLearner.oneHot(p.predicted()[i], k);
          System.arraycopy(row, 0, z[i], b * k, k);
        }
      }
      combiner = meta.fit(z, train.labels(), k);
    }
    List<TrainedModel> models = new ArrayList<>();
    for (int b = 0; b < base.size(); b++) {
      models.add(base.get(b).fit(train, Seeds.derive(seed, "stack-base", b)));
    }
    return new Model(train.labelNames(), models, combiner);
  }

  @Override
  public String toString() {
    return name;
  }

  /** The mean of the base probabilities (too little data for a meta-learner). */
  record Mean(int learners, int numLabels) implements Stacking.Combiner {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public double[] apply(double[] z) {
      double[] p = new double[numLabels];
      for (int i = 0; i < z.length; i++) {
        p[i % numLabels] += z[i] / learners;
      }
      return p;
    }
  }

  /** The base models and the fitted meta-learner. */
  public record Model(List<String> labelNames, List<TrainedModel> base, Stacking.Combiner combiner)
      implements TrainedModel, Serializable {
    @Serial private static final long serialVersionUID = 1L;

    public Model {
      labelNames = List.copyOf(labelNames);
      base = List.copyOf(base);
    }

    @Override
    public Prediction predict(String text) {
      return predictAll(List.of(text))[0];
    }

    @Override
    public Prediction[] predictAll(List<String> texts) {
      int k = labelNames.size();
      double[][] z = new double[texts.size()][base.size() * k];
      for (int b = 0; b < base.size(); b++) {
        Prediction[] p = base.get(b).predictAll(texts);
        for (int i = 0; i < p.length; i++) {
          double[] row = p[i].hasProbabilities() ? p[i].probabilities() : CalibratedLearner.oneHot(p[i].label(), k);
          System.arraycopy(row, 0, z[i], b * k, k);
        }
      }
      Prediction[] out = new Prediction[texts.size()];
      for (int i = 0; i < out.length; i++) {
        double[] q = combiner.apply(z[i]);
        int best = 0;
        for (int c = 1; c < k; c++) {
          if (q[c] > q[best]) {
            best = c;
          }
        }
        out[i] = new Prediction(best, q);
      }
      return out;
    }
  }
}
