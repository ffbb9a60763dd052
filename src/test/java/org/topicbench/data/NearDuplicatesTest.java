package org.topicbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.topicbench.data.NearDuplicates.Cluster;
import org.topicbench.data.NearDuplicates.Result;
import org.topicbench.data.NearDuplicates.Rule;
import org.topicbench.testsupport.Cli;
import org.topicbench.text.TokenizerConfig;

class NearDuplicatesTest {
  private static List<Example> docs(String... groupAndText) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < groupAndText.length; i += 2) {
      out.add(new Example("s" + i / 2, groupAndText[i], "l" + (i / 2) % 2, groupAndText[i + 1]));
    }
    return out;
  }

  @Test
  void exactAndPunctuationOnlyRepeatsAcrossDocuments() {
    List<Example> ex =
        docs(
            "d1", "Unrelated opening line about the weather.",
            "d1", "“He has put the Commissioner on notice.”",
            "d2", "\"He has put the commissioner on notice\"",
            "d3", "He has put the Commissioner—on notice!",
            "d3", "Another sentence entirely, about trains.");
    Result r = NearDuplicates.find(ex);
    assertArrayEquals(new int[] {0, 1, 1, 1, 2}, r.clusterOf());
    Cluster c = r.clusters().get(1);
    assertEquals(List.of(1, 2, 3), c.members());
    assertEquals(List.of("d1", "d2", "d3"), c.groups());
    assertTrue(c.exact());
    assertTrue(c.spansGroups());
    assertEquals(List.of("l1", "l0"), c.labels());
    assertEquals(List.of(c), r.crossGroup());
    assertEquals(List.of(c), r.repeated());
    assertArrayEquals(r.clusterOf(), NearDuplicates.clusters(ex));
  }

  @Test
  void aQuoteInsideALongerSentenceIsContained() {
    List<Example> ex =
        docs(
            "d1", "\"He has put the Commissioner on notice.",
            "d2", "The spokesperson added: “He [the mayor] has put the commissioner on notice.",
            "d3", "Ms Dick said she would put a plan in place.");
    Result r = NearDuplicates.find(ex);
    assertArrayEquals(new int[] {0, 0, 1}, r.clusterOf());
    assertFalse(r.clusters().getFirst().exact());
  }

  @Test
  void aSentenceSplitDifferentlyJoinsBothHalves() {
    List<Example> ex =
        docs(
            "d1", "\"We were discussing the terrible case that the public heard about yesterday.",
            "d1", "\"Disgraceful behaviour - we're both absolutely determined to eradicate it.\"",
            "d2",
                "She added: \"We were discussing the terrible case that the public heard about yesterday,"
                    + " disgraceful behaviour, we're both absolutely determined to eradicate it.\"");
    assertArrayEquals(new int[] {0, 0, 0}, NearDuplicates.clusters(ex));
  }

  @Test
  void lightlyEditedCopyIsSimilarButParaphraseAndShortOverlapAreNot() {
    List<Example> ex =
        docs(
            "d1", "The IOPC took the unusual step of publishing the messages in full as it detailed the behaviour of officers.",
            "d2", "The watchdog took the unusual step of publishing the messages in full as it detailed the behaviour of officers.",
            "d3", "Fourteen officers were investigated by the watchdog, of whom two had a case to answer.",
            "d4", "Almost 14 officers were investigated and two were found to have a case to answer.",
            "d5", "Charing Cross Police Station in central London",
            "d6", "The watchdog found bullying at Charing Cross police station in London.",
            "d7", "The station in central London",
            "d8", "A cafe near the station in central London closed.");
    assertArrayEquals(new int[] {0, 0, 1, 2, 3, 4, 5, 6}, NearDuplicates.clusters(ex));
  }

  @Test
  void repeatsInsideOneDocumentClusterButDoNotSpanGroups() {
    List<Example> ex = docs("d1", "Read more:", "d2", "Something else.", "d1", "read more");
    Result r = NearDuplicates.find(ex);
    assertArrayEquals(new int[] {0, 1, 0}, r.clusterOf());
    assertFalse(r.clusters().getFirst().spansGroups());
    assertEquals(1, r.repeated().size());
    assertTrue(r.crossGroup().isEmpty());
  }

  @Test
  void textsWithoutWordsRepeatOnlyWhenEqual() {
    List<Example> ex = docs("d1", "—", "d2", " — ", "d3", "…");
    assertArrayEquals(new int[] {0, 0, 1}, NearDuplicates.clusters(ex));
  }

  @Test
  void ruleArgumentsAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rule(0, 0.8, 6));
    assertEquals("jaccard must be in (0, 1], got 0.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Rule(0.7, 1.5, 6));
    assertEquals("containment must be in (0, 1], got 1.5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Rule(0.7, 0.8, 2));
    assertEquals("minContainedWords must be >= 3 (3-grams), got 2", e.getMessage());
  }

  /** The indexed search finds exactly what comparing every pair finds, on random texts over a small vocabulary. */
  @Test
  void indexedSearchEqualsAllPairs() {
    long seed = Cli.seed("NearDuplicatesTest.indexedSearchEqualsAllPairs");
    Random rnd = new Random(seed);
    String[] vocabulary = {"the", "met", "police", "mayor", "khan", "dick", "notice", "put", "has", "he", "on", "of", "a"};
    for (int round = 0; round < 200; round++) {
      List<Example> ex = new ArrayList<>();
      int n = 2 + rnd.nextInt(60);
      for (int i = 0; i < n; i++) {
        String text;
        if (i > 0 && rnd.nextInt(3) == 0) {
          List<String> base = new ArrayList<>(List.of(ex.get(rnd.nextInt(i)).text().split(" ")));
          int edits = rnd.nextInt(4);
          for (int k = 0; k < edits; k++) {
            int at = rnd.nextInt(base.size() + 1);
            switch (rnd.nextInt(3)) {
              case 0 -> base.add(at, vocabulary[rnd.nextInt(vocabulary.length)]);
              case 1 -> { if (at < base.size() && base.size() > 1) base.remove(at); }
              default -> base.add(at, "w" + rnd.nextInt(1000));
            }
          }
          text = String.join(" ", base);
        } else {
          StringBuilder b = new StringBuilder();
          int len = 1 + rnd.nextInt(20);
          for (int k = 0; k < len; k++) {
            b.append(k == 0 ? "" : " ").append(rnd.nextInt(4) == 0 ? "w" + rnd.nextInt(50) : vocabulary[rnd.nextInt(vocabulary.length)]);
          }
          text = b.toString();
        }
        ex.add(new Example("s" + i, "d" + rnd.nextInt(4), "x", text));
      }
      Rule rule = new Rule(0.5 + 0.5 * rnd.nextDouble(), 0.5 + 0.5 * rnd.nextDouble(), 3 + rnd.nextInt(5));
      assertArrayEquals(allPairs(ex, rule), NearDuplicates.find(ex, rule).clusterOf(), "seed " + seed + " round " + round + " " + rule);
    }
  }

  /** The rule as the class comment states it, pair by pair. */
  private static int[] allPairs(List<Example> ex, Rule rule) {
    int n = ex.size();
    List<List<String>> words = new ArrayList<>();
    for (Example e : ex) {
      words.add(TokenizerConfig.DEFAULT.newTokenizer().tokenize(NearDuplicates.normalise(e.text())));
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (nearDuplicates(words.get(i), words.get(j), rule)) {
          int a = root(parent, i);
          int b = root(parent, j);
          parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
    int[] ids = new int[n];
    int[] idOfRoot = new int[n];
    java.util.Arrays.fill(idOfRoot, -1);
    int next = 0;
    for (int i = 0; i < n; i++) {
      int r = root(parent, i);
      if (idOfRoot[r] < 0) {
        idOfRoot[r] = next++;
      }
      ids[i] = idOfRoot[r];
    }
    return ids;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }

  private static boolean nearDuplicates(List<String> a, List<String> b, Rule rule) {
    if (a.equals(b)) {
      return true;
    }
    Set<String> sa = new HashSet<>(a);
    Set<String> sb = new HashSet<>(b);
    Set<String> inter = new HashSet<>(sa);
    inter.retainAll(sb);
    Set<String> union = new HashSet<>(sa);
    union.addAll(sb);
    if (!union.isEmpty() && inter.size() >= rule.jaccard() * union.size() - 1e-9) {
      return true;
    }
    Set<List<String>> ga = grams(a);
    Set<List<String>> gb = grams(b);
    List<String> shortWords = ga.size() <= gb.size() ? a : b;
    Set<List<String>> shorter = ga.size() <= gb.size() ? ga : gb;
    Set<List<String>> longer = shorter == ga ? gb : ga;
    if (ga.size() == gb.size()) {
      return contained(a, ga, gb, rule) || contained(b, gb, ga, rule);
    }
    return contained(shortWords, shorter, longer, rule);
  }

  private static boolean contained(List<String> words, Set<List<String>> shorter, Set<List<String>> longer, Rule rule) {
    if (words.size() < rule.minContainedWords() || shorter.isEmpty()) {
      return false;
    }
    long found = shorter.stream().filter(longer::contains).count();
    return found >= Math.ceil(rule.containment() * shorter.size() - 1e-9);
  }

  private static Set<List<String>> grams(List<String> w) {
    Set<List<String>> out = new HashSet<>();
    for (int i = 0; i + 3 <= w.size(); i++) {
      out.add(w.subList(i, i + 3));
    }
    return out;
  }
}
