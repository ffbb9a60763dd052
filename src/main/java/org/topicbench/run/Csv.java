package org.topicbench.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.topicbench.data.InputException;
import org.topicbench.data.SafeCsv;

/**
 * The CSV files of a run directory: written RFC 4180 with {@code \n} line ends and {@link SafeCsv} cells,
 * read back strictly (UTF-8, the exact header, the right number of fields, typed cells), every problem an
 * {@link InputException} naming the file and line. A file whose name ends in {@value RunFormat#GZ} is
 * gzip-compressed ({@link #GZIP_LEVEL}, the header of {@link GZIPOutputStream}: no name, no time), the
 * same bytes inside.
 */
final class Csv {
  private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
  private static final CSVFormat READ = CSVFormat.DEFAULT.builder().get();

  private Csv() {}

  /** The deflate level of a compressed file: zlib's default, a fixed choice so that reruns are byte-identical. */
  static final int GZIP_LEVEL = 6;
  private static final int BUFFER = 1 << 16;

  /** Whether {@code file} is stored gzip-compressed (by its name). */
  static boolean compressed(Path file) {
    return file.getFileName().toString().endsWith(RunFormat.GZ);
  }

  /** Writes a header and rows (gzip-compressed when the name ends in {@value RunFormat#GZ}). */
  static void write(Path file, List<String> header, Iterable<List<String>> rows) throws IOException {
    try (Writer w = writer(file);
        CSVPrinter p = new CSVPrinter(w, WRITE)) {
      p.printRecord(header);
      for (List<String> r : rows) {
        SafeCsv.print(p, r, false);
      }
    }
  }

  private static Writer writer(Path file) throws IOException {
    if (!compressed(file)) {
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
    try {
      GZIPOutputStream gz = new GZIPOutputStream(out, BUFFER) {
        {
          def.setLevel(GZIP_LEVEL);
        }
      };
      return new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), BUFFER);
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
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
    try {
      return parse(file, header, extraPrefix, row);
    } catch (InputException e) {
      // damaged compressed data may inflate to text that fails first: name the damage instead
      String damage = compressed(file) ? gzipDamage(file) : null;
      if (damage != null) {
        throw InputException.of(file, damage);
      }
      throw e;
    }
  }

  private static List<String> parse(Path file, List<String> header, String extraPrefix, Consumer<Cells> row) {
    CSVParser[] parser = {null};
    LastByte[] last = {null};
    try (Reader r = reader(file, last);
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
      if (last[0] != null) {
        if (last[0].last >= 0 && last[0].last != '\n') {
          throw InputException.at(file, Math.max(1, p.getCurrentLineNumber()), "does not end with a line break (truncated?)");
        }
      } else {
        endsWithLineBreak(file, p.getCurrentLineNumber());
      }
      return extra;
    } catch (NoSuchFileException e) {
      throw InputException.of(file, "missing (not a complete topicbench run directory)");
    } catch (CharacterCodingException e) {
      throw notUtf8(file, parser[0]);
    } catch (ZipException | EOFException e) {
      throw InputException.of(file, damaged(e));
    } catch (IOException e) {
      throw InputException.of(file, "cannot read: " + e.getMessage());
    } catch (UncheckedIOException | IllegalStateException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw notUtf8(file, parser[0]);
      }
      if (e.getCause() instanceof ZipException || e.getCause() instanceof EOFException) {
        throw InputException.of(file, damaged(e.getCause()));
      }
      // commons-csv reports malformed quoting from its iterator this way
      throw InputException.of(file, "malformed CSV: " + cut(e.getMessage()));
    }
  }

  private static Reader reader(Path file, LastByte[] last) throws IOException {
    if (!compressed(file)) {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
    InputStream raw = Files.newInputStream(file);
    try {
      last[0] = new LastByte(new GZIPInputStream(new BufferedInputStream(raw, BUFFER), BUFFER));
      // a decoder that reports malformed input, as Files.newBufferedReader's does
      return new BufferedReader(new InputStreamReader(last[0], StandardCharsets.UTF_8.newDecoder()), BUFFER);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static String damaged(Throwable e) {
    String what = e.getMessage() == null || e.getMessage().isBlank() ? "unexpected end of file" : e.getMessage();
    return "not a complete gzip file (truncated or damaged: " + cut(what) + ")";
  }

  /** What is wrong with the gzip data of {@code file}, or null when it inflates whole with a right checksum. */
  static String gzipDamage(Path file) {
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER), BUFFER)) {
      in.transferTo(OutputStream.nullOutputStream());
      return null;
    } catch (ZipException | EOFException e) {
      return damaged(e);
    } catch (IOException e) {
      return null;
    }
  }

  /** Passes bytes through, keeping the last one read (-1 before any). */
  private static final class LastByte extends FilterInputStream {
    int last = -1;

    LastByte(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        last = b;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        last = b[off + n - 1] & 0xff;
      }
      return n;
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
