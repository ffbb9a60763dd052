package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.run;
import static org.topicbench.testsupport.Cli.runWithStdin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.testsupport.Cli.Run;
import org.topicbench.text.Sentence;
import org.topicbench.text.SentenceSegmenter;

class SegmentCommandTest {
  private static final Path ARTICLE = Path.of("datasets", "articles", "001_9b03080230c4be99.txt");

  @TempDir Path dir;

  @Test
  void tablePrintsOneRowPerSentenceUnderAHeader() throws IOException {
    Run r = run("segment", ARTICLE.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    List<Sentence> expected = SentenceSegmenter.english().segment(Files.readString(ARTICLE));
    assertEquals(expected.size() + 1, lines.size());
    assertEquals(List.of("#", "line", "start", "end", "text"), List.of(lines.get(0).trim().split("\\s+")));
    assertEquals("1     1     0    22  Ben Kentish 10pm - 1am", lines.get(1).trim());
    assertEquals("6     6   294   310  Loading audio...", lines.get(6).trim());
  }

  @Test
  void csvRowsAreTheSegmenterSentencesAndTheirSpans() throws IOException {
    Run r = run("segment", "--format", "csv", ARTICLE.toString());
    assertEquals(0, r.code(), r.err());
    String text = Files.readString(ARTICLE);
    List<Sentence> expected = SentenceSegmenter.english().segment(text);
    List<CSVRecord> rows =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(r.out())).getRecords();
    assertEquals(expected.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      CSVRecord row = rows.get(i);
      Sentence s = expected.get(i);
      assertEquals(List.of(Integer.toString(i + 1), "" + s.line(), "" + s.start(), "" + s.end(), s.text()), row.toList());
      assertEquals(text.substring(Integer.parseInt(row.get("start")), Integer.parseInt(row.get("end"))), row.get("text"));
    }
  }

  @Test
  void jsonlFromStdinKeepsOffsetsIntoTheRawTextWithCrlfAndABom() throws IOException {
    String text = "\uFEFFHeadline without a stop\r\n\r\nMr. Khan said “no.” Then he left.";
    Run r = runWithStdin(text.getBytes(StandardCharsets.UTF_8), "segment", "--format", "jsonl", "-");
    assertEquals(0, r.code(), r.err());
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = r.out().lines().map(l -> read(json, l)).toList();
    assertEquals(3, rows.size());
    assertEquals("{\"n\":1,\"line\":1,\"start\":1,\"end\":24,\"text\":\"Headline without a stop\"}", r.out().lines().findFirst().orElseThrow());
    assertEquals("Mr. Khan said “no.”", rows.get(1).get("text").asText());
    assertEquals(3, rows.get(1).get("line").asInt());
    for (JsonNode row : rows) {
      assertEquals(row.get("text").asText(), text.substring(row.get("start").asInt(), row.get("end").asInt()));
    }
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  @Test
  void anEmptyFileHasNoSentences() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    Run r = run("segment", "--format", "csv", empty.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("n,line,start,end,text\r\n", r.out());
    assertEquals("", run("segment", "--format", "jsonl", empty.toString()).out());
  }

  private void assertOneLineError(Run r, String expected) {
    assertEquals(Main.BAD_INPUT, r.code());
    assertEquals(List.of(expected), r.err().lines().toList());
    assertEquals("", r.out());
  }

  @Test
  void aMissingFileIsOneLineErrorAndExit2() {
    Path missing = dir.resolve("missing.txt");
    assertOneLineError(run("segment", missing.toString()), "topicbench: " + missing + ": no such file");
  }

  @Test
  void aDirectoryIsOneLineErrorAndExit2() {
    assertOneLineError(run("segment", dir.toString()), "topicbench: " + dir + ": is a directory, not a file");
  }

  @Test
  void invalidUtf8NamesTheLineAndByte() throws IOException {
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "First line.\nCaf\u00e9 au lait.\n".getBytes(StandardCharsets.ISO_8859_1));
    assertOneLineError(
        run("segment", latin1.toString()), "topicbench: " + latin1 + ":2: invalid UTF-8 (byte 0xE9 at byte offset 15)");
  }

  @Test
  void aBinaryFileIsRefused() throws IOException {
    Path png = dir.resolve("image.png");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d});
    assertOneLineError(
        run("segment", png.toString()), "topicbench: " + png + ":3: binary file, not text (NUL byte at byte offset 8)");
  }

  @Test
  void invalidUtf8OnStdinIsNamedStdin() {
    assertOneLineError(
        runWithStdin(new byte[] {'o', 'k', '\n', (byte) 0xff}, "segment", "-"),
        "topicbench: <stdin>:2: invalid UTF-8 (byte 0xFF at byte offset 3)");
  }

  @Test
  void anUnknownFormatOrAMissingFileArgumentIsAUsageError() {
    Run r = run("segment", "--format", "xml", ARTICLE.toString());
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().startsWith("topicbench: Invalid value for option '--format'"), r.err());
    assertEquals(Main.BAD_INPUT, run("segment").code());
  }

  @Test
  void helpAndVersion() {
    Run help = run("segment", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--format=FORMAT"), help.out());
    assertTrue(help.out().contains("table, csv, jsonl"), help.out());
    Run version = run("segment", "--version");
    assertEquals(0, version.code());
    assertTrue(version.out().startsWith("topicbench "), version.out());
  }
}
