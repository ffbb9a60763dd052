package org.topicbench.eval;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.topicbench.data.SafeCsv;
import org.topicbench.Topicbench;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.Dataset;
import org.topicbench.data.InputException;

/**
 * Writes an {@link EvaluationResult} as the files of a run directory, documented in
 * {@code results/FORMAT.md}. Every file but {@code timings.csv} is a pure function of the result's
 * deterministic content; cells are {@link org.topicbench.data.SafeCsv spreadsheet-safe}. The directory
 * appears whole or not at all, under its lock ({@link AtomicFile.DirectoryLock#replace}), and only a
 * directory that {@link #requireReplaceable} accepts is ever replaced.
 */
public final class ResultWriter {
  /** Files written, in order. */
  public static final List<String> FILES =
      List.of(
          "summary.csv",
          "per-class.csv",
          "confusion.csv",
          "folds.csv",
          "pairwise.csv",
          "predictions.csv",
          "examples.csv",
          "timings.csv",
          "manifest.json");

  /** Writes extra files (a report, say) into the temporary directory before it is moved into place. */
  @FunctionalInterface
  public interface Extra {
    void writeInto(Path tempDir, EvaluationResult result) throws IOException;
  }

  private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private ResultWriter() {}

  /** The report's file, which {@code topicbench evaluate} and {@code report} add to a run directory. */
  public static final String REPORT = "report.html";
  /** The report's chart folder in a run directory: {@code <protocol>-<chart>.svg} and {@code .png}. */
  public static final String CHARTS = "charts";
  /** The manifest's {@code format}. */
  public static final String FORMAT = "topicbench-run/1";

  /** The default run directory: {@code results/runs/<run-id>}. */
  public static Path defaultDir(EvaluationResult result) {
    return defaultDir(result.spec());
  }

  /** The default run directory of {@code spec}: {@code results/runs/<run-id>}. */
  public static Path defaultDir(EvaluationSpec spec) {
    return Path.of("results", "runs", spec.runId());
  }

