package org.topicbench.report;

import static org.topicbench.report.Html.attr;
import static org.topicbench.report.Html.esc;
import static org.topicbench.report.Html.f3;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.topicbench.data.InputException;
import org.topicbench.report.CsvTable.Row;
import org.topicbench.report.Figures.Cluster;
import org.topicbench.report.Figures.Cost;
import org.topicbench.report.Figures.Misclassified;

/**
 * Builds {@code report.html} of a run directory: one self-contained page (inline CSS, charts as SVG data
 * URIs, a few lines of script for the error filters) with one set of sections per protocol, plus every
 * chart as SVG and PNG.
 */
final class HtmlReport {
  /** Confusion heat maps are drawn for this many of the best learners. */
  static final int CONFUSION_LEARNERS = 3;

  /** A chart's files. */
  record ChartFile(String name, byte[] svg, byte[] png) {}

  /** The page and its charts. */
  record Output(String html, List<ChartFile> charts) {}

  /** Section ids within a protocol ({@code <protocol>-<id>}) and their titles, in page order. */
  static final Map<String, String> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put("comparison", "Comparison");
    SECTIONS.put("macro-f1", "Macro-F1 with intervals");
    SECTIONS.put("per-class", "F1 per label");
    SECTIONS.put("confusion", "Confusion matrices");
    SECTIONS.put("cost", "Accuracy against cost");
    SECTIONS.put("pairwise", "Pairwise significance");
    SECTIONS.put("errors", "Misclassified sentences");
    SECTIONS.put("repeats", "Repeated sentences and folds");
  }

  private final RunDirectory run;
  private final List<Jmh.File> jmh;
  private final List<ChartFile> charts = new ArrayList<>();
  private final Html h = new Html();

  private HtmlReport(RunDirectory run, List<Jmh.File> jmh) {
    this.run = run;
    this.jmh = jmh;
  }

  /** The report of {@code run}, with a tokenizer section from {@code jmh} (may be empty). */
  static Output build(RunDirectory run, List<Jmh.File> jmh) {
    HtmlReport r = new HtmlReport(run, jmh);
    r.page();
    return new Output(r.h.toString(), List.copyOf(r.charts));
  }

  private void page() {
    h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .el("title", "", "topicbench report \u00b7 " + run.runId()).raw("\n")
        .raw("<style>\n").raw(Assets.CSS).raw("</style>\n</head>\n<body>\n");
    nav();
    h.open("main", "");
    header();
    overview();
    for (String p : run.protocolIds()) {
      protocol(p);
    }
    tokenizer();
    manifest();
    h.close("main");
    h.raw("<script>\n").raw(Assets.JS).raw("</script>\n</body>\n</html>\n");
  }

  // ---------------------------------------------------------------- navigation and overview

  private void nav() {
    h.open("nav", attr("id", "toc") + " " + attr("aria-label", "contents"));
    h.raw("<p class=\"brand\">topicbench report</p>\n<ul>\n");
    h.raw("<li><a href=\"#overview\">Overview</a></li>\n");
    for (String p : run.protocolIds()) {
      h.raw("<li class=\"proto\"><a href=\"#" + esc(p) + "\">" + esc(p) + "</a>\n<ul>\n");
      SECTIONS.forEach((id, title) -> h.raw("<li><a href=\"#" + esc(p + "-" + id) + "\">" + esc(title) + "</a></li>\n"));
      h.raw("</ul></li>\n");
    }
    h.raw("<li><a href=\"#tokenizer\">Tokenizer throughput</a></li>\n");
    h.raw("<li><a href=\"#manifest\">Manifest</a></li>\n</ul>\n");
    h.close("nav");
  }

  private void header() {
    JsonNode m = run.manifest();
    h.open("header", "");
    h.el("h1", "", "topicbench evaluation report");
    h.open("p", attr("class", "meta"));
    h.text("run ").el("code", attr("id", "run-id"), run.runId()).text(" \u00b7 topicbench "
        + m.path("topicbench").path("version").asText() + " \u00b7 commit "
        + abbreviate(m.path("topicbench").path("git_commit").asText()) + " \u00b7 seed " + m.path("seed").asText()
        + " \u00b7 " + run.learners().size() + " learners \u00b7 " + run.protocolIds().size() + " protocols");
    h.close("p");
    h.close("header");
  }

  private static String abbreviate(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  private void overview() {
    h.open("section", attr("id", "overview"));
    h.el("h2", "", "Overview");
    h.el("p", "", "The best learner under each protocol (rank 1 by pooled macro-F1; ties broken by accuracy). "
        + "Each protocol below has the same sections; the links beside every heading jump to the same section "
        + "of the other protocols.");
    h.raw("<table class=\"data\">\n<thead><tr><th>protocol</th><th>evaluation</th><th class=\"num\">sentences</th>"
        + "<th>best learner</th><th class=\"num\">macro-F1 [95% CI]</th><th class=\"num\">accuracy</th>"
        + "<th>significantly better than</th></tr></thead>\n<tbody>\n");
    for (String p : run.protocolIds()) {
      Row best = run.summary(p).getFirst();
      int others = run.summary(p).size() - 1;
      int beats = best.get("significantly_better_than").isEmpty() ? 0
          : best.get("significantly_better_than").split(";").length;
      h.raw("<tr " + attr("data-protocol", p) + "><td><a href=\"#" + esc(p) + "\">" + esc(p) + "</a></td><td>")
          .text(run.protocol(p).path("description").asText())
          .raw("</td><td class=\"num\">").text(best.get("sentences")).raw("</td><td class=\"learner\">")
          .text(best.get("learner")).raw("</td><td class=\"num\">");
      estimate(best, "macro_f1_pooled");
      h.raw("</td><td class=\"num\">");
      value(best, "accuracy_mean");
      h.raw("</td><td>").text(beats + " of " + others + " other learners").raw("</td></tr>\n");
    }
    h.raw("</tbody></table>\n");
    h.close("section");
  }

  private void sectionHead(String p, String id, String title) {
    h.raw("<div class=\"head\">").el("h3", "", title).raw("<span class=\"alt\">");
    for (String other : run.protocolIds()) {
      if (other.equals(p)) {
        h.raw("<b>" + esc(other) + "</b>");
      } else {
        h.raw("<a href=\"#" + esc(other + "-" + id) + "\">" + esc(other) + "</a>");
      }
    }
    h.raw("</span></div>\n");
  }

  // ---------------------------------------------------------------- one protocol

  private void protocol(String p) {
    JsonNode pm = run.protocol(p);
    h.open("section", attr("id", p) + " " + attr("class", "protocol"));
    h.el("h2", "", p + ": " + pm.path("description").asText());
    h.open("p", attr("class", "lead"));
    h.text(pm.path("sentences_scored").asText() + " sentences scored per repetition, "
        + plural(pm.path("folds").asInt(), "fold") + " \u00d7 " + plural(pm.path("repeats").asInt(), "repetition")
        + "; grouping: "
        + pm.path("grouping").asText() + "; labels: " + String.join(", ", run.labels(p)) + ".");
    h.close("p");
    for (JsonNode w : pm.path("warnings")) {
      h.el("p", attr("class", "warning"), "warning: " + w.asText());
    }
    Map<String, Cost> costs = Figures.costs(run.timings(p));
    comparison(p, costs);
    macroF1(p);
    perClass(p);
    confusion(p);
    cost(p, costs);
    pairwise(p);
    errors(p);
    repeats(p);
    h.close("section");
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void comparison(String p, Map<String, Cost> costs) {
    h.open("section", attr("id", p + "-comparison") + " " + attr("class", "sub"));
    sectionHead(p, "comparison", "Comparison");
    List<Row> rows = run.summary(p);
    Map<String, Long> rank = ranks(p);
    h.raw("<div class=\"scroll\"><table class=\"data comparison\">\n<thead><tr><th class=\"num\">rank</th>"
        + "<th>learner</th><th class=\"num\">macro-F1<br><small>pooled, 95% CI</small></th>"
        + "<th class=\"num\">macro-F1<br><small>fold mean</small></th>"
        + "<th class=\"num\">accuracy<br><small>95% CI</small></th><th class=\"num\">kappa<br><small>95% CI</small></th>"
        + "<th class=\"num\">log-loss</th><th class=\"num\">train<br><small>ms per fold</small></th>"
        + "<th class=\"num\">throughput<br><small>sentences/s</small></th>"
        + "<th>significance<br><small>(Holm, p &lt; 0.05)</small></th></tr></thead>\n<tbody>\n");
    for (Row r : rows) {
      String learner = r.get("learner");
      Cost c = costs.getOrDefault(learner, new Cost(Double.NaN, Double.NaN));
      h.raw("<tr " + attr("data-learner", learner) + "><td class=\"num\">");
      value(r, "rank", r.get("rank"));
      h.raw("</td><td class=\"learner\">").text(learner).raw("</td><td class=\"num\">");
      estimate(r, "macro_f1_pooled");
      h.raw("</td><td class=\"num\">");
      value(r, "macro_f1_fold_mean");
      h.raw("</td><td class=\"num\">");
      estimate(r, "accuracy");
      h.raw("</td><td class=\"num\">");
      estimate(r, "kappa");
      h.raw("</td><td class=\"num\">");
      value(r, "log_loss_mean");
      h.raw("</td><td class=\"num\">").raw(timing("train_ms_per_fold", c.trainMsPerFold()))
          .raw("</td><td class=\"num\">").raw(timing("sentences_per_second", c.sentencesPerSecond()))
          .raw("</td><td class=\"sig\">");
      marks(r, "significantly_better_than", "\u25b2 better than", rank);
      marks(r, "significantly_worse_than", "\u25bc worse than", rank);
      h.raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    h.el("p", attr("class", "note"), "Sorted by rank: pooled macro-F1 (all out-of-fold predictions of a repetition, "
        + "mean over repetitions), then accuracy. Intervals: percentile bootstrap over sentences. "
        + "\u25b2/\u25bc name the ranks this learner is significantly better/worse than: "
        + rankingTest(p) + ", Holm-corrected across all pairs, p < 0.05. Times are wall-clock from timings.csv "
        + "(all folds, other folds running on the other threads; not deterministic): mean training time per fold, "
        + "and prediction time over sentences predicted. Tokenizer speed is measured properly by JMH (below).");
    h.close("section");
  }

  private String rankingTest(String p) {
    boolean t = run.pairwise(p).stream().anyMatch(r -> r.get("test").equals("corrected_resampled_t"));
    boolean repeated = run.protocol(p).path("repeats").asInt(1) > 1;
    if (t || repeated) {
      return "Nadeau and Bengio's corrected resampled t-test on per-fold macro-F1";
    }
    return "exact McNemar test on the predictions (accuracy)";
  }

  private static String timing(String col, double v) {
    return "<span " + attr("data-col", col) + " " + attr("data-value", Double.toString(v)) + ">" + esc(Html.human(v))
        + "</span>";
  }

  private void marks(Row r, String column, String label, Map<String, Long> rank) {
    String v = r.get(column);
    if (v.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    for (String name : v.split(";")) {
      Long k = rank.get(name);
      parts.add("<abbr " + attr("title", name) + ">" + (k == null ? esc(name) : k) + "</abbr>");
    }
    h.raw("<span " + attr("class", column.endsWith("better_than") ? "better" : "worse") + " "
        + attr("data-col", column) + " " + attr("data-value", v) + ">" + esc(label) + " " + String.join(", ", parts)
        + "</span> ");
  }

  private Map<String, Long> ranks(String p) {
    Map<String, Long> rank = new HashMap<>();
    for (Row r : run.summary(p)) {
      rank.put(r.get("learner"), r.integer("rank"));
    }
    return rank;
  }

  /** The mean of {@code prefix}_mean with its interval below, each element carrying its CSV value. */
  private void estimate(Row r, String prefix) {
    value(r, prefix + "_mean");
    if (!Double.isNaN(r.num(prefix + "_ci_low"))) {
      h.raw("<br><small class=\"ci\">");
      value(r, prefix + "_ci_low");
      h.raw("\u2013");
      value(r, prefix + "_ci_high");
      h.raw("</small>");
    }
  }

  private void value(Row r, String col) {
    value(r, col, f3(r.num(col)));
  }

  private void value(Row r, String col, String shown) {
    h.raw("<span " + attr("data-col", col) + " " + attr("data-value", r.get(col)) + ">" + esc(shown) + "</span>");
  }

  private void figure(Charts.Rendered chart, String caption) {
    byte[] svg = chart.svg();
    charts.add(new ChartFile(chart.name(), svg, chart.png()));
    h.open("figure", attr("class", "chart") + " " + attr("data-chart", chart.name()));
    h.raw("<img " + attr("src", Html.dataUri("image/svg+xml", svg)) + " " + attr("alt", chart.alt()) + " "
        + attr("width", Integer.toString(chart.width())) + " " + attr("height", Integer.toString(chart.height()))
        + ">");
    h.open("figcaption", "").text(caption + " ").raw("<span class=\"files\">Files: <code>charts/"
        + esc(chart.name()) + ".svg</code>, <code>charts/" + esc(chart.name()) + ".png</code></span>");
    h.close("figcaption");
    h.close("figure");
  }

  private void macroF1(String p) {
    h.open("section", attr("id", p + "-macro-f1") + " " + attr("class", "sub"));
    sectionHead(p, "macro-f1", "Macro-F1 with intervals");
    List<Charts.Interval> rows = new ArrayList<>();
    for (Row r : run.summary(p)) {
      rows.add(new Charts.Interval(r.get("learner"), r.num("macro_f1_pooled_mean"), r.num("macro_f1_pooled_ci_low"),
          r.num("macro_f1_pooled_ci_high")));
    }
    figure(Charts.intervals(p + "-macro-f1", p + ": macro-F1 with 95% intervals",
        "macro-F1 (pooled predictions)", rows),
        "Pooled macro-F1 per learner, best on top; the line is the 95% percentile-bootstrap interval over "
            + "sentences. Overlapping intervals do not by themselves mean \u201cno difference\u201d: the paired "
            + "tests are in the comparison table and the pairwise matrix.");
    h.close("section");
  }

  private void perClass(String p) {
    h.open("section", attr("id", p + "-per-class") + " " + attr("class", "sub"));
    sectionHead(p, "per-class", "F1 per label");
    List<String> learners = run.ranking(p);
    List<String> labels = run.labels(p);
    Map<String, Row> cell = new HashMap<>();
    Map<String, String> support = new HashMap<>();
    for (Row r : run.perClass(p)) {
      cell.put(r.get("learner") + "\u0000" + r.get("label"), r);
      support.put(r.get("label"), r.get("support"));
    }
    double[][] f1 = new double[learners.size()][labels.size()];
    for (int i = 0; i < learners.size(); i++) {
      for (int j = 0; j < labels.size(); j++) {
        Row r = cell.get(learners.get(i) + "\u0000" + labels.get(j));
        f1[i][j] = r == null ? Double.NaN : r.num("f1_mean");
      }
    }
    figure(Charts.groupedBars(p + "-per-class-f1", p + ": F1 per label and learner", "F1 (mean over repetitions)",
        learners, labels, f1),
        "F1 of each label per learner, best learner on top; bars in the legend's order, darkest first.");
    for (String metric : List.of("f1", "precision", "recall")) {
      boolean f = metric.equals("f1");
      if (!f) {
        h.raw(metric.equals("precision") ? "<details><summary>Precision and recall per label</summary>\n" : "");
      }
      h.raw("<div class=\"scroll\"><table class=\"data per-class\" " + attr("data-metric", metric) + ">\n<thead><tr>"
          + "<th>learner</th>");
      for (String l : labels) {
        h.raw("<th class=\"num\">").text(l).raw("<br><small>n = ").text(support.getOrDefault(l, "?"))
            .raw("</small></th>");
      }
      h.raw("</tr></thead>\n<tbody>\n");
      for (String learner : learners) {
        h.raw("<tr " + attr("data-learner", learner) + "><td class=\"learner\">").text(learner).raw("</td>");
        for (String l : labels) {
          Row r = cell.get(learner + "\u0000" + l);
          h.raw("<td class=\"num\" " + attr("data-label", l) + ">");
          if (r != null) {
            value(r, metric + "_mean");
            if (!Double.isNaN(r.num(metric + "_sd")) && r.num(metric + "_sd") > 0) {
              h.raw(" <small class=\"ci\">\u00b1");
              value(r, metric + "_sd");
              h.raw("</small>");
            }
          }
          h.raw("</td>");
        }
        h.raw("</tr>\n");
      }
      h.raw("</tbody></table></div>\n");
      h.el("p", attr("class", "note"), metric + " per label: mean (\u00b1 SD over repetitions); n = sentences of "
          + "the label scored per repetition.");
    }
    h.raw("</details>\n");
    h.close("section");
  }

  private void confusion(String p) {
    h.open("section", attr("id", p + "-confusion") + " " + attr("class", "sub"));
    sectionHead(p, "confusion", "Confusion matrices");
    List<String> labels = run.labels(p);
    List<Row> summary = run.summary(p);
    int shown = Math.min(CONFUSION_LEARNERS, summary.size());
    h.el("p", "", "The " + (shown == 1 ? "best learner" : shown + " best learners")
        + ": each row is a true label, each cell the share of its sentences given the column's label "
        + "(rows add up to 100%). Counts are in the tables below the maps.");
    h.raw("<div class=\"grid\">\n");
    Map<String, double[][]> matrices = new LinkedHashMap<>();
    Map<String, Integer> reps = new HashMap<>();
    for (Row r : run.confusion(p)) {
      double[][] m = matrices.computeIfAbsent(r.get("learner"), k -> new double[labels.size()][labels.size()]);
      int t = labels.indexOf(r.get("true"));
      int q = labels.indexOf(r.get("predicted"));
      if (t < 0 || q < 0) {
        throw InputException.at(r.tableFile(), r.line(), "label not in manifest.json's labels of "
            + p);
      }
      m[t][q] = r.integer("count");
      reps.put(r.get("learner"), (int) r.integer("repetitions"));
    }
    for (int i = 0; i < shown; i++) {
      String learner = summary.get(i).get("learner");
      double[][] m = matrices.getOrDefault(learner, new double[labels.size()][labels.size()]);
      figure(Charts.confusion(p + "-confusion-" + (i + 1) + "-" + fileSafe(learner),
          "rank " + (i + 1) + ": " + learner, labels, m, Math.max(1, reps.getOrDefault(learner, 1))),
          "Rank " + (i + 1) + ", " + learner + ": share of each true label's sentences per predicted label.");
    }
    h.raw("</div>\n<details><summary>Counts (summed over repetitions)</summary>\n");
    for (int i = 0; i < shown; i++) {
      String learner = summary.get(i).get("learner");
      h.el("h4", "", "rank " + (i + 1) + ": " + learner);
      h.raw("<table class=\"data confusion\" " + attr("data-learner", learner) + ">\n<thead><tr><th>true \\ predicted"
          + "</th>");
      for (String l : labels) {
        h.raw("<th class=\"num\">").text(l).raw("</th>");
      }
      h.raw("</tr></thead>\n<tbody>\n");
      for (String t : labels) {
        h.raw("<tr><th>").text(t).raw("</th>");
        for (String q : labels) {
          Row c = run.confusion(p).stream()
              .filter(r -> r.get("learner").equals(learner) && r.get("true").equals(t) && r.get("predicted").equals(q))
              .findFirst().orElse(null);
          h.raw("<td class=\"num" + (t.equals(q) ? " diag" : "") + "\" " + attr("data-true", t) + " "
              + attr("data-predicted", q) + ">");
          if (c != null) {
            value(c, "count", c.get("count"));
          }
          h.raw("</td>");
        }
        h.raw("</tr>\n");
      }
      h.raw("</tbody></table>\n");
    }
    h.raw("</details>\n");
    h.close("section");
  }

  static String fileSafe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]+", "-");
  }

  private void cost(String p, Map<String, Cost> costs) {
    h.open("section", attr("id", p + "-cost") + " " + attr("class", "sub"));
    sectionHead(p, "cost", "Accuracy against cost");
    List<Row> rows = run.summary(p);
    List<Row> timed = rows.stream()
        .filter(r -> costs.containsKey(r.get("learner"))
            && !Double.isNaN(costs.get(r.get("learner")).sentencesPerSecond())
            && !Double.isNaN(r.num("macro_f1_pooled_mean")))
        .toList();
    double[] q = timed.stream().mapToDouble(r -> r.num("macro_f1_pooled_mean")).toArray();
    double[] s = timed.stream().mapToDouble(r -> costs.get(r.get("learner")).sentencesPerSecond()).toArray();
    boolean[] front = Figures.paretoFront(q, s);
    List<Charts.CostPoint> points = new ArrayList<>();
    for (int i = 0; i < timed.size(); i++) {
      points.add(new Charts.CostPoint((int) timed.get(i).integer("rank"), timed.get(i).get("learner"), s[i], q[i],
          front[i]));
    }
    if (points.isEmpty()) {
      h.el("p", "", "No learner has a measured prediction time: nothing to plot.");
    } else {
      figure(Charts.cost(p + "-cost", p + ": macro-F1 against prediction throughput", points),
          "Each point is a learner, labelled with its rank. A learner is on the Pareto front when no other learner "
              + "is at least as fast and as good and better in one of the two. Throughput is wall-clock from "
              + "timings.csv and varies between runs.");
    }
    h.raw("<table class=\"data pareto\">\n<thead><tr><th class=\"num\">rank</th><th>learner</th>"
        + "<th class=\"num\">macro-F1</th><th class=\"num\">sentences/s</th><th>Pareto front</th></tr></thead>\n"
        + "<tbody>\n");
    for (Charts.CostPoint c : points.stream()
        .sorted((a, b) -> Double.compare(b.sentencesPerSecond(), a.sentencesPerSecond())).toList()) {
      h.raw("<tr " + attr("data-learner", c.learner()) + (c.pareto() ? " class=\"front\"" : "") + "><td class=\"num\">"
          + c.rank() + "</td><td class=\"learner\">").text(c.learner()).raw("</td><td class=\"num\">")
          .text(f3(c.macroF1())).raw("</td><td class=\"num\">").text(Html.human(c.sentencesPerSecond()))
          .raw("</td><td>").text(c.pareto() ? "\u25c6 on the front" : "").raw("</td></tr>\n");
    }
    h.raw("</tbody></table>\n");
    h.close("section");
  }

  private void pairwise(String p) {
    h.open("section", attr("id", p + "-pairwise") + " " + attr("class", "sub"));
    sectionHead(p, "pairwise", "Pairwise significance");
    List<String> ranking = run.ranking(p);
    Map<String, List<Row>> families = new LinkedHashMap<>();
    for (Row r : run.pairwise(p)) {
      families.computeIfAbsent(r.get("metric") + "\u0000" + r.get("test"), k -> new ArrayList<>()).add(r);
    }
    if (families.isEmpty()) {
      h.el("p", "", "Only one learner: no pairs to test.");
      h.close("section");
      return;
    }
    String rankingFamily = rankingTest(p).contains("t-test") ? "macro_f1\u0000corrected_resampled_t"
        : "accuracy\u0000mcnemar_exact";
    List<String> order = new ArrayList<>(families.keySet());
    order.sort((a, b) -> Boolean.compare(!a.equals(rankingFamily), !b.equals(rankingFamily)));
    boolean first = true;
    for (String fam : order) {
      List<Row> rows = families.get(fam);
      String metric = rows.getFirst().get("metric");
      String test = rows.getFirst().get("test");
      if (!first) {
        h.raw("<details><summary>Also tested: " + esc(metric) + " (" + esc(testName(test)) + ")</summary>\n");
      }
      h.el("p", "", (first ? "Ranking family: " : "") + metric + ", " + testName(test)
          + ". Each cell is the Holm-adjusted p-value of row against column; \u25b2 row significantly better, "
          + "\u25bc row significantly worse (adjusted p < 0.05); rows and columns by rank.");
      Map<String, Row> pair = new HashMap<>();
      for (Row r : rows) {
        pair.put(r.get("learner_a") + "\u0000" + r.get("learner_b"), r);
        pair.put(r.get("learner_b") + "\u0000" + r.get("learner_a"), r);
      }
      h.raw("<div class=\"scroll\"><table class=\"data matrix\" " + attr("data-metric", metric) + " "
          + attr("data-test", test) + ">\n<thead><tr><th>row vs column</th>");
      for (int j = 0; j < ranking.size(); j++) {
        h.raw("<th class=\"num\"><abbr " + attr("title", ranking.get(j)) + ">" + (j + 1) + "</abbr></th>");
      }
      h.raw("</tr></thead>\n<tbody>\n");
      for (int i = 0; i < ranking.size(); i++) {
        String a = ranking.get(i);
        h.raw("<tr " + attr("data-learner", a) + "><th class=\"learner\">").text((i + 1) + ". " + a).raw("</th>");
        for (String b : ranking) {
          Row r = pair.get(a + "\u0000" + b);
          if (a.equals(b)) {
            h.raw("<td class=\"num self\">\u00b7</td>");
          } else if (r == null) {
            h.raw("<td></td>");
          } else {
            boolean sig = r.get("significant").equals("true");
            String better = r.get("better");
            String mark = !sig ? "" : better.equals(a) ? "\u25b2 " : "\u25bc ";
            String cls = !sig ? "ns" : better.equals(a) ? "win" : "loss";
            h.raw("<td " + attr("class", "num " + cls) + " " + attr("data-other", b) + " "
                + attr("title", a + " vs " + b + ": p = " + r.get("p_value") + ", Holm p = " + r.get("p_holm")) + ">"
                + esc(mark));
            value(r, "p_holm", Html.p(r.num("p_holm")));
            h.raw("</td>");
          }
        }
        h.raw("</tr>\n");
      }
      h.raw("</tbody></table></div>\n");
      if (!first) {
        h.raw("</details>\n");
      }
      first = false;
    }
    h.close("section");
  }

  private static String testName(String test) {
    return switch (test) {
      case "corrected_resampled_t" -> "corrected resampled t-test over folds";
      case "mcnemar_exact" -> "exact McNemar test on paired predictions";
      default -> test;
    };
  }

  private void errors(String p) {
    h.open("section", attr("id", p + "-errors") + " " + attr("class", "sub"));
    sectionHead(p, "errors", "Misclassified sentences");
    String best = run.best(p);
    List<Misclassified> wrong = Figures.misclassified(run.predictions(p, best), run.examples(p));
    int reps = run.protocol(p).path("repeats").asInt(1);
    h.open("p", "");
    h.text("Every sentence the best learner, ").el("strong", "", best).text(", labelled wrongly: "
        + wrong.stream().map(m -> Figures.key(m.example())).distinct().count() + " sentences, " + wrong.size()
        + " (sentence, wrong label) pairs"
        + (reps > 1 ? "; \u201cwrong in\u201d counts the repetitions (of " + reps + ") that gave that label" : "")
        + ". Confidence is the probability the learner gave its wrong label (mean over those predictions).");
    h.close("p");
    List<String> labels = run.labels(p);
    h.open("div", attr("class", "errors") + " " + attr("data-protocol", p));
    h.raw("<div class=\"filters\"><label>true label <select name=\"true\"><option value=\"\">any</option>");
    for (String l : labels) {
      h.raw("<option " + attr("value", l) + ">" + esc(l) + "</option>");
    }
    h.raw("</select></label> <label>predicted label <select name=\"predicted\"><option value=\"\">any</option>");
    for (String l : labels) {
      h.raw("<option " + attr("value", l) + ">" + esc(l) + "</option>");
    }
    h.raw("</select></label> <span class=\"count\"><span class=\"shown\">" + wrong.size() + "</span> of "
        + wrong.size() + " shown</span></div>\n");
    h.raw("<div class=\"scroll tall\"><table class=\"data misclassified\">\n<thead><tr><th>sentence</th><th>document</th>"
        + "<th>true</th><th>predicted</th><th class=\"num\">wrong in</th><th class=\"num\">confidence</th></tr></thead>"
        + "\n<tbody>\n");
    for (Misclassified m : wrong) {
      Row e = m.example();
      h.raw("<tr " + attr("data-true", m.truth()) + " " + attr("data-predicted", m.predicted()) + " "
          + attr("data-id", e.get("dataset") + "/" + e.get("id")) + "><td class=\"text\">").text(e.get("text"))
          .raw("</td><td class=\"doc\">").text(document(p, e)).raw("<br><small>").text(e.get("id")).raw("</small></td><td>")
          .text(m.truth()).raw("</td><td>").text(m.predicted()).raw("</td><td class=\"num\">")
          .text(m.times() + "/" + m.of()).raw("</td><td class=\"num\">").text(f3(m.confidence())).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    h.close("div");
    h.close("section");
  }

  /** The sentence's document, prefixed with its dataset when the protocol has several. */
  private String document(String p, Row example) {
    String g = example.get("group");
    if (run.protocol(p).path("datasets").size() < 2) {
      return g.isEmpty() ? example.get("dataset") : g;
    }
    return g.isEmpty() ? example.get("dataset") : example.get("dataset") + ": " + g;
  }

  private void repeats(String p) {
    h.open("section", attr("id", p + "-repeats") + " " + attr("class", "sub"));
    sectionHead(p, "repeats", "Repeated sentences and folds");
    JsonNode pm = run.protocol(p);
    JsonNode nd = pm.path("near_duplicates");
    int reps = pm.path("repeats").asInt(1);
    List<Cluster> clusters = Figures.clusters(run.examples(p), run.predictions(p, run.firstLearner(p)), reps);
    Map<String, String> roles = new HashMap<>();
    for (JsonNode d : pm.path("datasets")) {
      roles.put(d.path("name").asText(), d.path("role").asText());
    }
    String protocol = pm.path("protocol").asText();
    h.open("p", "");
    h.text(nd.path("sentences_in_multi_member_clusters").asText() + " sentences fall into "
        + nd.path("multi_member_clusters").asText() + " clusters of near-duplicates (the same sentence, give or take "
        + "quotes, case and spacing, often in several articles). " + explanation(protocol) + " Sentences purged from "
        + "training: " + nd.path("purged_from_training").asText() + "; test sentences nearly repeating a training "
        + "sentence: " + nd.path("test_sentences_with_near_duplicate_in_training").asText() + ".");
    h.close("p");
    for (Cluster c : clusters) {
      h.open("div", attr("class", "cluster") + " " + attr("data-cluster", Integer.toString(c.id())));
      h.raw("<p class=\"verdict\">").text("Cluster " + c.id() + ": " + c.members().size() + " sentences in "
          + c.documents() + " document(s). " + verdict(protocol, c, reps, roles)).raw("</p>\n");
      h.raw("<table class=\"data members\">\n<colgroup><col class=\"c-doc\"><col class=\"c-id\"><col class=\"c-label\">"
          + "<col class=\"c-text\"><col class=\"c-folds\"></colgroup>\n<thead><tr><th>document</th><th>id</th>"
          + "<th>label</th><th>sentence</th><th>" + (reps > 1 ? "test fold per repetition<br><small>repetitions 0\u2013"
          + (reps - 1) + "</small>" : "test fold") + "</th></tr></thead>\n<tbody>\n");
      for (int i = 0; i < c.members().size(); i++) {
        Row m = c.members().get(i);
        h.raw("<tr><td class=\"doc\">").text(document(p, m)).raw("</td><td>").text(m.get("id")).raw("</td><td>")
            .text(m.get("label")).raw("</td><td class=\"text\">").text(m.get("text")).raw("</td><td class=\"folds\">")
            .text(folds(c.testFolds().get(i), roles.get(m.get("dataset")))).raw("</td></tr>\n");
      }
      h.raw("</tbody></table>\n");
      h.close("div");
    }
    if (clusters.isEmpty()) {
      h.el("p", "", "No sentence repeats under this protocol.");
    }
    foldsTable(p, reps);
    h.close("section");
  }

  private static String explanation(String protocol) {
    return switch (protocol) {
      case "kfold" -> "k-fold groups by cluster: a cluster's sentences are always tested together, never split "
          + "between training and test.";
      case "loo-doc" -> "Leave-one-document-out tests a document's sentences together and purges their "
          + "near-duplicates in other documents from that fold's training.";
      case "split" -> "The split keeps the two files as published: nothing is purged, test sentences that nearly "
          + "repeat a training sentence are only counted.";
      case "pooled" -> "Pooled folds group by document and purge near-duplicates of test sentences from training.";
      default -> "";
    };
  }

  private static String verdict(String protocol, Cluster c, int reps, Map<String, String> roles) {
    switch (protocol) {
      case "kfold" -> {
        int together = c.repetitionsTogether();
        return together == reps ? "Kept together: the same test fold in all " + reps + " repetitions."
            : "SPLIT: members in different test folds in " + (reps - together) + " of " + reps + " repetitions.";
      }
      case "loo-doc", "pooled" -> {
        return c.documents() == 1 ? "One document: held out together."
            : "Each member is tested with its own document; the others are purged from that fold's training.";
      }
      case "split" -> {
        long train = c.members().stream().filter(m -> "train".equals(roles.get(m.get("dataset")))).count();
        long test = c.members().size() - train;
        if (train > 0 && test > 0) {
          return train + " in the training file, " + test + " in the test file: the test copy nearly repeats a "
              + "training sentence (counted, not purged).";
        }
        return test == 0 ? "Training file only." : "Test file only.";
      }
      default -> {
        return "";
      }
    }
  }

  private static String folds(int[] folds, String role) {
    if ("train".equals(role)) {
      return "training only";
    }
    StringBuilder b = new StringBuilder();
    for (int f : folds) {
      b.append(b.isEmpty() ? "" : " ").append(f < 0 ? "\u2013" : Integer.toString(f));
    }
    return b.toString();
  }

  private void foldsTable(String p, int reps) {
    String first = run.firstLearner(p);
    List<Row> rows = run.folds(p).stream().filter(r -> r.get("learner").equals(first)).toList();
    boolean collapse = rows.size() > 12;
    h.raw(collapse ? "<details><summary>Every fold (" + rows.size() + ")</summary>\n" : "<h4>Folds</h4>\n");
    h.raw("<div class=\"scroll" + (collapse ? " tall" : "") + "\"><table class=\"data folds\">\n<thead><tr>"
        + (reps > 1 ? "<th class=\"num\">repetition</th>" : "") + "<th class=\"num\">fold</th><th>held-out document</th>"
        + "<th class=\"num\">train</th><th class=\"num\">test</th><th class=\"num\">purged</th>"
        + "<th class=\"num\">labels in test</th></tr></thead>\n<tbody>\n");
    for (Row r : rows) {
      h.raw("<tr>" + (reps > 1 ? "<td class=\"num\">" + esc(r.get("repetition")) + "</td>" : "") + "<td class=\"num\">")
          .text(r.get("fold")).raw("</td><td>").text(r.get("test_group")).raw("</td><td class=\"num\">")
          .text(r.get("train_size")).raw("</td><td class=\"num\">").text(r.get("test_size")).raw("</td><td class=\"num\">");
      value(r, "purged", r.get("purged"));
      h.raw("</td><td class=\"num\">").text(r.get("labels_in_test")).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    h.raw(collapse ? "</details>\n" : "");
  }

  // ---------------------------------------------------------------- run-wide sections

  private void tokenizer() {
    h.open("section", attr("id", "tokenizer"));
    h.el("h2", "", "Tokenizer throughput (JMH)");
    if (jmh.isEmpty()) {
      h.el("p", "", "No JMH results found (results/jmh/*.json). Run the benchmarks module with -rf json to add them.");
    }
    for (Jmh.File f : jmh) {
      if (f.error() != null) {
        h.el("p", attr("class", "warning"), f.error());
        continue;
      }
      h.open("p", "").text("From ").el("code", "", f.file().toString().replace('\\', '/')).text(": "
          + f.results().size() + " benchmarks; score \u00b1 99.9% error as JMH reports it.");
      h.close("p");
      List<String> extra = Jmh.secondaryColumns(f.results());
      TreeSet<String> paramNames = new TreeSet<>();
      f.results().forEach(r -> paramNames.addAll(r.params().keySet()));
      h.raw("<div class=\"scroll\"><table class=\"data jmh\">\n<thead><tr><th>benchmark</th><th>mode</th>");
      for (String n : paramNames) {
        h.raw("<th>").text(n).raw("</th>");
      }
      h.raw("<th class=\"num\">score</th><th class=\"num\">\u00b1 error</th><th>unit</th>");
      for (String n : extra) {
        h.raw("<th class=\"num\">").text(n.replace("\u00b7", "")).raw("</th>");
      }
      h.raw("</tr></thead>\n<tbody>\n");
      for (Jmh.Result r : f.results()) {
        h.raw("<tr " + attr("data-benchmark", r.benchmark()) + "><td><abbr " + attr("title", r.benchmark()) + ">")
            .text(r.shortName()).raw("</abbr></td><td>").text(r.mode()).raw("</td>");
        for (String n : paramNames) {
          h.raw("<td>").text(r.params().getOrDefault(n, "")).raw("</td>");
        }
        h.raw("<td class=\"num\" " + attr("data-value", Double.toString(r.primary().score())) + ">")
            .text(Html.human(r.primary().score())).raw("</td><td class=\"num\">").text(Html.human(r.primary().error()))
            .raw("</td><td>").text(r.primary().unit()).raw("</td>");
        for (String n : extra) {
          Jmh.Score s = r.secondary().get(n);
          h.raw("<td class=\"num\">").text(s == null ? "" : Html.human(s.score()) + " " + s.unit()).raw("</td>");
        }
        h.raw("</tr>\n");
      }
      h.raw("</tbody></table></div>\n");
    }
    h.close("section");
  }

  private void manifest() {
    JsonNode m = run.manifest();
    h.open("section", attr("id", "manifest"));
    h.el("h2", "", "Manifest: what produced this run");
    h.raw("<table class=\"data kv\">\n<tbody>\n");
    kv("run id", m.path("run_id").asText());
    kv("format", m.path("format").asText());
    kv("topicbench", m.path("topicbench").path("version").asText() + ", commit "
        + m.path("topicbench").path("git_commit").asText());
    kv("seed", m.path("seed").asText());
    JsonNode boot = m.path("bootstrap");
    kv("bootstrap", boot.path("resamples").asText() + " resamples of " + boot.path("unit").asText() + "s, "
        + boot.path("confidence").asText() + " percentile interval (" + boot.path("percentile").asText() + ")");
    kv("significance level", m.path("significance_level").asText() + " (Holm-adjusted)");
    List<String> libs = new ArrayList<>();
    m.path("libraries").properties().forEach(e -> libs.add(e.getKey() + " " + e.getValue().asText()));
    kv("libraries", String.join(", ", libs));
    JsonNode env = m.path("environment");
    kv("environment", env.path("java_vm").asText() + " (Java " + env.path("java_version").asText() + "), "
        + env.path("os").asText() + " " + env.path("arch").asText() + ", " + env.path("available_processors").asText()
        + " processors");
    h.raw("</tbody></table>\n");
    h.el("h3", "", "Datasets");
    h.raw("<table class=\"data datasets\">\n<thead><tr><th>protocol</th><th>role</th><th>name</th><th>file</th>"
        + "<th class=\"num\">examples</th><th>sha256</th></tr></thead>\n<tbody>\n");
    for (String p : run.protocolIds()) {
      for (JsonNode d : run.protocol(p).path("datasets")) {
        h.raw("<tr><td>").text(p).raw("</td><td>").text(d.path("role").asText()).raw("</td><td>")
            .text(d.path("name").asText()).raw("</td><td><code>").text(d.path("file").asText())
            .raw("</code></td><td class=\"num\">").text(d.path("examples").asText()).raw("</td><td><code class=\"hash\">")
            .text(d.path("sha256").asText()).raw("</code></td></tr>\n");
      }
    }
    h.raw("</tbody></table>\n");
    h.el("h3", "", "Learners");
    h.raw("<table class=\"data learners\">\n<thead><tr><th>learner</th><th>hyperparameters</th></tr></thead>\n<tbody>\n");
    for (JsonNode l : m.path("learners")) {
      List<String> hp = new ArrayList<>();
      l.path("hyperparameters").properties().forEach(e -> hp.add(e.getKey() + "=" + e.getValue().asText()));
      h.raw("<tr><td class=\"learner\">").text(l.path("name").asText()).raw("</td><td><code>")
          .text(hp.isEmpty() ? "(none)" : String.join(", ", hp)).raw("</code></td></tr>\n");
    }
    h.raw("</tbody></table>\n");
    h.raw("<details><summary>manifest.json</summary>\n<pre class=\"json\">").text(pretty(m)).raw("</pre></details>\n");
    h.close("section");
  }

  private void kv(String key, String value) {
    h.raw("<tr><th>").text(key).raw("</th><td>").text(value).raw("</td></tr>\n");
  }

  private static String pretty(JsonNode n) {
    try {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
      DefaultIndenter ind = new DefaultIndenter("  ", "\n");
      pp.indentObjectsWith(ind);
      pp.indentArraysWith(ind);
      return new ObjectMapper().writer(pp).writeValueAsString(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
