package org.topicbench.model.smile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.VectorData;
import org.topicbench.testsupport.Cli;
import smile.classification.LogisticRegression;
import smile.classification.SparseLogisticRegression;
import smile.data.SampleInstance;
import smile.data.SparseDataset;
import smile.util.SparseArray;

/**
 * {@link SmileLogisticRegression#fit} against Smile's own {@code SparseLogisticRegression.fit} (what
 * {@code smile.logistic} called before): the same weights, log-likelihood and probabilities to the bit,
 * on random sparse data of two and of several classes, below and above Smile's partition of 1000
 * sentences, with and without the penalty, with empty vectors and unused features.
 */
class SmileLogisticRegressionTest {
  @Test
  void fitsTheWeightsSmileFits() {
    Random rnd = new Random(Cli.seed("SmileLogisticRegressionTest.fitsTheWeightsSmileFits"));
    int[][] shapes = {{2, 40}, {3, 40}, {5, 300}, {2, 2500}, {4, 2500}, {3, 1000}, {2, 1001}, {3, 9500}};
    for (int[] shape : shapes) {
      int k = shape[0];
      int n = shape[1];
      VectorData data = random(rnd, k, n);
      double lambda = rnd.nextBoolean() ? 0.01 : rnd.nextInt(3) == 0 ? 0.0 : 1.0;
      var options = new LogisticRegression.Options(lambda, 1e-4, 30 + rnd.nextInt(40));
      String where = "k " + k + " n " + n + " p " + data.dimension() + " lambda " + lambda;
      SparseLogisticRegression smile = smileFit(data, options);
      SparseLogisticRegression ours = SmileLogisticRegression.fit(data, options);
      assertEquals(smile.loglikelihood(), ours.loglikelihood(), 0.0, where);
      assertEquals(smile.getLearningRate(), ours.getLearningRate(), 0.0, where);
      if (k == 2) {
        assertArrayEquals(((SparseLogisticRegression.Binomial) smile).coefficients(),
            ((SparseLogisticRegression.Binomial) ours).coefficients(), 0.0, where);
      } else {
        double[][] a = ((SparseLogisticRegression.Multinomial) smile).coefficients();
        double[][] b = ((SparseLogisticRegression.Multinomial) ours).coefficients();
        assertEquals(a.length, b.length, where);
        for (int i = 0; i < a.length; i++) {
          assertArrayEquals(a[i], b[i], 0.0, where + " class " + i);
        }
      }
      for (int i = 0; i < Math.min(n, 50); i++) {
        SparseArray x = SmileVectors.sparse(data.x().get(i));
        double[] pa = new double[k];
        double[] pb = new double[k];
        assertEquals(smile.predict(x, pa), ours.predict(x, pb), where);
        assertArrayEquals(pa, pb, 0.0, where);
        // what Classifier.predict runs: the same without Smile's sparse array
        double[] pc = new double[k];
        assertEquals(smile.predict(x, pa), SmileLogisticRegression.predict(ours, data.x().get(i), pc), where);
        assertArrayEquals(pa, pc, 0.0, where);
      }
      // a stored zero (Smile's array drops it) and the bias alone
      SparseVector zeros = new SparseVector(new int[] {0, 1}, new double[] {0.0, -0.0});
      double[] pa = new double[k];
      double[] pc = new double[k];
      assertEquals(smile.predict(SmileVectors.sparse(zeros), pa), SmileLogisticRegression.predict(ours, zeros, pc), where);
      assertArrayEquals(pa, pc, 0.0, where);
    }
  }

  private static SparseLogisticRegression smileFit(VectorData data, LogisticRegression.Options options) {
    List<SampleInstance<SparseArray, Integer>> rows = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      rows.add(new SampleInstance<>(SmileVectors.sparse(data.x().get(i)), data.y()[i]));
    }
    return SparseLogisticRegression.fit(new SparseDataset<>(rows, Math.max(1, data.dimension())), options);
  }

  /** Labels 0..k-1 all present; each class leans on its own features; some vectors empty. */
  private static VectorData random(Random rnd, int k, int n) {
    int p = 5 + rnd.nextInt(200);
    List<SparseVector> x = new ArrayList<>();
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i < k ? i : rnd.nextInt(k);
      TreeMap<Integer, Double> v = new TreeMap<>();
      int m = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(12);
      for (int t = 0; t < m; t++) {
        int j = rnd.nextInt(3) == 0 ? (y[i] * 7 + rnd.nextInt(5)) % (p - 2) : rnd.nextInt(p - 2);
        v.put(j, rnd.nextInt(4) == 0 ? 1.0 : rnd.nextDouble() * 2 - 0.5);
      }
      x.add(new SparseVector(v.keySet().stream().mapToInt(Integer::intValue).toArray(),
          v.values().stream().mapToDouble(Double::doubleValue).toArray()));
    }
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      classes.add("c" + c);
    }
    return new VectorData(x, y, classes, p, null);
  }
}
