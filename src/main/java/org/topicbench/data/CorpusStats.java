package org.topicbench.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.topicbench.data.NearDuplicates.Cluster;

/**
 * What a labelled dataset holds: sentences per label per document, and the sentences that repeat or
 * nearly repeat ({@link NearDuplicates}), across documents and within one. Written as a text report,
 * a CSV table of the counts, or JSON; every output depends only on the dataset.
 */
public final class CorpusStats {
  private final Dataset dataset;
  private final List<String> documents;
  private final List<String> labels;
  private final int[][] counts;
  private final NearDuplicates.Result duplicates;

  private CorpusStats(Dataset dataset, List<String> documents, int[][] counts, NearDuplicates.Result duplicates) {
    this.dataset = dataset;
    this.documents = documents;
    this.labels = dataset.labels();
    this.counts = counts;
    this.duplicates = duplicates;
  }

  /** Counts {@code d} and finds its near-duplicates under {@code rule}. */
  public static CorpusStats of(Dataset d, NearDuplicates.Rule rule) {
    Map<String, Integer> docIndex = new LinkedHashMap<>();
    for (Example e : d.examples()) {
      docIndex.putIfAbsent(e.group(), docIndex.size());
    }
    List<String> labels = d.labels();
    int[][] counts = new int[docIndex.size()][labels.size()];
    for (Example e : d.examples()) {
      counts[docIndex.get(e.group())][labels.indexOf(e.label())]++;
    }
    return new CorpusStats(d, List.copyOf(docIndex.keySet()), counts, NearDuplicates.find(d.examples(), rule));
  }

  public Dataset dataset() {
    return dataset;
  }

  /** The documents (groups) in order of first appearance. */
  public List<String> documents() {
    return documents;
  }

  /** The labels, sorted. */
  public List<String> labels() {
    return labels;
  }

  /** Sentences of {@code document} with {@code label}. */
  public int count(String document, String label) {
    int d = documents.indexOf(document);
    int l = labels.indexOf(label);
    return d < 0 || l < 0 ? 0 : counts[d][l];
  }

  public NearDuplicates.Result duplicates() {
    return duplicates;
  }

  /** Whether the dataset has no document column (every sentence is its own group). */
  public boolean ungrouped() {
    return documents.size() == dataset.size() && dataset.size() > 1;
  }

  /** The clusters with members in more than one document. */
  public List<Cluster> crossDocument() {
    return duplicates.crossGroup();
  }

  /** The repeated clusters that stay inside one document. */
  public List<Cluster> withinDocument() {
    return duplicates.repeated().stream().filter(c -> !c.spansGroups()).toList();
  }

  private static int sentences(List<Cluster> clusters) {
    return clusters.stream().mapToInt(Cluster::size).sum();
  }

  private int labelTotal(int l) {
    int s = 0;
    for (int[] row : counts) {
      s += row[l];
    }
    return s;
  }

  /** The human-readable report. */
  public void writeText(PrintWriter out) {
    out.printf(
        "%s: %d sentences, %d labels, %s%n",
        dataset.file(), dataset.size(), labels.size(), ungrouped() ? "no document column" : documents.size() + " documents");
    out.println("sha256 " + dataset.sha256());
    out.println();
    // counts first, the document last: document names (URLs, say) can be long
    List<List<String>> rows = new ArrayList<>();
    List<String> head = new ArrayList<>(labels);
    head.add("total");
    head.add(ungrouped() ? "" : "document");
    rows.add(head);
    if (!ungrouped()) {
      out.println("Sentences per label per document");
      for (int d = 0; d < documents.size(); d++) {
        List<String> row = new ArrayList<>();
        int total = 0;
        for (int l = 0; l < labels.size(); l++) {
          row.add(Integer.toString(counts[d][l]));
          total += counts[d][l];
        }
        row.add(Integer.toString(total));
        row.add(documents.get(d));
        rows.add(row);
      }
    } else {
      out.println("Sentences per label (no document column: every sentence is its own document)");
    }
    List<String> totals = new ArrayList<>();
    for (int l = 0; l < labels.size(); l++) {
      totals.add(Integer.toString(labelTotal(l)));
    }
    totals.add(Integer.toString(dataset.size()));
    totals.add("total");
    rows.add(totals);
    table(out, rows);

    List<Cluster> cross = crossDocument();
    List<Cluster> within = withinDocument();
    out.println();
    out.println("Repeated and nearly repeated sentences");
    out.println("rule: " + duplicates.rule());
    if (ungrouped()) {
      out.printf("repeated:  %d cluster%s, %d sentences%s%n", cross.size(), cross.size() == 1 ? "" : "s", sentences(cross), labelNote(cross));
      list(out, "Repeated", cross);
      return;
    }
    out.printf(
        "across documents:   %d cluster%s, %d sentences%s%n",
        cross.size(), cross.size() == 1 ? "" : "s", sentences(cross), labelNote(cross));
    out.printf(
        "within a document:  %d cluster%s, %d sentences%s%n",
        within.size(), within.size() == 1 ? "" : "s", sentences(within), labelNote(within));
    list(out, "Across documents", cross);
    list(out, "Within a document", within);
  }

