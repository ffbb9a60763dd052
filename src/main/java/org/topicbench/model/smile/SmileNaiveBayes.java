package org.topicbench.model.smile;

import java.io.Serializable;
import java.util.SequencedMap;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.Prediction;
import org.topicbench.model.Preprocessing;
import org.topicbench.model.VectorClassifier;
import org.topicbench.model.VectorData;
import org.topicbench.model.VectorLearner;
import smile.classification.DiscreteNaiveBayes;
import smile.util.IntSet;
import smile.util.SparseArray;

/**
 * Smile's {@link DiscreteNaiveBayes} on term counts: the multinomial model or complement naive Bayes
 * (Rennie et al. 2003), with add-{@code smoothing} (Laplace by default). A sentence with no known
 * term carries no evidence, so it gets the training prior (Smile itself returns no class for it).
 */
public final class SmileNaiveBayes extends VectorLearner {
  /** The two event models offered. */
  public enum Variant {
    /** Multinomial naive Bayes. */
    MULTINOMIAL("smile.nb-multinomial", DiscreteNaiveBayes.Model.MULTINOMIAL),
    /** Complement naive Bayes. */
    COMPLEMENT("smile.nb-complement", DiscreteNaiveBayes.Model.CNB);

    private final String learnerName;
    private final DiscreteNaiveBayes.Model model;

    Variant(String learnerName, DiscreteNaiveBayes.Model model) {
      this.learnerName = learnerName;
      this.model = model;
    }
  }

  private final Variant variant;
  private final double smoothing;

  /** Defaults: counts of 1–2-grams, no selection, Laplace smoothing. */
  public SmileNaiveBayes(Variant variant) {
    this(variant, Preprocessing.of(FeatureConfig.COUNTS), 1.0);
  }

  public SmileNaiveBayes(Variant variant, Preprocessing preprocessing, double smoothing) {
    super(variant.learnerName, preprocessing, false);
    if (!(smoothing >= 0)) {
      throw new IllegalArgumentException("smoothing must be >= 0, got " + smoothing);
    }
    this.variant = variant;
    this.smoothing = smoothing;
  }

  /** The additive smoothing. */
  public double smoothing() {
    return smoothing;
  }

  @Override
  protected void describe(SequencedMap<String, String> out) {
    out.put("model", variant.model.name());
    out.put("smoothing", Double.toString(smoothing));
  }

  @Override
  protected VectorClassifier train(VectorData data, long seed) {
    int m = data.numClasses();
    DiscreteNaiveBayes nb = new DiscreteNaiveBayes(variant.model, m, Math.max(1, data.dimension()), smoothing, IntSet.of(m));
    SparseArray[] x = new SparseArray[data.size()];
    for (int i = 0; i < x.length; i++) {
      SparseVector v = data.x().get(i);
      for (double d : v.values()) {
        if (d != Math.rint(d) || d < 0) {
          throw new IllegalArgumentException(
              name() + " needs non-negative integer term counts (a counts feature config), got a feature value " + d);
        }
      }
      x[i] = SmileVectors.sparse(v);
    }
    nb.update(x, data.y());
    return new Classifier(nb, data.prior());
  }

  /** The fitted Smile model and the training prior (for sentences without a known term). */
  record Classifier(DiscreteNaiveBayes nb, double[] prior) implements VectorClassifier, Serializable {
    Classifier {
      if (nb == null || prior == null || prior.length < 2) {
        throw new IllegalArgumentException("a naive Bayes classifier needs a model and a prior of at least 2 classes");
      }
    }

    @Override
    public Prediction predict(SparseVector v) {
      if (v.size() == 0) {
        return new Prediction(argMax(prior), prior.clone());
      }
      double[] p = new double[prior.length];
      int label = nb.predict(SmileVectors.sparse(v), p);
      return new Prediction(label, p);
    }
  }

  static int argMax(double[] a) {
    int best = 0;
    for (int i = 1; i < a.length; i++) {
      if (a[i] > a[best]) {
        best = i;
      }
    }
    return best;
  }
}
