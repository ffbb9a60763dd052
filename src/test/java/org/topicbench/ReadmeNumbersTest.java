package org.topicbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JMH numbers the README quotes are those of the committed run in results/jmh/ (written by
 * benchmarks/run.sh): every table row and derived ratio line, character for character.
 */
class ReadmeNumbersTest {
  private static final Path README = Path.of("README.md");
  private static final Path JMH = Path.of("results/jmh/README.md");

  @Test
  void tokenizerAndFeatureTablesMatchTheCommittedRun() throws IOException {
    List<String> jmh = Files.readAllLines(JMH);
    List<String> readme = Files.readAllLines(README);
    for (String header : List.of("| benchmark | M chars/s |", "| benchmark | sentences/s |")) {
      List<String> published = table(jmh, header);
      assertFalse(published.isEmpty(), JMH + " has no table starting " + header);
      assertEquals(published, table(readme, header), "README table starting " + header + " differs from " + JMH);
    }
  }

  @Test
  void derivedRatiosMatchTheCommittedRun() throws IOException {
    // two target ratios for each of ours_cli (what the CLI runs), ours_lowerCase_batch and ours_lowerCase
    List<String> ratios = Files.readAllLines(JMH).stream().filter(l -> l.startsWith("- ours_")).toList();
    assertEquals(6, ratios.size(), JMH + " should derive the two target ratios for the CLI and both contracts");
    List<String> readme = Files.readAllLines(README).stream().filter(l -> l.startsWith("- ours_")).toList();
    assertEquals(ratios, readme, "README's ratio lines differ from " + JMH);
  }

  /** The rows of the markdown table whose header line starts with {@code header}. */
  private static List<String> table(List<String> lines, String header) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(header)) {
        for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
          rows.add(lines.get(j));
        }
        break;
      }
    }
    return rows;
  }
}
