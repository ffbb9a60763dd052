package org.topicbench.model.weka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.model.ClassWeights;
import org.topicbench.model.FeatureSelection;
import org.topicbench.model.Learner;
import org.topicbench.model.Preprocessing;
import weka.classifiers.bayes.NaiveBayesMultinomial;
import weka.classifiers.functions.Logistic;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.lazy.IBk;
import weka.classifiers.rules.ZeroR;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.RandomForest;
import weka.core.EuclideanDistance;
import weka.core.SelectedTag;
import weka.core.neighboursearch.LinearNNSearch;

/**
 * The Weka learners with their default settings, chosen for ~500 short sentences in 4 unbalanced
 * classes and a budget of a few tens of milliseconds per fit. Where a setting differs from Weka's own
 * default, the method says why; every setting shows in the learner's hyperparameters.
 */
public final class WekaLearners {
  static {
    WekaRuntime.init();
  }

  private WekaLearners() {}

  /** All Weka learners, in listing order. */
  public static List<Learner> all() {
    return List.of(naiveBayesMultinomial(), smo(), logistic(), j48(), randomForest(), ibk(), zeroR());
  }

  private static SequencedMap<String, String> settings(String... keyValues) {
    SequencedMap<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  /** {@code weka.nb-multinomial}: multinomial naive Bayes on term counts, Weka defaults. */
  public static WekaLearner naiveBayesMultinomial() {
    return new WekaLearner(
        "weka.nb-multinomial",
        Preprocessing.of(FeatureConfig.COUNTS),
        false,
        settings(),
        null,
        seed -> new NaiveBayesMultinomial());
  }

  /**
   * {@code weka.smo}: SMO with a linear kernel (Weka's default PolyKernel, exponent 1), C = 1, on
   * L2-normalised tf-idf with balanced class weights, pairwise multiclass (Weka's way). Changed from
   * Weka's defaults: no min-max attribute normalisation (the vectors are already unit length, and
   * scaling sparse text by range distorts it); the full kernel matrix is cached (a few hundred examples;
   * Weka's default hashed cache allocates ~4 MB per pairwise machine); Weka's input checks are off (they
   * only replace missing values and convert nominal attributes, and our rows have neither). Logistic
   * calibration models (fitted on the training outputs, Weka's default) give the probabilities.
   */
  public static WekaLearner smo() {
    Preprocessing pre =
        Preprocessing.of(FeatureConfig.DEFAULT).withL2Normalize(true).withClassWeights(ClassWeights.BALANCED);
    return new WekaLearner(
        "weka.smo",
        pre,
        false,
        settings(
            "c", "1.0", "kernel", "linear", "multiclass", "pairwise", "attribute_filter", "none",
            "kernel_cache", "full", "checks", "off", "calibration", "logistic"),
        "-W",
        seed -> {
          SMO smo = new SMO();
          smo.setC(1.0);
          PolyKernel kernel = new PolyKernel();
          kernel.setExponent(1.0);
          kernel.setCacheSize(0);
          smo.setKernel(kernel);
          smo.setFilterType(new SelectedTag(SMO.FILTER_NONE, SMO.TAGS_FILTER));
          smo.setChecksTurnedOff(true);
          smo.setBuildCalibrationModels(true);
          smo.setRandomSeed(seed);
          return smo;
        });
  }

  /**
   * {@code weka.logistic}: multinomial ridge logistic regression on the top 100 chi-square features,
   * ridge 1.0 instead of Weka's near-zero 1e-8 (few examples, many features: without a real penalty the
   * classes separate and the weights diverge), conjugate gradients instead of BFGS (Weka's BFGS keeps a
   * dense Hessian over (classes-1)(features+1) parameters, which dominated the fit), at most 50
   * iterations (a compute cap that can bind: it halves the fit time, and stopping early only adds to the
   * ridge's shrinkage), balanced class weights.
   */
  public static WekaLearner logistic() {
    Preprocessing pre =
        Preprocessing.of(FeatureConfig.DEFAULT)
            .withSelection(FeatureSelection.chiSquare(100))
            .withL2Normalize(true)
            .withClassWeights(ClassWeights.BALANCED);
    return new WekaLearner(
        "weka.logistic",
        pre,
        false,
        settings("ridge", "1.0", "optimizer", "conjugate gradient", "max_iterations", "50"),
        null,
        seed -> {
          Logistic l = new Logistic();
          l.setRidge(1.0);
          l.setUseConjugateGradientDescent(true);
          l.setMaxIts(50);
          return l;
        });
  }

  /**
   * {@code weka.j48}: C4.5 with Weka's defaults (pruning confidence 0.25, at least 2 examples per
   * leaf) on the top 50 chi-square features as dense rows: J48 sorts every attribute at every node, so
   * its cost grows with the number of attributes.
   */
  public static WekaLearner j48() {
    Preprocessing pre = Preprocessing.of(FeatureConfig.DEFAULT).withSelection(FeatureSelection.chiSquare(50));
    return new WekaLearner(
        "weka.j48",
        pre,
        true,
        settings("confidence", "0.25", "min_leaf", "2"),
        null,
        seed -> {
          J48 j = new J48(); // deterministic: its seed only drives reduced-error pruning, which is off
          j.setConfidenceFactor(0.25f);
          j.setMinNumObj(2);
          return j;
        });
  }

  /**
   * {@code weka.random-forest}: 30 random trees (Weka's default is 100), log2(p)+1 features tried per
   * split, on the top 100 chi-square features as dense rows, bootstrap copies represented as instance
   * weights (Weka's faster option, same samples), one execution slot (folds already run in parallel).
   */
  public static WekaLearner randomForest() {
    Preprocessing pre = Preprocessing.of(FeatureConfig.DEFAULT).withSelection(FeatureSelection.chiSquare(100));
    return new WekaLearner(
        "weka.random-forest",
        pre,
        true,
        settings("trees", "30", "features_per_split", "log2(p)+1", "bootstrap", "as weights"),
        "-S",
        seed -> {
          RandomForest rf = new RandomForest();
          rf.setNumIterations(30);
          rf.setRepresentCopiesUsingWeights(true);
          rf.setNumExecutionSlots(1);
          rf.setSeed(seed);
          return rf;
        });
  }

  /**
   * {@code weka.ibk}: k = 5 nearest neighbours by Euclidean distance on L2-normalised tf-idf (the
   * same ranking as cosine), without Weka's range normalisation of attributes, linear search,
   * unweighted votes.
   */
  public static WekaLearner ibk() {
    Preprocessing pre = Preprocessing.of(FeatureConfig.DEFAULT).withL2Normalize(true);
    return new WekaLearner(
        "weka.ibk",
        pre,
        false,
        settings("k", "5", "distance", "euclidean (unit vectors)", "vote", "unweighted"),
        null,
        seed -> {
          IBk ibk = new IBk(5);
          EuclideanDistance d = new EuclideanDistance();
          d.setDontNormalize(true);
          LinearNNSearch search = new LinearNNSearch();
          try {
            search.setDistanceFunction(d);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          ibk.setNearestNeighbourSearchAlgorithm(search);
          return ibk;
        });
  }

  /** {@code weka.zeror}: the training majority class, with the class frequencies as probabilities. */
  public static WekaLearner zeroR() {
    return new WekaLearner(
        "weka.zeror", Preprocessing.of(FeatureConfig.DEFAULT), false, settings(), null, seed -> new ZeroR());
  }
}
