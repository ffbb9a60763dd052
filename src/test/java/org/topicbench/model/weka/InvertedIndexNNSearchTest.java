package org.topicbench.model.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.VectorLearner;
import org.topicbench.testsupport.Cli;
import weka.classifiers.lazy.IBk;
import weka.core.EuclideanDistance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.neighboursearch.LinearNNSearch;
import weka.core.neighboursearch.NearestNeighbourSearch;

/**
 * {@link InvertedIndexNNSearch} against Weka's {@link LinearNNSearch}: the same neighbours (the k nearest and
 * every tie with the k-th), the same distances, and the same {@link IBk} probabilities, on random sparse
 * vectors with duplicates, ties, empty vectors, cancelling values and queries that are training instances.
 */
class InvertedIndexNNSearchTest {
  static {
    WekaRuntime.init();
  }

  private static final String EUCLIDEAN_D = "weka.core.EuclideanDistance -D -R first-last";
  private static final int TRIALS = 300;
  private static final int QUERIES = 20;

  @Test
  void sameNeighboursAndDistancesAsTheLinearSearch() throws Exception {
    Random rnd = new Random(Cli.seed("InvertedIndexNNSearchTest.sameNeighboursAndDistancesAsTheLinearSearch"));
    for (int trial = 0; trial < TRIALS; trial++) {
      Problem pr = Problem.random(rnd);
      // instance weights number the rows, to find them among the (copied) neighbours
      double[] ids = IntStream.range(0, pr.x().size()).mapToDouble(i -> i + 1).toArray();
      Instances data = WekaInstances.of("t", pr.x(), pr.y(), pr.classes(), pr.dimension(), ids, false);
      boolean normalise = rnd.nextInt(8) == 0; // not covered by the index: handed to the linear search
      LinearNNSearch linear = new LinearNNSearch();
      linear.setDistanceFunction(distance(normalise));
      linear.setInstances(data);
      InvertedIndexNNSearch index = new InvertedIndexNNSearch();
      index.setDistanceFunction(distance(normalise));
      index.setInstances(data);
      for (int q = 0; q < QUERIES; q++) {
        Instance query = rnd.nextInt(5) == 0
            ? data.instance(rnd.nextInt(data.numInstances())) // skipped by both: hold-one-out
            : WekaInstances.unlabelled(pr.query(rnd), data, false);
        int k = 1 + rnd.nextInt(pr.x().size() + 1);
        String where = "trial " + trial + " query " + q + " " + query + " k " + k + " of " + pr.x();
        List<double[]> expected = neighbours(linear, query, k);
        List<double[]> got = neighbours(index, query, k);
        assertEquals(expected.stream().map(Arrays::toString).toList(), got.stream().map(Arrays::toString).toList(),
            where);
        assertArrayEquals(linear.getDistances(), index.getDistances(), where); // both nearest first
        assertEquals(normalise, index.lastComputed < 0, where);
      }
    }
  }

  @Test
  void ibkPredictsTheSameWithEitherSearch() throws Exception {
    Random rnd = new Random(Cli.seed("InvertedIndexNNSearchTest.ibkPredictsTheSameWithEitherSearch"));
    for (int trial = 0; trial < TRIALS / 3; trial++) {
      Problem pr = Problem.random(rnd);
      Instances data = WekaInstances.of("t", pr.x(), pr.y(), pr.classes(), pr.dimension(), null, false);
      String k = Integer.toString(1 + rnd.nextInt(Math.min(pr.x().size(), 7)));
      String weighting = List.of("", "-I", "-F").get(rnd.nextInt(3));
      IBk linear = ibk(k, weighting, LinearNNSearch.class);
      IBk index = ibk(k, weighting, InvertedIndexNNSearch.class);
      linear.buildClassifier(new Instances(data));
      index.buildClassifier(new Instances(data));
      IBk read = roundTrip(index);
      for (int q = 0; q < QUERIES; q++) {
        SparseVector v = pr.query(rnd);
        String where = "trial " + trial + " query " + q + " " + v + " -K " + k + " " + weighting + " of " + pr.x();
        double[] expected = linear.distributionForInstance(WekaInstances.unlabelled(v, data, false));
        assertArrayEquals(expected, index.distributionForInstance(WekaInstances.unlabelled(v, data, false)), where);
        assertArrayEquals(expected, read.distributionForInstance(WekaInstances.unlabelled(v, data, false)), where);
      }
    }
  }

