package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicbench.feature.SparseVector;

class FeatureSelectionTest {
  private static SparseVector v(int... indices) {
    double[] ones = new double[indices.length];
    java.util.Arrays.fill(ones, 1.0);
    return new SparseVector(indices, ones);
  }

  // 4 documents, 2 classes, 3 features:
  //   doc0 (class 0): f0 f2   doc1 (class 0): f0 f2   doc2 (class 1): f1 f2   doc3 (class 1): f2
  private static final List<SparseVector> X = List.of(v(0, 2), v(0, 2), v(1, 2), v(2));
  private static final int[] Y = {0, 0, 1, 1};

  @Test
  void chiSquareMatchesHandComputedValues() {
    double[] score = FeatureSelection.chiSquareScores(X, Y, 2, 3);
    // f0 vs class 0: A=2 B=0 C=0 D=2, N=4: 4*(2*2-0)^2/(2*2*2*2) = 4
    assertEquals(4.0, score[0], 1e-12);
    // f1 vs class 1: A=1 B=0 C=1 D=2: 4*(1*2-0*1)^2/((1)(3)(2)(2)) = 16/12
    assertEquals(16.0 / 12.0, score[1], 1e-12);
    // f2 is in every document: a zero margin, so 0
    assertEquals(0.0, score[2], 1e-12);
  }

  @Test
  void keepsTheTopKInIndexOrderAndRemapsVectors() {
    FeatureSelection.Selector s = FeatureSelection.chiSquare(2).fit(X, Y, 2, 3);
    assertEquals(2, s.dimension());
    assertEquals(new SparseVector(new int[] {0}, new double[] {1}), s.apply(v(0, 2)));
    assertEquals(new SparseVector(new int[] {1}, new double[] {1}), s.apply(v(1, 2)));
    assertEquals(new SparseVector(new int[0], new double[0]), s.apply(v(2)));
    // an index the training fold never saw is dropped, not an error
    assertEquals(new SparseVector(new int[] {0}, new double[] {1}), s.apply(v(0, 7)));
  }

  @Test
  void tiesKeepTheLowerIndex() {
    // f0 and f1 each mark one class perfectly: equal scores
    List<SparseVector> x = List.of(v(0), v(1));
    FeatureSelection.Selector s = FeatureSelection.chiSquare(1).fit(x, new int[] {0, 1}, 2, 2);
    assertEquals(new SparseVector(new int[] {0}, new double[] {1}), s.apply(v(0, 1)));
  }

  @Test
  void noneAndLargeKKeepEverything() {
    SparseVector x = v(0, 2);
    assertSame(x, FeatureSelection.NONE.fit(X, Y, 2, 3).apply(x));
    assertSame(x, FeatureSelection.chiSquare(3).fit(X, Y, 2, 3).apply(x));
    assertEquals("none", FeatureSelection.NONE.describe());
    assertEquals("chi2 top 300", FeatureSelection.chiSquare(300).describe());
  }

  @Test
  void rejectsBadK() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureSelection.chiSquare(0));
    assertEquals("k must be >= 1, got 0", e.getMessage());
  }

  @Test
  void l2NormalizeGivesUnitLength() {
    SparseVector n = VectorLearner.l2Normalize(new SparseVector(new int[] {1, 4}, new double[] {3, 4}));
    assertArrayEquals(new double[] {0.6, 0.8}, n.values(), 1e-12);
    SparseVector zero = new SparseVector(new int[0], new double[0]);
    assertSame(zero, VectorLearner.l2Normalize(zero));
  }
}
