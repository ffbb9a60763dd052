package org.topicbench.datasets;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.topicbench.text.Sentence;
import org.topicbench.text.SentenceSegmenter;

/**
 * The bundled corpus files as tests and {@link SentencesCsvTool} see them: the article manifest and
 * the rows of {@code datasets/sentences.csv}. Both CSVs are RFC 4180 with CRLF record ends.
 */
final class Corpus {
  static final Path ARTICLES = Path.of("datasets", "articles");
  static final Path MANIFEST = ARTICLES.resolve("MANIFEST.csv");
  static final Path SENTENCES = Path.of("datasets", "sentences.csv");
  static final List<String> MANIFEST_HEADER = List.of("id", "file", "sha256", "headline", "outlet");
  static final List<String> SENTENCES_HEADER = List.of("id", "doc", "line", "start", "end", "label", "text", "note");
  static final List<String> LABELS = List.of("boilerplate", "partygate", "political_response", "misconduct");
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  private Corpus() {}

  /** One line of the manifest. */
  record Article(String id, String file, String sha256, String headline, String outlet) {
    /** The article's file name without {@code .txt}: the {@code doc} column of sentences.csv. */
    String doc() {
      return file.replaceFirst("\\.txt$", "");
    }

    Path path() {
      return ARTICLES.resolve(file);
    }

    String text() throws IOException {
      return decodeStrict(Files.readAllBytes(path()));
    }
  }

  /** One row of sentences.csv. */
  record Row(String id, String doc, int line, int start, int end, String label, String text, String note) {
    Sentence sentence() {
      return new Sentence(line, start, end, text);
    }

    Row withLabel(String newLabel, String newNote) {
      return new Row(id, doc, line, start, end, newLabel, text, newNote);
    }
  }

  /** The id of the {@code n}-th (1-based) sentence of an article: {@code a000-001}. */
  static String sentenceId(Article a, int n) {
    return String.format("%s-%03d", a.id(), n);
  }

  static List<Article> manifest() throws IOException {
    List<Article> out = new ArrayList<>();
    for (CSVRecord r : parse(MANIFEST, MANIFEST_HEADER)) {
      out.add(new Article(r.get("id"), r.get("file"), r.get("sha256"), r.get("headline"), r.get("outlet")));
    }
    return out;
  }

  /** What segmenting every article of the manifest gives, in manifest order, unlabelled. */
  static List<Row> segmentedRows() throws IOException {
    List<Row> out = new ArrayList<>();
    for (Article a : manifest()) {
      int n = 0;
      for (Sentence s : SentenceSegmenter.english().segment(a.text())) {
        out.add(new Row(sentenceId(a, ++n), a.doc(), s.line(), s.start(), s.end(), "", s.text(), ""));
      }
    }
    return out;
  }

  static List<Row> readSentences(Path file) throws IOException {
    List<Row> out = new ArrayList<>();
    for (CSVRecord r : parse(file, SENTENCES_HEADER)) {
      out.add(
          new Row(
              r.get("id"),
              r.get("doc"),
              Integer.parseInt(r.get("line")),
              Integer.parseInt(r.get("start")),
              Integer.parseInt(r.get("end")),
              r.get("label"),
              r.get("text"),
              r.get("note")));
    }
    return out;
  }

  /** sentences.csv as text: header, then one CRLF-terminated record per row. */
  static String formatSentences(List<Row> rows) throws IOException {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
      p.printRecord(SENTENCES_HEADER);
      for (Row r : rows) {
        p.printRecord(r.id(), r.doc(), r.line(), r.start(), r.end(), r.label(), r.text(), r.note());
      }
    }
    return w.toString();
  }

  /** Parses {@code file} (strict UTF-8) and checks that its header is exactly {@code header}. */
  static List<CSVRecord> parse(Path file, List<String> header) throws IOException {
    String text = decodeStrict(Files.readAllBytes(file));
    try (Reader r = new StringReader(text);
        CSVParser p = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      if (!p.getHeaderNames().equals(header)) {
        throw new IOException(file + ": header must be " + header + ", got " + p.getHeaderNames());
      }
      return p.getRecords();
    }
  }

  /** UTF-8 decoding that fails on malformed bytes instead of replacing them. */
  static String decodeStrict(byte[] bytes) throws IOException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