  @Test
  void rangesEndAsTheLinearSearchLeavesThem() throws Exception {
    Random rnd = new Random(Cli.seed("InvertedIndexNNSearchTest.rangesEndAsTheLinearSearchLeavesThem"));
    for (int trial = 0; trial < TRIALS / 3; trial++) {
      Problem pr = Problem.random(rnd);
      Instances data = WekaInstances.of("t", pr.x(), pr.y(), pr.classes(), pr.dimension(), null, false);
      String k = Integer.toString(1 + rnd.nextInt(Math.min(pr.x().size(), 7)));
      IBk linear = ibk(k, "", LinearNNSearch.class);
      IBk index = ibk(k, "", InvertedIndexNNSearch.class);
      linear.buildClassifier(new Instances(data));
      index.buildClassifier(new Instances(data));
      for (int q = 0; q < QUERIES; q++) {
        Instance a = WekaInstances.unlabelled(pr.query(rnd), data, false);
        Instance b = (Instance) a.copy();
        if (rnd.nextInt(6) == 0) { // a missing value: only the linear search handles it, with the ranges
          int attribute = rnd.nextInt(pr.dimension());
          a.setMissing(attribute);
          b.setMissing(attribute);
        }
        String where = "trial " + trial + " query " + q + " " + a;
        assertArrayEquals(linear.distributionForInstance(a), index.distributionForInstance(b), where);
      }
      if (rnd.nextBoolean()) {
        index = roundTrip(index); // pending range updates travel with the model
      }
      InvertedIndexNNSearch search = (InvertedIndexNNSearch) index.getNearestNeighbourSearchAlgorithm();
      search.flushRanges();
      assertTrue(Arrays.deepEquals(
          ((EuclideanDistance) linear.getNearestNeighbourSearchAlgorithm().getDistanceFunction()).getRanges(),
          ((EuclideanDistance) search.getDistanceFunction()).getRanges()), "trial " + trial);
    }
  }

