package org.topicbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the JSON of a {@code benchmarks/run.sh} run into the markdown table of {@code results/jmh/README.md}
 * (M chars/s, M tokens/s, sentences/s, derived ratios), and removes the machine's JDK path from the JSON.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.topicbench.bench.JmhTable TOKENIZER_JSON FEATURE_JSON
 * NOTES_FILE OUT_MD}; NOTES_FILE holds the command, machine and load lines written by run.sh.
 */
public final class JmhTable {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JmhTable() {}

  /** One metric: mean and JMH's 99.9% confidence half-width. */
  record Metric(double score, double error) {
    static Metric of(JsonNode m) {
      double e = m.path("scoreError").asDouble(Double.NaN);
      return new Metric(m.get("score").asDouble(), Double.isNaN(e) ? 0.0 : e);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: JmhTable TOKENIZER_JSON FEATURE_JSON NOTES_FILE OUT_MD");
      System.exit(2);
    }
    JsonNode tok = scrub(Path.of(args[0]));
    JsonNode feat = scrub(Path.of(args[1]));
    String notes = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
    StringBuilder md = new StringBuilder();
    md.append("# JMH results\n\n");
    md.append("Written by `benchmarks/run.sh` from `tokenizer.json` and `features.json` in this folder "
        + "(scores are means over all forks and iterations; ± is JMH's 99.9% confidence half-width).\n\n");
    md.append(notes.strip()).append("\n\n");

    Map<String, Metric[]> rows = new LinkedHashMap<>(); // name -> {ops, chars, tokens}
    for (JsonNode b : tok) {
      String name = b.get("benchmark").asText().replaceAll(".*\\.", "");
      JsonNode sec = b.path("secondaryMetrics");
      rows.put(name, new Metric[] {Metric.of(b.get("primaryMetric")), Metric.of(sec.get("chars")),
          Metric.of(sec.get("tokens"))});
    }
    md.append("## Tokenizer throughput (one thread, 1 MiB of article text per operation)\n\n");
    md.append("| benchmark | M chars/s | ± | M tokens/s | ± | × Lucene+LowerCase | × probe |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    Metric luceneLower = rows.containsKey("lucene_standard_lowerCase") ? rows.get("lucene_standard_lowerCase")[1] : null;
    Metric probe = rows.containsKey("probe_readEveryChar") ? rows.get("probe_readEveryChar")[1] : null;
    List<Map.Entry<String, Metric[]>> sorted = new ArrayList<>(rows.entrySet());
    sorted.sort((x, y) -> Double.compare(y.getValue()[1].score(), x.getValue()[1].score()));
    for (var e : sorted) {
      Metric chars = e.getValue()[1];
      Metric tokens = e.getValue()[2];
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %s | %s |%n", e.getKey(),
          chars.score() / 1e6, chars.error() / 1e6, tokens.score() / 1e6, tokens.error() / 1e6,
          ratio(chars, luceneLower, false), ratio(chars, probe, false)));
    }
    md.append("\n");
    if (luceneLower != null && probe != null) {
      // what the CLI runs (ours_cli), then ours lower-casing through both contracts with the vector kernel:
      // in batches (nextBatch) and one token per next()
      List<String> ours = List.of("ours_cli", "ours_lowerCase_batch", "ours_lowerCase").stream()
          .filter(rows::containsKey).toList();
      if (!ours.isEmpty()) {
        md.append("Derived ratios (chars/s; the range combines both ± intervals):\n\n");
      }
      for (String name : ours) {
        Metric m = rows.get(name)[1];
        md.append("- ").append(name).append(" / lucene_standard_lowerCase = ").append(ratio(m, luceneLower, true))
            .append(" (target ≥ 10)\n");
        md.append("- ").append(name).append(" / probe_readEveryChar = ").append(ratio(m, probe, true))
            .append(" (target ≥ 0.25)\n");
      }
      md.append("\n");
    }
    md.append("## Feature extraction throughput (one thread)\n\n");
    md.append("| benchmark | sentences/s | ± |\n|---|---:|---:|\n");
    for (JsonNode b : feat) {
      String name = b.get("benchmark").asText().replaceAll(".*\\.", "");
      Metric s = Metric.of(b.path("secondaryMetrics").get("sentences"));
      md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f |%n", name, s.score(), s.error()));
    }
    write(Path.of(args[3]), md.toString());
  }

  private static String ratio(Metric a, Metric b, boolean range) {
    if (b == null || b.score() == 0) {
      return "";
    }
    double r = a.score() / b.score();
    if (!range) {
      return String.format(Locale.ROOT, "%.2f", r);
    }
    double lo = (a.score() - a.error()) / (b.score() + b.error());
    double hi = b.score() > b.error() ? (a.score() + a.error()) / (b.score() - b.error()) : Double.POSITIVE_INFINITY;
    return String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", r, lo, hi);
  }

  /** Reads a JMH JSON result and replaces the JVM path (a path of the machine that ran it). */
  private static JsonNode scrub(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    for (JsonNode b : root) {
      ((ObjectNode) b).put("jvm", "$JAVA_HOME/bin/java");
    }
    write(file, JSON.writeValueAsString(root) + "\n");
    return root;
  }

  private static void write(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
