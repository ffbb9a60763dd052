package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.Dataset;
import org.topicbench.data.Example;
import org.topicbench.model.Learner;
import org.topicbench.run.RunFormat;
import org.topicbench.run.RunWriter;
import org.topicbench.testsupport.Fixtures;

class EvaluationTest {
  @TempDir Path tmp;

  private static EvaluationSpec spec(List<ProtocolSpec> protocols, List<Learner> learners, int threads) {
    return new EvaluationSpec(protocols, learners, 11, 200, threads);
  }

  @Test
  void everyLearnerTrainsOnExactlyTheSameFolds() {
    Dataset d = Fixtures.dataset("d", 6, 10, 1);
    Fixtures.Recording a = new Fixtures.Recording("rec.a", "alpha");
    Fixtures.Recording b = new Fixtures.Recording("rec.b", "beta");
    Evaluation.run(spec(List.of(ProtocolSpec.kfold(d, 5, 2), ProtocolSpec.looDoc(d)), List.of(a, b), 2));
    assertEquals(10 + 6, a.seen.size());
    List<List<String>> sa = new ArrayList<>(a.seen);
    List<List<String>> sb = new ArrayList<>(b.seen);
    Comparator<List<String>> byContent = Comparator.comparing(Object::toString);
    sa.sort(byContent);
    sb.sort(byContent);
    assertEquals(sa, sb);
  }

  /** A learner that fits alone never has another task beside it; the others may share the pool. */
  @Test
  void aLearnerThatFitsAloneRunsWithNothingBesideIt() {
    Dataset d = Fixtures.dataset("d", 6, 10, 1);
    java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger besideAlone = new java.util.concurrent.atomic.AtomicInteger();
    List<Learner> ls = new ArrayList<>();
    for (String name : List.of("rec.a", "rec.alone", "rec.b")) {
      boolean alone = name.equals("rec.alone");
      Fixtures.Recording inner = new Fixtures.Recording(name, "alpha");
      ls.add(new Learner() {
        @Override
        public String name() {
          return inner.name();
        }

        @Override
        public java.util.SequencedMap<String, String> hyperparameters() {
          return inner.hyperparameters();
        }

        @Override
        public boolean fitsAlone() {
          return alone;
        }

        @Override
        public org.topicbench.model.TrainedModel fit(org.topicbench.model.TrainingSet train, long seed) {
          running.incrementAndGet();
          try {
            for (int i = 0; i < 20; i++) {
              if (alone && running.get() > 1) {
                besideAlone.incrementAndGet();
              }
              Thread.sleep(1);
            }
            return inner.fit(train, seed);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          } finally {
            running.decrementAndGet();
          }
        }
      });
    }
    EvaluationResult one = Evaluation.run(spec(List.of(ProtocolSpec.kfold(d, 5, 2)), ls, 1));
    EvaluationResult four = Evaluation.run(spec(List.of(ProtocolSpec.kfold(d, 5, 2)), ls, 4));
    assertEquals(0, besideAlone.get(), "times another fit ran beside rec.alone's");
    assertEquals(one.protocols().getFirst().learner("rec.alone").accuracy().mean(),
        four.protocols().getFirst().learner("rec.alone").accuracy().mean(), 0.0);
  }

  @Test
  void constantLearnerScoresMatchHandComputation() {
    Dataset d = Fixtures.dataset("d", 6, 10, 2);
    long nAlpha = d.examples().stream().filter(e -> e.label().equals("alpha")).count();
    int n = d.size();
    EvaluationResult r =
        Evaluation.run(spec(List.of(ProtocolSpec.kfold(d, 5, 3)), List.of(new Fixtures.Recording("always.alpha", "alpha")), 2));
    LearnerResult l = r.protocols().getFirst().learner("always.alpha");
    // every sentence predicted alpha: accuracy = share of alpha in every repetition, SD 0
    assertEquals((double) nAlpha / n, l.accuracy().mean(), 1e-12);
    assertEquals(0.0, l.accuracy().sd(), 1e-12);
    // alpha: precision nAlpha/n, recall 1, F1 = 2 nAlpha / (n + nAlpha); beta and gamma present with F1 0
    double f1Alpha = 2.0 * nAlpha / (n + nAlpha);
    assertEquals(f1Alpha, l.f1()[0].mean(), 1e-12);
    assertEquals(f1Alpha / 3, l.macroF1Pooled().mean(), 1e-12);
    assertEquals(0.0, l.kappa().mean(), 1e-12);
    // probability 1 on alpha: log-loss = share of non-alpha * -ln(1e-15) (+ ~1e-15 for alpha)
    assertEquals((double) (n - nAlpha) / n * -Math.log(1e-15), l.logLoss().mean(), 1e-9);
    assertEquals(3 * nAlpha, l.confusion()[0][0]);
    assertEquals(3L * n, java.util.Arrays.stream(l.confusion()).flatMapToLong(java.util.Arrays::stream).sum());
    assertTrue(l.accuracy().ciLow() <= l.accuracy().mean() && l.accuracy().mean() <= l.accuracy().ciHigh());
    assertEquals(15, l.foldScores().length);
  }

