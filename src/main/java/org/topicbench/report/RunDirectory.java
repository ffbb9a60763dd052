package org.topicbench.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.topicbench.data.InputException;
import org.topicbench.report.CsvTable.Row;

/**
 * A run directory ({@code results/FORMAT.md}) read back and checked: the manifest, and the rows of every
 * CSV file grouped by protocol. Of {@code predictions.csv} it keeps only what the report shows: the best
 * learner's predictions and the first learner's (whose folds are every learner's folds).
 */
final class RunDirectory {
  static final String FORMAT = "topicbench-run/1";

  private final Path dir;
  private final JsonNode manifest;
  private final Map<String, JsonNode> protocols = new LinkedHashMap<>();
  private final Map<String, List<Row>> summary;
  private final Map<String, List<Row>> perClass;
  private final Map<String, List<Row>> confusion;
  private final Map<String, List<Row>> folds;
  private final Map<String, List<Row>> pairwise;
  private final Map<String, List<Row>> examples;
  private final Map<String, List<Row>> timings;
  private final Map<String, List<Row>> predictions;

  private RunDirectory(Path dir) {
    this.dir = dir;
    if (!Files.isDirectory(dir)) {
      throw InputException.of(dir, Files.exists(dir) ? "not a directory" : "no such directory");
    }
    Path m = dir.resolve("manifest.json");
    if (!Files.isRegularFile(m)) {
      throw InputException.of(dir, "not a topicbench run directory (no manifest.json)");
    }
    try {
      manifest = new ObjectMapper().readTree(m.toFile());
    } catch (JacksonException e) {
      throw InputException.of(m, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw InputException.of(m, "cannot read: " + e.getMessage());
    }
    if (manifest == null || !FORMAT.equals(manifest.path("format").asText())) {
      throw InputException.of(m, "format is not " + FORMAT);
    }
    for (JsonNode p : manifest.path("protocols")) {
      protocols.put(p.path("protocol").asText(), p);
    }
    if (protocols.isEmpty()) {
      throw InputException.of(m, "lists no protocols");
    }
    summary = group(table("summary.csv", SUMMARY_TEXT, SUMMARY_NUMBERS, Set.of("rank", "repetitions", "folds",
        "sentences")));
    perClass = group(table("per-class.csv", List.of("learner", "label"), PER_CLASS_NUMBERS, Set.of("support")));
    confusion = group(table("confusion.csv", List.of("learner", "true", "predicted"), Set.of(),
        Set.of("count", "repetitions")));
    folds = group(table("folds.csv", List.of("learner", "test_group"), Set.of("accuracy", "macro_f1", "kappa",
        "log_loss"), Set.of("repetition", "fold", "train_size", "test_size", "purged", "labels_in_test")));
    pairwise = group(table("pairwise.csv", List.of("metric", "test", "learner_a", "learner_b", "significant",
        "better", "df", "a_only_correct", "b_only_correct"), Set.of("mean_a", "mean_b", "statistic", "p_value",
        "p_holm"), Set.of("n")));
    examples = group(table("examples.csv", List.of("dataset", "id", "group", "label", "text"), Set.of(),
        Set.of("index", "cluster", "cluster_size")));
    timings = group(table("timings.csv", List.of("learner"), Set.of(), Set.of("repetition", "fold", "train_size",
        "test_size", "train_ns", "predict_ns")));
    for (String p : protocols.keySet()) {
      if (summary(p).isEmpty()) {
        throw InputException.of(dir.resolve("summary.csv"), "no rows for protocol " + p);
      }
    }
    Set<String> keep = new HashSet<>();
    for (String p : protocols.keySet()) {
      keep.add(p + "\u0000" + best(p));
      keep.add(p + "\u0000" + firstLearner(p));
    }
    predictions = group(CsvTable.read(dir.resolve("predictions.csv"),
        List.of("protocol", "learner", "dataset", "id", "true", "predicted"), Set.of(),
        Set.of("repetition", "fold"), r -> keep.contains(r.get("protocol") + "\u0000" + r.get("learner"))));
  }

  private static final List<String> SUMMARY_TEXT =
      List.of("learner", "significantly_better_than", "significantly_worse_than");
  private static final Set<String> SUMMARY_NUMBERS =
      Set.of("accuracy_mean", "accuracy_sd", "accuracy_ci_low", "accuracy_ci_high", "macro_f1_pooled_mean",
          "macro_f1_pooled_sd", "macro_f1_pooled_ci_low", "macro_f1_pooled_ci_high", "macro_f1_fold_mean",
          "macro_f1_fold_sd", "kappa_mean", "kappa_sd", "kappa_ci_low", "kappa_ci_high", "log_loss_mean",
          "log_loss_sd");
  private static final Set<String> PER_CLASS_NUMBERS =
      Set.of("precision_mean", "precision_sd", "recall_mean", "recall_sd", "f1_mean", "f1_sd");

  /** Reads and checks {@code dir}; a missing, foreign or malformed directory is an {@link InputException}. */
  static RunDirectory read(Path dir) {
    return new RunDirectory(dir);
  }

  private CsvTable table(String name, List<String> text, Set<String> numbers, Set<String> integers) {
    List<String> required = new ArrayList<>();
    required.add("protocol");
    required.addAll(text);
    required.addAll(numbers);
    required.addAll(integers);
    return CsvTable.read(dir.resolve(name), required, numbers, integers, r -> true);
  }

  private Map<String, List<Row>> group(CsvTable t) {
    Map<String, List<Row>> byProtocol = new LinkedHashMap<>();
    for (String p : protocols.keySet()) {
      byProtocol.put(p, new ArrayList<>());
    }
    for (Row r : t.rows()) {
      List<Row> rows = byProtocol.get(r.get("protocol"));
      if (rows == null) {
        throw InputException.at(t.file(), r.line(),
            "protocol '" + r.get("protocol") + "' is not one of manifest.json's " + protocols.keySet());
      }
      rows.add(r);
    }
    return byProtocol;
  }

  Path dir() {
    return dir;
  }

  JsonNode manifest() {
    return manifest;
  }

  String runId() {
    return manifest.path("run_id").asText();
  }

  /** Protocol ids in the manifest's order. */
  List<String> protocolIds() {
    return List.copyOf(protocols.keySet());
  }

  JsonNode protocol(String p) {
    return protocols.get(p);
  }

  List<String> labels(String p) {
    List<String> labels = new ArrayList<>();
    protocols.get(p).path("labels").forEach(l -> labels.add(l.asText()));
    return labels;
  }

  /** Learners in the manifest's (the run's) order. */
  List<String> learners() {
    List<String> names = new ArrayList<>();
    manifest.path("learners").forEach(l -> names.add(l.path("name").asText()));
    return names;
  }

  /** Orders learner names as the run listed them (unknown names last, by name). */
  Comparator<String> learnerOrder() {
    List<String> order = learners();
    return Comparator.<String>comparingInt(n -> order.contains(n) ? order.indexOf(n) : Integer.MAX_VALUE)
        .thenComparing(Comparator.naturalOrder());
  }

  /** summary.csv rows of {@code p}, by rank. */
  List<Row> summary(String p) {
    List<Row> rows = new ArrayList<>(summary.get(p));
    rows.sort(Comparator.comparingLong(r -> r.integer("rank")));
    return rows;
  }

  /** The rank-1 learner of {@code p}. */
  String best(String p) {
    return summary(p).getFirst().get("learner");
  }

  /** The first learner of {@code p} in run order: its predictions tell which fold tested each sentence. */
  String firstLearner(String p) {
    return ranking(p).stream().min(learnerOrder()).orElseThrow();
  }

  /** Learner names of {@code p} by rank. */
  List<String> ranking(String p) {
    return summary(p).stream().map(r -> r.get("learner")).toList();
  }

  List<Row> perClass(String p) {
    return perClass.get(p);
  }

  List<Row> confusion(String p) {
    return confusion.get(p);
  }

  List<Row> folds(String p) {
    return folds.get(p);
  }

  List<Row> pairwise(String p) {
    return pairwise.get(p);
  }

  List<Row> examples(String p) {
    return examples.get(p);
  }

  List<Row> timings(String p) {
    return timings.get(p);
  }

  /** Predictions of {@code p} by {@code learner}; only the best and the first learner are kept. */
  List<Row> predictions(String p, String learner) {
    return predictions.get(p).stream().filter(r -> r.get("learner").equals(learner)).toList();
  }
}
