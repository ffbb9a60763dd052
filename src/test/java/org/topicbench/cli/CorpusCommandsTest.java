package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.Example;
import org.topicbench.testsupport.Cli.Run;

class CorpusCommandsTest {
  @TempDir Path dir;  /** Exit 2 and exactly one line on stderr: "topicbench: " + message containing {@code what}. */
  private static void assertBadInput(Run r, String what) {
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().startsWith("topicbench: "), r.err());
    assertTrue(r.err().contains(what), () -> "expected '" + what + "' in: " + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void statsOnTheExternalDevelopmentSet() {
    Run r = run("corpus", "stats", Datasets.EXTERNAL_DEV.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("datasets/external-dev.csv: 215 sentences, 4 labels, 22 documents\n"), r.out());
    assertTrue(r.out().contains("boilerplate  misconduct  partygate  political_response  total  document\n"), r.out());
    assertTrue(r.out().contains("\n         45          43         48                  79    215  total\n"), r.out());
    assertTrue(r.out().contains("\nacross documents:   1 cluster, 2 sentences"), r.out());
    assertTrue(r.out().contains("\nwithin a document:  1 cluster, 2 sentences"), r.out());
  }

  @Test
  void statsAsCsvAndJson() throws IOException {
    Run csv = run("corpus", "stats", "--format", "csv", Datasets.EXTERNAL_DEV.toString());
    assertEquals(Main.OK, csv.code(), csv.err());
    List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv.out())).getRecords();
    assertEquals(List.of("document", "boilerplate", "misconduct", "partygate", "political_response", "total"), rows.getFirst().toList());
    assertEquals(1 + 22 + 1, rows.size());
    assertEquals(List.of("total", "45", "43", "48", "79", "215"), rows.getLast().toList());
    int sum = rows.subList(1, rows.size() - 1).stream().mapToInt(r -> Integer.parseInt(r.get(5))).sum();
    assertEquals(215, sum);

