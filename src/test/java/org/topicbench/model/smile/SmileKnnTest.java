package org.topicbench.model.smile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.CosineIndex;
import org.topicbench.model.Prediction;
import org.topicbench.model.VectorLearner;
import org.topicbench.testsupport.Cli;
import smile.classification.KNN;
import smile.math.distance.Distance;
import smile.neighbor.LinearSearch;
import smile.neighbor.Neighbor;

/**
 * The inverted index of {@link SmileKnn} against brute force: Smile's own linear search and KNN (what
 * {@code smile.knn} used before) and a plain sort of every training vector by (distance, index), on
 * random sparse vectors full of duplicates, ties, empty vectors and unseen features.
 */
class SmileKnnTest {
  private static final int TRIALS = 400;
  private static final int QUERIES = 25;

  @Test
  void invertedIndexFindsTheSameNeighboursAsBruteForce() {
    Random rnd = new Random(Cli.seed("SmileKnnTest.invertedIndexFindsTheSameNeighboursAsBruteForce"));
    for (int trial = 0; trial < TRIALS; trial++) {
      Problem pr = Problem.random(rnd);
      CosineIndex index = new CosineIndex(pr.indices(), pr.values());
      LinearSearch<SparseVector, SparseVector> linear = LinearSearch.of(pr.x().toArray(SparseVector[]::new), new Cosine());
      for (int q = 0; q < QUERIES; q++) {
        SparseVector query = pr.query(rnd);
        int k = 1 + rnd.nextInt(pr.x().size());
        double[] dist = new double[k];
        int[] got = index.nearest(query.indices(), query.values(), k, dist);
        String where = "trial " + trial + " query " + q + " " + query + " k " + k + " of " + pr.x();
        // Smile's search returns the neighbours farthest first
        List<Neighbor<SparseVector, SparseVector>> smile = Arrays.asList(linear.search(query, k)).reversed();
        assertArrayEquals(smile.stream().mapToInt(Neighbor::index).toArray(), got, where);
        assertArrayEquals(smile.stream().mapToDouble(Neighbor::distance).toArray(), dist, where);
        assertArrayEquals(bruteForce(pr.x(), query, k), got, where);
      }
    }
  }

  @Test
  void predictionsAreSmilesKnn() throws Exception {
    Random rnd = new Random(Cli.seed("SmileKnnTest.predictionsAreSmilesKnn"));
    for (int trial = 0; trial < TRIALS; trial++) {
      Problem pr = Problem.random(rnd);
      int k = 1 + rnd.nextInt(Math.min(pr.x().size(), 1 + rnd.nextInt(8)));
      SmileKnn.Classifier c = new SmileKnn.Classifier(pr.x(), pr.y(), k, pr.m());
      SmileKnn.Classifier read = roundTrip(c);
      KNN<SparseVector> smile = KNN.fit(pr.x().toArray(SparseVector[]::new), pr.y(), k, new Cosine());
      for (int q = 0; q < QUERIES; q++) {
        SparseVector query = pr.query(rnd);
        double[] p = new double[pr.m()];
        int label = smile.predict(query, p);
        String where = "trial " + trial + " query " + q + " " + query + " k " + k + " y " + Arrays.toString(pr.y())
            + " of " + pr.x();
        for (Prediction got : List.of(c.predict(query), read.predict(query))) {
          assertEquals(label, got.label(), where);
          assertArrayEquals(p, got.probabilities(), where);
        }
      }
    }
  }

  @Test
  void zeroVectorsTieAtDistanceOneAndGoToTheLowestIndices() {
    // 0 and 2 are empty, 1 shares nothing with the query, 3 and 4 are the query's duplicates
    List<SparseVector> x = List.of(v(), v(5), v(), v(1, 2), v(1, 2));
    SmileKnn.Classifier c = new SmileKnn.Classifier(x, new int[] {0, 1, 0, 1, 1}, 4, 2);
    assertArrayEquals(new int[] {3, 4, 0, 1}, c.neighbours(v(1, 2)));
    assertArrayEquals(new int[] {0, 1, 2, 3}, c.neighbours(v()));
    assertArrayEquals(new int[] {0, 1, 2, 3}, c.neighbours(v(7)));
    Prediction p = c.predict(v());
    assertEquals(0, p.label()); // two votes each: the lower class, as Smile's whichMax
    assertArrayEquals(new double[] {0.5, 0.5}, p.probabilities());
  }

