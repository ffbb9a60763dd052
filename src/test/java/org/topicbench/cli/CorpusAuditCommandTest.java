package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.assertOneLineError;
import static org.topicbench.testsupport.Cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.testsupport.Cli;

/** {@code corpus audit} on a corpus of its own making, with two labels swapped on purpose. */
class CorpusAuditCommandTest {
  /**
   * 60 sentences, three topics told apart by their words; sentences 7 and 31 get the wrong label. The
   * audit ranks both at the top and suggests their true label.
   */
  private static Path corpus(Path dir) throws Exception {
    String[][] topics = {
      {"football", "goal", "striker", "league", "match", "coach", "stadium", "penalty"},
      {"election", "vote", "minister", "parliament", "ballot", "policy", "campaign", "senate"},
      {"recipe", "oven", "flour", "butter", "simmer", "garlic", "bake", "sauce"}
    };
    String[] labels = {"sport", "politics", "food"};
    StringBuilder csv = new StringBuilder("id,doc,label,text\n");
    for (int i = 0; i < 60; i++) {
      int t = i % 3;
      String[] w = topics[t];
      String text = "The " + w[i % 8] + " and the " + w[(i + 3) % 8] + " were " + w[(i + 5) % 8] + " number " + i + ".";
      String label = labels[t];
      if (i == 7 || i == 31) {
        label = labels[(t + 1) % 3];
      }
      if (i == 40) {
        text = "=HYPERLINK(1) " + text; // a formula-looking cell, neutralised in CSV
      }
      csv.append("s").append(i).append(",d").append(i / 6).append(',').append(label).append(",\"").append(text)
          .append("\"\n");
    }
    Path f = dir.resolve("mine.csv");
    Files.writeString(f, csv);
    return f;
  }

  @Test
  void csvRanksTheSwappedLabelsFirstWithTheirTrueLabel(@TempDir Path dir) throws Exception {
    Path f = corpus(dir);
    Cli.Run r = run("corpus", "audit", f.toString(), "--format", "csv", "--learner", "smile.logistic", "--repeats",
        "2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().startsWith("audit: " + f + ", 60 sentences, smile.logistic out of fold (5 folds x 2"
        + " repetitions, seed 2022)"), r.err());
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(r.out())).getRecords();
    assertEquals(List.of("id", "label", "suggested", "score", "text"), rows.getFirst().getParser().getHeaderNames());
    assertEquals(60, rows.size());
    Map<String, String> topTwo = new HashMap<>();
    for (CSVRecord row : rows.subList(0, 2)) {
      topTwo.put(row.get("id"), row.get("suggested"));
    }
    // 7 % 3 = 31 % 3 = 1: politics sentences, labelled food; the audit suggests politics back
    assertEquals(Map.of("s7", "politics", "s31", "politics"), topTwo);
    List<Double> scores = new ArrayList<>();
    rows.forEach(row -> scores.add(Double.parseDouble(row.get("score"))));
    for (int i = 1; i < scores.size(); i++) {
      assertTrue(scores.get(i - 1) >= scores.get(i), "ranked by score");
    }
    assertTrue(rows.stream().anyMatch(row -> row.get("text").startsWith("'=HYPERLINK")), "formula neutralised");
  }

  @Test
  void jsonLinesCarryTheEvidenceAndTheTableIsReadable(@TempDir Path dir) throws Exception {
    Path f = corpus(dir);
    Cli.Run j = run("corpus", "audit", f.toString(), "--format", "jsonl", "--top", "3", "--learner", "smile.logistic");
    assertEquals(0, j.code(), j.err());
    List<String> lines = j.out().lines().toList();
    assertEquals(3, lines.size());
    JsonNode first = new ObjectMapper().readTree(lines.getFirst());
    assertEquals(1, first.get("rank").asInt());
    for (String key : List.of("id", "doc", "label", "suggested", "score", "flagged", "p_label", "p_suggested", "text")) {
      assertTrue(first.has(key), key);
    }
    assertEquals(1 - first.get("p_label").asDouble(), first.get("score").asDouble(), 1e-6);
    Cli.Run t = run("corpus", "audit", f.toString(), "--learner", "smile.logistic", "--flagged");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.out().startsWith("rank  id"), t.out());
    assertTrue(t.out().contains("Thresholds"), t.out());
  }

  @Test
  void badOptionsAreOneLineErrors(@TempDir Path dir) throws Exception {
    Path f = corpus(dir);
    assertOneLineError(run("corpus", "audit", f.toString(), "--folds", "1"), "--folds: must be 2 to 100, got 1");
    assertOneLineError(run("corpus", "audit", f.toString(), "--top", "0"), "--top: must be >= 1, got 0");
    assertOneLineError(run("corpus", "audit", f.toString(), "--learner", "nope"), "--learner: spec 'nope': unknown"
        + " learner 'nope' (not a preset, an algorithm or weka:CLASS; 'topicbench learners' lists them)");
    Path one = dir.resolve("one.csv");
    Files.writeString(one, "id,label,text\na,x,Hello there.\nb,x,Good bye.\n");
    assertOneLineError(run("corpus", "audit", one.toString()), one + ": one label only: nothing to audit");
  }
}
