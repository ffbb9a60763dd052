package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.topicbench.data.Example;

/**
 * Every registered learner on real sentences (the external development set). The test class path is
 * the application's, so these runs also show that no learner needs the jars the build excludes
 * (DuckDB, Weka's GUI, native BLAS) or {@code --enable-native-access}.
 */
class LearnersTest {
  static Stream<Learner> learners() {
    return Learners.all().stream();
  }

  @Test
  void registryListsBaselinesThenSmileThenWekaInAFixedOrder() {
    assertEquals(
        List.of(
            "baseline.majority",
            "baseline.stratified",
            "baseline.rules",
            "smile.nb-multinomial",
            "smile.nb-complement",
            "smile.logistic",
            "smile.svm-linear",
            "smile.random-forest",
            "smile.knn",
            "weka.nb-multinomial",
            "weka.smo",
            "weka.logistic",
            "weka.j48",
            "weka.random-forest",
            "weka.ibk",
            "weka.zeror",
            "smile.nb-complement-cues",
            "smile.logistic-cues",
            "smile.svm-linear-cues",
            "weka.smo-cues",
            "weka.logistic-cues",
            "smile.logistic-minilm",
            "smile.logistic-cues-minilm",
            "smile.svm-linear-cues-minilm"),
        Learners.all().stream().map(Learner::name).toList());
    assertEquals(
        List.of(
            "smile.nb-complement-layout",
            "smile.logistic-layout",
            "smile.svm-linear-layout",
            "weka.smo-layout",
            "weka.logistic-layout",
            "smile.logistic-minilm-q",
            "smile.svm-linear-cues-minilm-q",
            "smile.logistic-minilm-platt",
            "smile.logistic-cues-minilm-platt",
            "smile.svm-linear-cues-minilm-platt",
            "smile.nb-complement-cues-platt",
            "smile.logistic-cues-platt",
            "smile.svm-linear-cues-platt",
            "weka.smo-cues-platt",
            "weka.logistic-cues-platt",
            "smile.nb-complement-cues-temperature",
            "smile.logistic-cues-temperature",
            "smile.svm-linear-cues-temperature",
            "weka.smo-cues-temperature",
            "weka.logistic-cues-temperature",
            "stack-cues"),
        Learners.variants().stream().map(Learner::name).toList());
    assertEquals(14, Learners.variants().stream().filter(Learners::calibrated).count());
    assertTrue(Learners.all().stream().noneMatch(Learners::calibrated));
  }

  @Test
  void extraFeatureVariantsDifferFromTheirBaseOnlyInExtraFeatures() {
    for (Learner v : Stream.concat(Learners.all().stream(), Learners.variants().stream()).toList()) {
      if (v instanceof VectorLearner vl && vl.preprocessing().extras() != ExtraFeatures.NONE) {
        Learner base = Learners.byName(vl.baseName());
        Map<String, String> expected = new java.util.LinkedHashMap<>(base.hyperparameters());
        Map<String, String> actual = new java.util.LinkedHashMap<>(v.hyperparameters());
        assertEquals(vl.preprocessing().extras().describe(), actual.remove("extra_features"), v.name());
        assertEquals(expected, actual, v.name());
        assertEquals(vl.baseName() + "-" + vl.preprocessing().extras().suffix(), v.name());
      }
    }
  }

