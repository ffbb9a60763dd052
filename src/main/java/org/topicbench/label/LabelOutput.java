package org.topicbench.label;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.topicbench.data.SafeCsv;
import org.topicbench.label.Labelling.Document;
import org.topicbench.label.Labelling.Labelled;
import org.topicbench.model.Prediction;
import org.topicbench.text.Sentence;

/** The label pipeline's end: labelled documents as a table, CSV or JSON lines ({@code topicbench label --format}). */
public final class LabelOutput {
  private LabelOutput() {}

  static String probability(double p) {
    String s = String.format(Locale.ROOT, "%.6f", p);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  public static void printCsv(List<Labelled> docs, List<String> labels, boolean raw, PrintWriter out)
      throws IOException {
    CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
    List<Object> header = new ArrayList<>(List.of("file", "sentence", "line", "start", "end", "label"));
    labels.forEach(l -> header.add("p_" + l));
    header.add("text");
    p.printRecord(header);
    for (Labelled l : docs) {
      Document d = l.doc();
      for (int i = 0; i < d.sentences().size(); i++) {
        Sentence s = d.sentences().get(i);
        Prediction pr = l.predictions().get(i);
        List<Object> row = new ArrayList<>(List.of(d.name(), i + 1, s.line(), s.start(), s.end(), labels.get(pr.label())));
        for (int c = 0; c < labels.size(); c++) {
          row.add(pr.hasProbabilities() ? probability(pr.probabilities()[c]) : "");
        }
        row.add(s.text());
        SafeCsv.print(p, row, raw);
      }
    }
    p.flush();
  }

  /** One line of {@code --format jsonl}, its keys in this order. */
  record JsonLine(String file, int sentence, int line, int start, int end, String label,
      java.util.LinkedHashMap<String, Double> probabilities, String text) {}

  public static void printJsonLines(List<Labelled> docs, List<String> labels, PrintWriter out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Labelled l : docs) {
      Document d = l.doc();
      for (int i = 0; i < d.sentences().size(); i++) {
        Sentence s = d.sentences().get(i);
        Prediction pr = l.predictions().get(i);
        java.util.LinkedHashMap<String, Double> probs = null;
        if (pr.hasProbabilities()) {
          probs = new java.util.LinkedHashMap<>();
          for (int c = 0; c < labels.size(); c++) {
            probs.put(labels.get(c), pr.probabilities()[c]);
          }
        }
        out.print(json.writeValueAsString(new JsonLine(d.name(), i + 1, s.line(), s.start(), s.end(),
            labels.get(pr.label()), probs, s.text())));
        out.print('\n');
      }
    }
  }


  /** The readable table, wrapped to {@code width} characters (null: {@code $COLUMNS}, or 120). */
  public static void printTable(List<Labelled> docs, List<String> labels, Integer width, PrintWriter out) {
    int total = width != null ? width : terminalWidth();
    int labelWidth = Math.max(5, labels.stream().mapToInt(String::length).max().orElse(5));
    List<String> shortNames = abbreviations(labels);
    StringBuilder fmt = new StringBuilder("%4s %5s %6s %6s  %-" + labelWidth + "s");
    int prefix = 4 + 1 + 5 + 1 + 6 + 1 + 6 + 2 + labelWidth;
    for (String l : shortNames) {
      int w = Math.max(4, l.length());
      fmt.append(" %").append(w).append('s');
      prefix += 1 + w;
    }
    fmt.append("  ");
    prefix += 2;
    int textWidth = Math.max(30, total - prefix);
    String rowFormat = fmt.toString();
    String indent = " ".repeat(prefix);
    if (!shortNames.equals(labels)) {
      List<String> legend = new ArrayList<>();
      for (int c = 0; c < labels.size(); c++) {
        legend.add(shortNames.get(c) + " = " + labels.get(c));
      }
      for (String line : wrap("probability of each label: " + String.join(", ", legend), total)) {
        out.print(line);
        out.print('\n');
      }
    }
    for (Labelled l : docs) {
      Document d = l.doc();
      out.printf("%n%s: %d sentences%n", d.name(), d.sentences().size());
      List<Object> head = new ArrayList<>(List.of("#", "line", "start", "end", "label"));
      head.addAll(shortNames);
      out.print(String.format(Locale.ROOT, rowFormat, head.toArray()).concat("text").stripTrailing());
      out.print('\n');
      for (int i = 0; i < d.sentences().size(); i++) {
        Sentence s = d.sentences().get(i);
        Prediction pr = l.predictions().get(i);
        List<Object> row = new ArrayList<>(List.of(i + 1, s.line(), s.start(), s.end(), labels.get(pr.label())));
        for (int c = 0; c < labels.size(); c++) {
          row.add(pr.hasProbabilities() ? String.format(Locale.ROOT, "%.2f", pr.probabilities()[c]) : "-");
        }
        List<String> lines = wrap(s.text(), textWidth);
        out.print(String.format(Locale.ROOT, rowFormat, row.toArray()));
        out.print(lines.getFirst());
        out.print('\n');
        for (String more : lines.subList(1, lines.size())) {
          out.print(indent);
          out.print(more);
          out.print('\n');
        }
      }
    }
  }

  /**
   * Short column headers: each label's shortest prefix of at least 4 chars that no other label starts
   * with (the whole label when there is none).
   */
  static List<String> abbreviations(List<String> labels) {
    List<String> out = new ArrayList<>();
    for (String l : labels) {
      String best = l;
      for (int len = 4; len < l.length(); len++) {
        String prefix = l.substring(0, len);
        if (labels.stream().filter(o -> o.startsWith(prefix)).count() == 1) {
          best = prefix;
          break;
        }
      }
      out.add(best);
    }
    return out;
  }

  private static int terminalWidth() {
    String columns = System.getenv("COLUMNS");
    if (columns != null && columns.matches("\\d{2,4}")) {
      return Math.max(40, Integer.parseInt(columns));
    }
    return 120;
  }

  /** {@code text} in lines of at most {@code width} chars, broken at spaces (a longer word is cut). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String rest = text.strip().replaceAll("\\s+", " ");
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        lines.add(rest.substring(0, width));
        rest = rest.substring(width);
      } else {
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut + 1);
      }
    }
    lines.add(rest);
    return lines;
  }
}
