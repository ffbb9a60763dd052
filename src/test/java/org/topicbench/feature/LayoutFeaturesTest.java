package org.topicbench.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-written sentences (none from the datasets): which layout features fire. */
class LayoutFeaturesTest {
  /** The names of the features that are on. */
  static List<String> on(String text) {
    boolean[] f = LayoutFeatures.flags(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < f.length; i++) {
      if (f[i]) {
        out.add(LayoutFeatures.NAMES.get(i));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          By Jane Example                                      | no_final_punctuation words_1_3 title_case byline
          by Jane Example, Home Affairs Editor                 | no_final_punctuation words_4_8 title_case byline
          Tuesday 1 February 2022 14:05 GMT                    | no_final_punctuation words_4_8 title_case digits date clock_time
          Breakfast Show 6am - 9am                             | no_final_punctuation words_4_8 digits clock_time
          Read more: Police chief faces questions              | no_final_punctuation words_4_8 label_prefix
          MOST READ                                            | no_final_punctuation words_1_3 title_case upper_case
          Home • News • London                                 | no_final_punctuation words_4_8 title_case separator
          Follow us at www.example.com or @example             | no_final_punctuation words_4_8 link
          The officers were dismissed after the inquiry.       | words_4_8
          “I am appalled,” the mayor said.                     | words_4_8 quote
          He said it was disgraceful (Image: Getty)            | no_final_punctuation words_4_8
          Officers from the force were found to have exchanged messages that mocked victims of crime, and several of them still serve today. | words_21_plus
          """)
  void handWrittenSentences(String text, String expected) {
    assertEquals(List.of(expected.split(" ")), on(text), text);
  }

  @Test
  void closingQuotesAndBracketsAfterAFullStopStillEndTheSentence() {
    assertTrue(!on("He said: “It is over.”").contains("no_final_punctuation"));
    assertTrue(!on("(It was not the first time.)").contains("no_final_punctuation"));
    assertTrue(on("Loading audio").contains("no_final_punctuation"));
    assertTrue(!on("Loading audio…").contains("no_final_punctuation"));
  }

  @Test
  void anApostropheIsNotAQuote() {
    assertTrue(!on("The Commissioner’s statement didn't help.").contains("quote"));
  }

  @Test
  void lengthBucketsAreOneHot() {
    long seed = 20220208L;
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      int words = rnd.nextInt(0, 40);
      String text = String.join(" ", java.util.Collections.nCopies(words, "word")) + ".";
      boolean[] f = LayoutFeatures.flags(text);
      int buckets = (f[1] ? 1 : 0) + (f[2] ? 1 : 0) + (f[3] ? 1 : 0) + (f[4] ? 1 : 0);
      assertEquals(1, buckets, "seed " + seed + ", " + words + " words");
    }
    assertArrayEquals(new boolean[LayoutFeatures.NAMES.size()], LayoutFeatures.flags("   "));
  }

  @Test
  void extractGivesTheFlagsAsIndicesAfterTheOffset() {
    String text = "By Jane Example";
    SparseVector v = LayoutFeatures.extract(text, 100);
    boolean[] f = LayoutFeatures.flags(text);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < f.length; i++) {
      if (f[i]) {
        expected.add(100 + i);
      }
    }
    assertEquals(expected, Arrays.stream(v.indices()).boxed().toList());
    for (double d : v.values()) {
      assertEquals(1.0, d);
    }
  }
}
