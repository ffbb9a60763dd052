package org.topicbench.data;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds sentences that repeat or nearly repeat, so that folds can keep them on one side of a split.
 *
 * <p>STUB (issue 2 replaces it with near-duplicate detection, the API stays): exact repeats after
 * lower-casing and dropping everything but letters and digits.
 */
public final class NearDuplicates {
  private NearDuplicates() {}

  /**
   * For each example, the id of its cluster: examples with the same cluster id repeat or nearly repeat
   * each other; a sentence that repeats nothing is its own cluster. Cluster ids are
   * {@code 0..k-1} in order of first appearance, so the result depends only on the input order.
   */
  public static int[] clusters(List<Example> examples) {
    Map<String, Integer> seen = new HashMap<>();
    int[] out = new int[examples.size()];
    for (int i = 0; i < out.length; i++) {
      String key = examples.get(i).text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
      Integer c = seen.get(key);
      if (c == null) {
        c = seen.size();
        seen.put(key, c);
      }
      out[i] = c;
    }
    return out;
  }
}
