package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.Dataset;
import org.topicbench.data.Example;
import org.topicbench.data.InputException;
import org.topicbench.testsupport.Fixtures;

/**
 * Calibrated learners: the map is fitted on inner folds of the training set only, the final model is the
 * uncalibrated learner's own fit, specs take {@code calibration=} on any learner, and a calibrated model
 * survives a model file.
 */
class CalibratedLearnerTest {
  private record Split(TrainingSet train, List<String> heldOut) {}

  private static Split split() {
    Dataset d = Fixtures.dataset("c", 6, 8, 3);
    List<String> labels = d.labels();
    List<String> texts = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    List<String> held = new ArrayList<>();
    for (Example e : d.examples()) {
      if (e.group().equals("doc0")) {
        held.add(e.text());
      } else {
        texts.add(e.text());
        ys.add(labels.indexOf(e.label()));
      }
    }
    return new Split(new TrainingSet(texts, ys.stream().mapToInt(Integer::intValue).toArray(), labels), held);
  }

  @Test
  void theMapSeesOnlyTheTrainingSetAndItsInnerFolds() {
    Split s = split();
    Fixtures.Spy spy = new Fixtures.Spy("spy", 0, 0.9);
    CalibratedLearner c = new CalibratedLearner(spy, Calibration.Method.PLATT, 4, false);
    TrainedModel m = c.fit(s.train(), 9);
    Set<String> allowed = new HashSet<>(s.train().texts());
    assertEquals(4 + 1, spy.trained.size(), "four inner fits and the final one");
    for (List<String> seen : spy.trained.values()) {
      assertTrue(allowed.containsAll(seen), "a fit saw a held-out sentence");
    }
    Set<String> asked = new HashSet<>();
    spy.asked.values().forEach(asked::addAll);
    assertTrue(allowed.containsAll(asked), "an inner model was asked about a held-out sentence");
    assertEquals(allowed, asked, "every training sentence is predicted out of fold once");
    assertEquals(s.train().texts(), spy.trained.get(9L), "the final fit is on the whole training set, with the seed");
    for (Map.Entry<Long, List<String>> e : spy.trained.entrySet()) {
      if (e.getKey() != 9L) {
        assertTrue(e.getValue().size() < s.train().size(), "an inner fit holds a fold out");
      }
    }
    // the spy says 0.9 for label 0 whatever the truth: the calibrated probability of label 0 is its frequency
    Prediction p = m.predict(s.heldOut().getFirst());
    double share0 = java.util.Arrays.stream(s.train().labels()).filter(y -> y == 0).count() / (double) s.train().size();
    assertTrue(Math.abs(p.probabilities()[0] - share0) < 0.1, p.probabilities()[0] + " vs " + share0);
    assertTrue(p.probabilities()[0] < 0.8, "over-confidence reduced");
  }

  @Test
  void theFinalModelIsTheUncalibratedFitAndTemperatureKeepsItsLabels() {
    Split s = split();
    Learner plain = LearnerSpecs.learner("smile.logistic");
    Learner cal = LearnerSpecs.learner("smile.logistic calibration=temperature calibration.folds=3");
    TrainedModel a = plain.fit(s.train(), 5);
    CalibratedLearner.Model b = assertInstanceOf(CalibratedLearner.Model.class, cal.fit(s.train(), 5));
    for (String t : s.heldOut()) {
      assertArrayEquals(a.predict(t).probabilities(), b.inner().predict(t).probabilities(), 0);
      assertEquals(a.predict(t).label(), b.predict(t).label());
    }
    assertInstanceOf(Calibration.Temperature.class, b.calibrator());
  }

  @Test
  void specsTakeCalibrationOnAnyLearnerAndWriteItOut() {
    Learner l = LearnerSpecs.learner("smile.nb-complement calibration=isotonic");
    assertTrue(l.spec().endsWith(" calibration=isotonic calibration.folds=5"), l.spec());
    assertEquals("isotonic", l.hyperparameters().get("calibration"));
    assertEquals("5", l.hyperparameters().get("calibration.folds"));
    assertEquals(l.spec(), LearnerSpecs.learner(l.spec()).spec(), "the full spec builds the same learner");
    Learner w = LearnerSpecs.learner("weka.smo calibration=platt");
    CalibratedLearner cw = assertInstanceOf(CalibratedLearner.class, ((SpecLearner) w).inner());
    assertTrue(cw.balanced(), "weka.smo weighs classes: its Platt scaling is weighted");
    CalibratedLearner cr = assertInstanceOf(CalibratedLearner.class,
        ((SpecLearner) LearnerSpecs.learner("baseline.rules calibration=platt")).inner());
    assertFalse(cr.balanced());
    assertFalse(LearnerSpecs.learner("smile.logistic").spec().contains("calibration"), "none is not written");
    assertEquals(3, LearnerSpecs.expand("smile.logistic calibration=platt|isotonic|temperature", null).size());
    assertEquals("smile.logistic calibration=isotonic",
        LearnerSpecs.expand("smile.logistic calibration=platt|isotonic|temperature", null).get(1).name());
  }

  @Test
  void badCalibrationSettingsAreOneLineErrors() {
    InputException e = assertThrows(InputException.class, () -> LearnerSpecs.learner("smile.logistic calibration=beta"));
    assertEquals("spec 'smile.logistic calibration=beta': must be one of none, platt, isotonic, temperature, got"
        + " 'beta'", e.getMessage());
    e = assertThrows(InputException.class, () -> LearnerSpecs.learner("weka.j48 calibration.folds=1"));
    assertEquals("spec 'weka.j48 calibration.folds=1': calibration.folds: must be 2 to 100, got 1", e.getMessage());
  }

  @Test
  void aCalibratedModelSurvivesItsModelFile(@TempDir Path dir) throws Exception {
    Split s = split();
    Learner l = LearnerSpecs.learner("smile.logistic calibration=platt calibration.folds=3");
    TrainedModel m = l.fit(s.train(), 1);
    Path file = dir.resolve("m.model");
    ModelFile.Header h = new ModelFile.Header("0.1.0", l.name(), l.hyperparameters(), "", s.train().labelNames(), 1,
        List.of());
    ModelFile.write(file, h, m, s.train().texts());
    assertTrue(Files.size(file) > 0);
    ModelFile.Loaded back = ModelFile.read(file);
    for (String t : s.heldOut()) {
      assertArrayEquals(m.predict(t).probabilities(), back.model().predict(t).probabilities(), 0);
    }
  }
}
