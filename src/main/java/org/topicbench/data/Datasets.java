package org.topicbench.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled datasets.
 *
 * <p>STUB (issue 2 §8 replaces it, the API stays): reads a UTF-8 CSV with a header only.
 */
public final class Datasets {
  /** The bundled corpus of the five articles. */
  public static final Path SENTENCES = Path.of("datasets", "sentences.csv");
  /** The bundled external development set. */
  public static final Path EXTERNAL_DEV = Path.of("datasets", "external-dev.csv");

  private Datasets() {}

  /** Reads {@code file} detecting its columns. */
  public static Dataset read(Path file) {
    return read(file, ColumnSpec.DETECT);
  }

  /** Reads a CSV, TSV or ARFF file. */
  public static Dataset read(Path file, ColumnSpec spec) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw InputException.of(file, "cannot read: " + e.getMessage());
    }
    List<Example> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      String groupCol = p.getHeaderMap().containsKey("doc") ? "doc" : p.getHeaderMap().containsKey("source") ? "source" : null;
      for (CSVRecord rec : p) {
        String id = rec.isMapped("id") ? rec.get("id") : Long.toString(rec.getRecordNumber());
        String group = groupCol == null ? id : rec.get(groupCol);
        out.add(new Example(id, group, rec.get("label"), rec.get("text")));
      }
    } catch (IOException e) {
      throw InputException.of(file, e.getMessage());
    }
    String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return new Dataset(name, file.toString(), sha256(bytes), out);
  }

  /** Hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