    Run json = run("corpus", "stats", "--format=json", Datasets.EXTERNAL_DEV.toString());
    assertEquals(Main.OK, json.code(), json.err());
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertEquals(215, root.path("dataset").path("sentences").asInt());
    assertEquals(79, root.path("perLabel").path("political_response").asInt());
    assertEquals(1, root.path("nearDuplicates").path("crossDocument").path("clusters").asInt());
    JsonNode cluster = root.path("nearDuplicates").path("clusters").get(0);
    assertEquals(2, cluster.path("members").size());
    assertEquals(json.out(), run("corpus", "stats", "--format=json", Datasets.EXTERNAL_DEV.toString()).out(), "deterministic");
  }

  @Test
  void statsWithNamedColumnsOnAUserFile() throws IOException {
    Path tsv = dir.resolve("mine.tsv");
    Files.writeString(
        tsv,
        "article\tsentence_text\ttopic\n"
            + "a1\t\"He has put the Commissioner on notice.\"\tpolitics\n"
            + "a2\tThe spokesperson added: \"He has put the commissioner on notice.\"\tpolitics\n"
            + "a2\tSomething else entirely.\tother\n",
        StandardCharsets.UTF_8);
    Run r = run("corpus", "stats", "--text-column", "sentence_text", "--label-column", "topic", "--group-column", "article", tsv.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("other  politics  total  document\n    0         1      1  a1\n    1         1      2  a2\n    1         2      3  total\n"), r.out());
    assertTrue(r.out().contains("across documents:   1 cluster, 2 sentences"), r.out());
    assertBadInput(run("corpus", "stats", tsv.toString()), tsv + ":1: no text column (looked for text, sentence; the header has: article, sentence_text, topic)");
  }

  @Test
  void statsWithoutADocumentColumnReportsRepeatsOnly() throws IOException {
    Path arff = dir.resolve("dev.arff");
    assertEquals(Main.OK, run("corpus", "export", Datasets.EXTERNAL_DEV.toString(), "-o", arff.toString()).code());
    Run r = run("corpus", "stats", arff.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("215 sentences, 4 labels, no document column\n"), r.out());
    assertTrue(r.out().contains("\nrepeated:  2 clusters, 4 sentences"), r.out());
    assertFalse(r.out().contains("across documents"), r.out());
  }

  @Test
  void statsBadInput() throws IOException {
    assertBadInput(run("corpus", "stats", dir.resolve("missing.csv").toString()), "missing.csv: no such file");
    assertBadInput(run("corpus", "stats", dir.toString()), "is a directory");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,label,text\n1,x,ok\n2,x,\"open\n3,x,more\n");
    assertBadInput(run("corpus", "stats", bad.toString()), bad + ":3: unterminated quoted field");
    Run format = run("corpus", "stats", "--format", "xml", Datasets.EXTERNAL_DEV.toString());
    assertEquals(Main.BAD_INPUT, format.code());
    assertTrue(format.err().contains("xml"), format.err());
  }

  @Test
  void statsDefaultsToTheBundledCorpus() {
    Run r = run("corpus", "stats");
    if (Files.exists(Datasets.SENTENCES)) {
      assertEquals(Main.OK, r.code(), r.err());
      assertTrue(r.out().startsWith(Datasets.SENTENCES + ": "), r.out());
    } else {
      assertBadInput(r, Datasets.SENTENCES + ": no such file (the default dataset");
    }
  }

  @Test
  void exportArffToStandardOutput() throws IOException {
    Run r = run("corpus", "export", "--format", "arff", Datasets.EXTERNAL_DEV.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("% external-dev: 215 examples, 4 labels, from datasets/external-dev.csv (sha256 "), r.out());
    assertTrue(r.out().contains("\n@attribute text string\n@attribute class {boilerplate,misconduct,partygate,political_response}\n\n@data\n"));
    Path copy = dir.resolve("stdout.arff");
    Files.writeString(copy, r.out(), StandardCharsets.UTF_8);
    Dataset back = Datasets.read(copy);
    Dataset original = Datasets.read(Datasets.EXTERNAL_DEV);
    assertEquals(original.examples().stream().map(Example::text).toList(), back.examples().stream().map(Example::text).toList());
    assertEquals(original.examples().stream().map(Example::label).toList(), back.examples().stream().map(Example::label).toList());
  }

  @Test
  void exportToAFileWithIdsRoundTrips() throws IOException {
    Path out = dir.resolve("out/dev.arff");
    Run r = run("corpus", "export", Datasets.EXTERNAL_DEV.toString(), "-o", out.toString(), "--with-ids");
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals(Datasets.read(Datasets.EXTERNAL_DEV).examples(), Datasets.read(out).examples());
    Path csv = dir.resolve("dev.csv");
    assertEquals(Main.OK, run("corpus", "export", "--format", "csv", out.toString(), "--output", csv.toString()).code());
    assertEquals(Datasets.read(Datasets.EXTERNAL_DEV).examples(), Datasets.read(csv).examples());
  }

  @Test
  void exportFailuresLeaveNothingBehind() throws IOException {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    Run r = run("corpus", "export", Datasets.EXTERNAL_DEV.toString(), "-o", blocker.resolve("x.arff").toString());
    assertBadInput(r, "x.arff: cannot write: " + blocker + " exists and is not a folder");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,label,text\n1,x,ok\n1,x,again\n");
    Path target = dir.resolve("never.arff");
    assertBadInput(run("corpus", "export", bad.toString(), "-o", target.toString()), bad + ":3: duplicate id '1'");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("bad.csv", "file"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void helpAndMissingSubcommand() {
    assertEquals(Main.OK, run("corpus", "stats", "--help").code());
    Run help = run("corpus", "export", "--help");
    assertEquals(Main.OK, help.code());
    assertTrue(help.out().contains("--text-column"), help.out());
    assertEquals(Main.BAD_INPUT, run("corpus").code());
  }
}
