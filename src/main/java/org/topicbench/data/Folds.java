package org.topicbench.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fold assignment algorithms over plain arrays (labels and groups as dense indices). Every function is
 * deterministic: the same arguments give the same folds.
 *
 * <h2>Stratified group k-fold</h2>
 * {@link #stratifiedGroupKFold} keeps every group (a near-duplicate cluster, or a document) whole on one
 * side of every split while spreading each label evenly over the folds:
 * <ol>
 *   <li>the groups are shuffled with the given seed (SplitMix64 Fisher-Yates, see {@link Rng}) and then
 *       stably sorted by size, largest first, so big groups are placed while there is still room and
 *       equal-sized groups are placed in a different random order in every repetition;
 *   <li>each group goes to the fold where it most reduces the squared distance of the fold's label
 *       counts from their targets ({@code total count of the label / k}): the fold minimising
 *       {@code sum over labels c of g_c * (2 * (n_fc - t_c) + g_c)}, where {@code g_c} is the group's count
 *       of label c and {@code n_fc} the fold's; ties go to the smaller fold, then the lower fold index;
 *   <li>when as many groups remain as folds are still empty, the group goes to an empty fold, so no test
 *       fold is ever empty (this needs {@code k <= number of groups}, which callers check).
 * </ol>
 * A label with fewer members than folds is necessarily absent from some test folds; the algorithm
 * still places its members in distinct folds as far as the groups allow.
 */
public final class Folds {
  private Folds() {}

  /**
   * Assigns each example a fold in {@code [0, k)}, keeping groups whole and labels stratified.
   *
   * @param labels label index per example, in {@code [0, numLabels)}
   * @param numLabels number of labels
   * @param groups group index per example, dense in {@code [0, number of groups)}
   * @param k number of folds, between 2 and the number of groups
   * @param seed the shuffling seed (one per repetition)
   * @return the fold of each example
   */
  public static int[] stratifiedGroupKFold(int[] labels, int numLabels, int[] groups, int k, long seed) {
    if (labels.length != groups.length) {
      throw new IllegalArgumentException(
          "labels and groups must have equal length, got " + labels.length + " and " + groups.length);
    }
    int g = count(groups);
    if (k < 2 || k > g) {
      throw new IllegalArgumentException("k must be in [2, number of groups = " + g + "], got " + k);
    }
    int[][] groupCounts = new int[g][numLabels];
    int[] groupSize = new int[g];
    int[] total = new int[numLabels];
    for (int i = 0; i < labels.length; i++) {
      groupCounts[groups[i]][labels[i]]++;
      groupSize[groups[i]]++;
      total[labels[i]]++;
    }
    int[] order = new int[g];
    for (int i = 0; i < g; i++) {
      order[i] = i;
    }
    new Rng(seed).shuffle(order);
    Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, (a, b) -> Integer.compare(groupSize[b], groupSize[a])); // stable
    double[] target = new double[numLabels];
    for (int c = 0; c < numLabels; c++) {
      target[c] = (double) total[c] / k;
    }
    int[][] foldCounts = new int[k][numLabels];
    int[] foldSize = new int[k];
    int emptyFolds = k;
    int[] foldOfGroup = new int[g];
    for (int pos = 0; pos < g; pos++) {
      int grp = boxed[pos];
      boolean onlyEmpty = g - pos == emptyFolds;
      int best = -1;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int f = 0; f < k; f++) {
        if (onlyEmpty && foldSize[f] > 0) {
          continue;
        }
        double cost = 0;
        for (int c = 0; c < numLabels; c++) {
          int gc = groupCounts[grp][c];
          if (gc != 0) {
            cost += gc * (2 * (foldCounts[f][c] - target[c]) + gc);
          }
        }
        if (best < 0 || cost < bestCost || (cost == bestCost && foldSize[f] < foldSize[best])) {
          best = f;
          bestCost = cost;
        }
      }
      if (foldSize[best] == 0) {
        emptyFolds--;
      }
      foldOfGroup[grp] = best;
      foldSize[best] += groupSize[grp];
      for (int c = 0; c < numLabels; c++) {
        foldCounts[best][c] += groupCounts[grp][c];
      }
    }
    int[] fold = new int[labels.length];
    for (int i = 0; i < fold.length; i++) {
      fold[i] = foldOfGroup[groups[i]];
    }
    return fold;
  }

  /** Number of distinct values of a dense index array ({@code max + 1}, 0 for an empty array). */
  public static int count(int[] dense) {
    int max = -1;
    for (int v : dense) {
      max = Math.max(max, v);
    }
    return max + 1;
  }

  /** Dense indices {@code 0..g-1} for the keys, in order of first appearance. */
  public static int[] dense(List<String> keys) {
    Map<String, Integer> ids = new HashMap<>();
    int[] out = new int[keys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.computeIfAbsent(keys.get(i), x -> ids.size());
    }
    return out;
  }
}
