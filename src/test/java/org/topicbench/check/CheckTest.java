package org.topicbench.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.check.CheckReport.Flips;
import org.topicbench.check.CheckReport.LearnerCheck;
import org.topicbench.check.CheckReport.MetricChange;
import org.topicbench.check.CheckReport.Status;
import org.topicbench.check.CheckReport.Verdict;
import org.topicbench.check.RunData.DatasetInfo;
import org.topicbench.check.RunData.Figures;
import org.topicbench.check.RunData.Key;
import org.topicbench.check.RunData.LearnerInfo;
import org.topicbench.check.RunData.Outcome;
import org.topicbench.check.RunData.ProtocolInfo;
import org.topicbench.check.RunData.Slot;
import org.topicbench.data.Dataset;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.model.Learner;
import org.topicbench.testsupport.Doubles;

class CheckTest {
  @TempDir Path tmp;

  private static final String ACCEPT = "bin/topicbench check --update";

  private RunData run(String dir, List<? extends Learner> learners) {
    return RunReader.read(Doubles.run(tmp.resolve(dir), learners));
  }

  private static LearnerCheck learner(CheckReport r, String protocol, String name) {
    return r.protocols().stream().filter(p -> p.protocol().equals(protocol) || p.protocol().endsWith("/" + protocol))
        .findFirst().orElseThrow().learners()
        .stream().filter(l -> l.learner().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theGoodDoubleIsRightOnEverySentenceAndTheDegradedOnesAreNot() {
    RunData good = run("good", List.of(new Doubles.Words("t.words")));
    RunData blind = run("blind", List.of(new Doubles.HalfBlind("t.words")));
    RunData flipped = run("flipped", List.of(new Doubles.Flipping(new Doubles.Words("t.words"))));
    for (ProtocolInfo p : good.protocols()) {
      Key k = new Key(p.id(), "t.words");
      assertEquals(1.0, good.figures().get(k).accuracy(), p.id());
      assertTrue(blind.figures().get(k).accuracy() < 0.95, p.id() + " " + blind.figures().get(k));
      assertTrue(flipped.figures().get(k).accuracy() < 0.9, p.id() + " " + flipped.figures().get(k));
    }
  }

  @Test
  void anUnchangedRunPasses() {
    List<Doubles.Words> learners = List.of(new Doubles.Words("t.words"), new Doubles.HalfBlind("t.blind"));
    CheckReport r = Check.compare(run("a", learners), run("b", learners), Check.Options.defaults());
    assertTrue(r.passed());
    assertFalse(r.changed());
    assertEquals(3, r.protocols().size());
    for (var p : r.protocols()) {
      assertEquals(2, p.learners().size());
      for (LearnerCheck l : p.learners()) {
        assertEquals(Status.UNCHANGED, l.status());
        assertEquals(2 + 3, l.metrics().size(), "accuracy, macro_f1 and one F1 per label");
        assertEquals(0, l.flips().rightToWrong() + l.flips().wrongToRight());
        assertEquals(1.0, l.flips().mcnemarP());
      }
    }
    // kfold 3x2 on 48 sentences: every sentence paired in both repetitions
    Flips f = learner(r, "kfold", "t.words").flips();
    assertEquals(96, f.paired());
    assertEquals(48, f.sentences());
    String text = CheckText.render(r, ACCEPT);
    assertTrue(text.contains("RESULT: PASSED (exit 0): every tracked metric and every prediction as in the baseline"),
        text);
    assertFalse(text.contains("--update"), "nothing to accept: " + text);
  }

  @Test
  void aLearnerThatIgnoresHalfItsFeaturesFailsNamingItself() {
    RunData base = run("base", List.of(new Doubles.Words("t.words"), new Doubles.Words("t.other")));
    RunData now = run("now", List.of(new Doubles.HalfBlind("t.words"), new Doubles.Words("t.other")));
    CheckReport r = Check.compare(base, now, Check.Options.defaults());
    assertFalse(r.passed());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    for (String p : List.of("kfold", "loo-doc", "split")) {
      LearnerCheck l = learner(r, p, "t.words");
      assertEquals(Status.DROPPED, l.status(), p);
      MetricChange acc = l.metrics().getFirst();
      assertEquals("accuracy", acc.metric());
      assertEquals(Verdict.DROP, acc.verdict());
      assertEquals(1.0, acc.baseline());
      assertTrue(l.flips().rightToWrong() > 0 && l.flips().wrongToRight() == 0, l.flips().toString());
      assertEquals(Status.UNCHANGED, learner(r, p, "t.other").status(), "the other learner is untouched");
    }
    assertTrue(r.drops().stream().allMatch(d -> d.learner().learner().equals("t.words")));
    String text = CheckText.render(r, ACCEPT);
    assertTrue(text.contains("RESULT: FAILED (exit 1)"), text);
    assertTrue(text.contains("  t.words: DROPPED\n"), text);
    String verdict = text.substring(text.indexOf("RESULT:"));
    assertTrue(verdict.lines().anyMatch(l -> l.matches("\\s+train/kfold\\s+t\\.words\\s+accuracy\\s+1\\.000000 -> .*")),
        verdict);
    assertFalse(verdict.contains("t.other"), verdict);
    assertTrue(verdict.contains("If the change is intended, accept it: " + ACCEPT), verdict);
  }

  @Test
  void aWrapperThatFlipsPredictionsFailsWithItsFlipsCounted() {
    RunData base = run("base", List.of(new Doubles.Words("t.words")));
    RunData now = run("now", List.of(new Doubles.Flipping(new Doubles.Words("t.words"))));
    CheckReport r = Check.compare(base, now, Check.Options.defaults());
    assertFalse(r.passed());
    Flips f = learner(r, "split", "t.words").flips();
    // every flipped prediction of a perfect learner turns right into wrong
    assertEquals(20, f.paired());
    assertEquals(f.rightToWrong(), f.sentencesWorse());
    assertEquals(0, f.wrongToRight());
    assertEquals(Math.min(1, 2 * Math.pow(0.5, f.rightToWrong())), f.mcnemarP(), 1e-12);
  }

  @Test
  void anImprovedLearnerPassesAndSaysHowToAcceptIt() {
    RunData base = run("base", List.of(new Doubles.HalfBlind("t.words")));
    RunData now = run("now", List.of(new Doubles.Words("t.words")));
    CheckReport r = Check.compare(base, now, Check.Options.defaults());
    assertTrue(r.passed());
    assertTrue(r.changed());
    assertTrue(r.drops().isEmpty());
    assertFalse(r.improvements().isEmpty());
    assertEquals(Status.IMPROVED, learner(r, "kfold", "t.words").status());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("t.words has new hyperparameters: features tokens at even"
        + " positions -> all tokens")), r.notes().toString());
    String text = CheckText.render(r, ACCEPT);
    assertTrue(text.contains("RESULT: PASSED (exit 0): "), text);
    assertTrue(text.contains("metrics improved"), text);
    assertTrue(text.contains("  improved:\n"), text);
    assertTrue(text.contains("To accept the new figures as the baseline: " + ACCEPT), text);
    String md = CheckMarkdown.render(r, ACCEPT);
    assertTrue(md.startsWith("## Accuracy check passed\n"), md);
    assertTrue(md.contains("**Improved:**"), md);
    assertTrue(md.contains("`" + ACCEPT + "`"), md);
  }