  @Test
  void filesAreByteIdenticalAcrossRunsAndThreadCountsButTimings() throws IOException {
    Dataset d = Fixtures.dataset("d", 6, 10, 3);
    Dataset t = Fixtures.dataset("t", 3, 8, 4);
    List<ProtocolSpec> ps = List.of(ProtocolSpec.kfold(d, 4, 2), ProtocolSpec.looDoc(d), ProtocolSpec.split(d, t));
    List<Learner> ls = List.of(new Fixtures.FirstWord(), new Fixtures.SeededGuess(), new Fixtures.Recording("c", "beta"));
    EvaluationResult one = Evaluation.run(spec(ps, ls, 1));
    EvaluationResult two = Evaluation.run(spec(ps, ls, 2));
    EvaluationResult again = Evaluation.run(spec(ps, ls, 2));
    assertEquals(one.runId(), two.runId());
    RunWriter.write(one, tmp.resolve("one"));
    RunWriter.write(two, tmp.resolve("two"));
    RunWriter.write(again, tmp.resolve("again"));
    for (String f : RunFormat.FILES) {
      if (f.equals("timings.csv")) {
        continue;
      }
      byte[] expected = Files.readAllBytes(tmp.resolve("one").resolve(f));
      assertArrayEquals(expected, Files.readAllBytes(tmp.resolve("two").resolve(f)), f + " differs with 2 threads");
      assertArrayEquals(expected, Files.readAllBytes(tmp.resolve("again").resolve(f)), f + " differs on a rerun");
    }
    // the seed matters: another seed gives other guesses
    EvaluationResult other = Evaluation.run(spec(ps, ls, 2).withSeed(12));
    RunWriter.write(other, tmp.resolve("other"));
    assertFalse(
        java.util.Arrays.equals(
            Files.readAllBytes(tmp.resolve("one").resolve("predictions.csv")),
            Files.readAllBytes(tmp.resolve("other").resolve("predictions.csv"))));
    assertFalse(one.runId().equals(other.runId()));
  }

  @Test
  void aClearlyBetterLearnerIsMarkedSignificantOnSplitAndKfold() {
    Dataset d = Fixtures.dataset("d", 20, 21, 5);
    Dataset t = Fixtures.dataset("t", 10, 21, 6);
    Learner good = new Fixtures.FirstWord();
    Learner bad = new Fixtures.Recording("always.beta", "beta");
    EvaluationResult r =
        Evaluation.run(spec(List.of(ProtocolSpec.split(d, t), ProtocolSpec.kfold(d, 5, 2)), List.of(bad, good), 2));
    ProtocolResult split = r.protocols().get(0);
    assertEquals(List.of("test.first-word", "always.beta"), split.ranking());
    assertEquals(List.of("always.beta"), split.betterThan().get("test.first-word"));
    Comparison c = split.comparisons().getFirst();
    assertEquals("mcnemar_exact", c.test());
    assertEquals("always.beta", c.learnerA());
    assertTrue(c.bOnly() > c.aOnly());
    assertEquals(Statistics.mcnemarExactP(c.aOnly(), c.bOnly()), c.p(), 1e-15);
    assertEquals(c.p(), c.pHolm(), 1e-15, "one pair: Holm changes nothing");
    ProtocolResult kfold = r.protocols().get(1);
    assertEquals(2, kfold.comparisons().size());
    assertEquals("macro_f1", kfold.comparisons().get(0).metric());
    assertEquals("corrected_resampled_t", kfold.comparisons().get(0).test());
    assertEquals(10, kfold.comparisons().get(0).n());
    assertEquals(List.of("always.beta"), kfold.betterThan().get("test.first-word"));
  }

  @Test
  void holmIsAppliedAcrossAllPairsOfAFamily() {
    Dataset d = Fixtures.dataset("d", 8, 10, 7);
    List<Learner> ls =
        List.of(
            new Fixtures.FirstWord(), new Fixtures.Recording("c.alpha", "alpha"),
            new Fixtures.Recording("c.beta", "beta"), new Fixtures.SeededGuess());
    ProtocolResult pr = Evaluation.run(spec(List.of(ProtocolSpec.kfold(d, 4, 2)), ls, 2)).protocols().getFirst();
    List<Comparison> f1 = pr.comparisons().stream().filter(c -> c.metric().equals("macro_f1")).toList();
    assertEquals(6, f1.size());
    double[] holm = Statistics.holm(f1.stream().mapToDouble(Comparison::p).toArray());
    for (int i = 0; i < f1.size(); i++) {
      assertEquals(holm[i], f1.get(i).pHolm(), 1e-15);
      assertTrue(f1.get(i).pHolm() >= f1.get(i).p());
    }
  }

  @Test
  void splitScoresOnlyTheTestSet() {
    Dataset train = Fixtures.dataset("train", 4, 6, 8);
    Dataset test =
        Fixtures.of("test", List.of(new Example("q1", "x", "alpha", "police said"), new Example("q2", "x", "beta", "mayor said")));
    ProtocolResult pr =
        Evaluation.run(spec(List.of(ProtocolSpec.split(train, test)), List.of(new Fixtures.Recording("c", "alpha")), 1))
            .protocols()
            .getFirst();
    LearnerResult l = pr.learner("c");
    assertEquals(2, pr.plan().scored().length);
    assertEquals(0.5, l.accuracy().mean(), 1e-12);
    assertEquals(-1, l.predicted()[0][0], "training sentences are not scored");
  }
}
