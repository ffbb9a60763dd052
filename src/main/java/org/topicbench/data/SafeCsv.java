package org.topicbench.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVPrinter;

/**
 * Cells of the CSV files topicbench writes, safe to open in a spreadsheet (OWASP's "CSV injection"
 * advice): a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * and is not a number gets a leading {@code '}, so that a spreadsheet shows it as text instead of running
 * it as a formula ({@code =cmd|' /C calc'!A0} is written {@code '=cmd|' /C calc'!A0}). Numbers stay
 * numbers ({@code -0.5}, {@code -Infinity}), and so does a lone {@code -} or {@code +}. A cell that starts with {@code '} followed by what would be
 * escaped gets one more {@code '}, so that {@link #unescape} gives back exactly what was written: every
 * reader of topicbench's files (and the dataset reader, for {@code corpus export --format csv}) undoes it.
 */
public final class SafeCsv {
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?Infinity|NaN");

  private SafeCsv() {}

  /** Whether {@code cell} would be escaped. */
  static boolean needsEscape(String cell) {
    int i = 0;
    while (i < cell.length() && cell.charAt(i) == '\'') {
      i++;
    }
    if (i == cell.length() || cell.length() - i == 1 && (cell.charAt(i) == '-' || cell.charAt(i) == '+')) {
      return false; // a lone - or + (standard input's name, say) is no formula
    }
    char c = cell.charAt(i);
    boolean trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return trigger && !NUMBER.matcher(cell).region(i, cell.length()).matches();
  }

  /** {@code cell} as written to a file: with a leading {@code '} when a spreadsheet would run it. */
  public static String escape(String cell) {
    return cell != null && needsEscape(cell) ? "'" + cell : cell;
  }

  /** The cell {@link #escape} was given, from what it wrote; other cells as they are. */
  public static String unescape(String cell) {
    return cell != null && cell.startsWith("'") && needsEscape(cell.substring(1)) ? cell.substring(1) : cell;
  }

  /** Prints one record, every cell {@linkplain #escape escaped} unless {@code raw}. */
  public static void print(CSVPrinter p, Iterable<?> cells, boolean raw) throws IOException {
    if (raw) {
      p.printRecord(cells);
      return;
    }
    List<Object> out = new ArrayList<>();
    for (Object c : cells) {
      out.add(c instanceof CharSequence s ? escape(s.toString()) : c);
    }
    p.printRecord(out);
  }

  /** Prints one record with every cell escaped. */
  public static void print(CSVPrinter p, Object... cells) throws IOException {
    print(p, List.of(cells), false);
  }
}
