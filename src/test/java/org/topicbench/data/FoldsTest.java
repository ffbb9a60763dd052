package org.topicbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.topicbench.testsupport.Cli;

class FoldsTest {
  @Test
  void randomGroupedInputsKeepGroupsWholeAndFoldsNonEmpty() {
    long master = Cli.seed("FoldsTest.randomGroupedInputsKeepGroupsWholeAndFoldsNonEmpty");
    Rng rng = new Rng(master);
    for (int trial = 0; trial < 200; trial++) {
      int n = 5 + rng.nextInt(300);
      int labels = 1 + rng.nextInt(5);
      int groupsWanted = 2 + rng.nextInt(n - 1);
      int[] y = new int[n];
      int[] g = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = rng.nextInt(labels);
        g[i] = i < groupsWanted ? i : rng.nextInt(groupsWanted);
      }
      int k = 2 + rng.nextInt(Math.min(groupsWanted, 12) - 1);
      long seed = rng.nextLong();
      int[] fold = Folds.stratifiedGroupKFold(y, labels, g, k, seed);
      String ctx = "master seed " + master + ", trial " + trial;
      Map<Integer, Integer> foldOfGroup = new HashMap<>();
      int[] size = new int[k];
      for (int i = 0; i < n; i++) {
        assertTrue(fold[i] >= 0 && fold[i] < k, ctx);
        Integer prev = foldOfGroup.putIfAbsent(g[i], fold[i]);
        assertTrue(prev == null || prev == fold[i], "group split across folds, " + ctx);
        size[fold[i]]++;
      }
      for (int f = 0; f < k; f++) {
        assertTrue(size[f] > 0, "empty fold " + f + ", " + ctx);
      }
      assertArrayEquals(fold, Folds.stratifiedGroupKFold(y, labels, g, k, seed), "not deterministic, " + ctx);
    }
  }

  @Test
  void singletonGroupsAreStratifiedExactly() {
    long master = Cli.seed("FoldsTest.singletonGroupsAreStratifiedExactly");
    Rng rng = new Rng(master);
    for (int trial = 0; trial < 100; trial++) {
      int n = 20 + rng.nextInt(400);
      int labels = 2 + rng.nextInt(4);
      int k = 2 + rng.nextInt(9);
      int[] y = new int[n];
      int[] g = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = rng.nextInt(labels);
        g[i] = i;
      }
      int[] fold = Folds.stratifiedGroupKFold(y, labels, g, k, rng.nextLong());
      int[][] count = new int[k][labels];
      int[] total = new int[labels];
      for (int i = 0; i < n; i++) {
        count[fold[i]][y[i]]++;
        total[y[i]]++;
      }
      for (int c = 0; c < labels; c++) {
        for (int f = 0; f < k; f++) {
          // every fold holds floor or ceil of total/k of every label
          assertTrue(
              count[f][c] == total[c] / k || count[f][c] == (total[c] + k - 1) / k,
              "label " + c + " fold " + f + ": " + count[f][c] + " of " + total[c] + ", seed " + master);
        }
      }
    }
  }

  @Test
  void rareLabelGoesToDistinctFolds() {
    // 3 members of label 1 among 40, k = 10: each lands in a different fold
    int n = 40;
    int[] y = new int[n];
    int[] g = new int[n];
    for (int i = 0; i < n; i++) {
      g[i] = i;
    }
    y[5] = y[17] = y[33] = 1;
    int[] fold = Folds.stratifiedGroupKFold(y, 2, g, 10, 7);
    assertEquals(3, Arrays.stream(new int[] {fold[5], fold[17], fold[33]}).distinct().count());
  }

  @Test
  void differentSeedsShuffleDifferently() {
    int n = 100;
    int[] y = new int[n];
    int[] g = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      g[i] = i;
    }
    assertFalse(Arrays.equals(Folds.stratifiedGroupKFold(y, 3, g, 5, 1), Folds.stratifiedGroupKFold(y, 3, g, 5, 2)));
  }

  @Test
  void moreFoldsThanGroupsIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Folds.stratifiedGroupKFold(new int[] {0, 1, 0}, 2, new int[] {0, 1, 1}, 3, 1));
    assertTrue(e.getMessage().contains("k must be in [2, number of groups = 2], got 3"), e.getMessage());
  }

  @Test
  void denseInOrderOfFirstAppearance() {
    assertArrayEquals(new int[] {0, 1, 0, 2}, Folds.dense(List.of("b", "a", "b", "c")));
  }
}