  @Test
  void aRemovedLearnerFailsUnlessLeftOutByTheFilter() {
    RunData base = run("base", List.of(new Doubles.Words("t.a"), new Doubles.Words("t.b")));
    RunData now = run("now", List.of(new Doubles.Words("t.a")));
    CheckReport r = Check.compare(base, now, Check.Options.defaults());
    assertFalse(r.passed());
    assertEquals(List.of("learner t.b is in the baseline but not in this run"), r.problems());
    assertEquals(Status.REMOVED, learner(r, "kfold", "t.b").status());
    assertNull(learner(r, "kfold", "t.b").flips());

    CheckReport filtered = Check.compare(base, now, new Check.Options(0.005, Set.of("t.a"), false));
    assertTrue(filtered.passed());
    assertEquals(List.of("not checked (not selected): t.b"), filtered.notes());
    assertTrue(CheckText.render(filtered, ACCEPT).contains("note: not checked (not selected): t.b"));

    assertThrows(IllegalArgumentException.class,
        () -> Check.compare(base, now, new Check.Options(0.005, Set.of("t.nope"), false)));
  }

  @Test
  void aNewLearnerIsNotedAndPasses() {
    RunData base = run("base", List.of(new Doubles.Words("t.a")));
    RunData now = run("now", List.of(new Doubles.Words("t.a"), new Doubles.HalfBlind("t.new")));
    CheckReport r = Check.compare(base, now, Check.Options.defaults());
    assertTrue(r.passed());
    assertTrue(r.changed());
    assertEquals(List.of("learner t.new is new: not in the baseline"), r.notes());
    LearnerCheck l = learner(r, "split", "t.new");
    assertEquals(Status.NEW, l.status());
    assertTrue(l.metrics().stream().allMatch(m -> m.verdict() == Verdict.ONE_SIDED));
  }