  @Test
  void inconsistentClassifiersAreRejected() {
    List<SparseVector> x = List.of(v(1), v(2));
    assertThrows(IllegalArgumentException.class, () -> new SmileKnn.Classifier(x, new int[] {0, 0}, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new SmileKnn.Classifier(x, new int[] {0, 2}, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new SmileKnn.Classifier(x, new int[] {0, 1}, 3, 2));
    assertThrows(IllegalArgumentException.class, () -> new SmileKnn.Classifier(x, new int[] {0, 1}, 1, 1 << 30));
    assertThrows(IllegalArgumentException.class,
        () -> new CosineIndex(new int[][] {{2, 1}}, new double[][] {{1, 1}}));
  }

  /** Every training vector sorted by (1 - x.q, index): the definition, computed the slow way. */
  private static int[] bruteForce(List<SparseVector> x, SparseVector q, int k) {
    Cosine cosine = new Cosine();
    double[] d = x.stream().mapToDouble(v -> cosine.d(v, q)).toArray();
    return IntStream.range(0, x.size()).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> i))
        .limit(k).mapToInt(Integer::intValue).toArray();
  }

  private static SmileKnn.Classifier roundTrip(SmileKnn.Classifier c) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (SmileKnn.Classifier) in.readObject();
    }
  }

  private static SparseVector v(int... indices) {
    return VectorLearner.l2Normalize(new SparseVector(indices, IntStream.of(indices).mapToDouble(i -> 1).toArray()));
  }

  /**
   * Random training vectors over few features, so that they overlap, tie and repeat: some empty, some
   * copies of earlier ones; values from a small set, unit length or not, with negative ones in some
   * problems (dot products that cancel to 0 and distances above 1).
   */
  private record Problem(List<SparseVector> x, int[] y, int m, int dimension, boolean unit, boolean signed) {
    static Problem random(Random rnd) {
      int m = 2 + rnd.nextInt(3);
      int n = m + rnd.nextInt(rnd.nextBoolean() ? 8 : 40);
      int dimension = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 12);
      boolean unit = rnd.nextInt(4) > 0;
      boolean signed = rnd.nextInt(4) == 0;
      Problem shape = new Problem(List.of(), new int[0], m, dimension, unit, signed);
      List<SparseVector> x = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        x.add(!x.isEmpty() && rnd.nextInt(5) == 0 ? copy(x.get(rnd.nextInt(x.size()))) : shape.vector(rnd, dimension));
      }
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = i < m ? i : rnd.nextInt(m);
      }
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = y[i];
        y[i] = y[j];
        y[j] = t;
      }
      return new Problem(List.copyOf(x), y, m, dimension, unit, signed);
    }

    int[][] indices() {
      return x.stream().map(SparseVector::indices).toArray(int[][]::new);
    }

    double[][] values() {
      return x.stream().map(SparseVector::values).toArray(double[][]::new);
    }

    /** A query: a copy of a training vector, an empty one, or random, sometimes with unseen features. */
    SparseVector query(Random rnd) {
      return switch (rnd.nextInt(4)) {
        case 0 -> copy(x.get(rnd.nextInt(x.size())));
        case 1 -> rnd.nextBoolean() ? new SparseVector(new int[0], new double[0]) : vector(rnd, dimension + 3);
        default -> vector(rnd, dimension);
      };
    }

    SparseVector vector(Random rnd, int dim) {
      if (rnd.nextInt(6) == 0) {
        return new SparseVector(new int[0], new double[0]);
      }
      double density = 0.15 + 0.5 * rnd.nextDouble();
      List<Integer> ix = new ArrayList<>();
      for (int f = 0; f < dim; f++) {
        if (rnd.nextDouble() < density) {
          ix.add(f * 3); // gaps between the features
        }
      }
      double[] levels = signed ? new double[] {1, 2, 0.5, -1, -2} : new double[] {1, 2, 0.5, 3};
      double[] values = new double[ix.size()];
      for (int j = 0; j < values.length; j++) {
        values[j] = levels[rnd.nextInt(levels.length)];
      }
      SparseVector v = new SparseVector(ix.stream().mapToInt(Integer::intValue).toArray(), values);
      return unit ? VectorLearner.l2Normalize(v) : v;
    }

    private static SparseVector copy(SparseVector v) {
      return new SparseVector(v.indices().clone(), v.values().clone());
    }
  }

  /** {@code 1 - x.y} by a merge of the sorted indices: the distance {@code smile.knn} gave Smile. */
  private static final class Cosine implements Distance<SparseVector> {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public double d(SparseVector a, SparseVector b) {
      int[] ia = a.indices();
      int[] ib = b.indices();
      double dot = 0;
      int i = 0;
      int j = 0;
      while (i < ia.length && j < ib.length) {
        if (ia[i] == ib[j]) {
          dot += a.values()[i++] * b.values()[j++];
        } else if (ia[i] < ib[j]) {
          i++;
        } else {
          j++;
        }
      }
      return 1 - dot;
    }
  }
}
