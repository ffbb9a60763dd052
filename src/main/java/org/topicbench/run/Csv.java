package org.topicbench.run;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.topicbench.data.InputException;
import org.topicbench.data.SafeCsv;

/**
 * The CSV files of a run directory: written RFC 4180 with {@code \n} line ends and {@link SafeCsv} cells,
 * read back strictly (UTF-8, the exact header, the right number of fields, typed cells), every problem an
 * {@link InputException} naming the file and line.
 */
final class Csv {
  private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
  private static final CSVFormat READ = CSVFormat.DEFAULT.builder().get();

  private Csv() {}

  /** Writes a header and rows. */
  static void write(Path file, List<String> header, Iterable<List<String>> rows) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, WRITE)) {
      p.printRecord(header);
      for (List<String> r : rows) {
        SafeCsv.print(p, r, false);
      }
    }
  }

  /** A number as run files write it ({@link org.topicbench.eval.Metrics#fixed}). */
  static String num(double v) {
    return org.topicbench.eval.Metrics.fixed(v);
  }

  /** One record being read: typed access to its cells by column, errors naming file and line. */
  static final class Cells {
    private final Path file;
    private final long line;
    private final Map<String, Integer> columns;
    private final String[] values;

    Cells(Path file, long line, Map<String, Integer> columns, String[] values) {
      this.file = file;
      this.line = line;
      this.columns = columns;
      this.values = values;
    }

    long line() {
      return line;
    }

    Path file() {
      return file;
    }

    InputException error(String what) {
      return InputException.at(file, line, what);
    }

    /** The cell as written, with the spreadsheet escape undone. */
    String text(String column) {
      Integer i = columns.get(column);
      if (i == null) {
        throw InputException.at(file, 1, "no column '" + column + "'");
      }
      return SafeCsv.unescape(values[i]);
    }

    /** A number as {@link #num} writes it ({@code NaN} included). */
    double number(String column) {
      String v = text(column);
      if (v.equals("NaN")) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw error(column + ": not a number: '" + cut(v) + "'");
      }
    }

    /** A number, or NaN for an empty cell (a field that does not apply). */
    double numberOrEmpty(String column) {
      return text(column).isEmpty() ? Double.NaN : number(column);
    }

    int integer(String column) {
      String v = text(column);
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw error(column + ": not a whole number: '" + cut(v) + "'");
      }
    }

    long longInteger(String column) {
      String v = text(column);
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw error(column + ": not a whole number: '" + cut(v) + "'");
      }
    }

    /** An integer, or -1 for an empty cell. */
    int integerOrNone(String column) {
      return text(column).isEmpty() ? -1 : integer(column);
    }

    boolean bool(String column) {
      String v = text(column);
      return switch (v) {
        case "true" -> true;
        case "false" -> false;
        default -> throw error(column + ": not true or false: '" + cut(v) + "'");
      };
    }

    /** A list written with {@code ;} between items (empty: none). */
    List<String> list(String column) {
      String v = text(column);
      return v.isEmpty() ? List.of() : List.of(v.split(";", -1));
    }
  }

  /**
   * Reads {@code file}: its header must be {@code header} (then {@code extra} columns when {@code
   * extraPrefix} is not null, each starting with it); each record goes to {@code row}.
   *
   * @return the extra columns' names
   */
  static List<String> read(Path file, List<String> header, String extraPrefix, Consumer<Cells> row) {
    CSVParser[] parser = {null};
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = READ.parse(r)) {
      parser[0] = p;
      Iterator<CSVRecord> it = p.iterator();
      if (!it.hasNext()) {
        throw InputException.of(file, "empty file, expected the header " + cut(String.join(",", header)));
      }
      List<String> got = it.next().toList();
      List<String> extra = new ArrayList<>();
      boolean ok = got.size() >= header.size() && got.subList(0, header.size()).equals(header);
      if (ok) {
        extra.addAll(got.subList(header.size(), got.size()));
        ok = extra.isEmpty() || extraPrefix != null && extra.stream().allMatch(c -> c.startsWith(extraPrefix));
      }
      if (!ok) {
        throw InputException.at(file, 1, "the header must be " + cut(String.join(",", header))
            + (extraPrefix == null ? "" : ",[" + extraPrefix + "*...]") + "; got " + cut(String.join(",", got)));
      }
      Map<String, Integer> columns = new HashMap<>();
      for (int i = 0; i < got.size(); i++) {
        columns.put(got.get(i), i);
      }
      while (it.hasNext()) {
        CSVRecord rec = it.next();
        long line = p.getCurrentLineNumber();
        if (rec.size() != got.size()) {
          throw InputException.at(file, line, rec.size() + " fields, the header has " + got.size());
        }
        row.accept(new Cells(file, line, columns, rec.values()));
      }
      endsWithLineBreak(file, p.getCurrentLineNumber());
      return extra;
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
      throw InputException.of(file, "malformed CSV: " + cut(e.getMessage()));
    }
  }

  /** A file topicbench wrote ends with a line break; one that does not was cut short. */
  private static void endsWithLineBreak(Path file, long lines) throws IOException {
    try (var ch = java.nio.channels.FileChannel.open(file)) {
      if (ch.size() == 0) {
        return;
      }
      java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
      ch.read(last, ch.size() - 1);
      if (last.get(0) != '\n') {
        throw InputException.at(file, Math.max(1, lines), "does not end with a line break (truncated?)");
      }
    }
  }

  private static InputException notUtf8(Path file, CSVParser p) {
    String what = "not valid UTF-8 (a run directory's files are UTF-8; was it edited or converted?)";
    return p == null ? InputException.of(file, what) : InputException.at(file, p.getCurrentLineNumber() + 1, what);
  }

  /** At most 200 characters of {@code s}, on one line. */
  static String cut(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 199) + "…" : one;
  }
}