  @Test
  void aDatasetWithAnotherSha256FailsUnlessAllowed() {
    RunData base = run("base", List.of(new Doubles.Words("t.a")));
    Dataset changed = Doubles.dataset("train", 4, 12, 1, 'f');
    RunData now = RunReader.read(Doubles.run(tmp.resolve("now"), Doubles.protocols(changed, Doubles.test()),
        List.of(new Doubles.Words("t.a")), 2022));
    CheckReport r = Check.compare(base, now, Check.Options.defaults());
    assertFalse(r.passed());
    assertEquals(
        List.of("dataset train.csv has sha256 ffffffffffff, the baseline's had 000000000000 [train/kfold, train/loo-doc, train/split]: a"
            + " different experiment; re-baseline with --update, or compare anyway with --allow-dataset-change"),
        r.problems());
    CheckReport allowed = Check.compare(base, now, new Check.Options(0.005, null, true));
    assertTrue(allowed.passed());
    assertTrue(allowed.notes().getFirst().endsWith("compared anyway (--allow-dataset-change)"), allowed.notes().toString());
  }

  @Test
  void anotherSeedOrFoldCountIsADifferentExperiment() {
    RunData base = run("base", List.of(new Doubles.Words("t.a")));
    RunData seed = RunReader.read(Doubles.run(tmp.resolve("seed"), Doubles.protocols(Doubles.train(), Doubles.test()),
        List.of(new Doubles.Words("t.a")), 7));
    assertEquals(List.of("seed 7 differs from the baseline's 2022: a different experiment"),
        Check.compare(base, seed, Check.Options.defaults()).problems());
    RunData folds = RunReader.read(Doubles.run(tmp.resolve("folds"),
        List.of(ProtocolSpec.kfold(Doubles.train(), 4, 2)), List.of(new Doubles.Words("t.a")), 2022));
    assertEquals(
        List.of("train/kfold runs 4 folds x 2 repetitions, the baseline 3 x 2: a different experiment",
            "protocol train/loo-doc is in the baseline but not in this run",
            "protocol train/split is in the baseline but not in this run"),
        Check.compare(base, folds, Check.Options.defaults()).problems());
  }

  // ---------------------------------------------------------------- hand-made runs

  /** One protocol ("p", labels a and b), one learner ("l"), the given figures and predictions. */
  private static RunData handMade(double accuracy, double macroF1, double f1a, double f1b, int repetitions,
      SequencedMap<Slot, Outcome> predictions) {
    SequencedMap<String, Double> f1 = new LinkedHashMap<>();
    f1.put("a", f1a);
    f1.put("b", f1b);
    int sentences = predictions.size() / repetitions;
    ProtocolInfo p = new ProtocolInfo("p", "p on d", 0, repetitions,
        List.of(new DatasetInfo("data", "d", "d.csv", "0".repeat(64), sentences)), List.of("a", "b"));
    Key k = new Key("p", "l");
    return new RunData(Path.of("hand"), "id", "unknown", 1, List.of(p), List.of(new LearnerInfo("l",
        new LinkedHashMap<>())), Map.of(k, new Figures(repetitions, sentences, accuracy, macroF1, f1)),
        Map.of(k, predictions));
  }

