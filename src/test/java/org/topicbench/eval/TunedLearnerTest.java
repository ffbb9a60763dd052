package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.topicbench.data.Dataset;
import org.topicbench.data.Seeds;
import org.topicbench.model.LearnerSpecs;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;
import org.topicbench.testsupport.Fixtures.Spy;
import org.topicbench.testsupport.Fixtures;

/**
 * Tuned learners choose by nested cross-validation: the choice is the best inner score (ties to the
 * first), and no outer test sentence ever reaches it. The proof uses a spy learner that records, per fit
 * seed, every sentence it was trained on and every sentence it was asked about.
 */
class TunedLearnerTest {
  private static TunedLearner tuned(Spy... spies) {
    List<LearnerSpecs.Candidate> grid = new ArrayList<>();
    for (int i = 0; i < spies.length; i++) {
      grid.add(new LearnerSpecs.Candidate("answer=" + spies[i].answer, spies[i]));
    }
    return new TunedLearner("tuned", "spy answer=...", grid, 3, "accuracy");
  }

  @Test
  void theChoiceIsTheBestInnerScoreWithTiesToTheFirst() {
    Dataset d = Fixtures.dataset("t", 6, 8, 3);
    List<String> labels = d.labels();
    List<String> texts = d.examples().stream().map(e -> e.text()).toList();
    int[] y = d.examples().stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
    TrainingSet train = new TrainingSet(texts, y, labels);
    // constant learners: the inner accuracy of "always c" is the share of label c
    int[] count = new int[labels.size()];
    for (int v : y) {
      count[v]++;
    }
    int majority = 0;
    for (int c = 1; c < count.length; c++) {
      if (count[c] > count[majority]) {
        majority = c;
      }
    }
    int other = (majority + 1) % labels.size();
    TunedLearner t = tuned(new Spy("a", other), new Spy("b", majority), new Spy("c", majority));
    TuningRecord r = t.choose(train, 9);
    assertEquals((double) count[other] / y.length, r.scores()[0], 1e-12);
    assertEquals((double) count[majority] / y.length, r.scores()[1], 1e-12);
    assertEquals(r.scores()[1], r.scores()[2], 0.0);
    assertEquals(1, r.chosen(), "the best, and of two equal the first");
    assertEquals(List.of("answer=" + other, "answer=" + majority, "answer=" + majority), r.values());
  }

  @Test
  void noHeldOutSentenceReachesTheChoiceWhenFittedDirectly() {
    Dataset d = Fixtures.dataset("t", 6, 8, 5);
    List<String> labels = d.labels();
    List<String> trainTexts = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    Set<String> heldOut = new HashSet<>();
    for (int i = 0; i < d.size(); i++) {
      var e = d.examples().get(i);
      if (e.group().equals("doc0")) {
        heldOut.add(e.text());
      } else {
        trainTexts.add(e.text());
        ys.add(labels.indexOf(e.label()));
      }
    }
    Spy a = new Spy("a", 0);
    Spy b = new Spy("b", 1);
    TunedLearner t = tuned(a, b);
    TrainedModel m = t.fit(new TrainingSet(trainTexts, ys.stream().mapToInt(Integer::intValue).toArray(), labels), 17);
    Set<String> allowed = new HashSet<>(trainTexts);
    int fits = 0;
    for (Spy s : List.of(a, b)) {
      for (Map.Entry<Long, List<String>> e : s.trained.entrySet()) {
        fits++;
        assertTrue(allowed.containsAll(e.getValue()), "a fit saw a held-out sentence");
        assertTrue(allowed.containsAll(s.asked.get(e.getKey())), "a candidate was asked about a held-out sentence");
      }
    }
    assertEquals(2 * 3 + 1, fits, "two candidates x three inner folds, and the final fit");
    assertTrue(m instanceof TunedLearner.Model);
  }

  /** Through a whole evaluation: every inner fit of every outer fold sees only that fold's training sentences. */
  @Test
  void inAnEvaluationEveryInnerFitSeesOnlyItsOuterTrainingFold() {
    Dataset d = Fixtures.dataset("t", 6, 8, 11);
    Spy a = new Spy("a", 0);
    Spy b = new Spy("b", 1);
    TunedLearner t = tuned(a, b);
    long seed = 4;
    EvaluationResult r =
        Evaluation.run(new EvaluationSpec(List.of(ProtocolSpec.kfold(d, 3, 2)), List.of(t), seed, 0, 2));
    ProtocolResult pr = r.protocols().getFirst();
    FoldPlan plan = pr.plan();
    LearnerResult lr = pr.learner("tuned");
    for (int fi = 0; fi < plan.folds().size(); fi++) {
      Fold f = plan.folds().get(fi);
      Set<String> train = new HashSet<>();
      for (int i : f.train()) {
        train.add(plan.examples().get(i).text());
      }
      Set<String> test = new HashSet<>();
      for (int i : f.test()) {
        test.add(plan.examples().get(i).text());
      }
      long outer = Evaluation.learnerSeed(seed, plan.protocol(), "tuned", f);
      int inner = 0;
      for (int c = 0; c < 2; c++) {
        Spy s = c == 0 ? a : b;
        for (int k = 0; k < 3; k++) {
          List<String> seen = s.trained.get(Seeds.derive(outer, "tune", c, k));
          if (seen == null) {
            continue;
          }
          inner++;
          assertTrue(train.containsAll(seen), "fold " + fi + ": an inner fit was trained on an outer test sentence");
          assertFalse(seen.stream().anyMatch(test::contains));
          assertTrue(train.containsAll(s.asked.get(Seeds.derive(outer, "tune", c, k))),
              "fold " + fi + ": an inner fit was asked about an outer test sentence");
        }
      }
      assertEquals(6, inner, "fold " + fi + ": 2 candidates x 3 inner folds");
      TuningRecord rec = lr.tuning()[fi];
      Spy chosen = rec.chosen() == 0 ? a : b;
      assertEquals(train, new HashSet<>(chosen.trained.get(outer)), "the final fit is on the whole outer training fold");
    }
  }
}
