package org.topicbench.model;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.topicbench.data.Seeds;

/**
 * A learner whose probabilities are calibrated ({@link Calibration}) on out-of-fold probabilities of its own
 * training data: inner folds inside the training set it is given ({@link OutOfFold}: stratified,
 * near-duplicates together), the inner learner fitted on all folds but one and predicting that one, a
 * calibration map fitted on the pooled predictions, and the inner learner fitted once more on the whole
 * training set (scikit-learn's {@code CalibratedClassifierCV(ensemble=False)}). Nothing outside the
 * training set reaches the map. A learner without probabilities is calibrated from its one-hot
 * predictions. The predicted label is the most probable after calibration (ties to the lower index).
 *
 * <p>Seeds: inner folds from {@code Seeds.derive(seed, "calibration-folds")}, the fit predicting inner
 * fold f {@code Seeds.derive(seed, "calibration", f)}, the final fit the seed itself, so the calibrated
 * model's inner model is exactly the uncalibrated learner's. With fewer than two near-duplicate groups
 * the map is the identity.
 */
public final class CalibratedLearner implements Learner {
  private final Learner inner;
  private final Calibration.Method method;
  private final int folds;
  private final boolean balanced;

  /**
   * @param inner the learner calibrated
   * @param method the calibration method, not {@code NONE}
   * @param folds inner folds, at least 2
   * @param balanced whether the inner learner weighs examples by {@link ClassWeights#BALANCED} (the
   *     calibration then weighs them the same way)
   */
  public CalibratedLearner(Learner inner, Calibration.Method method, int folds, boolean balanced) {
    if (method == Calibration.Method.NONE) {
      throw new IllegalArgumentException("a calibrated learner needs a method");
    }
    if (folds < 2) {
      throw new IllegalArgumentException("calibration folds must be >= 2, got " + folds);
    }
    this.inner = inner;
    this.method = method;
    this.folds = folds;
    this.balanced = balanced;
  }

  @Override
  public String name() {
    return inner.name();
  }

  /** Its fits are the inner learner's (on inner folds and on the whole set), so as the inner learner. */
  @Override
  public boolean fitsAlone() {
    return inner.fitsAlone();
  }

  @Override
  public String spec() {
    return inner.spec() + " calibration=" + method.id() + " calibration.folds=" + folds;
  }

  /** Whether the calibration weighs examples by balanced class weights. */
  public boolean balanced() {
    return balanced;
  }

  /** The learner calibrated. */
  public Learner inner() {
    return inner;
  }

  @Override
  public SequencedMap<String, String> hyperparameters() {
    SequencedMap<String, String> h = new LinkedHashMap<>(inner.hyperparameters());
    h.put("calibration", method.id());
    h.put("calibration.folds", Integer.toString(folds));
    return h;
  }

  @Override
  public TrainedModel fit(TrainingSet train, long seed) {
    int numLabels = train.labelNames().size();
    OutOfFold.Plan plan = OutOfFold.plan(train, folds, Seeds.derive(seed, "calibration-folds"));
    Calibration.Calibrator map = new Calibration.Identity();
    if (plan.foldOf() != null) {
      OutOfFold.Predictions oof = OutOfFold.predict(inner, train, plan, f -> Seeds.derive(seed, "calibration", f));
      double[][] p = new double[train.size()][];
      for (int i = 0; i < p.length; i++) {
        p[i] = oof.probabilities()[i] != null ? oof.probabilities()[i] : oneHot(oof.predicted()[i], numLabels);
      }
      map = Calibration.fit(method, p, train.labels(), weights(train.labels(), numLabels), numLabels);
    }
    return new Model(inner.fit(train, seed), map);
  }

  /** Per example its weight: 1, or balanced by class as {@link ClassWeights#BALANCED} defines it. */
  private double[] weights(int[] y, int numLabels) {
    double[] w = new double[y.length];
    java.util.Arrays.fill(w, 1);
    if (balanced) {
      int[] count = new int[numLabels];
      for (int v : y) {
        count[v]++;
      }
      int present = 0;
      for (int c : count) {
        present += c > 0 ? 1 : 0;
      }
      for (int i = 0; i < y.length; i++) {
        w[i] = (double) y.length / (present * count[y[i]]);
      }
    }
    return w;
  }

  static double[] oneHot(int label, int numLabels) {
    double[] p = new double[numLabels];
    p[label] = 1;
    return p;
  }

  @Override
  public String toString() {
    return name();
  }

  /** A trained model with its calibration map. */
  public record Model(TrainedModel inner, Calibration.Calibrator calibrator) implements TrainedModel, Serializable {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public List<String> labelNames() {
      return inner.labelNames();
    }

    @Override
    public Prediction predict(String text) {
      return calibrate(inner.predict(text));
    }

    @Override
    public Prediction[] predictAll(List<String> texts) {
      Prediction[] p = inner.predictAll(texts);
      for (int i = 0; i < p.length; i++) {
        p[i] = calibrate(p[i]);
      }
      return p;
    }

    private Prediction calibrate(Prediction p) {
      if (calibrator instanceof Calibration.Identity) {
        return p;
      }
      int k = inner.labelNames().size();
      double[] q = calibrator.apply(p.hasProbabilities() ? p.probabilities() : oneHot(p.label(), k));
      int best = 0;
      for (int c = 1; c < q.length; c++) {
        if (q[c] > q[best]) {
          best = c;
        }
      }
      return new Prediction(best, q);
    }
  }
}
