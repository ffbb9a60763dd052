package org.topicbench.model.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicbench.data.Example;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.feature.SparseVector;
import org.topicbench.feature.Vectorizer;
import org.topicbench.model.ExternalDev;
import org.topicbench.model.LearnerSpecs;
import org.topicbench.model.SpecLearner;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainingSet;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;

/**
 * Our pipeline around a Weka learner against Weka's own {@link Evaluation}: the same split, the same
 * features, Weka building and scoring the classifier itself. The accuracy and confusion matrix Weka
 * reports must equal those of our predictions.
 */
class WekaEvaluationTest {
  @Test
  void naiveBayesMultinomialAccuracyEqualsWekasEvaluation() throws Exception {
    WekaLearner learner = (WekaLearner) ((SpecLearner) LearnerSpecs.learner("weka.nb-multinomial")).inner();
    TrainingSet train = ExternalDev.train();
    List<Example> test = ExternalDev.test();
    List<String> names = train.labelNames();
    int k = names.size();

    // ours
    Prediction[] ours = learner.fit(train, 1).predictAll(ExternalDev.texts(test));
    int correct = 0;
    double[][] confusion = new double[k][k];
    for (int i = 0; i < test.size(); i++) {
      int truth = names.indexOf(test.get(i).label());
      confusion[truth][ours[i].label()]++;
      if (truth == ours[i].label()) {
        correct++;
      }
    }

    // Weka's: the same counts, Weka's classifier, Weka's evaluation
    Vectorizer v = Vectorizer.fit(FeatureConfig.COUNTS, train.texts());
    List<SparseVector> trainX = new ArrayList<>();
    for (String t : train.texts()) {
      trainX.add(v.transform(t));
    }
    List<SparseVector> testX = new ArrayList<>();
    int[] testY = new int[test.size()];
    for (int i = 0; i < test.size(); i++) {
      testX.add(v.transform(test.get(i).text()));
      testY[i] = names.indexOf(test.get(i).label());
    }
    Instances wekaTrain = WekaInstances.of("train", trainX, train.labels(), names, v.dimension(), null, false);
    Instances wekaTest = WekaInstances.of("test", testX, testY, names, v.dimension(), null, false);
    Classifier c = learner.newClassifier(1);
    c.buildClassifier(wekaTrain);
    Evaluation eval = new Evaluation(wekaTrain);
    eval.evaluateModel(c, wekaTest);

    assertEquals(test.size(), (int) eval.numInstances());
    assertEquals(correct, (int) eval.correct());
    assertEquals((double) correct / test.size(), eval.pctCorrect() / 100, 1e-12);
    assertEquals(java.util.Arrays.deepToString(confusion), java.util.Arrays.deepToString(eval.confusionMatrix()));
  }
}
