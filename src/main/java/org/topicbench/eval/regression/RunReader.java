package org.topicbench.eval.regression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.topicbench.data.InputException;
import org.topicbench.data.SafeCsv;
import org.topicbench.eval.regression.RunData.DatasetInfo;
import org.topicbench.eval.regression.RunData.Figures;
import org.topicbench.eval.regression.RunData.Key;
import org.topicbench.eval.regression.RunData.LearnerInfo;
import org.topicbench.eval.regression.RunData.Outcome;
import org.topicbench.eval.regression.RunData.ProtocolInfo;
import org.topicbench.eval.regression.RunData.Slot;

/**
 * Reads and validates the parts of a run directory that {@code topicbench check} compares:
 * {@code manifest.json}, {@code summary.csv}, {@code per-class.csv} and {@code predictions.csv}.
 *
 * <p>A missing, truncated or hand-broken directory is an {@link InputException} with a one-line message
 * naming the file, the line when there is one, and what is wrong. Truncation is caught three ways: a file
 * that does not end with a line break, a row with too few fields, and rows missing for a (protocol,
 * learner[, label]) the manifest names or predictions fewer than {@code repetitions x sentences}. Every
 * file the manifest's {@code files} lists must exist ({@code timings.csv} excepted).
 */
public final class RunReader {
  /** The files {@code check} reads. */
  public static final List<String> REQUIRED = List.of("manifest.json", "summary.csv", "per-class.csv", "predictions.csv");

  /** Columns of summary.csv that are not numbers. */
  private static final Set<String> SUMMARY_TEXT =
      Set.of("protocol", "learner", "significantly_better_than", "significantly_worse_than");

  /** Columns of per-class.csv that are not numbers. */
  private static final Set<String> PER_CLASS_TEXT = Set.of("protocol", "learner", "label");

