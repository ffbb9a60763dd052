package org.topicbench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.topicbench.data.InputException;
import org.topicbench.data.SafeCsv;

/**
 * One CSV file of a run directory, read back with its columns checked: every required column present,
 * every row as wide as the header, numbers parseable. A malformed file is an {@link InputException}
 * naming the file, the line and the problem.
 */
final class CsvTable {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().get();

  private final Path file;
  private final Map<String, Integer> columns;
  private final List<Row> rows;

  private CsvTable(Path file, Map<String, Integer> columns, List<Row> rows) {
    this.file = file;
    this.columns = columns;
    this.rows = rows;
  }

  /** One record; accessors name the file and line when a value is not what the column promises. */
  final class Row {
    private final long line;
    private final String[] values;

    private Row(long line, String[] values) {
      this.line = line;
      this.values = values;
    }

    /** The file the record comes from. */
    Path tableFile() {
      return file;
    }

    /** The 1-based line of the file the record ends on. */
    long line() {
      return line;
    }

    String get(String column) {
      Integer i = columns.get(column);
      if (i == null) {
        throw InputException.of(file, "no column '" + column + "'");
      }
      return SafeCsv.unescape(values[i]);
    }

    /** A number of the run format: fixed point, {@code NaN}, or empty (also read as NaN). */
    double num(String column) {
      String v = get(column);
      if (v.isEmpty() || v.equals("NaN")) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw InputException.at(file, line, "column " + column + ": not a number: '" + v + "'");
      }
    }

    long integer(String column) {
      String v = get(column);
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw InputException.at(file, line, "column " + column + ": not an integer: '" + v + "'");
      }
    }
  }

  /**
   * Reads {@code file}, checking that it has the {@code required} columns, that the {@code numbers}
   * parse as numbers and the {@code integers} as integers, and keeping only rows that {@code keep}
   * accepts (all checked rows are validated whether kept or not).
   */
  static CsvTable read(
      Path file, List<String> required, Set<String> numbers, Set<String> integers, Predicate<Row> keep) {
    CSVParser[] parser = {null};
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = FORMAT.parse(r)) {
      parser[0] = p;
      var it = p.iterator();
      if (!it.hasNext()) {
        throw InputException.of(file, "empty file, expected a header row");
      }
      CSVRecord header = it.next();
      Map<String, Integer> cols = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        cols.put(header.get(i), i);
      }
      for (String c : required) {
        if (!cols.containsKey(c)) {
          throw InputException.at(file, 1, "missing column '" + c + "'");
        }
      }
      CsvTable table = new CsvTable(file, cols, new ArrayList<>());
      while (it.hasNext()) {
        CSVRecord rec = it.next();
        long line = rec.getParser().getCurrentLineNumber();
        if (rec.size() != header.size()) {
          throw InputException.at(file, line, rec.size() + " fields, the header has " + header.size());
        }
        Row row = table.new Row(line, rec.values());
        for (String c : numbers) {
          row.num(c);
        }
        for (String c : integers) {
          row.integer(c);
        }
        if (keep.test(row)) {
          table.rows.add(row);
        }
      }
      return table;
    } catch (NoSuchFileException e) {
      throw InputException.of(file, "missing (not a complete topicbench run directory)");
    } catch (CharacterCodingException e) {
      throw notUtf8(file, parser[0]);
    } catch (IOException e) {
      throw InputException.of(file, "cannot read: " + e.getMessage());
    } catch (UncheckedIOException | IllegalStateException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw notUtf8(file, parser[0]);
      }
      // commons-csv reports malformed quoting from its iterator this way
      throw InputException.of(file, "malformed CSV: " + oneLine(e.getMessage()));
    }
  }

  private static InputException notUtf8(Path file, CSVParser p) {
    String what = "not valid UTF-8 (a run directory's files are UTF-8; was it edited or converted?)";
    return p == null ? InputException.of(file, what) : InputException.at(file, p.getCurrentLineNumber() + 1, what);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }

  List<Row> rows() {
    return rows;
  }

  Path file() {
    return file;
  }
}
