package org.topicbench.model.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.topicbench.model.SpecTokens;
import org.topicbench.testsupport.Cli;
import weka.core.Utils;

/** Spec words are split as Weka splits option strings, and joined so that Weka splits them back. */
class SpecTokensWekaTest {
  private static final String ALPHABET = "ab-C \"\\'tn%\t";

  @Test
  void splitAgreesWithWekasSplitOptionsOnRandomStrings() throws Exception {
    long seed = Cli.seed("SpecTokensWekaTest.splitAgreesWithWekasSplitOptionsOnRandomStrings");
    SplittableRandom random = new SplittableRandom(seed);
    int compared = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String s = b.toString();
      List<String> weka;
      try {
        weka = Arrays.asList(Utils.splitOptions(s));
      } catch (Exception e) {
        assertThrows(IllegalArgumentException.class, () -> SpecTokens.split(s), "seed " + seed + ": '" + s + "'");
        continue;
      }
      assertEquals(weka, SpecTokens.split(s), "seed " + seed + ": '" + s + "'");
      // and what join writes, Weka reads back
      assertEquals(weka, Arrays.asList(Utils.splitOptions(SpecTokens.join(weka))), "seed " + seed + ": '" + s + "'");
      compared++;
    }
    assertEquals(true, compared > 50_000, "most random strings split: " + compared);
  }

  @Test
  void nestedOptionStringsRoundTrip() throws Exception {
    String ibk = "-K 5 -A \"weka.core.neighboursearch.LinearNNSearch -A \\\"weka.core.EuclideanDistance -D -R"
        + " first-last\\\"\"";
    List<String> words = SpecTokens.split(ibk);
    assertEquals(List.of("-K", "5", "-A",
        "weka.core.neighboursearch.LinearNNSearch -A \"weka.core.EuclideanDistance -D -R first-last\""), words);
    assertEquals(ibk, SpecTokens.join(words));
    assertEquals(Arrays.asList(Utils.splitOptions(ibk)), words);
  }
}
