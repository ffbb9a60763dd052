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
import smile.classification.ClassLabels;
import smile.classification.LogisticRegression;
import smile.classification.SparseLogisticRegression;
import smile.math.BFGS;
import smile.math.MathEx;

/**
 * Smile's {@link SparseLogisticRegression}: multinomial (binomial for two classes) logistic regression
 * with an L2 penalty {@code lambda/2 * |w|^2} on the summed log-loss, fitted by L-BFGS, on sparse
 * tf-idf vectors. Smile's sparse solver takes no example weights, so class weighting is unsupported.
 */
public final class SmileLogisticRegression extends VectorLearner {
  private final LogisticRegression.Options options;

  /**
   * Defaults: L2-normalised tf-idf 1–2-grams, lambda 0.01, tolerance 1e-4, at most 200 iterations. Lambda
   * was chosen on the five articles alone (kfold 10x10 pooled macro-F1 with the TF-IDF features: lambda 1
   * 0.357, 0.1 0.451, 0.01 0.477; loo-doc 0.325, 0.414, 0.423), never on external-dev.
   */
  public SmileLogisticRegression() {
    this(Preprocessing.of(FeatureConfig.DEFAULT).withL2Normalize(true), new LogisticRegression.Options(0.01, 1e-4, 200));
  }

  public SmileLogisticRegression(Preprocessing preprocessing, LogisticRegression.Options options) {
    super("smile.logistic", preprocessing, false);
    this.options = options;
  }

  /** Smile's options: lambda, tolerance, iterations. */
  public LogisticRegression.Options options() {
    return options;
  }

  @Override
  protected void describe(SequencedMap<String, String> out) {
    out.put("lambda", Double.toString(options.lambda()));
    out.put("tolerance", Double.toString(options.tol()));
    out.put("max_iterations", Integer.toString(options.maxIter()));
  }

  /**
   * L-BFGS keeps 17 arrays of the (k - 1)(p + 1) weights (2.2 GB at 500,000 training sentences of the
   * synthetic corpus, 5.3M features), and the objective runs on every core: one fold at a time.
   */
  @Override
  public boolean fitsAlone() {
    return true;
  }

  @Override
  protected VectorClassifier train(VectorData data, long seed) {
    return new Classifier(fit(data, options), data.numClasses());
  }

  /**
   * What {@code SparseLogisticRegression.fit(new SparseDataset<>(rows, max(1, dimension)), options)}
   * returns, to the bit (the same objective, L-BFGS call and model), in memory that grows with the
   * non-zeros rather than with sentences times features: see {@link LogisticObjective}. The vectors are
   * read in place, not copied into Smile's sparse arrays.
   */
  static SparseLogisticRegression fit(VectorData data, LogisticRegression.Options options) {
    int n = data.size();
    int p = Math.max(1, data.dimension());
    ClassLabels codec = ClassLabels.fit(data.y());
    int[][] index = new int[n][];
    double[][] value = new double[n][];
    for (int i = 0; i < n; i++) {
      index[i] = data.x().get(i).indices();
      value[i] = data.x().get(i).values();
    }
    if (codec.k == 2) {
      double[] w = new double[p + 1];
      var objective = new LogisticObjective.Binomial(index, value, codec.y, p, options.lambda());
      double L = -BFGS.minimize(objective, 5, w, options.tol(), options.maxIter());
      var model = new SparseLogisticRegression.Binomial(w, L, options.lambda(), codec.classes);
      model.setLearningRate(0.1 / n);
      return model;
    }
    if (codec.k < 2) {
      throw new IllegalArgumentException("Fits multinomial model on binary class data.");
    }
    int k = codec.k;
    double[] w = new double[(k - 1) * (p + 1)];
    var objective = new LogisticObjective.Multinomial(index, value, codec.y, k, p, options.lambda());
    double L = -BFGS.minimize(objective, 5, w, options.tol(), options.maxIter());
    double[][] weights = new double[k - 1][p + 1];
    for (int i = 0, l = 0; i < k - 1; i++) {
      for (int j = 0; j <= p; j++, l++) {
        weights[i][j] = w[l];
      }
    }
    var model = new SparseLogisticRegression.Multinomial(weights, L, options.lambda(), codec.classes);
    model.setLearningRate(0.1 / n);
    return model;
  }

  /** The fitted Smile model and the number of classes. */
  record Classifier(SparseLogisticRegression model, int m) implements VectorClassifier, Serializable {
    Classifier {
      if (model == null || m < 2) {
        throw new IllegalArgumentException("a logistic classifier needs a model and m >= 2");
      }
    }

    @Override
    public Prediction predict(SparseVector v) {
      double[] p = new double[m];
      int label = SmileLogisticRegression.predict(model, v, p);
      return new Prediction(label, p);
    }
  }

  /**
   * {@code model.predict(SmileVectors.sparse(v), posteriori)} to the bit, without building Smile's sparse
   * array: the same dot products (bias first, then the entries in index order), Smile's own softmax and
   * arg-max (SmileLogisticRegressionTest compares the two).
   */
  static int predict(SparseLogisticRegression model, SparseVector v, double[] posteriori) {
    int[] idx = v.indices();
    double[] val = v.values();
    if (model instanceof SparseLogisticRegression.Multinomial mm) {
      double[][] w = mm.coefficients();
      int k = w.length + 1;
      if (posteriori.length != k) {
        throw new IllegalArgumentException("Invalid posteriori vector size: " + posteriori.length + ", expected: " + k);
      }
      posteriori[k - 1] = 0.0;
      for (int i = 0; i < k - 1; i++) {
        posteriori[i] = dot(w[i], idx, val);
      }
      MathEx.softmax(posteriori);
      return model.classes()[MathEx.whichMax(posteriori)];
    }
    if (model instanceof SparseLogisticRegression.Binomial bm) {
      double[] w = bm.coefficients();
      if (posteriori.length != 2) {
        throw new IllegalArgumentException("Invalid posteriori vector size: " + posteriori.length + ", expected: 2");
      }
      double f = 1.0 / (1.0 + Math.exp(-dot(w, idx, val)));
      posteriori[0] = 1.0 - f;
      posteriori[1] = f;
      return model.classes()[f < 0.5 ? 0 : 1];
    }
    return model.predict(SmileVectors.sparse(v), posteriori);
  }

  /** Smile's {@code dot(x, w)}: the bias (last weight), then each entry in index order; zeros skipped, as Smile's sparse array holds none. */
  private static double dot(double[] w, int[] idx, double[] val) {
    double dot = w[w.length - 1];
    for (int j = 0; j < idx.length; j++) {
      if (val[j] != 0.0) {
        dot += val[j] * w[idx[j]];
      }
    }
    return dot;
  }
}
