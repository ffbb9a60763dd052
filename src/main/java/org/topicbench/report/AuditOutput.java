package org.topicbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.topicbench.data.Dataset;
import org.topicbench.data.Example;
import org.topicbench.data.SafeCsv;
import org.topicbench.eval.LabelAudit;

/** What {@code topicbench corpus audit} prints: a table, CSV or JSON lines of the ranked sentences. */
public final class AuditOutput {
  private AuditOutput() {}

  /** The CSV columns, in order. */
  public static final List<String> CSV_COLUMNS = List.of("id", "label", "suggested", "score", "text");

  /** One JSON line, its keys in this order. */
  record JsonLine(int rank, String id, String doc, String label, String suggested, Double score, boolean flagged,
      Double pLabel, Double pSuggested, String text) {}

  /**
   * CSV ({@link #CSV_COLUMNS}), one row per finding in rank order; {@code score} with 6 decimals; text
   * cells neutralised against spreadsheet formulas unless {@code raw}.
   */
  public static void csv(Dataset d, List<LabelAudit.Finding> findings, Writer w, boolean raw) throws IOException {
    CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
    p.printRecord(CSV_COLUMNS);
    List<String> labels = d.labels();
    for (LabelAudit.Finding f : findings) {
      Example e = d.examples().get(f.index());
      SafeCsv.print(p, List.of(e.id(), labels.get(f.given()), labels.get(f.suggested()), fixed(f.score()), e.text()),
          raw);
    }
    p.flush();
  }

  /** JSON lines: rank, id, doc, label, suggested, score, flagged, p_label, p_suggested, text. */
  public static void jsonLines(Dataset d, List<LabelAudit.Finding> findings, Writer w) throws IOException {
    ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(
        com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
    List<String> labels = d.labels();
    int rank = 0;
    for (LabelAudit.Finding f : findings) {
      Example e = d.examples().get(f.index());
      w.write(json.writeValueAsString(new JsonLine(++rank, e.id(), e.group(), labels.get(f.given()),
          labels.get(f.suggested()), round(f.score()), f.flagged(), round(f.pGiven()), round(f.pSuggested()),
          e.text())));
      w.write('\n');
    }
  }

  /** A readable table, text cut to {@code width} characters. */
  public static void table(Dataset d, LabelAudit.Result r, List<LabelAudit.Finding> findings, Writer w, int width)
      throws IOException {
    List<String> labels = d.labels();
    int idWidth = 2;
    int labelWidth = 5;
    for (LabelAudit.Finding f : findings) {
      idWidth = Math.max(idWidth, d.examples().get(f.index()).id().length());
      labelWidth = Math.max(labelWidth, labels.get(f.given()).length() + labels.get(f.suggested()).length() + 3);
    }
    w.write(String.format(Locale.ROOT, "%4s  %-" + idWidth + "s  %-" + labelWidth + "s  %5s  %5s  %5s  %s%n", "rank",
        "id", "label -> suggested", "score", "p", "p'", "text (* flagged by confident learning)"));
    int rank = 0;
    for (LabelAudit.Finding f : findings) {
      Example e = d.examples().get(f.index());
      String text = e.text().replaceAll("\\s+", " ");
      if (text.length() > width) {
        text = text.substring(0, Math.max(1, width - 1)) + "\u2026";
      }
      w.write(String.format(Locale.ROOT, "%4d  %-" + idWidth + "s  %-" + labelWidth + "s  %5.3f  %5.3f  %5.3f  %s%s%n",
          ++rank, e.id(), labels.get(f.given()) + " -> " + labels.get(f.suggested()), f.score(), f.pGiven(),
          f.pSuggested(), f.flagged() ? "* " : "  ", text));
    }
    StringBuilder t = new StringBuilder();
    for (int j = 0; j < labels.size(); j++) {
      t.append(j == 0 ? "" : ", ").append(labels.get(j)).append(' ').append(fixed3(r.thresholds()[j]));
    }
    w.write("p: out-of-fold probability of the given label; p': of the suggested; score = 1 - p. Thresholds"
        + " (mean p of each label over the sentences given it): " + t + "\n");
  }

  private static String fixed(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
  }

  private static String fixed3(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** Six decimals; NaN as null (JSON has no NaN). */
  private static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 1e6) / 1e6;
  }
}
