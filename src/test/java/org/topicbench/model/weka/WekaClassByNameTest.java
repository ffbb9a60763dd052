package org.topicbench.model.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationResult;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.Fold;
import org.topicbench.eval.FoldPlan;
import org.topicbench.eval.LearnerResult;
import org.topicbench.eval.ProtocolResult;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.feature.SparseVector;
import org.topicbench.feature.Vectorizer;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerSpecs;
import org.topicbench.model.SpecTokens;
import weka.classifiers.Classifier;

/**
 * A Weka classifier given by class name in a spec gives, under topicbench's evaluation, the metrics that
 * Weka's own {@link weka.classifiers.Evaluation} gives on the same folds and the same features: Weka
 * builds each fold's classifier from the options, with the fold's seed, and accumulates its own
 * confusion matrix, accuracy, kappa and per-class F1 over the folds.
 */
class WekaClassByNameTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "weka.classifiers.trees.J48 -C 0.25 -M 2",
    "weka.classifiers.trees.RandomForest -I 10 -num-slots 1",
    "weka.classifiers.functions.SMO -C 10 -K \"weka.classifiers.functions.supportVector.PolyKernel -E 2\""
  })
  void metricsEqualWekasOwnEvaluationOnTheSameFolds(String classAndOptions) throws Exception {
    Dataset data = Datasets.read(Datasets.SENTENCES);
    Learner learner = LearnerSpecs.learner("weka:" + classAndOptions);
    EvaluationResult result =
        Evaluation.run(new EvaluationSpec(List.of(ProtocolSpec.kfold(data, 5, 1)), List.of(learner), 7, 0, 2));
    ProtocolResult pr = result.protocols().getFirst();
    FoldPlan plan = pr.plan();
    LearnerResult ours = pr.learners().getFirst();
    List<String> words = SpecTokens.split(classAndOptions);
    String className = words.getFirst();
    List<String> options = words.subList(1, words.size());
    List<String> labels = plan.labelNames();

    weka.classifiers.Evaluation weka = null;
    for (Fold f : plan.folds()) {
      List<String> trainTexts = new ArrayList<>();
      int[] trainY = new int[f.train().length];
      for (int i = 0; i < f.train().length; i++) {
        trainTexts.add(plan.examples().get(f.train()[i]).text());
        trainY[i] = plan.labels()[f.train()[i]];
      }
      Vectorizer v = Vectorizer.fit(FeatureConfig.DEFAULT, trainTexts);
      List<SparseVector> trainX = trainTexts.stream().map(v::transform).toList();
      List<SparseVector> testX = new ArrayList<>();
      int[] testY = new int[f.test().length];
      for (int i = 0; i < f.test().length; i++) {
        testX.add(v.transform(plan.examples().get(f.test()[i]).text()));
        testY[i] = plan.labels()[f.test()[i]];
      }
      var train = WekaInstances.of("train", trainX, trainY, labels, v.dimension(), null, false);
      var test = WekaInstances.of("test", testX, testY, labels, v.dimension(), null, false);
      Classifier c = WekaLearners.configured(className, options);
      WekaLearners.seed(c, WekaLearner.wekaSeed(Evaluation.learnerSeed(7, plan.protocol(), learner.name(), f)));
      c.buildClassifier(train);
      if (weka == null) {
        weka = new weka.classifiers.Evaluation(train);
      }
      weka.evaluateModel(c, test);
    }

    assertEquals(plan.examples().size(), (int) weka.numInstances());
    double[][] theirs = weka.confusionMatrix();
    for (int t = 0; t < labels.size(); t++) {
      for (int p = 0; p < labels.size(); p++) {
        assertEquals(theirs[t][p], ours.confusion()[t][p], "confusion " + labels.get(t) + " -> " + labels.get(p));
      }
    }
    assertEquals(weka.pctCorrect() / 100, ours.accuracy().mean(), 1e-12, "accuracy");
    assertEquals(weka.kappa(), ours.kappa().mean(), 1e-12, "kappa");
    for (int c = 0; c < labels.size(); c++) {
      double f1 = weka.fMeasure(c);
      assertEquals(Double.isNaN(f1) ? 0 : f1, ours.f1()[c].mean(), 1e-12, "F1 of " + labels.get(c));
    }
  }
}