  /**
   * Writes {@code result} (and the {@code extras}) to {@code dir}, replacing a previous run there, under
   * the directory's lock.
   *
   * @throws InputException when {@code dir} may not be replaced ({@link #requireReplaceable}), another
   *     process is writing it, or it cannot be written
   */
  public static void write(EvaluationResult result, Path dir, Extra... extras) {
    try (AtomicFile.DirectoryLock lock = lock(dir)) {
      requireReplaceable(dir);
      write(result, lock, extras);
    } catch (IOException e) {
      throw new InputException(dir + ": cannot write results: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code result} into the directory {@code lock} holds, replacing it whole; the caller has
   * checked it with {@link #requireReplaceable} (before a long evaluation, say).
   */
  public static void write(EvaluationResult result, AtomicFile.DirectoryLock lock, Extra... extras) {
    try {
      lock.replace(
          tmp -> {
            writeFiles(result, tmp);
            for (Extra e : extras) {
              e.writeInto(tmp, result);
            }
          });
    } catch (IOException e) {
      throw new InputException(lock.dir() + ": cannot write results: " + e.getMessage(), e);
    }
  }

  /**
   * Takes the lock of run directory {@code dir}, finishing or rolling back a replacement an earlier
   * process left half done ({@link AtomicFile#lockDirectory}).
   *
   * @throws InputException when another process holds it, or it cannot be taken
   */
  public static AtomicFile.DirectoryLock lock(Path dir) {
    try {
      return AtomicFile.lockDirectory(dir);
    } catch (IOException e) {
      throw InputException.of(dir, "cannot lock it: " + AtomicFile.describe(e));
    }
  }

  /**
   * Refuses to let {@code topicbench evaluate} replace {@code dir} unless it is absent, empty, or provably
   * a run directory: its {@code manifest.json} parses and names the format {@code topicbench-run/<n>},
   * its manifest lists {@code timings.csv} (a baseline does not: {@code check --update} replaces those),
   * and it holds nothing but files topicbench writes (the run files, {@value #REPORT}, and {@value #CHARTS}
   * holding only {@code .svg} and {@code .png} files).
   *
   * @throws InputException naming {@code dir} and what is in the way
   */
  public static void requireReplaceable(Path dir) {
    String problem = notReplaceable(dir, false);
    if (problem != null) {
      throw InputException.of(dir, problem);
    }
  }

  /**
   * Why {@code dir} may not be replaced by a run ({@code baseline} false: see {@link #requireReplaceable})
   * or by a baseline ({@code baseline} true: it may hold only regular files named as run files, whatever
   * they hold, so that {@code check --update} repairs a broken baseline), or null when it may.
   */
  public static String notReplaceable(Path dir, boolean baseline) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return "exists and is not a directory; name a run directory";
    }
    List<Path> entries;
    try (var s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      return "cannot list it: " + e.getMessage();
    }
    if (entries.isEmpty()) {
      return null;
    }
    if (baseline) {
      // a baseline may be broken (check --update repairs it): only its names must be run files
      for (Path e : entries) {
        if (!Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) || !FILES.contains(e.getFileName().toString())) {
          return "exists and is not a topicbench baseline (it holds files other than run files: "
              + e.getFileName() + "); not replacing it";
        }
      }
      return null;
    }
    String what = "a topicbench run directory";
    Path manifest = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return "exists and is not " + what + " (no manifest.json); not replacing it";
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(manifest.toFile());
    } catch (IOException e) {
      return "exists and is not " + what + " (its manifest.json is not JSON); not replacing it";
    }
    if (root == null || !root.path("format").asText("").startsWith("topicbench-run/")) {
      return "exists and is not " + what + " (its manifest.json names no topicbench-run format); not replacing it";
    }
    boolean hasTimings = false;
    for (JsonNode f : root.path("files")) {
      hasTimings |= f.asText().equals("timings.csv");
    }
    if (!hasTimings) {
      return "is a topicbench baseline ('topicbench check --update' replaces it); not replacing it";
    }
    for (Path e : entries) {
      String name = e.getFileName().toString();
      boolean own =
          Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS) && (FILES.contains(name) || name.equals(REPORT))
              || name.equals(CHARTS) && onlyCharts(e);
      if (!own) {
        return "holds " + name + ", which topicbench did not write; not replacing it (move it away or choose"
            + " another directory)";
      }
    }
    return null;
  }

  private static boolean onlyCharts(Path charts) {
    if (!Files.isDirectory(charts, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (var s = Files.list(charts)) {
      return s.allMatch(
          p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
              && (p.getFileName().toString().endsWith(".svg") || p.getFileName().toString().endsWith(".png")));
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes every file of the run into {@code dir} (which must exist), non-atomically. */
  public static void writeFiles(EvaluationResult result, Path dir) throws IOException {
    csv(dir.resolve("summary.csv"), summaryHeader(), summaryRows(result));
    csv(dir.resolve("per-class.csv"), perClassHeader(), perClassRows(result));
    csv(dir.resolve("confusion.csv"), List.of("protocol", "learner", "true", "predicted", "count", "repetitions"),
        confusionRows(result));
    csv(dir.resolve("folds.csv"), foldsHeader(), foldsRows(result));
    csv(dir.resolve("pairwise.csv"), pairwiseHeader(), pairwiseRows(result));
    csv(dir.resolve("predictions.csv"), predictionsHeader(result), predictionsRows(result));
    csv(dir.resolve("examples.csv"), examplesHeader(), examplesRows(result));
    csv(dir.resolve("timings.csv"), timingsHeader(), timingsRows(result));
    Files.writeString(dir.resolve("manifest.json"), manifest(result), StandardCharsets.UTF_8);
  }

  /** Fixed-point with 6 decimals, {@code Locale.ROOT}; NaN as {@code NaN}; no negative zero. */
  public static String num(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  private static void csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSV)) {
      p.printRecord(header);
      for (List<String> r : rows) {
        SafeCsv.print(p, r, false);
      }
    }
  }

  static List<String> summaryHeader() {
    return List.of(
        "protocol", "learner", "rank", "repetitions", "folds", "sentences",
        "accuracy_mean", "accuracy_sd", "accuracy_ci_low", "accuracy_ci_high",
        "macro_f1_pooled_mean", "macro_f1_pooled_sd", "macro_f1_pooled_ci_low", "macro_f1_pooled_ci_high",
        "macro_f1_fold_mean", "macro_f1_fold_sd",
        "kappa_mean", "kappa_sd", "kappa_ci_low", "kappa_ci_high",
        "log_loss_mean", "log_loss_sd",
        "significantly_better_than", "significantly_worse_than");
  }

  private static List<List<String>> summaryRows(EvaluationResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (ProtocolResult pr : result.protocols()) {
      for (String name : pr.ranking()) {
        LearnerResult l = pr.learner(name);
        List<String> worse = new ArrayList<>();
        for (String other : pr.ranking()) {
          if (pr.betterThan().get(other).contains(name)) {
            worse.add(other);
          }
        }
        List<String> r = new ArrayList<>();
        r.add(pr.plan().protocol().id());
        r.add(name);
        r.add(Integer.toString(pr.rank(name)));
        r.add(Integer.toString(pr.plan().repeats()));
        r.add(Integer.toString(pr.plan().foldsPerRepetition()));
        r.add(Integer.toString(pr.plan().scored().length));
        addEstimate(r, l.accuracy(), true);
        addEstimate(r, l.macroF1Pooled(), true);
        r.add(num(l.macroF1FoldMean()));
        r.add(num(l.macroF1FoldSd()));
        addEstimate(r, l.kappa(), true);
        addEstimate(r, l.logLoss(), false);
        r.add(String.join(";", pr.betterThan().get(name)));
        r.add(String.join(";", worse));
        rows.add(r);
      }
    }
    return rows;
  }

  private static void addEstimate(List<String> r, Estimate e, boolean interval) {
    r.add(num(e.mean()));
    r.add(num(e.sd()));
    if (interval) {
      r.add(num(e.ciLow()));
      r.add(num(e.ciHigh()));
    }
  }

  static List<String> perClassHeader() {
    return List.of(
        "protocol", "learner", "label", "support",
        "precision_mean", "precision_sd", "recall_mean", "recall_sd", "f1_mean", "f1_sd");
  }

  private static List<List<String>> perClassRows(EvaluationResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (ProtocolResult pr : result.protocols()) {
      for (LearnerResult l : pr.learners()) {
        for (int c = 0; c < pr.plan().labelNames().size(); c++) {
          List<String> r = new ArrayList<>();
          r.add(pr.plan().protocol().id());
          r.add(l.learner());
          r.add(pr.plan().labelNames().get(c));
          r.add(Integer.toString(l.support()[c]));
          addEstimate(r, l.precision()[c], false);
          addEstimate(r, l.recall()[c], false);
          addEstimate(r, l.f1()[c], false);
          rows.add(r);
        }
      }
    }
    return rows;
  }

  private static List<List<String>> confusionRows(EvaluationResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (ProtocolResult pr : result.protocols()) {
      List<String> labels = pr.plan().labelNames();
      for (LearnerResult l : pr.learners()) {
        for (int t = 0; t < labels.size(); t++) {
          for (int p = 0; p < labels.size(); p++) {
            rows.add(
                List.of(
                    pr.plan().protocol().id(), l.learner(), labels.get(t), labels.get(p),
                    Long.toString(l.confusion()[t][p]), Integer.toString(pr.plan().repeats())));
          }
        }
      }
    }
    return rows;
  }

  static List<String> foldsHeader() {
    return List.of(
        "protocol", "learner", "repetition", "fold", "test_group", "train_size", "test_size", "purged",
        "labels_in_test", "accuracy", "macro_f1", "kappa", "log_loss");
  }

  private static List<List<String>> foldsRows(EvaluationResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (ProtocolResult pr : result.protocols()) {
      for (LearnerResult l : pr.learners()) {
        for (int fi = 0; fi < pr.plan().folds().size(); fi++) {
          Fold f = pr.plan().folds().get(fi);
          Scores s = l.foldScores()[fi];
          TreeSet<Integer> inTest = new TreeSet<>();
          for (int i : f.test()) {
            inTest.add(pr.plan().labels()[i]);
          }
          rows.add(
              List.of(
                  pr.plan().protocol().id(), l.learner(), Integer.toString(f.repetition()),
                  Integer.toString(f.index()), f.testGroup(), Integer.toString(f.train().length),
                  Integer.toString(f.test().length), Integer.toString(f.purged()), Integer.toString(inTest.size()),
                  num(s.accuracy()), num(s.macroF1()), num(s.kappa()), num(s.logLoss())));
        }
      }
    }
    return rows;
  }

  static List<String> pairwiseHeader() {
    return List.of(
        "protocol", "metric", "test", "learner_a", "learner_b", "n", "mean_a", "mean_b", "statistic", "df",
        "a_only_correct", "b_only_correct", "p_value", "p_holm", "significant", "better");
  }

  private static List<List<String>> pairwiseRows(EvaluationResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (ProtocolResult pr : result.protocols()) {
      for (Comparison c : pr.comparisons()) {
        boolean t = c.aOnly() < 0;
        rows.add(
            List.of(
                pr.plan().protocol().id(), c.metric(), c.test(), c.learnerA(), c.learnerB(), Integer.toString(c.n()),
                num(c.meanA()), num(c.meanB()), t ? num(c.statistic()) : Integer.toString((int) c.statistic()),
                t ? Integer.toString((int) c.df()) : "", t ? "" : Integer.toString(c.aOnly()),
                t ? "" : Integer.toString(c.bOnly()), num(c.p()), num(c.pHolm()), Boolean.toString(c.significant()),
                c.better()));
      }
    }
    return rows;
  }

  /** Every label of every protocol, sorted: the probability columns of predictions.csv. */
  static List<String> allLabels(EvaluationResult result) {
    TreeSet<String> labels = new TreeSet<>();
    for (ProtocolResult pr : result.protocols()) {
      labels.addAll(pr.plan().labelNames());
    }
    return List.copyOf(labels);
  }

  static List<String> predictionsHeader(EvaluationResult result) {
    List<String> h =
        new ArrayList<>(List.of("protocol", "learner", "repetition", "fold", "dataset", "id", "true", "predicted"));
    for (String l : allLabels(result)) {
      h.add("p_" + l);
    }
    return h;
  }

  private static List<List<String>> predictionsRows(EvaluationResult result) {
    List<String> all = allLabels(result);
    List<List<String>> rows = new ArrayList<>();
    for (ProtocolResult pr : result.protocols()) {
      FoldPlan plan = pr.plan();
      int[] column = new int[plan.labelNames().size()];
      for (int c = 0; c < column.length; c++) {
        column[c] = all.indexOf(plan.labelNames().get(c));
      }
      for (LearnerResult l : pr.learners()) {
        for (Fold f : plan.folds()) {
          for (int i : f.test()) {
            List<String> r = new ArrayList<>(8 + all.size());
            r.add(plan.protocol().id());
            r.add(l.learner());
            r.add(Integer.toString(f.repetition()));
            r.add(Integer.toString(f.index()));
            r.add(plan.datasetName(i));
            r.add(plan.examples().get(i).id());
            r.add(plan.examples().get(i).label());
            r.add(plan.labelNames().get(l.predicted()[f.repetition()][i]));
            String[] p = new String[all.size()];
            java.util.Arrays.fill(p, "");
            double[] probs = l.probabilities()[f.repetition()][i];
            if (probs != null) {
              for (int c = 0; c < column.length; c++) {
                p[column[c]] = num(probs[c]);
              }
            }
            r.addAll(List.of(p));
            rows.add(r);
          }
        }
      }
    }
    return rows;
  }

  static List<String> examplesHeader() {
    return List.of("protocol", "index", "dataset", "id", "group", "cluster", "cluster_size", "label", "text");
  }

  private static List<List<String>> examplesRows(EvaluationResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (ProtocolResult pr : result.protocols()) {
      FoldPlan plan = pr.plan();
      for (int i = 0; i < plan.examples().size(); i++) {
        var e = plan.examples().get(i);
        rows.add(
            List.of(
                plan.protocol().id(), Integer.toString(i), plan.datasetName(i), e.id(), e.group(),
                Integer.toString(plan.clusters()[i]), Integer.toString(plan.clusterSizes()[i]), e.label(), e.text()));
      }
    }
    return rows;
  }

  static List<String> timingsHeader() {
    return List.of(
        "protocol", "learner", "repetition", "fold", "train_size", "test_size", "train_ns", "predict_ns",
        "predict_sentences_per_s");
  }

  private static List<List<String>> timingsRows(EvaluationResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (ProtocolResult pr : result.protocols()) {
      for (LearnerResult l : pr.learners()) {
        for (int fi = 0; fi < pr.plan().folds().size(); fi++) {
          Fold f = pr.plan().folds().get(fi);
          long pn = l.predictNanos()[fi];
          rows.add(
              List.of(
                  pr.plan().protocol().id(), l.learner(), Integer.toString(f.repetition()), Integer.toString(f.index()),
                  Integer.toString(f.train().length), Integer.toString(f.test().length),
                  Long.toString(l.trainNanos()[fi]), Long.toString(pn),
                  String.format(Locale.ROOT, "%.1f", pn == 0 ? Double.NaN : f.test().length * 1e9 / pn)));
        }
      }
    }
    return rows;
  }

  /** The manifest: provenance of the run, with keys in a fixed order and no wall-clock time. */
  static String manifest(EvaluationResult result) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    EvaluationSpec spec = result.spec();
    ObjectNode root = f.objectNode();
    root.put("format", FORMAT);
    root.put("run_id", result.runId());
    ObjectNode tb = root.putObject("topicbench");
    tb.put("version", Topicbench.version());
    tb.put("git_commit", Provenance.gitCommit());
    root.put("seed", spec.seed());
    ObjectNode seeds = root.putObject("seed_derivation");
    seeds.put("folds", "Seeds.derive(seed, \"folds\", protocol, repetition)");
    seeds.put("fit", "Seeds.derive(seed, \"fit\", protocol, learner, repetition, fold)");
    seeds.put("bootstrap", "Seeds.derive(seed, \"bootstrap\", protocol)");
    ObjectNode boot = root.putObject("bootstrap");
    boot.put("resamples", spec.bootstrapResamples());
    boot.put("confidence", 0.95);
    boot.put("unit", "sentence");
    boot.put("percentile", "type 7");
    root.put("significance_level", Evaluation.ALPHA);
    root.put("log_loss_eps", Metrics.LOG_LOSS_EPS);
    ArrayNode protocols = root.putArray("protocols");
    for (ProtocolResult pr : result.protocols()) {
      FoldPlan plan = pr.plan();
      ObjectNode p = protocols.addObject();
      p.put("protocol", plan.protocol().id());
      p.put("description", plan.spec().describe());
      p.put("folds", plan.foldsPerRepetition());
      p.put("repeats", plan.repeats());
      p.put("grouping",
          switch (plan.protocol()) {
            case KFOLD -> "near-duplicate cluster";
            case LOO_DOC -> "document; near-duplicates of held-out sentences purged from training";
            case SPLIT -> "none (train and test files as given)";
            case POOLED -> "document; near-duplicates of test sentences purged from training";
          });
      if (plan.protocol().repeated()) {
        ArrayNode fs = p.putArray("fold_seeds");
        for (int r = 0; r < plan.repeats(); r++) {
          fs.add(FoldPlan.foldSeed(spec.seed(), plan.protocol(), r));
        }
      }
      ArrayNode ds = p.putArray("datasets");
      for (int d = 0; d < plan.spec().datasets().size(); d++) {
        Dataset data = plan.spec().datasets().get(d);
        ObjectNode dn = ds.addObject();
        dn.put("role",
            plan.protocol() == Protocol.SPLIT ? (d == 0 ? "train" : "test") : "data");
        dn.put("name", data.name());
        dn.put("file", data.file().replace('\\', '/'));
        dn.put("sha256", data.sha256());
        dn.put("examples", data.size());
      }
      ArrayNode labels = p.putArray("labels");
      plan.labelNames().forEach(labels::add);
      p.put("sentences_scored", plan.scored().length);
      ObjectNode nd = p.putObject("near_duplicates");
      nd.put("multi_member_clusters", plan.multiMemberClusters());
      nd.put("sentences_in_multi_member_clusters", plan.multiMemberSentences());
      int purged = 0;
      for (Fold fold : plan.folds()) {
        purged += fold.purged();
      }
      nd.put("purged_from_training", purged);
      nd.put("test_sentences_with_near_duplicate_in_training", plan.testNearDuplicatesOfTrain());
      ArrayNode w = p.putArray("warnings");
      plan.warnings().forEach(w::add);
    }
    ArrayNode learners = root.putArray("learners");
    for (var l : spec.learners()) {
      ObjectNode ln = learners.addObject();
      ln.put("name", l.name());
      ObjectNode h = ln.putObject("hyperparameters");
      for (Map.Entry<String, String> e : l.hyperparameters().entrySet()) {
        h.put(e.getKey(), e.getValue());
      }
    }
    ObjectNode libs = root.putObject("libraries");
    libs.put("smile", Topicbench.property("smile.version"));
    libs.put("weka", Topicbench.property("weka.version"));
    libs.put("jackson", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    ObjectNode env = root.putObject("environment");
    env.put("java_version", System.getProperty("java.version"));
    env.put("java_vendor", System.getProperty("java.vendor"));
    env.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    env.put("arch", System.getProperty("os.arch"));
    env.put("available_processors", Runtime.getRuntime().availableProcessors());
    ArrayNode files = root.putArray("files");
    FILES.forEach(files::add);
    try {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
      DefaultIndenter ind = new DefaultIndenter("  ", "\n");
      pp.indentObjectsWith(ind);
      pp.indentArraysWith(ind);
      return new ObjectMapper().writer(pp).writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
