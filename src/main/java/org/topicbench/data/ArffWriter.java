package org.topicbench.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes a dataset as a Weka ARFF file in the shape of Weka's Reuters examples, ready for the Weka
 * Explorer (StringToWordVector, then any classifier):
 *
 * <pre>
 * % header comment: source file, its sha256, counts
 * &#64;relation name
 *
 * &#64;attribute text string
 * &#64;attribute class {label1,label2,...}
 *
 * &#64;data
 * 'the sentence',label1
 * </pre>
 *
 * <p>Labels are declared sorted. Names and values are quoted and escaped the way Weka's own
 * {@code Utils.quote} does it (single quotes; backslash before {@code \ ' " %}, {@code \n \r \t} for
 * line breaks and tabs), so Weka and {@link Datasets#read} read back exactly the text written. With
 * {@code withIdAndGroup} the file starts with two more string attributes, {@code id} and {@code doc}, so
 * that reading it back restores every field; remove them in Weka before training.
 */
public final class ArffWriter {
  private ArffWriter() {}

  /** Writes {@code d} to {@code out} (UTF-8 is the caller's business; {@code \n} line ends). */
  public static void write(Dataset d, Writer out, boolean withIdAndGroup) throws IOException {
    List<String> labels = List.copyOf(new TreeSet<>(d.labels()));
    out.write("% " + d.name() + ": " + d.size() + " examples, " + labels.size() + " labels, from "
        + oneLine(d.file()) + " (sha256 " + d.sha256() + ")\n");
    if (withIdAndGroup) {
      out.write("% id and doc only identify rows: remove them (Remove filter) before StringToWordVector\n");
    }
    out.write("@relation " + quote(d.name()) + "\n\n");
    if (withIdAndGroup) {
      out.write("@attribute id string\n");
      out.write("@attribute doc string\n");
    }
    out.write("@attribute text string\n");
    StringBuilder decl = new StringBuilder("@attribute class {");
    for (int i = 0; i < labels.size(); i++) {
      decl.append(i == 0 ? "" : ",").append(quote(labels.get(i)));
    }
    out.write(decl.append("}\n\n@data\n").toString());
    StringBuilder row = new StringBuilder();
    for (Example e : d.examples()) {
      row.setLength(0);
      if (withIdAndGroup) {
        row.append(quote(e.id())).append(',').append(quote(e.group())).append(',');
      }
      row.append(quote(e.text())).append(',').append(quote(e.label())).append('\n');
      out.write(row.toString());
    }
  }

  /**
   * Writes {@code d} to {@code file} as UTF-8: into a temporary file beside it, then moved over
   * {@code file} in one step, so {@code file} is never left half-written.
   */
  public static void write(Dataset d, Path file, boolean withIdAndGroup) {
    AtomicFile.write(file, w -> write(d, w, withIdAndGroup));
  }

  /**
   * Weka's {@code Utils.quote}: backslash-escapes {@code \ ' " %}, tab, CR, LF and U+001E, and wraps the
   * result in single quotes when it had any of those or holds a space, comma or brace, is empty or is
   * {@code ?}.
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    boolean quote = s.isEmpty() || s.equals("?");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '\'', '"', '%' -> b.append('\\').append(c);
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\u001E' -> b.append("\\u001E");
        default -> b.append(c);
      }
      quote |= c == ' ' || c == ',' || c == '{' || c == '}';
    }
    boolean escaped = b.length() != s.length();
    return quote || escaped ? "'" + b + "'" : b.toString();
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n]+", " ");
  }
}
