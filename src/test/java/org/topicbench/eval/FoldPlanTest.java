package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.topicbench.data.Dataset;
import org.topicbench.data.Example;
import org.topicbench.data.InputException;
import org.topicbench.testsupport.Fixtures;

class FoldPlanTest {
  @Test
  void kfoldNeverPutsACLusterOnBothSidesAndTestsEverySentenceOncePerRepetition() {
    Dataset d = Fixtures.dataset("d", 6, 12, 1);
    FoldPlan plan = FoldPlan.of(ProtocolSpec.kfold(d, 5, 3), 99);
    assertEquals(15, plan.folds().size());
    assertEquals(5, plan.foldsPerRepetition());
    // the boilerplate line repeats in all 6 documents: one cluster of 6
    assertEquals(6, plan.multiMemberSentences());
    assertEquals(1, plan.multiMemberClusters());
    assertEquals(0, plan.testNearDuplicatesOfTrain());
    for (int r = 0; r < 3; r++) {
      int[] tested = new int[d.size()];
      for (Fold f : plan.folds()) {
        if (f.repetition() != r) {
          continue;
        }
        Set<Integer> testClusters = new HashSet<>();
        for (int i : f.test()) {
          tested[i]++;
          testClusters.add(plan.clusters()[i]);
        }
        for (int i : f.train()) {
          assertFalse(testClusters.contains(plan.clusters()[i]), "cluster on both sides in rep " + r);
        }
        assertEquals(d.size(), f.train().length + f.test().length, "kfold purges nothing");
      }
      for (int t : tested) {
        assertEquals(1, t);
      }
    }
  }

  @Test
  void kfoldIsDeterministicPerSeedAndReshufflesPerRepetition() {
    Dataset d = Fixtures.dataset("d", 6, 12, 1);
    FoldPlan a = FoldPlan.of(ProtocolSpec.kfold(d, 5, 2), 5);
    FoldPlan b = FoldPlan.of(ProtocolSpec.kfold(d, 5, 2), 5);
    for (int i = 0; i < a.folds().size(); i++) {
      assertTrue(java.util.Arrays.equals(a.folds().get(i).test(), b.folds().get(i).test()));
    }
    assertFalse(java.util.Arrays.equals(a.folds().get(0).test(), a.folds().get(5).test()));
    FoldPlan c = FoldPlan.of(ProtocolSpec.kfold(d, 5, 2), 6);
    assertFalse(java.util.Arrays.equals(a.folds().get(0).test(), c.folds().get(0).test()));
  }

  @Test
  void labelWithFewerMembersThanFoldsWarnsButKeepsK() {
    List<Example> ex = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ex.add(new Example("s" + i, "doc" + (i % 3), i < 3 ? "rare" : "common", "sentence number " + i));
    }
    FoldPlan plan = FoldPlan.of(ProtocolSpec.kfold(Fixtures.of("x", ex), 10, 1), 1);
    assertEquals(10, plan.folds().size());
    assertEquals(1, plan.warnings().size());
    assertTrue(plan.warnings().getFirst().contains("label 'rare' has 3 sentences, fewer than the 10 folds"),
        plan.warnings().getFirst());
  }

  @Test
  void moreFoldsThanClustersIsABadInputError() {
    List<Example> ex = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ex.add(new Example("s" + i, "doc", i % 2 == 0 ? "a" : "b", "text " + (i % 4)));
    }
    InputException e =
        assertThrows(InputException.class, () -> FoldPlan.of(ProtocolSpec.kfold(Fixtures.of("x", ex), 5, 1), 1));
    assertEquals("x.csv: --folds 5 is more than the 4 near-duplicate clusters of its 8 sentences", e.getMessage());
  }

  @Test
  void looDocHoldsOutEachDocumentAndPurgesItsNearDuplicates() {
    Dataset d = Fixtures.dataset("d", 4, 5, 3);
    FoldPlan plan = FoldPlan.of(ProtocolSpec.looDoc(d), 1);
    assertEquals(4, plan.folds().size());
    for (int f = 0; f < 4; f++) {
      Fold fold = plan.folds().get(f);
      assertEquals("doc" + f, fold.testGroup());
      assertEquals(5, fold.test().length);
      // the shared boilerplate line of the other 3 documents leaves training
      assertEquals(3, fold.purged());
      assertEquals(12, fold.train().length);
      for (int i : fold.test()) {
        assertEquals("doc" + f, plan.examples().get(i).group());
      }
    }
    assertEquals(0, plan.testNearDuplicatesOfTrain());
  }

  @Test
  void splitRejectsTestLabelsTheTrainingSetLacks() {
    Dataset train = Fixtures.of("train", List.of(new Example("1", "g", "a", "x"), new Example("2", "g", "b", "y")));
    Dataset test = Fixtures.of("test", List.of(new Example("1", "g", "c", "x"), new Example("2", "g", "d", "z")));
    InputException e = assertThrows(InputException.class, () -> FoldPlan.of(ProtocolSpec.split(train, test), 1));
    assertEquals("test.csv: test labels absent from the training set train.csv: c, d", e.getMessage());
  }

  @Test
  void splitCountsTestSentencesRepeatingTrainingSentences() {
    Dataset train = Fixtures.of("train", List.of(new Example("1", "g", "a", "Same text."), new Example("2", "g", "b", "y")));
    Dataset test = Fixtures.of("test", List.of(new Example("1", "h", "a", "same text"), new Example("2", "h", "b", "z")));
    FoldPlan plan = FoldPlan.of(ProtocolSpec.split(train, test), 1);
    assertEquals(1, plan.folds().size());
    assertEquals(2, plan.folds().getFirst().train().length);
    assertEquals(List.of(2, 3), java.util.Arrays.stream(plan.scored()).boxed().toList());
    assertEquals(1, plan.testNearDuplicatesOfTrain());
  }

  @Test
  void pooledKeepsDocumentsOfBothDatasetsWhole() {
    Dataset a = Fixtures.dataset("a", 5, 6, 4);
    Dataset b = Fixtures.dataset("b", 7, 4, 5);
    FoldPlan plan = FoldPlan.of(ProtocolSpec.pooled(List.of(a, b), 3, 2), 1);
    assertEquals(6, plan.folds().size());
    for (Fold f : plan.folds()) {
      Set<String> testDocs = new HashSet<>();
      Set<Integer> testClusters = new HashSet<>();
      for (int i : f.test()) {
        testDocs.add(plan.datasetName(i) + "/" + plan.examples().get(i).group());
        testClusters.add(plan.clusters()[i]);
      }
      for (int i : f.train()) {
        assertFalse(testDocs.contains(plan.datasetName(i) + "/" + plan.examples().get(i).group()));
        assertFalse(testClusters.contains(plan.clusters()[i]));
      }
      // the boilerplate line shared by all 12 documents: its copies outside the test documents are purged
      assertEquals(12 - testDocs.size(), f.purged());
    }
  }

  @Test
  void emptyDatasetIsABadInputError() {
    InputException e =
        assertThrows(InputException.class, () -> FoldPlan.of(ProtocolSpec.kfold(Fixtures.of("e", List.of()), 10, 1), 1));
    assertEquals("e.csv: no labelled examples", e.getMessage());
  }
  @Test
  void datasetsSharingANameStayDistinguishable() {
    Dataset a = Fixtures.dataset("same", 3, 4, 1);
    Dataset b = Fixtures.dataset("same", 3, 4, 2);
    FoldPlan plan = FoldPlan.of(ProtocolSpec.split(a, b), 1);
    assertEquals("same", plan.datasetName(0));
    assertEquals("same#2", plan.datasetName(12));
  }
}