  private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)\\s*");

  private RunReader() {}

  /** Reads the run directory {@code dir}. */
  public static RunData read(Path dir) {
    if (!Files.exists(dir)) {
      throw InputException.of(dir, "no such directory");
    }
    if (!Files.isDirectory(dir)) {
      throw InputException.of(dir, "not a directory");
    }
    for (String f : REQUIRED) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw InputException.of(dir.resolve(f), "missing");
      }
    }
    Manifest m = manifest(dir.resolve("manifest.json"));
    for (String f : m.files()) {
      if (!f.equals("timings.csv") && !Files.isRegularFile(dir.resolve(f))) {
        throw InputException.of(dir.resolve(f), "missing (manifest.json lists it)");
      }
    }
    Map<Key, Figures> figures = figures(dir, m);
    Map<Key, SequencedMap<Slot, Outcome>> predictions = predictions(dir.resolve("predictions.csv"), m, figures);
    return new RunData(dir, m.runId(), m.gitCommit(), m.seed(), m.protocols(), m.learners(), figures, predictions);
  }

  private record Manifest(
      String runId, String gitCommit, long seed, List<ProtocolInfo> protocols, List<LearnerInfo> learners,
      List<String> files) {}

  // ---------------------------------------------------------------- manifest.json

  private static Manifest manifest(Path file) {
    JsonNode root;
    try {
      root =
          new ObjectMapper()
              .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readTree(text(file));
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      String what = "bad JSON: " + firstLine(e.getOriginalMessage());
      throw line > 0 ? InputException.at(file, line, what) : InputException.of(file, what);
    }
    Json j = new Json(file);
    if (root == null || !root.isObject()) {
      throw InputException.of(file, "bad JSON: expected an object");
    }
    String format = j.string(root, "format");
    if (!format.equals("topicbench-run/1")) {
      throw InputException.of(file, "format: expected 'topicbench-run/1', got '" + format + "'");
    }
    String runId = j.string(root, "run_id");
    JsonNode tb = root.get("topicbench");
    String commit = tb != null && tb.path("git_commit").isTextual() ? tb.get("git_commit").asText() : "unknown";
    long seed = j.integer(root, "seed");
    List<ProtocolInfo> protocols = new ArrayList<>();
    for (JsonNode p : j.array(root, "protocols", true)) {
      String id = j.string(p, "protocol");
      List<DatasetInfo> datasets = new ArrayList<>();
      for (JsonNode d : j.array(p, "datasets", true)) {
        datasets.add(
            new DatasetInfo(
                j.string(d, "role"), j.string(d, "name"), j.string(d, "file"), j.string(d, "sha256"),
                (int) j.integer(d, "examples")));
      }
      List<String> labels = new ArrayList<>();
      for (JsonNode l : j.array(p, "labels", true)) {
        labels.add(j.text(l, "protocols[].labels[]"));
      }
      if (protocol(protocols, id) != null) {
        throw InputException.of(file, "protocol '" + id + "' listed twice");
      }
      protocols.add(
          new ProtocolInfo(id, j.string(p, "description"), (int) j.integer(p, "folds"), (int) j.integer(p, "repeats"),
              datasets, labels));
    }
    List<LearnerInfo> learners = new ArrayList<>();
    for (JsonNode l : j.array(root, "learners", true)) {
      String name = j.string(l, "name");
      JsonNode h = l.get("hyperparameters");
      if (h == null || !h.isObject()) {
        throw InputException.of(file, "learner '" + name + "': hyperparameters: expected an object");
      }
      SequencedMap<String, String> hyper = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : h.properties()) {
        hyper.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
      }
      if (learners.stream().anyMatch(x -> x.name().equals(name))) {
        throw InputException.of(file, "learner '" + name + "' listed twice");
      }
      learners.add(new LearnerInfo(name, hyper));
    }
    List<String> files = new ArrayList<>();
    if (root.has("files")) {
      for (JsonNode f : j.array(root, "files", false)) {
        files.add(j.text(f, "files[]"));
      }
    }
    return new Manifest(runId, commit, seed, protocols, learners, files);
  }

  /** Typed access to manifest fields with one-line errors naming the file and the field. */
  private record Json(Path file) {
    String string(JsonNode n, String field) {
      JsonNode v = n.get(field);
      if (v == null) {
        throw InputException.of(file, "missing '" + field + "'");
      }
      return text(v, field);
    }

    String text(JsonNode v, String field) {
      if (!v.isTextual()) {
        throw InputException.of(file, field + ": expected a string, got " + v);
      }
      return v.asText();
    }

    long integer(JsonNode n, String field) {
      JsonNode v = n.get(field);
      if (v == null) {
        throw InputException.of(file, "missing '" + field + "'");
      }
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw InputException.of(file, field + ": expected an integer, got " + v);
      }
      return v.asLong();
    }

    Iterable<JsonNode> array(JsonNode n, String field, boolean nonEmpty) {
      JsonNode v = n.get(field);
      if (v == null) {
        throw InputException.of(file, "missing '" + field + "'");
      }
      if (!v.isArray() || (nonEmpty && v.isEmpty())) {
        throw InputException.of(file, field + ": expected a" + (nonEmpty ? " non-empty" : "n") + " array, got " + v);
      }
      return v;
    }
  }

  // ---------------------------------------------------------------- summary.csv, per-class.csv

  private static Map<Key, Figures> figures(Path dir, Manifest m) {
    Path summaryFile = dir.resolve("summary.csv");
    Map<Key, int[]> sizes = new HashMap<>();
    Map<Key, double[]> headline = new HashMap<>();
    for (Row r : rows(summaryFile, List.of("protocol", "learner", "repetitions", "sentences", "accuracy_mean",
        "macro_f1_pooled_mean"), SUMMARY_TEXT)) {
      Key k = key(r, m);
      if (sizes.put(k, new int[] {r.integer("repetitions"), r.integer("sentences")}) != null) {
        throw r.error("second row for protocol " + k.protocol() + ", learner " + k.learner());
      }
      headline.put(k, new double[] {r.number("accuracy_mean"), r.number("macro_f1_pooled_mean")});
    }
    Path perClassFile = dir.resolve("per-class.csv");
    Map<Key, SequencedMap<String, Double>> f1 = new HashMap<>();
    for (Row r : rows(perClassFile, List.of("protocol", "learner", "label", "f1_mean"), PER_CLASS_TEXT)) {
      Key k = key(r, m);
      String label = r.get("label");
      if (!protocol(m.protocols(), k.protocol()).labels().contains(label)) {
        throw r.error("label '" + label + "' is not one of protocol " + k.protocol() + "'s labels in manifest.json");
      }
      if (f1.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(label, r.number("f1_mean")) != null) {
        throw r.error("second row for protocol " + k.protocol() + ", learner " + k.learner() + ", label " + label);
      }
    }
    Map<Key, Figures> out = new HashMap<>();
    for (ProtocolInfo p : m.protocols()) {
      for (LearnerInfo l : m.learners()) {
        Key k = new Key(p.id(), l.name());
        if (!sizes.containsKey(k)) {
          throw InputException.of(summaryFile, "no row for protocol " + p.id() + ", learner " + l.name() + " (truncated?)");
        }
        SequencedMap<String, Double> perLabel = f1.getOrDefault(k, new LinkedHashMap<>());
        for (String label : p.labels()) {
          if (!perLabel.containsKey(label)) {
            throw InputException.of(perClassFile,
                "no row for protocol " + p.id() + ", learner " + l.name() + ", label " + label + " (truncated?)");
          }
        }
        out.put(k, new Figures(sizes.get(k)[0], sizes.get(k)[1], headline.get(k)[0], headline.get(k)[1], perLabel));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- predictions.csv

  private static Map<Key, SequencedMap<Slot, Outcome>> predictions(Path file, Manifest m, Map<Key, Figures> figures) {
    Map<Key, SequencedMap<Slot, Outcome>> out = new HashMap<>();
    for (Row r : rows(file, List.of("protocol", "learner", "repetition", "dataset", "id", "true", "predicted"), null)) {
      Key k = key(r, m);
      Slot s = new Slot(r.integer("repetition"), r.get("dataset"), r.get("id"));
      if (out.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(s, new Outcome(r.get("true"), r.get("predicted")))
          != null) {
        throw r.error("second prediction for protocol " + k.protocol() + ", learner " + k.learner() + ", repetition "
            + s.repetition() + ", " + s.dataset() + " " + s.id());
      }
    }
    for (Map.Entry<Key, Figures> e : figures.entrySet()) {
      Key k = e.getKey();
      long want = (long) e.getValue().repetitions() * e.getValue().sentences();
      int got = out.getOrDefault(k, new LinkedHashMap<>()).size();
      if (got != want) {
        throw InputException.of(file,
            got + " predictions for protocol " + k.protocol() + ", learner " + k.learner() + ", expected " + want
                + " (summary.csv: " + e.getValue().repetitions() + " repetitions x " + e.getValue().sentences()
                + " sentences)" + (got < want ? " (truncated?)" : ""));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- CSV plumbing

  private static Key key(Row r, Manifest m) {
    String protocol = r.get("protocol");
    String learner = r.get("learner");
    if (protocol(m.protocols(), protocol) == null) {
      throw r.error("protocol '" + protocol + "' is not in manifest.json");
    }
    if (m.learners().stream().noneMatch(l -> l.name().equals(learner))) {
      throw r.error("learner '" + learner + "' is not in manifest.json");
    }
    return new Key(protocol, learner);
  }

  private static ProtocolInfo protocol(List<ProtocolInfo> protocols, String id) {
    for (ProtocolInfo p : protocols) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    return null;
  }

  /** One CSV row with its file and line for error messages. */
  private record Row(Path file, long line, Map<String, String> values) {
    String get(String column) {
      return SafeCsv.unescape(values.get(column));
    }

    int integer(String column) {
      String v = get(column);
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw error(column + ": not an integer: '" + v + "'");
      }
    }

    double number(String column) {
      return parseNumber(file, line, column, get(column));
    }

    InputException error(String what) {
      return InputException.at(file, line, what);
    }
  }

  /** A figure as written: a finite decimal number or {@code NaN}. */
  private static double parseNumber(Path file, long line, String column, String v) {
    if (v.equals("NaN")) {
      return Double.NaN;
    }
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d) || !v.equals(v.strip())) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw InputException.at(file, line, column + ": not a number: '" + v + "'");
    }
  }

  /**
   * Every row of {@code file}, which must have the {@code columns} and end with a line break. When
   * {@code textColumns} is not null, every other column must hold a number (or NaN): a hand-broken figure is caught
   * even where {@code check} does not compare it.
   */
  private static List<Row> rows(Path file, List<String> columns, Set<String> textColumns) {
    String text = text(file);
    if (text.isEmpty()) {
      throw InputException.of(file, "empty");
    }
    if (!text.endsWith("\n")) {
      throw InputException.of(file, "does not end with a line break (truncated?)");
    }
    List<Row> out = new ArrayList<>();
    try (Reader reader = new StringReader(text);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      List<String> header = p.getHeaderNames();
      for (String c : columns) {
        if (!header.contains(c)) {
          throw InputException.at(file, 1, "missing column '" + c + "'");
        }
      }
      for (CSVRecord rec : p) {
        long line = rec.getRecordNumber() + 1;
        if (rec.size() != header.size()) {
          throw InputException.at(file, line, header.size() + " fields expected, got " + rec.size());
        }
        Map<String, String> values = new HashMap<>();
        for (String c : columns) {
          values.put(c, rec.get(c));
        }
        if (textColumns != null) {
          for (String c : header) {
            if (!textColumns.contains(c)) {
              parseNumber(file, line, c, rec.get(c));
            }
          }
        }
        out.add(new Row(file, line, values));
      }
    } catch (IOException | UncheckedIOException e) {
      String msg = firstLine(e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage());
      Matcher sl = START_LINE.matcher(msg);
      if (sl.find()) {
        throw InputException.at(file, Long.parseLong(sl.group(1)), "bad CSV: " + sl.replaceFirst(""));
      }
      throw InputException.of(file, "bad CSV: " + msg);
    } catch (IllegalArgumentException e) {
      throw InputException.of(file, "bad CSV header: " + firstLine(e.getMessage()));
    }
    return out;
  }

  /** The file as strict UTF-8. */
  private static String text(Path file) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw InputException.of(file, "not UTF-8");
    } catch (IOException e) {
      throw InputException.of(file, "cannot read: " + e.getMessage());
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
