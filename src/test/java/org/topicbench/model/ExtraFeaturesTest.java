package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicbench.data.Rng;
import org.topicbench.feature.LayoutFeatures;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.baseline.KeywordRules;
import org.topicbench.testsupport.Cli;

/**
 * {@link ExtraFeatures#append}, which strips and lower-cases once for both blocks, against each block's own
 * entry point ({@link LayoutFeatures#flags(String)}, {@link KeywordRules#cues(String)}) on random texts with
 * curly quotes, a capital sigma, a dotted capital I and padding.
 */
class ExtraFeaturesTest {
  private static final List<String> PIECES = List.of(
      "Khan", "\u2019s", "\u2018", "'", " said", " the Commissioner", " party", "Labour party", " Downing Street",
      " Read more", "By Jane", " 14:05 GMT", " Monday", " 1 Feb 2022", " don\u2019t miss", "Don\u2019t Miss",
      "\u03a3", "\u0130", "\u00e9", " ", "  ", "\n", ".", "!", "\"", "\u201c", " MPs", " confidence", " www.x.com", "|");

  private static SparseVector expected(ExtraFeatures e, SparseVector v, int offset, String text) {
    boolean[] layout = LayoutFeatures.flags(text);
    boolean[] cues = e == ExtraFeatures.LAYOUT_AND_RULES ? KeywordRules.cues(text) : new boolean[0];
    List<Integer> idx = new ArrayList<>();
    for (int i : v.indices()) {
      idx.add(i);
    }
    for (int i = 0; i < layout.length; i++) {
      if (layout[i]) {
        idx.add(offset + i);
      }
    }
    for (int i = 0; i < cues.length; i++) {
      if (cues[i]) {
        idx.add(offset + layout.length + i);
      }
    }
    double[] val = new double[idx.size()];
    System.arraycopy(v.values(), 0, val, 0, v.size());
    for (int i = v.size(); i < val.length; i++) {
      val[i] = 1.0;
    }
    return new SparseVector(idx.stream().mapToInt(Integer::intValue).toArray(), val);
  }

  @Test
  void appendIsEachBlockOfItsOwn() {
    Rng rng = new Rng(Cli.seed("ExtraFeaturesTest.appendIsEachBlockOfItsOwn"));
    SparseVector v = new SparseVector(new int[] {0, 3}, new double[] {0.6, 0.8});
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder(rng.nextInt(3) == 0 ? "  " : "");
      for (int k = 1 + rng.nextInt(12); k > 0; k--) {
        b.append(PIECES.get(rng.nextInt(PIECES.size())));
      }
      String text = b.toString();
      for (ExtraFeatures e : List.of(ExtraFeatures.LAYOUT, ExtraFeatures.LAYOUT_AND_RULES)) {
        assertEquals(expected(e, v, 4, text), e.append(v, 4, text), e + ": " + text);
      }
    }
  }
}
