package org.topicbench.model.smile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.Prediction;
import org.topicbench.model.Preprocessing;
import org.topicbench.model.VectorClassifier;
import org.topicbench.model.VectorData;
import org.topicbench.model.VectorLearner;
import smile.classification.LogisticRegression;
import smile.classification.SparseLogisticRegression;
import smile.data.SampleInstance;
import smile.data.SparseDataset;
import smile.util.SparseArray;

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

  @Override
  protected VectorClassifier train(VectorData data, long seed) {
    List<SampleInstance<SparseArray, Integer>> rows = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      rows.add(new SampleInstance<>(SmileVectors.sparse(data.x().get(i)), data.y()[i]));
    }
    SparseLogisticRegression model =
        SparseLogisticRegression.fit(new SparseDataset<>(rows, Math.max(1, data.dimension())), options);
    return new Classifier(model, data.numClasses());
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
      int label = model.predict(SmileVectors.sparse(v), p);
      return new Prediction(label, p);
    }
  }
}
