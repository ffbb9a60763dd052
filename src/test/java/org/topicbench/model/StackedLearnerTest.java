package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.Dataset;
import org.topicbench.data.Example;
import org.topicbench.data.InputException;
import org.topicbench.data.Seeds;
import org.topicbench.model.smile.SmileMetaLogistic;
import org.topicbench.testsupport.Fixtures;

/**
 * Stacking: the meta-learner learns from out-of-fold base probabilities of the training set only, trusts
 * the informative base learner over an uninformative one, and a stack is a spec like any other.
 */
class StackedLearnerTest {
  private record Split(TrainingSet train, List<String> testTexts, int[] testLabels) {}

  private static Split split(long seed) {
    Dataset d = Fixtures.dataset("s", 8, 8, seed);
    List<String> labels = d.labels();
    List<String> texts = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    List<String> test = new ArrayList<>();
    List<Integer> testY = new ArrayList<>();
    for (Example e : d.examples()) {
      boolean held = e.group().equals("doc0") || e.group().equals("doc1");
      (held ? test : texts).add(e.text());
      (held ? testY : ys).add(labels.indexOf(e.label()));
    }
    return new Split(new TrainingSet(texts, ys.stream().mapToInt(Integer::intValue).toArray(), labels), test,
        testY.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void everyFitSeesOnlyTheTrainingSetAndTheMetaLearnerOnlyOutOfFoldPredictions() {
    Split s = split(4);
    Fixtures.Spy a = new Fixtures.Spy("a", 0, 0.8);
    Fixtures.Spy b = new Fixtures.Spy("b", 1, 0.6);
    StackedLearner stack = new StackedLearner("st", List.of(a, b), 3, new SmileMetaLogistic(0.01));
    stack.fit(s.train(), 11);
    Set<String> allowed = new HashSet<>(s.train().texts());
    for (Fixtures.Spy spy : List.of(a, b)) {
      assertEquals(3 + 1, spy.trained.size(), "three inner fits and the final one");
      for (var e : spy.trained.entrySet()) {
        assertTrue(allowed.containsAll(e.getValue()), "a base fit saw a test sentence");
        for (String asked : spy.asked.get(e.getKey())) {
          assertTrue(allowed.contains(asked), "a base model was asked about a test sentence while fitting");
          if (e.getValue().size() < s.train().size()) {
            assertTrue(!e.getValue().contains(asked), "an inner prediction came from a fit that saw the sentence");
          }
        }
      }
    }
    assertEquals(s.train().texts(), a.trained.get(Seeds.derive(11, "stack-base", 0)), "final fit: the whole set");
    assertEquals(s.train().texts(), b.trained.get(Seeds.derive(11, "stack-base", 1)));
  }

  @Test
  void theMetaLearnerFollowsTheInformativeBaseLearner() {
    Split s = split(9);
    Learner informative = new Fixtures.FirstWord();
    Learner constant = new Fixtures.Spy("constant", 0, 0.9);
    TrainedModel st = new StackedLearner("st", List.of(constant, informative), 4, new SmileMetaLogistic(0.01))
        .fit(s.train(), 3);
    TrainedModel fw = informative.fit(s.train(), 3);
    int stackRight = 0;
    int firstWordRight = 0;
    int constantRight = 0;
    for (int i = 0; i < s.testTexts().size(); i++) {
      String t = s.testTexts().get(i);
      stackRight += st.predict(t).label() == s.testLabels()[i] ? 1 : 0;
      firstWordRight += fw.predict(t).label() == s.testLabels()[i] ? 1 : 0;
      constantRight += s.testLabels()[i] == 0 ? 1 : 0;
      assertEquals(1, java.util.Arrays.stream(st.predict(t).probabilities()).sum(), 1e-9);
    }
    assertTrue(stackRight >= firstWordRight - 1, "stack " + stackRight + " vs first word " + firstWordRight);
    assertTrue(stackRight > constantRight, "stack " + stackRight + " vs constant " + constantRight);
  }

  @Test
  void aStackIsASpec(@TempDir Path dir) throws Exception {
    Learner l = LearnerSpecs.learner("stack -B smile.nb-complement -B \"smile.logistic lambda=0.1\" folds=3");
    assertTrue(l.spec().startsWith("stack -B \"smile.nb-complement smoothing=1.0 "), l.spec());
    assertTrue(l.spec().endsWith(" folds=3 meta.lambda=0.01"), l.spec());
    assertEquals(l.spec(), LearnerSpecs.learner(l.spec()).spec(), "the full spec builds the same learner");
    assertTrue(l.hyperparameters().get("base.2").startsWith("smile.logistic lambda=0.1 "));
    StackedLearner inner = assertInstanceOf(StackedLearner.class, ((SpecLearner) l).inner());
    assertEquals(2, inner.base().size());
    assertInstanceOf(CalibratedLearner.class,
        ((SpecLearner) LearnerSpecs.learner("stack -B smile.nb-complement -B smile.logistic calibration=platt")).inner());
    // a model file keeps it
    Split s = split(2);
    TrainedModel m = l.fit(s.train(), 5);
    Path file = dir.resolve("stack.model");
    ModelFile.write(file, new ModelFile.Header("0.1.0", l.name(), l.hyperparameters(), "", s.train().labelNames(), 5,
        List.of()), m, s.train().texts());
    TrainedModel back = ModelFile.read(file).model();
    for (String t : s.testTexts()) {
      assertArrayEquals(m.predict(t).probabilities(), back.predict(t).probabilities(), 0);
    }
  }

  private static void assertBad(String spec, String why) {
    InputException e = assertThrows(InputException.class, () -> LearnerSpecs.learner(spec), spec);
    assertEquals("spec '" + spec + "': " + why, e.getMessage());
  }

  @Test
  void badStacksAreOneLineErrors() {
    assertBad("stack -B smile.logistic", "stack needs at least two base learners (-B \"SPEC\" -B \"SPEC\"), got 1");
    assertBad("stack -B smile.logistic -B nope", "base learner spec 'nope': unknown learner 'nope' (not a preset, an"
        + " algorithm or weka:CLASS; 'topicbench learners' lists them)");
    assertBad("stack -B smile.logistic -B \"stack -B a -B b\"", "-B 'stack -B a -B b': a base learner must be a learner"
        + " spec, not a stack");
    assertBad("stack -B smile.logistic -B smile.knn colour=red", "unknown setting 'colour=red' of stack (known: -B SPEC,"
        + " folds, meta.lambda, calibration)");
    assertBad("stack -B smile.logistic -B smile.knn folds=1", "folds: must be 2 to 100, got 1");
    assertBad("stack -B smile.logistic -B smile.knn -B", "-B needs a base learner spec after it");
  }
}
