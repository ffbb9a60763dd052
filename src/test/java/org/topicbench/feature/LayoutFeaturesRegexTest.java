package org.topicbench.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.topicbench.data.Datasets;
import org.topicbench.data.Example;
import org.topicbench.data.Rng;
import org.topicbench.data.SyntheticCorpus;
import org.topicbench.testsupport.Cli;

/**
 * {@link LayoutFeatures#flags} (regular expressions run only when what they need is there, a table per ASCII
 * char) against {@link LayoutFeatures#flagsByRegex} (every expression on every text, as first written): the
 * same 15 features on the bundled data, the articles' lines, synthetic sentences and random texts.
 */
class LayoutFeaturesRegexTest {
  private static void same(String text) {
    assertArrayEquals(LayoutFeatures.flagsByRegex(text), LayoutFeatures.flags(text), () -> "text: " + text.replace("\n", "\\n"));
  }

  @Test
  void sameFeaturesOnTheBundledData() throws IOException {
    int n = 0;
    int on = 0;
    for (Path p : List.of(Datasets.SENTENCES, Datasets.EXTERNAL_DEV)) {
      for (Example e : Datasets.read(p).examples()) {
        same(e.text());
        for (boolean b : LayoutFeatures.flags(e.text())) {
          on += b ? 1 : 0;
        }
        n++;
      }
    }
    try (Stream<Path> files = Files.list(Path.of("datasets", "articles"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".txt")).toList()) {
        for (String line : Files.readAllLines(f)) {
          same(line);
        }
      }
    }
    StringWriter w = new StringWriter();
    SyntheticCorpus.write(2000, 11, w);
    for (String line : w.toString().split("\n")) {
      same(line);
    }
    assertTrue(n > 300 && on > 500, n + " sentences, " + on + " features on");
  }

  private static final List<String> PIECES = List.of(
      "1", "12", "2022", "3rd", "14:05", "9.30", "6", "am", "pm", " am", "GMT", "bst", "utc", "Monday", "friday", "day",
      "today", "May", "may", "mar", "march", "Sept", "sept", "september", "dec", "decided", "jan", ",", " ", "  ", "\t",
      "\n", "/", " / ", "1/2/22", "|", "\u2022", "\u00b7", "\u25aa", "\u25ba", "By", "by ", "BY Jane", "By \u00c9mile",
      "Read more:", "Pictured:", ":", "http://", "www.", "a@b.c", "@handle", "\"", "\u201c", "\u201d", "\u2018", "\u00ab",
      "\u00bb", "'", "\u2019", ".", "!", "?", "\u2026", ")", "]", "x", "Word", "WORD", "\u00e9", "\u0130", "\u212a",
      "\u0301", "\u00a0", "\u2028", "\uD83D\uDE00", "_", "-", "The", "said", "\u2160", "\u00bd", "\u0660", "\uD835\uDC00", "Read  more :", "a b c d:");

  @Test
  void sameFeaturesOnRandomText() {
    long seed = Cli.seed("LayoutFeaturesRegexTest.sameFeaturesOnRandomText");
    Rng rng = new Rng(seed);
    for (int t = 0; t < 60_000; t++) {
      StringBuilder b = new StringBuilder();
      int k = 1 + rng.nextInt(t % 3 == 0 ? 25 : 8);
      for (int i = 0; i < k; i++) {
        String piece = PIECES.get(rng.nextInt(PIECES.size()));
        b.append(rng.nextInt(6) == 0 ? piece.toUpperCase(Locale.ROOT) : piece);
      }
      same(b.toString());
    }
  }
}
