package org.topicbench.data;

import static org.topicbench.data.InputException.excerpt;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a delimited text file with a header row (RFC 4180 quoting) into examples. */
final class CsvDatasetReader {
  private CsvDatasetReader() {}

  /** The delimiters {@link #sniff} chooses from, in order of preference on a tie. */
  private static final char[] DELIMITERS = {',', '\t', ';', '|'};

  /**
   * The delimiter of a file whose extension does not say: the one of {@code , TAB ; |} that occurs most
   * often (outside quotes) in the first non-blank line, comma when none occurs.
   */
  static char sniff(String text) {
    int start = 0;
    while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
      start++;
    }
    int[] counts = new int[DELIMITERS.length];
    boolean quoted = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        for (int d = 0; d < DELIMITERS.length; d++) {
          if (c == DELIMITERS[d]) {
            counts[d]++;
          }
        }
      }
    }
    int best = 0;
    for (int d = 1; d < DELIMITERS.length; d++) {
      if (counts[d] > counts[best]) {
        best = d;
      }
    }
    return DELIMITERS[best];
  }

  static List<Example> read(TextFile f, char delimiter, ColumnSpec spec, Collection<String> labels) {
    CSVFormat format =
        CSVFormat.RFC4180.builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .get();
    if (f.text.isBlank()) {
      throw InputException.at(f.file, 1, "empty file (expected a header row naming the columns)");
    }
    CSVParser parser;
    try {
      parser = format.parse(new StringReader(f.text));
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw diagnose(f, delimiter, e);
    }
    try (parser) {
      List<String> header = parser.getHeaderNames();
      int headerLine = f.lineOf(skipLineBreaks(f.text, 0));
      Set<String> seen = new HashSet<>();
      for (String h : header) {
        if (!h.isEmpty() && !seen.add(h)) {
          throw InputException.at(f.file, headerLine, "duplicate column '" + excerpt(h) + "' in the header");
        }
      }
      String kind = delimiter == '\t' ? "TSV" : "CSV";
      int text = column(f, headerLine, header, spec.text(), List.of("text", "sentence"), "text", true);
      int label = column(f, headerLine, header, spec.label(), List.of("label", "class"), "label", true);
      int group = column(f, headerLine, header, spec.group(), List.of("doc", "source", "group"), "group", false);
      int id = column(f, headerLine, header, spec.id(), List.of("id"), "id", false);
      ExampleCollector rows =
          new ExampleCollector(f, labels, "the given label set", group < 0 ? null : header.get(group));
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        CSVRecord r;
        try {
          if (!it.hasNext()) {
            break;
          }
          r = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw diagnose(f, delimiter, e);
        }
        int line = f.lineOf(skipLineBreaks(f.text, r.getCharacterPosition()));
        if (r.size() != header.size()) {
          throw InputException.at(
              f.file,
              line,
              "row has " + r.size() + " field" + (r.size() == 1 ? "" : "s") + ", the header has " + header.size()
                  + " (" + kind + ", delimiter " + describe(delimiter) + "; quote fields that contain it)");
        }
        // SafeCsv: a file topicbench wrote (corpus export) reads back as it was
        rows.add(line, id < 0 ? null : SafeCsv.unescape(r.get(id)), group < 0 ? null : SafeCsv.unescape(r.get(group)),
            SafeCsv.unescape(r.get(label)), SafeCsv.unescape(r.get(text)));
      }
      return rows.examples("below the header");
    } catch (IOException e) {
      throw InputException.of(f.file, "cannot read: " + e.getMessage());
    }
  }

  private static String describe(char delimiter) {
    return switch (delimiter) {
      case '\t' -> "TAB";
      case ',' -> "','";
      default -> "'" + delimiter + "'";
    };
  }

  /**
   * The column for one role: the one named (exactly, else the one column equal to it ignoring case), else
   * the first default present (same matching), else -1 when optional and an error when required.
   */
  private static int column(
      TextFile f, int line, List<String> header, String named, List<String> defaults, String role, boolean required) {
    if (named != null) {
      int i = find(header, named);
      if (i < 0) {
        throw InputException.at(
            f.file, line, "no " + role + " column '" + excerpt(named) + "' (the header has: " + columns(header) + ")");
      }
      return i;
    }
    for (String d : defaults) {
      int i = find(header, d);
      if (i >= 0) {
        return i;
      }
    }
    if (required) {
      throw InputException.at(
          f.file,
          line,
          "no " + role + " column (looked for " + String.join(", ", defaults) + "; the header has: " + columns(header)
              + "); name it with --" + role + "-column");
    }
    return -1;
  }

  private static int find(List<String> header, String name) {
    int i = header.indexOf(name);
    if (i >= 0) {
      return i;
    }
    int found = -1;
    for (int j = 0; j < header.size(); j++) {
      if (header.get(j).strip().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
        if (found >= 0) {
          return -1;
        }
        found = j;
      }
    }
    return found;
  }

  /** The header's names for a message (cut by {@link InputException#excerpt(Iterable)}). */
  private static String columns(List<String> header) {
    Iterable<String> names = () -> header.stream().map(h -> h.isEmpty() ? "(unnamed)" : h).iterator();
    return excerpt(names);
  }

  /** commons-csv reports a record at the offset before the empty lines it skipped. */
  private static long skipLineBreaks(String s, long from) {
    int i = (int) from;
    while (i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
      i++;
    }
    return i;
  }

  /**
   * Finds the first quoting error the way RFC 4180 defines fields (a quote opens a quoted field only as
   * its first char; inside one a quote is written twice) to name the line where it happens.
   */
  static InputException diagnose(TextFile f, char delimiter, Exception cause) {
    String s = f.text;
    boolean fieldStart = true;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (fieldStart && c == '"') {
        int open = i;
        i++;
        while (true) {
          int q = s.indexOf('"', i);
          if (q < 0) {
            return InputException.at(
                f.file,
                f.lineOf(open),
                "unterminated quoted field: the quote that opens a field on this line is never closed"
                    + " (a quote inside a quoted field must be doubled: \"\")");
          }
          if (q + 1 < s.length() && s.charAt(q + 1) == '"') {
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        if (i < s.length() && s.charAt(i) != delimiter && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
          return InputException.at(
              f.file,
              f.lineOf(i),
              "text after the closing quote of a quoted field that starts on line " + f.lineOf(open)
                  + " (a quote inside a quoted field must be doubled: \"\")");
        }
        fieldStart = false;
        continue;
      }
      fieldStart = c == delimiter || c == '\n' || c == '\r';
      i++;
    }
    String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return InputException.of(f.file, "malformed: " + excerpt(msg));
  }
}
