package org.topicbench.model.smile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;
import java.util.SplittableRandom;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.FeatureSelection;
import org.topicbench.model.Prediction;
import org.topicbench.model.Preprocessing;
import org.topicbench.model.VectorClassifier;
import org.topicbench.model.VectorData;
import org.topicbench.model.VectorLearner;
import smile.classification.DecisionTree;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.math.MathEx;
import smile.model.cart.CART;
import smile.model.cart.SplitRule;

/**
 * A random forest of Smile {@link DecisionTree}s (Gini splits, {@code sqrt(p)} features tried per
 * split, best-first growth to at most {@code examples/5} leaves) on a stratified bootstrap sample each
 * (every class resampled to its own size, as Smile's {@code RandomForest} does), averaging the trees'
 * leaf class frequencies.
 *
 * <p>Why not Smile's {@code RandomForest.fit}: in Smile 6.2.5 it scores each tree on its out-of-bag
 * sample and throws ("Sensitivity can only be applied to binary classification") whenever that sample
 * holds exactly two classes of three or more, which small folds with rare classes hit. This class does
 * the bagging itself, with Smile's trees and Smile's sampling, without the out-of-bag scoring; so the
 * trees are weighted equally (Breiman's forest) rather than by out-of-bag accuracy. It is also
 * sequential, on the calling thread: tree {@code t} gets a seed drawn from {@code seed}, used for its
 * bootstrap and (via Smile's thread-local generator) its feature sampling.
 *
 * <p>Smile's trees need a dense {@link DataFrame}, so the vocabulary is first cut to the top features by
 * chi-square inside the training fold. Class weighting is unsupported.
 */
public final class SmileRandomForest extends VectorLearner {
  private final int trees;
  private final int maxDepth;
  private final int nodeSize;

  /**
   * Defaults: tf-idf 1–2-grams, chi-square top 100, 30 trees (Smile's default is 500), max depth 20,
   * node size 1 (Breiman's default for classification). Smile's trees re-partition every column at every
   * split, so a fit costs about trees x features x examples; these keep it to tens of milliseconds.
   */
  public SmileRandomForest() {
    this(Preprocessing.of(FeatureConfig.DEFAULT).withSelection(FeatureSelection.chiSquare(100)), 30, 20, 1);
  }

  public SmileRandomForest(Preprocessing preprocessing, int trees, int maxDepth, int nodeSize) {
    super("smile.random-forest", preprocessing, false);
    if (trees < 1) {
      throw new IllegalArgumentException("trees must be >= 1, got " + trees);
    }
    if (maxDepth < 2) {
      throw new IllegalArgumentException("maxDepth must be >= 2, got " + maxDepth);
    }
    if (nodeSize < 1) {
      throw new IllegalArgumentException("nodeSize must be >= 1, got " + nodeSize);
    }
    this.trees = trees;
    this.maxDepth = maxDepth;
    this.nodeSize = nodeSize;
  }

  @Override
  protected void describe(SequencedMap<String, String> out) {
    out.put("trees", Integer.toString(trees));
    out.put("tree", "smile DecisionTree");
    out.put("mtry", "sqrt(features)");
    out.put("split_rule", SplitRule.GINI.name());
    out.put("max_depth", Integer.toString(maxDepth));
    out.put("max_nodes", "examples/5");
    out.put("node_size", Integer.toString(nodeSize));
    out.put("sampling", "stratified bootstrap");
    out.put("vote", "mean of leaf class frequencies");
  }

  @Override
  protected VectorClassifier train(VectorData data, long seed) {
    int n = data.size();
    int m = data.numClasses();
    int p = Math.max(1, data.dimension());
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = SmileVectors.dense(data.x().get(i), p);
    }
    String[] names = new String[p];
    for (int j = 0; j < p; j++) {
      names[j] = "f" + j;
    }
    DataFrame x = DataFrame.of(rows, names);
    StructField response = new StructField("_class", DataTypes.IntType);
    int[] y = data.y();
    int[][] order = CART.order(x);
    int mtry = Math.max(1, (int) Math.sqrt(p));
    int maxNodes = Math.max(2, n / 5);
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < m; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      byClass.get(y[i]).add(i);
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    DecisionTree[] forest = new DecisionTree[trees];
    for (int t = 0; t < trees; t++) {
      long treeSeed = seeds.nextLong();
      SplittableRandom rnd = new SplittableRandom(treeSeed);
      int[] samples = new int[n];
      for (List<Integer> members : byClass) {
        for (int j = 0; j < members.size(); j++) {
          samples[members.get(rnd.nextInt(members.size()))]++;
        }
      }
      MathEx.setSeed(treeSeed);
      forest[t] = new DecisionTree(x, y, response, m, SplitRule.GINI, maxDepth, maxNodes, nodeSize, mtry, samples, order);
    }
    return new Classifier(forest, x.schema(), p, m);
  }

  /** The fitted trees, the schema of their rows, the number of features and of classes. */
  record Classifier(DecisionTree[] forest, StructType schema, int p, int m) implements VectorClassifier, Serializable {
    Classifier {
      if (forest == null || forest.length == 0 || schema == null || p < 1 || m < 2) {
        throw new IllegalArgumentException("a forest needs trees, a schema, p >= 1 and m >= 2");
      }
    }

    @Override
    public Prediction predict(SparseVector v) {
      Tuple row = Tuple.of(schema, SmileVectors.dense(v, p));
      double[] prob = new double[m];
      double[] leaf = new double[m];
      for (DecisionTree tree : forest) {
        tree.predict(row, leaf);
        for (int c = 0; c < m; c++) {
          prob[c] += leaf[c];
        }
      }
      for (int c = 0; c < m; c++) {
        prob[c] /= forest.length;
      }
      return new Prediction(MathEx.whichMax(prob), prob);
    }
  }
}