  @Test
  void computesFewDistancesWhereTheQueryOverlapsEnoughInstances() throws Exception {
    Random rnd = new Random(Cli.seed("InvertedIndexNNSearchTest.computesFewDistancesWhereTheQueryOverlapsEnoughInstances"));
    List<SparseVector> x = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int[] ix = rnd.ints(0, 2000).distinct().limit(8).sorted().toArray();
      x.add(VectorLearner.l2Normalize(new SparseVector(ix, rnd.doubles(8, 0.1, 1).toArray())));
    }
    int[] y = IntStream.range(0, x.size()).map(i -> i % 2).toArray();
    Instances data = WekaInstances.of("t", x, y, List.of("a", "b"), 2000, null, false);
    InvertedIndexNNSearch index = new InvertedIndexNNSearch();
    index.setDistanceFunction(distance(false));
    index.setInstances(data);
    LinearNNSearch linear = new LinearNNSearch();
    linear.setDistanceFunction(distance(false));
    linear.setInstances(data);
    for (int i = 0; i < 20; i++) {
      // a training vector's first five features plus noise: shares a feature with a few instances
      SparseVector base = x.get(rnd.nextInt(x.size()));
      SparseVector v = VectorLearner.l2Normalize(new SparseVector(Arrays.copyOf(base.indices(), 5),
          Arrays.copyOf(base.values(), 5)));
      Instance query = WekaInstances.unlabelled(v, data, false);
      assertEquals(neighbours(linear, query, 1).stream().map(Arrays::toString).toList(),
          neighbours(index, query, 1).stream().map(Arrays::toString).toList());
      assertTrue(index.lastComputed >= 1 && index.lastComputed < 100, "computed " + index.lastComputed);
    }
    // the empty query ties every unit vector at distance 1 (rounding aside): every distance is computed
    neighbours(index, WekaInstances.unlabelled(new SparseVector(new int[0], new double[0]), data, false), 5);
    assertEquals(x.size(), index.lastComputed);
  }

  /** Each neighbour as {row, distance}, sorted: the set of neighbours whatever the order of ties. */
  private static List<double[]> neighbours(NearestNeighbourSearch s, Instance query, int k) throws Exception {
    Instances found = s.kNearestNeighbours(query, k);
    double[] d = s.getDistances();
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < found.numInstances(); i++) {
      out.add(new double[] {found.instance(i).weight() - 1, d[i]});
    }
    out.sort(Comparator.<double[]>comparingDouble(a -> a[1]).thenComparingDouble(a -> a[0]));
    return out;
  }

  private static EuclideanDistance distance(boolean normalise) throws Exception {
    EuclideanDistance e = new EuclideanDistance();
    e.setOptions(weka.core.Utils.splitOptions(normalise ? "-R first-last" : "-D -R first-last"));
    return e;
  }

  private static IBk ibk(String k, String weighting, Class<?> search) throws Exception {
    IBk ibk = new IBk();
    List<String> options = new ArrayList<>(List.of("-K", k, "-A", search.getName() + " -A \"" + EUCLIDEAN_D + "\""));
    if (!weighting.isEmpty()) {
      options.add(weighting);
    }
    ibk.setOptions(options.toArray(String[]::new));
    return ibk;
  }

  private static IBk roundTrip(IBk c) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (IBk) in.readObject();
    }
  }

  /**
   * Random vectors over few features, so that they overlap, tie and repeat: some empty, some copies of
   * earlier ones; values from a small set, unit length or not, negative in some problems.
   */
  private record Problem(List<SparseVector> x, int[] y, List<String> classes, int dimension, boolean unit,
      boolean signed) {
    static Problem random(Random rnd) {
      int m = 2 + rnd.nextInt(3);
      int n = m + rnd.nextInt(rnd.nextBoolean() ? 8 : 40);
      int features = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 12);
      List<String> classes = IntStream.range(0, m).mapToObj(c -> "c" + c).toList();
      Problem shape = new Problem(List.of(), new int[0], classes, 3 * features + 9, rnd.nextInt(4) > 0,
          rnd.nextInt(4) == 0);
      List<SparseVector> x = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        x.add(!x.isEmpty() && rnd.nextInt(5) == 0 ? copy(x.get(rnd.nextInt(x.size()))) : shape.vector(rnd, features));
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
      return new Problem(List.copyOf(x), y, classes, shape.dimension(), shape.unit(), shape.signed());
    }

    /** A query: a copy of a training vector, an empty one, or random, sometimes with unseen features. */
    SparseVector query(Random rnd) {
      int features = (dimension - 9) / 3;
      return switch (rnd.nextInt(4)) {
        case 0 -> copy(x.get(rnd.nextInt(x.size())));
        case 1 -> rnd.nextBoolean() ? new SparseVector(new int[0], new double[0]) : vector(rnd, features + 3);
        default -> vector(rnd, features);
      };
    }

    SparseVector vector(Random rnd, int features) {
      if (rnd.nextInt(6) == 0) {
        return new SparseVector(new int[0], new double[0]);
      }
      double density = 0.15 + 0.5 * rnd.nextDouble();
      List<Integer> ix = new ArrayList<>();
      for (int f = 0; f < features; f++) {
        if (rnd.nextDouble() < density) {
          ix.add(f * 3);
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
}
