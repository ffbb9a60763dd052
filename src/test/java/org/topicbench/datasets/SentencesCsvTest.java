package org.topicbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.topicbench.text.Sentence;
import org.topicbench.text.SentenceCoverage;

/** datasets/sentences.csv: the labelled corpus of the five articles. */
class SentencesCsvTest {
  @Test
  void rowsCoverEveryNonBlankStretchOfEveryArticleExactlyOnce() throws IOException {
    List<Corpus.Row> rows = Corpus.readSentences(Corpus.SENTENCES);
    Set<String> docs = new HashSet<>();
    for (Corpus.Article a : Corpus.manifest()) {
      String text = a.text();
      List<Sentence> sentences = new ArrayList<>();
      for (Corpus.Row r : rows) {
        if (r.doc().equals(a.doc())) {
          assertEquals(text.substring(r.start(), r.end()), r.text(), r.id() + " text differs from its span");
          sentences.add(r.sentence());
        }
      }
      assertFalse(sentences.isEmpty(), a.doc() + " has no rows");
      SentenceCoverage.check(text, sentences);
      docs.add(a.doc());
    }
    for (Corpus.Row r : rows) {
      assertTrue(docs.contains(r.doc()), r.id() + " names an unknown doc " + r.doc());
    }
  }

  @Test
  void everyRowHasOneOfTheFourLabelsAndAUniqueId() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Corpus.Row r : Corpus.readSentences(Corpus.SENTENCES)) {
      assertTrue(Corpus.LABELS.contains(r.label()), r.id() + " has label '" + r.label() + "'");
      assertTrue(ids.add(r.id()), "duplicate id " + r.id());
      assertTrue(r.id().matches("a\\d{3}-\\d{3}"), "id " + r.id());
    }
  }

  /** Re-segmenting the articles must give exactly the labelled rows: segmentation cannot drift. */
  @Test
  void rowsAreWhatTheSegmenterProduces() throws IOException {
    List<Corpus.Row> unlabelled =
        Corpus.readSentences(Corpus.SENTENCES).stream().map(r -> r.withLabel("", "")).toList();
    List<Corpus.Row> segmented = Corpus.segmentedRows();
    for (int i = 0; i < Math.min(segmented.size(), unlabelled.size()); i++) {
      assertEquals(segmented.get(i), unlabelled.get(i), "row " + (i + 1) + " of sentences.csv (label and note ignored)");
    }
    assertEquals(segmented.size(), unlabelled.size(), "rows in sentences.csv vs sentences the segmenter finds");
  }

  /** The same sentence in several articles (a shared quote) carries one label everywhere. */
  @Test
  void repeatedSentencesShareTheirLabel() throws IOException {
    Map<String, Corpus.Row> seen = new HashMap<>();
    for (Corpus.Row r : Corpus.readSentences(Corpus.SENTENCES)) {
      String key = r.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
      Corpus.Row first = seen.putIfAbsent(key, r);
      if (first != null) {
        assertEquals(first.label(), r.label(), r.id() + " repeats " + first.id() + " with another label");
      }
    }
  }

  /** The counts table in GUIDELINES.md is the CSV's. */
  @Test
  void guidelinesCountTableMatchesTheCsv() throws IOException {
    List<String> expected = new ArrayList<>();
    int[] all = new int[Corpus.LABELS.size()];
    for (Corpus.Article a : Corpus.manifest()) {
      int[] c = new int[Corpus.LABELS.size()];
      for (Corpus.Row r : Corpus.readSentences(Corpus.SENTENCES)) {
        if (r.doc().equals(a.doc())) {
          c[Corpus.LABELS.indexOf(r.label())]++;
          all[Corpus.LABELS.indexOf(r.label())]++;
        }
      }
      expected.add(countRow("`" + a.doc() + "`", c));
    }
    expected.add(countRow("all", all));
    List<String> table =
        Files.readAllLines(Path.of("datasets", "GUIDELINES.md")).stream()
            .filter(l -> l.startsWith("| `0") || l.startsWith("| all |"))
            .toList();
    assertEquals(expected, table);
  }

  private static String countRow(String doc, int[] c) {
    StringBuilder b = new StringBuilder("| " + doc);
    int total = 0;
    for (int n : c) {
      b.append(" | ").append(n);
      total += n;
    }
    return b.append(" | ").append(total).append(" |").toString();
  }

  /** Byte for byte what the tool writes: UTF-8, RFC 4180, CRLF record ends, minimal quoting. */
  @Test
  void fileIsCanonicalRfc4180Utf8() throws IOException {
    byte[] bytes = Files.readAllBytes(Corpus.SENTENCES);
    String text = Corpus.decodeStrict(bytes);
    assertEquals(Corpus.formatSentences(Corpus.readSentences(Corpus.SENTENCES)), text);
    assertFalse(text.replace("\r\n", "").contains("\n"), "a bare LF");
    assertFalse(text.replace("\r\n", "").contains("\r"), "a bare CR");
  }
}