  private static SequencedMap<Slot, Outcome> predictions(int repetitions, String truth, String... predicted) {
    SequencedMap<Slot, Outcome> m = new LinkedHashMap<>();
    int n = predicted.length / repetitions;
    for (int r = 0; r < repetitions; r++) {
      for (int i = 0; i < n; i++) {
        m.put(new Slot(r, "d", "s" + i), new Outcome(truth.substring(i, i + 1), predicted[r * n + i]));
      }
    }
    return m;
  }

  @Test
  void mcnemarIsTheExactTestOnTheFlippedSentences() {
    // one repetition, 5 sentences all of label a; the baseline gets all right, now 3 wrong: b = 3, c = 0,
    // p = 2 * P(X <= 0), X ~ Bin(3, 1/2) = 2/8
    Flips f = Check.flips(predictions(1, "aaaaa", "a", "a", "a", "a", "a"),
        predictions(1, "aaaaa", "b", "b", "b", "a", "a"), 1);
    assertEquals(new Flips(5, 5, 1, 0, 3, 0, 0, 3, 0, 0.25), f);
    // two repetitions of 6 sentences: s0..s3 go from wrong to right in both repetitions, s4 from right to
    // wrong in one repetition only; s5 unchanged. Sentences worse 1, better 4: p = 2 * P(X <= 1), X ~ Bin(5, 1/2)
    // = 2 * 6/32 = 0.375
    Flips g = Check.flips(
        predictions(2, "aaaaaa", "b", "b", "b", "b", "a", "a", /* rep 1 */ "b", "b", "b", "b", "a", "a"),
        predictions(2, "aaaaaa", "a", "a", "a", "a", "b", "a", /* rep 1 */ "a", "a", "a", "a", "a", "a"), 2);
    assertEquals(new Flips(12, 6, 2, 0, 1, 8, 0, 1, 4, 0.375), g);
  }

  @Test
  void aDropExactlyAtTheToleranceStillPasses() {
    SequencedMap<Slot, Outcome> same = predictions(1, "ab", "a", "b");
    RunData base = handMade(0.5, 0.5, 0.5, 0.5, 1, same);
    Check.Options tol = new Check.Options(0.005, null, false);
    CheckReport at = Check.compare(base, handMade(0.495, 0.5, 0.5, 0.5, 1, same), tol);
    assertTrue(at.passed());
    assertEquals(Verdict.DOWN, at.protocols().getFirst().learners().getFirst().metrics().getFirst().verdict());
    CheckReport beyond = Check.compare(base, handMade(0.494999, 0.5, 0.5, 0.5, 1, same), tol);
    assertFalse(beyond.passed());
    assertEquals("accuracy", beyond.drops().getFirst().metric().metric());
    // figures moved without a single prediction changing: the reader is told so
    assertTrue(beyond.notes().contains(
        "p l: figures differ but no prediction changed: the metric code or the baseline's files changed"),
        beyond.notes().toString());
  }

  @Test
  void anF1UndefinedOnOneSideIsShownButNotTracked() {
    SequencedMap<Slot, Outcome> same = predictions(1, "ab", "a", "b");
    CheckReport r = Check.compare(handMade(0.5, 0.5, 0.5, Double.NaN, 1, same), handMade(0.5, 0.5, 0.5, 0.0, 1, same),
        Check.Options.defaults());
    assertTrue(r.passed());
    MetricChange b = r.protocols().getFirst().learners().getFirst().metrics().get(3);
    assertEquals("f1[b]", b.metric());
    assertEquals(Verdict.UNDEFINED, b.verdict());
  }

  @Test
  void toleranceMustBeAFractionBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Check.Options(-0.1, null, false));
    assertEquals("tolerance must be in [0, 1), got -0.1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Check.Options(Double.NaN, null, false));
    assertThrows(IllegalArgumentException.class, () -> new Check.Options(1, null, false));
  }
}