  @Test
  void byNameFindsEachLearnerAndRejectsUnknownNames() {
    List<Learner> every = Stream.concat(Learners.all().stream(), Learners.variants().stream()).toList();
    assertEquals(every.size(), every.stream().map(Learner::name).distinct().count(), "names are unique");
    for (Learner l : every) {
      org.junit.jupiter.api.Assertions.assertSame(l, Learners.byName(l.name()), l.name());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Learners.byName("weka.nope"));
    assertTrue(e.getMessage().startsWith("unknown learner 'weka.nope'; known: baseline.majority, "), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void vectorLearnersRecordPreprocessingFirstInAFixedOrder(Learner learner) {
    if (learner instanceof VectorLearner) {
      List<String> keys = new ArrayList<>(learner.hyperparameters().keySet());
      assertEquals(List.of("features", "feature_selection", "l2_normalize", "class_weights"), keys.subList(0, 4));
      assertTrue(List.of("none", "balanced", "unsupported").contains(learner.hyperparameters().get("class_weights")));
    }
    assertEquals(learner.hyperparameters(), learner.hyperparameters(), "hyperparameters are stable");
    for (Map.Entry<String, String> e : learner.hyperparameters().entrySet()) {
      assertNotNull(e.getValue(), e.getKey());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void trainsOnRealSentencesAndPredictsValidLabelsAndProbabilities(Learner learner) {
    TrainingSet train = ExternalDev.train();
    List<Example> test = ExternalDev.test();
    TrainedModel model = learner.fit(train, 7);
    assertEquals(train.labelNames(), model.labelNames());
    int k = train.labelNames().size();
    int correct = 0;
    for (Example e : test) {
      Prediction p = model.predict(e.text());
      assertTrue(p.label() >= 0 && p.label() < k, learner.name() + " label " + p.label());
      if (p.hasProbabilities()) {
        assertProbabilities(p, k, learner.name());
      }
      if (train.labelNames().get(p.label()).equals(e.label())) {
        correct++;
      }
    }
    assertTrue(correct > 0, learner.name() + " got nothing right");
  }

  static void assertProbabilities(Prediction p, int k, String who) {
    assertEquals(k, p.probabilities().length, who);
    double sum = 0;
    for (double q : p.probabilities()) {
      assertTrue(q >= 0 && q <= 1, who + " probability " + q);
      sum += q;
    }
    assertEquals(1.0, sum, 1e-9, who);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void sameSeedGivesIdenticalPredictions(Learner learner) {
    TrainingSet train = ExternalDev.train();
    List<String> test = ExternalDev.texts(ExternalDev.test());
    Prediction[] a = learner.fit(train, 42).predictAll(test);
    Prediction[] b = learner.fit(train, 42).predictAll(test);
    assertSamePredictions(a, b, learner.name());
  }

  @Test
  void seededLearnersGiveTheSamePredictionsWhenFittedConcurrently() throws Exception {
    TrainingSet train = ExternalDev.train();
    List<String> test = ExternalDev.texts(ExternalDev.test());
    List<Learner> seeded = Stream.of("baseline.stratified", "smile.svm-linear", "smile.random-forest", "weka.random-forest")
        .map(Learners::byName)
        .toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Learner l : seeded) {
        Prediction[] expected = l.fit(train, 5).predictAll(test);
        List<Future<Prediction[]>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          runs.add(pool.submit(() -> l.fit(train, 5).predictAll(test)));
        }
        for (Future<Prediction[]> f : runs) {
          assertSamePredictions(expected, f.get(), l.name());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theSeedMattersToRandomisedLearners() {
    TrainingSet train = ExternalDev.train();
    List<String> test = ExternalDev.texts(ExternalDev.test());
    for (String name : List.of("baseline.stratified", "smile.random-forest", "weka.random-forest")) {
      Learner l = Learners.byName(name);
      Prediction[] a = l.fit(train, 1).predictAll(test);
      Prediction[] b = l.fit(train, 2).predictAll(test);
      boolean differ = false;
      for (int i = 0; i < a.length && !differ; i++) {
        differ = a[i].label() != b[i].label() || !java.util.Arrays.equals(a[i].probabilities(), b[i].probabilities());
      }
      assertTrue(differ, name + " gave the same predictions for seeds 1 and 2");
    }
  }

  static void assertSamePredictions(Prediction[] a, Prediction[] b, String who) {
    assertEquals(a.length, b.length);
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i].label(), b[i].label(), who + " sentence " + i);
      assertArrayEquals(a[i].probabilities(), b[i].probabilities(), who + " sentence " + i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void aClassMissingFromTheTrainingFoldIsNeverPredicted(Learner learner) {
    TrainingSet all = ExternalDev.train();
    int partygate = all.labelNames().indexOf("partygate");
    List<String> texts = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.labels()[i] != partygate) {
        texts.add(all.texts().get(i));
        labels.add(all.labels()[i]);
      }
    }
    TrainingSet train = new TrainingSet(texts, labels.stream().mapToInt(Integer::intValue).toArray(), all.labelNames());
    TrainedModel model = learner.fit(train, 3);
    for (String text : ExternalDev.texts(ExternalDev.test())) {
      Prediction p = model.predict(text);
      assertFalse(p.label() == partygate, learner.name() + " predicted an unseen class for: " + text);
      if (p.hasProbabilities()) {
        assertProbabilities(p, all.labelNames().size(), learner.name());
        assertEquals(0.0, p.probabilities()[partygate], learner.name());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void aSingleClassFoldPredictsThatClass(Learner learner) {
    List<String> names = List.of("boilerplate", "misconduct", "partygate", "political_response");
    TrainingSet train = new TrainingSet(
        List.of("The watchdog found messages.", "Officers were dismissed.", "Two officers still serve."),
        new int[] {1, 1, 1},
        names);
    TrainedModel model = learner.fit(train, 1);
    for (String text : List.of("Messages were shared.", "Read more", "Sadiq Khan said nothing.")) {
      Prediction p = model.predict(text);
      assertEquals(1, p.label(), learner.name() + " on: " + text);
      if (p.hasProbabilities()) {
        assertEquals(1.0, p.probabilities()[1], 1e-12, learner.name());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void anEmptyTrainingSetIsRejected(Learner learner) {
    TrainingSet empty = new TrainingSet(List.of(), new int[0], List.of("a", "b"));
    assertThrows(IllegalArgumentException.class, () -> learner.fit(empty, 1));
  }
}
