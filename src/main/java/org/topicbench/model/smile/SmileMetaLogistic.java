package org.topicbench.model.smile;

import java.io.Serial;
import java.util.Arrays;
import java.util.Locale;
import org.topicbench.model.Stacking;
import smile.classification.LogisticRegression;

/**
 * The stacked learner's meta-learner: Smile's L2-penalised multinomial (binomial for two labels) logistic
 * regression on the concatenated base probabilities, L-BFGS. Labels without a training sentence get
 * probability 0; a training set of one label predicts it with probability 1.
 */
public final class SmileMetaLogistic implements Stacking.MetaLearner {
  private final double lambda;

  /** @param lambda the L2 penalty, >= 0 */
  public SmileMetaLogistic(double lambda) {
    this.lambda = lambda;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "smile logistic regression on the base probabilities, lambda %s", lambda);
  }

  @Override
  public Stacking.Combiner fit(double[][] z, int[] y, int numLabels) {
    int[] compact = new int[numLabels];
    Arrays.fill(compact, -1);
    int m = 0;
    int[] full = new int[numLabels];
    for (int c = 0; c < numLabels; c++) {
      for (int v : y) {
        if (v == c) {
          compact[c] = m;
          full[m++] = c;
          break;
        }
      }
    }
    if (m < 2) {
      return new Constant(numLabels, m == 0 ? 0 : full[0]);
    }
    int[] yc = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      yc[i] = compact[y[i]];
    }
    LogisticRegression model = LogisticRegression.fit(z, yc, new LogisticRegression.Options(lambda, 1e-5, 500));
    return new Fitted(model, Arrays.copyOf(full, m), numLabels);
  }

  /** One label, always. */
  record Constant(int numLabels, int label) implements Stacking.Combiner {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public double[] apply(double[] z) {
      double[] p = new double[numLabels];
      p[label] = 1;
      return p;
    }
  }

  /** The fitted regression over the labels {@code full} (compact index to label index). */
  record Fitted(LogisticRegression model, int[] full, int numLabels) implements Stacking.Combiner {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public double[] apply(double[] z) {
      double[] pc = new double[full.length];
      model.predict(z, pc);
      double[] p = new double[numLabels];
      for (int c = 0; c < full.length; c++) {
        p[full[c]] = pc[c];
      }
      return p;
    }
  }
}
