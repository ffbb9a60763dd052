package org.topicbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.stream.Stream;
import org.topicbench.data.InputException;

/** JMH results in JMH's own JSON format ({@code -rf json}): the report's tokenizer throughput table. */
final class Jmh {
  private Jmh() {}

  /** A score with its 99.9% error half-width and unit; error NaN when JMH gives none. */
  record Score(double score, double error, String unit) {}

  /**
   * One benchmark result.
   *
   * @param benchmark fully qualified method, e.g. {@code org.topicbench.bench.TokenizerBench.tokenize}
   * @param mode {@code thrpt}, {@code avgt}, ...
   * @param params benchmark parameters in JMH's order
   * @param secondary secondary metrics (profilers, aux counters) by name
   */
  record Result(
      String benchmark, String mode, int threads, SequencedMap<String, String> params, Score primary,
      SequencedMap<String, Score> secondary) {
    /** {@code Class.method}: the benchmark name without its package. */
    String shortName() {
      String[] parts = benchmark.split("\\.");
      return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
  }

  /** One JSON file's results, or why it could not be read ({@code error} null when it could). */
  record File(Path file, List<Result> results, String error) {}

  /**
   * Every {@code *.json} file of {@code dir} in name order; none when the directory does not exist. A file
   * that is not JMH JSON comes back with its {@code error} set.
   */
  static List<File> read(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw InputException.of(dir, "cannot list: " + e.getMessage());
    }
    List<File> out = new ArrayList<>();
    for (Path f : files) {
      try {
        out.add(new File(f, parse(f), null));
      } catch (InputException e) {
        // a broken benchmark file is reported on the page; it must not cost the evaluation its report
        out.add(new File(f, List.of(), e.getMessage()));
      }
    }
    return out;
  }

  /** The results of one JMH JSON file (an array of benchmark objects). */
  static List<Result> parse(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw InputException.of(file, "not a JMH JSON result: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isArray()) {
      throw InputException.of(file, "not a JMH JSON result (expected an array of benchmarks)");
    }
    List<Result> results = new ArrayList<>();
    int i = 0;
    for (JsonNode b : root) {
      if (!b.path("benchmark").isTextual() || !b.path("primaryMetric").isObject()) {
        throw InputException.of(file, "benchmark " + i + " has no 'benchmark' name or 'primaryMetric'");
      }
      SequencedMap<String, String> params = new LinkedHashMap<>();
      b.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
      SequencedMap<String, Score> secondary = new LinkedHashMap<>();
      b.path("secondaryMetrics").properties().forEach(e -> secondary.put(e.getKey(), score(e.getValue())));
      results.add(new Result(b.path("benchmark").asText(), b.path("mode").asText(), b.path("threads").asInt(1),
          params, score(b.path("primaryMetric")), secondary));
      i++;
    }
    return results;
  }

  private static Score score(JsonNode m) {
    return new Score(number(m.path("score")), number(m.path("scoreError")), m.path("scoreUnit").asText());
  }

  private static double number(JsonNode n) {
    // JMH writes "NaN" as a string when an error is undefined (a single fork or iteration)
    if (n.isNumber()) {
      return n.asDouble();
    }
    try {
      return Double.parseDouble(n.asText());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Secondary metric names to show as columns: allocation per operation and non-profiler counters. */
  static List<String> secondaryColumns(List<Result> results) {
    Map<String, Boolean> names = new LinkedHashMap<>();
    for (Result r : results) {
      for (String n : r.secondary().keySet()) {
        String bare = n.startsWith("\u00b7") ? n.substring(1) : n;
        if (bare.equals("gc.alloc.rate.norm") || !bare.startsWith("gc.")) {
          names.put(n, true);
        }
      }
    }
    return List.copyOf(names.keySet());
  }
}
