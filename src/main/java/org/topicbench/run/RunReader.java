package org.topicbench.run;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.topicbench.data.InputException;

/**
 * Reads a run directory ({@value RunFormat#FORMAT}) back into a {@link Run}, checked: the manifest binds
 * to {@link Manifest} with no unknown or missing key, every CSV has its exact header, typed cells, and
 * keys (dataset, protocol, learner, label) that the manifest knows. Every problem is one {@link
 * InputException} naming the file and line. A run of an older format is refused with a line that says to
 * regenerate it. Files the manifest does not list (a baseline has no {@code timings.csv}) read as empty.
 */
public final class RunReader {
  /** Largest manifest read. */
  static final long MAX_MANIFEST = 64L << 20;

  private RunReader() {}

  /** Reads and checks {@code dir}. */
  public static Run read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw InputException.of(dir, Files.exists(dir) ? "not a directory" : "no such directory");
    }
    Path m = dir.resolve(RunFormat.MANIFEST);
    if (!Files.isRegularFile(m)) {
      throw InputException.of(dir, "not a topicbench run directory (no manifest.json)");
    }
    Manifest manifest = manifest(m);
    Set<String> listed = new HashSet<>(manifest.files());
    for (String f : manifest.files()) {
      if (!RunFormat.isRunFile(f)) {
        throw InputException.of(m, "files: '" + Csv.cut(f) + "' is not a file of " + RunFormat.FORMAT);
      }
    }
    for (String f : RunFormat.COMPRESSIBLE) {
      if (listed.contains(f) && listed.contains(f + RunFormat.GZ)) {
        throw InputException.of(m, "files: lists both " + f + " and " + f + RunFormat.GZ + "; a run has one of them");
      }
    }
    Keys keys = new Keys(manifest);
    List<Rows.Summary> summary = rows(dir, listed, "summary.csv", Rows.Summary.COLUMNS, Rows.Summary::read,
        (r, c) -> keys.check(c, r.dataset(), r.protocol(), r.learner()));
    List<Rows.PerClass> perClass = rows(dir, listed, "per-class.csv", Rows.PerClass.COLUMNS, Rows.PerClass::read,
        (r, c) -> keys.check(c, r.dataset(), r.protocol(), r.learner(), r.label()));
    List<Rows.Confusion> confusion = rows(dir, listed, "confusion.csv", Rows.Confusion.COLUMNS, Rows.Confusion::read,
        (r, c) -> keys.check(c, r.dataset(), r.protocol(), r.learner(), r.truth(), r.predicted()));
    List<Rows.FoldScore> folds = rows(dir, listed, "folds.csv", Rows.FoldScore.COLUMNS, Rows.FoldScore::read,
        (r, c) -> keys.check(c, r.dataset(), r.protocol(), r.learner()));
    List<Rows.Reliability> calibration = rows(dir, listed, "calibration.csv", Rows.Reliability.COLUMNS,
        Rows.Reliability::read, (r, c) -> keys.check(c, r.dataset(), r.protocol(), r.learner()));
    List<Rows.Pairwise> pairwise = rows(dir, listed, "pairwise.csv", Rows.Pairwise.COLUMNS, Rows.Pairwise::read,
        (r, c) -> {
          keys.check(c, r.dataset(), r.protocol(), r.learnerA());
          keys.check(c, r.dataset(), r.protocol(), r.learnerB());
        });
    List<Rows.Prediction> predictions = new ArrayList<>();
    String predictionsName = RunFormat.stored(listed, "predictions.csv");
    if (predictionsName != null) {
      Path file = dir.resolve(predictionsName);
      List<String> labels = manifest.labels();
      List<String> extra = Csv.read(file, Rows.Prediction.COLUMNS, Rows.Prediction.P, c -> {
        Rows.Prediction p = Rows.Prediction.read(c, labels);
        keys.check(c, p.dataset(), p.protocol(), p.learner(), p.truth(), p.predicted());
        predictions.add(p);
      });
      List<String> expected = labels.stream().map(l -> Rows.Prediction.P + l).toList();
      if (!extra.equals(expected)) {
        throw InputException.at(file, 1, "the probability columns must be " + Csv.cut(String.join(",", expected))
            + " (manifest.json's labels); got " + Csv.cut(String.join(",", extra)));
      }
    }
    List<Rows.Example> examples = rows(dir, listed, "examples.csv", Rows.Example.COLUMNS, Rows.Example::read,
        (r, c) -> keys.check(c, r.dataset(), r.protocol(), null, r.label()));
    // timings are not deterministic and not needed to read a run: a deleted timings.csv reads as empty
    Set<String> withTimings = Files.exists(dir.resolve(RunFormat.TIMINGS)) ? listed : Set.of();
    List<Rows.Timing> timings = rows(dir, withTimings, "timings.csv", Rows.Timing.COLUMNS, Rows.Timing::read,
        (r, c) -> keys.check(c, r.dataset(), r.protocol(), r.learner()));
    List<Rows.Tuning> tuning = rows(dir, listed, "tuning.csv", Rows.Tuning.COLUMNS, Rows.Tuning::read,
        (r, c) -> keys.check(c, r.dataset(), r.protocol(), r.learner()));
    List<Rows.Rank> ranks = rows(dir, listed, "ranks.csv", Rows.Rank.COLUMNS, Rows.Rank::read,
        (r, c) -> keys.learner(c, r.learner()));
    List<Rows.Ranking> ranking = rows(dir, listed, "ranking.csv", Rows.Ranking.COLUMNS, Rows.Ranking::read,
        (r, c) -> keys.learner(c, r.learner()));
    List<Rows.Wins> wins = rows(dir, listed, "wins.csv", Rows.Wins.COLUMNS, Rows.Wins::read,
        (r, c) -> {
          keys.learner(c, r.learnerA());
          keys.learner(c, r.learnerB());
        });
    for (Manifest.Task t : manifest.tasks()) {
      Set<String> have = new HashSet<>();
      summary.stream().filter(s -> s.dataset().equals(t.dataset()) && s.protocol().equals(t.protocol()))
          .forEach(s -> have.add(s.learner()));
      for (String l : manifest.learnerNames()) {
        if (!have.contains(l)) {
          throw InputException.of(dir.resolve("summary.csv"), "no row for learner " + l + " on " + t.key());
        }
      }
    }
    if ((manifest.ranking() == null) != ranking.isEmpty()) {
      throw InputException.of(dir.resolve("ranking.csv"), manifest.ranking() == null
          ? "has rows, but manifest.json has no ranking" : "has no rows, but manifest.json has a ranking");
    }
    return new Run(dir, manifest, summary, perClass, confusion, folds, calibration, pairwise, predictions, examples, timings,
        tuning, ranks, ranking, wins);
  }

  /** A row's check against the manifest. */
  private interface Check<T> {
    void apply(T row, Csv.Cells cells);
  }

  private static <T> List<T> rows(Path dir, Set<String> listed, String name, List<String> header,
      Function<Csv.Cells, T> read, Check<T> check) {
    List<T> out = new ArrayList<>();
    String stored = RunFormat.stored(listed, name);
    if (stored == null) {
      return out;
    }
    Csv.read(dir.resolve(stored), header, null, c -> {
      T row = read.apply(c);
      check.apply(row, c);
      out.add(row);
    });
    return out;
  }

  /** What keys the manifest knows. */
  private static final class Keys {
    private final Manifest m;
    private final Set<String> learners;

    Keys(Manifest m) {
      this.m = m;
      this.learners = new HashSet<>(m.learnerNames());
    }

    void learner(Csv.Cells c, String learner) {
      if (!learners.contains(learner)) {
        throw c.error("learner '" + Csv.cut(learner) + "' is not in manifest.json");
      }
    }

    void check(Csv.Cells c, String dataset, String protocol, String learner, String... labels) {
      Manifest.Task t = m.task(dataset + "/" + protocol);
      if (t == null) {
        throw c.error("task " + Csv.cut(dataset) + "/" + Csv.cut(protocol) + " is not in manifest.json");
      }
      if (learner != null) {
        learner(c, learner);
      }
      for (String l : labels) {
        if (!t.labels().contains(l)) {
          throw c.error("label '" + Csv.cut(l) + "' is not one of " + t.key() + "'s labels in manifest.json");
        }
      }
    }
  }

  /** Reads and binds a manifest; an older format is refused with a line that says to regenerate the run. */
  public static Manifest manifest(Path file) {
    JsonNode root;
    try {
      if (Files.size(file) > MAX_MANIFEST) {
        throw InputException.of(file, "larger than " + MAX_MANIFEST + " bytes; not a topicbench manifest");
      }
      root = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readTree(file.toFile());
    } catch (JacksonException e) {
      throw InputException.at(file, line(e.getLocation()), "bad JSON: " + Csv.cut(e.getOriginalMessage()));
    } catch (IOException e) {
      throw InputException.of(file, "cannot read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw InputException.of(file, "not a JSON object");
    }
    String format = root.path("format").asText("");
    if (!format.equals(RunFormat.FORMAT)) {
      if (format.startsWith(RunFormat.PREFIX)) {
        throw InputException.of(file, "format " + Csv.cut(format) + " is not " + RunFormat.FORMAT
            + ", which this topicbench reads: regenerate the run ('topicbench evaluate'; for a baseline,"
            + " 'topicbench check --update')");
      }
      throw InputException.of(file, "not a topicbench run manifest (format is not " + RunFormat.FORMAT + ")");
    }
    try {
      Manifest m = RunFormat.JSON.treeToValue(root, Manifest.class);
      if (m.tasks() == null || m.tasks().isEmpty() || m.learners() == null || m.learners().isEmpty()
          || m.labels() == null || m.files() == null) {
        throw InputException.of(file, "lists no tasks, learners, labels or files");
      }
      return m;
    } catch (JacksonException e) {
      throw InputException.of(file, "does not match " + RunFormat.FORMAT + ": " + Csv.cut(e.getOriginalMessage())
          + path(e));
    }
  }

  private static String path(JacksonException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException jm && !jm.getPath().isEmpty()) {
      StringBuilder b = new StringBuilder(" (at ");
      for (var ref : jm.getPath()) {
        b.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
      }
      return b.append(")").toString();
    }
    return "";
  }

  private static long line(JsonLocation l) {
    return l == null || l.getLineNr() < 1 ? 1 : l.getLineNr();
  }
}
