package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.model.smile.SmileLinearSvm;
import org.topicbench.model.smile.SmileNaiveBayes;

/** Balanced class weights must move predictions toward a small class. */
class ClassWeightsTest {
  private static final List<String> NAMES = List.of("big", "small");
  private static final long SEED = 20220201L;

  /**
   * Sentences of 6 words from w0..w9: "big" ones uniformly, "small" ones half from w0..w2, half
   * uniformly. The classes overlap, so an unweighted learner leans to the big class.
   */
  static String sentence(SplittableRandom rnd, boolean small) {
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < 6; w++) {
      int word = small && rnd.nextBoolean() ? rnd.nextInt(3) : rnd.nextInt(10);
      b.append(w == 0 ? "" : " ").append('w').append(word);
    }
    return b.append('.').toString();
  }

  /** 200 "big" and 20 "small" sentences. */
  static TrainingSet imbalanced(SplittableRandom rnd) {
    List<String> texts = new ArrayList<>();
    int[] labels = new int[220];
    for (int i = 0; i < 220; i++) {
      boolean small = i % 11 == 0;
      texts.add(sentence(rnd, small));
      labels[i] = small ? 1 : 0;
    }
    return new TrainingSet(texts, labels, NAMES);
  }

  static List<Object[]> weighted() {
    return List.of(
        new Object[] {new SmileLinearSvm(), (Object) new SmileLinearSvm(
            Preprocessing.of(FeatureConfig.DEFAULT).withL2Normalize(true), 1.0, 1e-3, 1)},
        new Object[] {inner("weka.smo"), inner("weka.smo features.weights=none")},
        new Object[] {inner("weka.logistic"), inner("weka.logistic features.weights=none")});
  }

  /** The vector learner a spec builds. */
  private static VectorLearner inner(String spec) {
    return (VectorLearner) ((SpecLearner) LearnerSpecs.learner(spec)).inner();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("weighted")
  void balancedWeightsChangeThePredictionsAndUncalibratedOnesTowardsTheSmallClass(VectorLearner balanced, VectorLearner plain) {
    assertEquals("balanced", balanced.hyperparameters().get("class_weights"));
    assertEquals("none", plain.hyperparameters().get("class_weights"));
    System.out.println("ClassWeightsTest seed " + SEED);
    SplittableRandom rnd = new SplittableRandom(SEED);
    TrainingSet train = imbalanced(rnd);
    List<String> test = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      test.add(sentence(rnd, true));
    }
    int withWeights = countSmall(balanced.fit(train, 1).predictAll(test));
    int without = countSmall(plain.fit(train, 1).predictAll(test));
    String name = balanced.name().toLowerCase(java.util.Locale.ROOT);
    if (name.contains("svm") || name.contains("smo")) {
      // The SVMs predict the most probable class of Platt/logistic calibration fitted on unweighted labels,
      // which pulls predictions back towards the training prior: weighting changes the machines, and so the
      // predictions, but not always towards the small class (measured with the TF-IDF features).
      assertTrue(
          withWeights != without,
          balanced.name() + ": class weights changed no prediction (" + withWeights + " small either way)");
    } else {
      assertTrue(
          withWeights > without,
          balanced.name() + ": small-class sentences predicted small, balanced " + withWeights + " vs unweighted " + without);
    }
  }

  private static int countSmall(Prediction[] predictions) {
    int n = 0;
    for (Prediction p : predictions) {
      if (p.label() == 1) {
        n++;
      }
    }
    return n;
  }

  @Test
  void learnersWithoutWeightsRefuseThem() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> new SmileNaiveBayes(
            SmileNaiveBayes.Variant.MULTINOMIAL,
            Preprocessing.of(FeatureConfig.COUNTS).withClassWeights(ClassWeights.BALANCED),
            1.0));
    assertEquals("smile.nb-multinomial does not support class weights, got classWeights=BALANCED", e.getMessage());
  }
}