  private static String labelNote(List<Cluster> clusters) {
    long mixed = clusters.stream().filter(c -> c.labels().size() > 1).count();
    int largest = clusters.stream().mapToInt(Cluster::size).max().orElse(0);
    return clusters.isEmpty() ? "" : " (largest " + largest + "; " + mixed + " with differing labels)";
  }

  private void list(PrintWriter out, String title, List<Cluster> clusters) {
    if (clusters.isEmpty()) {
      return;
    }
    out.println();
    out.println(title + ":");
    for (Cluster c : clusters) {
      String docs = ungrouped() ? "" : ", " + c.groups().size() + " document" + (c.groups().size() == 1 ? "" : "s");
      out.printf(
          "cluster %d: %d sentences%s, %s, labels %s%n",
          c.id(), c.size(), docs, c.exact() ? "same words" : "near", String.join(", ", c.labels()));
      for (int i : c.members()) {
        Example e = dataset.examples().get(i);
        String doc = ungrouped() ? "" : "  " + e.group();
        out.printf("  %s  %s%s%n    %s%n", e.id(), e.label(), doc, e.text().replaceAll("\\s+", " ").strip());
      }
    }
  }

  /** Right-aligned columns, the last one left-aligned and unpadded. */
  private static void table(PrintWriter out, List<List<String>> rows) {
    int cols = rows.getFirst().size();
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder b = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        String cell = r.get(c);
        if (c == cols - 1) {
          b.append("  ").append(cell);
        } else {
          b.append(c == 0 ? "" : "  ").append(" ".repeat(width[c] - cell.length())).append(cell);
        }
      }
      out.println(b.toString().stripTrailing());
    }
  }

  /** The counts as CSV: {@code document,<label>...,total}, one row per document, then a {@code total} row. */
  public void writeCsv(Appendable out) throws IOException {
    // not closed: closing the printer would close standard output
    CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
    List<String> head = new ArrayList<>();
    head.add("document");
    head.addAll(labels);
    head.add("total");
    SafeCsv.print(p, head, false);
    for (int d = 0; d < documents.size(); d++) {
      List<Object> row = new ArrayList<>();
      row.add(documents.get(d));
      int total = 0;
      for (int l = 0; l < labels.size(); l++) {
        row.add(counts[d][l]);
        total += counts[d][l];
      }
      row.add(total);
      SafeCsv.print(p, row, false);
    }
    List<Object> totals = new ArrayList<>();
    totals.add("total");
    for (int l = 0; l < labels.size(); l++) {
      totals.add(labelTotal(l));
    }
    totals.add(dataset.size());
    p.printRecord(totals);
    p.flush();
  }

  /** Everything as one JSON object (keys in a fixed order). */
  public void writeJson(Writer out) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("name", dataset.name());
    ds.put("file", dataset.file());
    ds.put("sha256", dataset.sha256());
    ds.put("sentences", dataset.size());
    ds.put("documents", documents.size());
    ds.put("labels", labels);
    root.put("dataset", ds);
    List<Object> perDoc = new ArrayList<>();
    for (int d = 0; d < documents.size(); d++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("document", documents.get(d));
      Map<String, Integer> byLabel = new LinkedHashMap<>();
      int total = 0;
      for (int l = 0; l < labels.size(); l++) {
        byLabel.put(labels.get(l), counts[d][l]);
        total += counts[d][l];
      }
      row.put("counts", byLabel);
      row.put("total", total);
      perDoc.add(row);
    }
    root.put("perDocument", perDoc);
    Map<String, Integer> perLabel = new LinkedHashMap<>();
    for (int l = 0; l < labels.size(); l++) {
      perLabel.put(labels.get(l), labelTotal(l));
    }
    root.put("perLabel", perLabel);
    Map<String, Object> nd = new LinkedHashMap<>();
    NearDuplicates.Rule rule = duplicates.rule();
    nd.put(
        "rule",
        ordered("jaccard", rule.jaccard(), "containment", rule.containment(), "minContainedWords", rule.minContainedWords()));
    nd.put("crossDocument", ordered("clusters", crossDocument().size(), "sentences", sentences(crossDocument())));
    nd.put("withinDocument", ordered("clusters", withinDocument().size(), "sentences", sentences(withinDocument())));
    List<Object> clusters = new ArrayList<>();
    for (Cluster c : duplicates.repeated()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("crossDocument", c.spansGroups());
      m.put("exact", c.exact());
      m.put("documents", c.groups());
      m.put("labels", c.labels());
      List<Object> members = new ArrayList<>();
      for (int i : c.members()) {
        Example e = dataset.examples().get(i);
        Map<String, Object> em = new LinkedHashMap<>();
        em.put("id", e.id());
        em.put("document", e.group());
        em.put("label", e.label());
        em.put("text", e.text());
        members.add(em);
      }
      m.put("members", members);
      clusters.add(m);
    }
    nd.put("clusters", clusters);
    root.put("nearDuplicates", nd);
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    mapper.writeValue(out, root);
    out.write("\n");
  }

  /** A map that keeps the order of {@code keysAndValues} (JSON output must not depend on hashing). */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
