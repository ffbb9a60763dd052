package org.topicbench.data;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.topicbench.Topicbench;

/**
 * Reads labelled datasets: CSV, TSV and Weka ARFF files.
 *
 * <p><b>Formats.</b> A {@code .arff} file, or one whose first line that is not blank or a {@code %}
 * comment starts with {@code @relation}, is ARFF (see {@link ArffWriter} for the shape; one string
 * attribute for the text and a nominal class). Anything else is a delimited file with a header row and
 * RFC 4180 quoting ({@code "..."}, a quote inside written {@code ""}, line breaks allowed inside quotes):
 * {@code .tsv} and {@code .tab} files are tab-separated, others use whichever of {@code , TAB ; |}
 * occurs most in the header row (comma when none does). Which column is which follows {@link ColumnSpec}.
 *
 * <p><b>Encoding.</b> Strict UTF-8 ({@link Utf8}: an invalid byte, a NUL byte or a UTF-16 byte-order
 * mark is an error naming the file and line); a leading UTF-8 byte-order mark is dropped; {@code \n},
 * {@code \r\n} and {@code \r} line ends are all accepted. Empty lines between rows are skipped. Input
 * quoted in a message is cut short ({@link InputException#excerpt}).
 *
 * <p><b>Rows.</b> Every rule below is an {@link InputException} whose one-line message names the file,
 * the line and what is wrong: a row must have as many fields as the header; ids (when there is an id
 * column), groups and labels lose surrounding spaces and must not be empty; ids are unique; the text
 * must not be blank (it is kept exactly as written); a label must be one of the allowed labels when
 * there is a set of them (an ARFF class attribute's values, or the set passed to
 * {@link #read(Path, ColumnSpec, Collection)}), otherwise it must match {@link #LABEL_PATTERN}:
 * letters, digits and {@code _ . : + -}, no spaces, so that a shifted column or a text pasted into
 * the label column is caught; a file with no rows is an error.
 */
public final class Datasets {
  /** The bundled corpus of the five articles. */
  public static final Path SENTENCES = Path.of("datasets", "sentences.csv");
  /** The bundled external development set. */
  public static final Path EXTERNAL_DEV = Path.of("datasets", "external-dev.csv");

  /** What a label read from a CSV/TSV file must look like when no label set is given. */
  public static final Pattern LABEL_PATTERN = Pattern.compile("[\\p{L}\\p{N}_.:+-]+");

  static final String LABEL_RULE = "a label is letters, digits and _.:+- without spaces";

  private Datasets() {}

  /** Reads {@code file} detecting its format and columns. */
  public static Dataset read(Path file) {
    return read(file, ColumnSpec.DETECT);
  }

  /** Reads a CSV, TSV or ARFF file with the given columns (null parts detected). */
  public static Dataset read(Path file, ColumnSpec spec) {
    return read(file, spec, null);
  }

  /**
   * Reads a CSV, TSV or ARFF file, allowing only {@code labels} (null: any label that matches
   * {@link #LABEL_PATTERN}, or any value of an ARFF class attribute).
   *
   * @throws InputException for a missing, unreadable or malformed file, with a one-line message
   */
  public static Dataset read(Path file, ColumnSpec spec, Collection<String> labels) {
    // a bundled dataset is found from any folder, and keeps its repository-relative name in results
    TextFile f = TextFile.read(file.equals(SENTENCES) || file.equals(EXTERNAL_DEV) ? Topicbench.locate(file) : file);
    return read(file, f, spec, labels);
  }

  /**
   * Reads {@code bytes} as the content of a file named {@code file} (which is not opened), with the rules
   * of {@link #read(Path, ColumnSpec, Collection)}.
   */
  static Dataset read(Path file, byte[] bytes, ColumnSpec spec, Collection<String> labels) {
    return read(file, TextFile.of(file, bytes), spec, labels);
  }

  private static Dataset read(Path file, TextFile f, ColumnSpec spec, Collection<String> labels) {
    String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String lower = fileName.toLowerCase(Locale.ROOT);
    List<Example> examples;
    if (lower.endsWith(".arff") || (!lower.endsWith(".csv") && ArffDatasetReader.looksLikeArff(f.text))) {
      examples = ArffDatasetReader.read(f, spec, labels);
    } else {
      char delimiter = lower.endsWith(".tsv") || lower.endsWith(".tab") ? '\t' : CsvDatasetReader.sniff(f.text);
      examples = CsvDatasetReader.read(f, delimiter, spec, labels);
    }
    String name = fileName.replaceFirst("\\.[^.]*$", "");
    return new Dataset(name, file.toString(), sha256(f.bytes), examples);
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
