package org.topicbench.model.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.topicbench.data.Datasets;
import org.topicbench.data.Example;
import org.topicbench.data.Rng;
import org.topicbench.data.SyntheticCorpus;
import org.topicbench.testsupport.Cli;

/**
 * {@link KeywordRules#cues} (one automaton pass, {@link CueMatcher}) against {@link KeywordRules#cuesByRegex}
 * (today's regular expressions, one pass each): the same three cues on every sentence of the bundled data,
 * every line of the articles, synthetic corpus sentences, and random texts built from the literals' pieces
 * with separators, case changes, non-ASCII letters, combining marks, surrogates and line terminators.
 */
class CueMatcherTest {
  private static void same(String text) {
    assertArrayEquals(KeywordRules.cuesByRegex(text), KeywordRules.cues(text), () -> "text: " + escape(text));
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return b.toString();
  }

  @Test
  void sameCuesAsTheRegularExpressionsOnTheBundledData() throws IOException {
    int n = 0;
    int fired = 0;
    for (Path p : List.of(Datasets.SENTENCES, Datasets.EXTERNAL_DEV)) {
      for (Example e : Datasets.read(p).examples()) {
        same(e.text());
        boolean[] c = KeywordRules.cues(e.text());
        fired += (c[0] ? 1 : 0) + (c[1] ? 1 : 0) + (c[2] ? 1 : 0);
        n++;
      }
    }
    try (Stream<Path> files = Files.list(Path.of("datasets", "articles"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".txt")).toList()) {
        for (String line : Files.readAllLines(f)) {
          same(line);
          n++;
        }
      }
    }
    StringWriter w = new StringWriter();
    SyntheticCorpus.write(2000, 7, w);
    for (String line : w.toString().split("\n")) {
      same(line);
      n++;
    }
    assertTrue(n > 2000 && fired > 100, n + " texts, " + fired + " cues");
  }

  /** Pieces of the expressions' literals and what sits around them. */
  private static List<String> pieces() {
    List<String> p = new ArrayList<>(List.of(
        "party", "parties", "Party", "PARTIES", "labour", "Labour ", "cross", "-", " ", "  ", "\t", ".", ",", "'", "\u2019",
        "s", "x", "_", "1", "10", "19", "no", "No.", "number", "covid", "-19", "MP", "MPs", "mp", "By ", "By Jane ",
        "Read more", "getty", "(", ")", ":", "said", "says", "told", "commissioner", "Commissioner's", "dame cressida",
        "Cressida Dick", "ms dick", "she", "resign", "resignation", "her", "will", "has", "to", "step", "ped", "ping",
        "down", "stand", "ing", "mayor", "minister", "appoint", "ment", "liberal democrat", "lib dem", "all", "third",
        "green", "tory", "tories", "johnson", "fine", "d", "gathering", "lockdown", "downing street", "sue gray",
        "prime minister", "fixed penalt", "partygate", "confidence", "trust and confidence", "pa wire", "alamy",
        "(image", "photo", "your browser", "javascript", "Updated", "published", "Monday", "14:05", "GMT", "1 Feb",
        "2022", "3rd", "May", "sept", "6 pm", "9am", "12.30", "1/2/22", "utc", "bst", "Last updated", "friday", "\u00e9", "\u00c9", "\u0301", "\u0130", "\u00df", "\n", "\r", "\u0085", "\u2028", "\uD83D\uDE00",
        "\uD83D", "\u00a0", "\u201c", "!", "?", "\u2026", "\""));
    p.addAll(CueMatcher.literals());
    return p;
  }

  @Test
  void theSpeechVerbWithinSixtyCodePointsOfTheSubject() {
    int fired = 0;
    for (String fill : List.of("x", " ", "\uD83D\uDE00", "\u00e9", "-", "\u0301")) {
      for (int gap = 50; gap <= 64; gap++) {
        for (String subject : List.of("The Commissioner", "Dame Cressida", "Ms Dick")) {
          String text = subject + " " + fill.repeat(gap) + " said";
          same(text);
          same(text.replace(" said", "\nsaid"));
          fired += KeywordRules.cues(text)[2] ? 1 : 0;
        }
      }
    }
    assertTrue(fired > 0 && fired < 6 * 15 * 3, fired + " of " + 6 * 15 * 3);
  }

  @Test
  void sameCuesAsTheRegularExpressionsOnRandomText() {
    long seed = Cli.seed("CueMatcherTest.sameCuesAsTheRegularExpressionsOnRandomText");
    Rng rng = new Rng(seed);
    List<String> pieces = pieces();
    for (int t = 0; t < 60_000; t++) {
      StringBuilder b = new StringBuilder();
      int k = 1 + rng.nextInt(t % 4 == 0 ? 40 : 10);
      for (int i = 0; i < k; i++) {
        int r = rng.nextInt(10);
        if (r == 0) {
          b.append("x".repeat(rng.nextInt(70))); // gaps around the 60-code-point limit
        } else if (r == 1) {
          b.append(" word".repeat(rng.nextInt(14)));
        } else {
          String piece = pieces.get(rng.nextInt(pieces.size()));
          b.append(rng.nextInt(5) == 0 ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
        }
      }
      same(b.toString());
    }
  }
}
