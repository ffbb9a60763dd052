package org.topicbench.report;

import static org.topicbench.report.Html.attr;
import static org.topicbench.report.Html.esc;
import static org.topicbench.report.Html.f3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.topicbench.data.InputException;
import org.topicbench.eval.LabelAudit;
import org.topicbench.report.Figures.Cluster;
import org.topicbench.report.Figures.Cost;
import org.topicbench.report.Figures.Misclassified;
import org.topicbench.run.Manifest;
import org.topicbench.run.Rows;
import org.topicbench.run.Run;
import org.topicbench.run.RunWriter;

/**
 * Builds {@code report.html} of a run: one self-contained page (inline CSS, charts as inline SVG
 * elements whose text is text, a few lines of script for the error filters) with one section per task, the ranking across tasks when
 * the run has one, plus every chart as SVG and PNG. It renders the {@link Run} as read or written: it
 * derives nothing that the run's files already say.
 */
final class HtmlReport {
  /** Confusion heat maps are drawn for this many of the best learners. */
  static final int CONFUSION_LEARNERS = 3;
  /** Longest learner label in a chart (longer names keep their start and end). */
  static final int CHART_LABEL = 48;
  /** The critical-difference diagram's file stem in {@code charts/}. */
  static final String CD_CHART = "ranking-cd";

  /** A chart's files. */
  record ChartFile(String name, byte[] svg, byte[] png) {}

  /** The page and its charts. */
  record Output(String html, List<ChartFile> charts) {}

  /** Section ids within a task ({@code <task id>-<id>}) and their titles, in page order. */
  static final Map<String, String> SECTIONS = new LinkedHashMap<>();
  /** The section shown only for tasks with tuned learners. */
  static final String TUNING = "tuning";
  /** The section shown only for tasks with a learner that gives probabilities. */
  static final String CALIBRATION = "calibration";
  /** The section shown for tasks with a learner that gives probabilities: labels most likely wrong. */
  static final String AUDIT = "audit";
  /** Sentences the label audit lists. */
  static final int AUDIT_ROWS = 20;
  /** Learners drawn in the reliability diagram: the best with probabilities, by rank. */
  static final int RELIABILITY_LEARNERS = 4;
  /**
   * Most (sentence, wrong label) pairs listed per task, sampled evenly across (true, predicted) label
   * pairs ({@link Figures#sample}); predictions.csv has every one. With the caps below it keeps the page
   * to a size that does not grow with the sentences.
   */
  static final int MISCLASSIFIED_ROWS = 250;
  /** Most near-duplicate clusters shown per task (the first by cluster id); examples.csv has every one. */
  static final int CLUSTERS = 30;
  /** Most members shown per cluster (the first in file order). */
  static final int CLUSTER_MEMBERS = 20;
  /** Most folds listed per task (folds.csv has all), and outer folds per tuned learner (tuning.csv). */
  static final int FOLD_ROWS = 100;

  static {
    SECTIONS.put("comparison", "Comparison");
    SECTIONS.put("macro-f1", "Macro-F1 with intervals");
    SECTIONS.put("per-class", "F1 per label");
    SECTIONS.put("confusion", "Confusion matrices");
    SECTIONS.put("cost", "Accuracy against cost");
    SECTIONS.put(CALIBRATION, "Calibration");
    SECTIONS.put("pairwise", "Pairwise significance");
    SECTIONS.put(TUNING, "Tuning");
    SECTIONS.put("errors", "Misclassified sentences");
    SECTIONS.put(AUDIT, "Label audit");
    SECTIONS.put("repeats", "Repeated sentences and folds");
  }

  private final Run run;
  private final Manifest m;
  private final List<Jmh.File> jmh;
  private final List<ChartFile> charts = new ArrayList<>();
  private final Html h = new Html();
  private final Names ids = new Names();
  private final Names files = new Names();
  private final Map<String, String> taskIds = new LinkedHashMap<>();

  private HtmlReport(Run run, List<Jmh.File> jmh) {
    this.run = run;
    this.m = run.manifest();
    this.jmh = jmh;
    for (String id : List.of("toc", "overview", "ranking", "tokenizer", "manifest", "run-id")) {
      ids.unique(id);
    }
    files.unique(CD_CHART);
    for (Manifest.Task t : run.tasks()) {
      taskIds.put(t.key(), ids.unique(Names.safe(t.dataset()) + "-" + Names.safe(t.protocol())));
    }
  }

  /** The report of {@code run}, with a tokenizer section from {@code jmh} (may be empty). */
  static Output build(Run run, List<Jmh.File> jmh) {
    HtmlReport r = new HtmlReport(run, jmh);
    r.page();
    return new Output(r.h.toString(), List.copyOf(r.charts));
  }

  /** The element id of task {@code t}'s section; its subsections are {@code <id>-<section>}. */
  private String id(Manifest.Task t) {
    return taskIds.get(t.key());
  }

  /** Whether task {@code t} shows section {@code s}. */
  private boolean shows(Manifest.Task t, String s) {
    return switch (s) {
      case TUNING -> !run.tuning(t).isEmpty();
      case CALIBRATION, AUDIT -> !run.calibration(t).isEmpty();
      default -> true;
    };
  }

  private String across() {
    return "task".equals(m.ranking().by()) ? "Across tasks" : "Across datasets";
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
    if (m.ranking() != null) {
      ranking();
    }
    for (Manifest.Task t : run.tasks()) {
      task(t);
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
    if (m.ranking() != null) {
      h.raw("<li><a href=\"#ranking\">" + esc(across()) + "</a></li>\n");
    }
    for (Manifest.Task t : run.tasks()) {
      h.raw("<li class=\"proto\"><a href=\"#" + esc(id(t)) + "\">" + esc(t.key()) + "</a>\n<ul>\n");
      SECTIONS.forEach((s, title) -> {
        if (shows(t, s)) {
          h.raw("<li><a href=\"#" + esc(id(t) + "-" + s) + "\">" + esc(title) + "</a></li>\n");
        }
      });
      h.raw("</ul></li>\n");
    }
    h.raw("<li><a href=\"#tokenizer\">Tokenizer throughput</a></li>\n");
    h.raw("<li><a href=\"#manifest\">Manifest</a></li>\n</ul>\n");
    h.close("nav");
  }

  private void header() {
    long datasets = run.tasks().stream().map(Manifest.Task::dataset).distinct().count();
    h.open("header", "");
    h.el("h1", "", "topicbench evaluation report");
    h.open("p", attr("class", "meta"));
    h.text("run ").el("code", attr("id", "run-id"), run.runId()).text(" \u00b7 topicbench "
        + m.topicbench().version() + " \u00b7 commit " + abbreviate(m.topicbench().gitCommit()) + " \u00b7 seed "
        + m.seed() + " \u00b7 " + plural(run.learners().size(), "learner") + " \u00b7 "
        + plural((int) datasets, "dataset") + " \u00b7 " + plural(run.tasks().size(), "task"));
    h.close("p");
    h.close("header");
  }

  private static String abbreviate(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  private void overview() {
    h.open("section", attr("id", "overview"));
    h.el("h2", "", "Overview");
    h.el("p", "", "The best learner of each task (a protocol on a dataset; rank 1 by pooled macro-F1, ties broken by "
        + "accuracy). Each task below has the same sections; the links beside every heading jump to the same "
        + "section of the other tasks.");
    h.raw("<div class=\"scroll\"><table class=\"data overview\">\n<thead><tr><th>task</th><th>evaluation</th>"
        + "<th class=\"num\">sentences</th><th>best learner</th><th class=\"num\">macro-F1 [95% CI]</th>"
        + "<th class=\"num\">accuracy</th><th>significantly better than</th></tr></thead>\n<tbody>\n");
    for (Manifest.Task t : run.tasks()) {
      List<Rows.Summary> summary = run.summary(t);
      Rows.Summary best = summary.getFirst();
      h.raw("<tr " + attr("data-task", t.key()) + "><td><a href=\"#" + esc(id(t)) + "\">" + esc(t.key())
          + "</a></td><td>").text(t.description())
          .raw("</td><td class=\"num\">").text(Integer.toString(best.sentences())).raw("</td>");
      learnerCell("td", best.learner(), "");
      h.raw("<td class=\"num\">");
      estimate("macro_f1_pooled", best.macroF1Pooled());
      h.raw("</td><td class=\"num\">");
      num("accuracy_mean", best.accuracy().mean());
      h.raw("</td><td>").text(best.significantlyBetterThan().size() + " of " + (summary.size() - 1)
          + " other learners").raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    h.close("section");
  }

  /** A table cell naming a learner: wrapped anywhere, with its full name as a tooltip. */
  private void learnerCell(String tag, String learner, String prefix) {
    h.raw("<" + tag + " class=\"learner\" " + attr("title", learner) + ">").text(prefix + learner)
        .raw("</" + tag + ">");
  }

  private void sectionHead(Manifest.Task t, String s, String title) {
    h.raw("<div class=\"head\">").el("h3", "", title).raw("<span class=\"alt\">");
    for (Manifest.Task other : run.tasks()) {
      if (other == t) {
        h.raw("<b>" + esc(other.key()) + "</b>");
      } else if (shows(other, s)) {
        h.raw("<a href=\"#" + esc(id(other) + "-" + s) + "\">" + esc(other.key()) + "</a>");
      }
    }
    h.raw("</span></div>\n");
  }

  private void sub(Manifest.Task t, String s) {
    h.open("section", attr("id", id(t) + "-" + s) + " " + attr("class", "sub"));
    sectionHead(t, s, SECTIONS.get(s));
  }

  // ---------------------------------------------------------------- ranking across tasks

  private void ranking() {
    Manifest.RankingEntry r = m.ranking();
    boolean byTask = "task".equals(r.by());
    String block = byTask ? "task" : "dataset";
    List<Rows.Ranking> rows = new ArrayList<>(run.ranking());
    rows.sort(Comparator.comparingDouble(Rows.Ranking::averageRank)
        .thenComparing(Rows.Ranking::learner, run.learnerOrder()));
    h.open("section", attr("id", "ranking"));
    h.el("h2", "", across());
    h.el("p", "", "Every learner ranked by " + metricName(r.metric()) + " in each of the " + r.blocks().size() + " "
        + block + "s (" + (byTask ? "every protocol on every dataset" : "each dataset's first task") + "): rank 1 is "
        + "the best, tied scores share the mean rank. The average rank over the " + block + "s ranks the learners "
        + "across them; the tests below ask whether those differences are more than chance (Dem\u0161ar 2006), at "
        + "alpha = " + r.alpha() + ".");

    double[] ranks = rows.stream().mapToDouble(Rows.Ranking::averageRank).toArray();
    List<String> learners = rows.stream().map(Rows.Ranking::learner).toList();
    double cd = r.nemenyi().criticalDifference();
    if (learners.size() >= 2 && cd > 0 && !Double.isInfinite(cd)) {
      List<String> labels = Names.shortLabels(learners, 60);
      String title = "Average ranks " + across().toLowerCase(java.util.Locale.ROOT) + " (Nemenyi CD, alpha = "
          + r.alpha() + ")";
      Charts.Rendered chart = CdDiagram.chart(CD_CHART, labels, ranks, cd, title);
      byte[] svg = CdDiagram.svg(labels, ranks, cd, title).getBytes(StandardCharsets.UTF_8);
      figure(chart, svg, "Critical-difference diagram: each learner at its average rank (the best on the right). "
          + "Learners joined by a thick line differ by less than the critical difference, so the Nemenyi test does "
          + "not tell them apart; two learners further apart than the CD bar differ significantly.");
    } else {
      h.el("p", attr("class", "note"), "No critical-difference diagram: the critical difference is not defined.");
    }

    h.raw("<h3>Average ranks</h3>\n<div class=\"scroll\"><table class=\"data ranking\">\n<thead><tr>"
        + "<th>learner</th><th class=\"num\">average rank</th><th class=\"num\">z</th><th class=\"num\">p</th>"
        + "<th class=\"num\">p (Holm)</th><th>vs " + esc(r.control()) + "</th></tr></thead>\n<tbody>\n");
    for (Rows.Ranking x : rows) {
      h.raw("<tr " + attr("data-learner", x.learner()) + (x.control() ? " class=\"control\"" : "") + ">");
      learnerCell("td", x.learner(), "");
      h.raw("<td class=\"num\">");
      num("average_rank", x.averageRank());
      h.raw("</td>");
      if (x.control()) {
        h.raw("<td></td><td></td><td></td><td>control</td>");
      } else {
        h.raw("<td class=\"num\">");
        num("z", x.z());
        h.raw("</td><td class=\"num\">");
        num("p_value", x.p(), Html.p(x.p()));
        h.raw("</td><td class=\"num\">");
        num("p_holm", x.pHolm(), Html.p(x.pHolm()));
        h.raw("</td><td " + attr("data-col", "significant") + " " + attr("data-value", Boolean.toString(x.significant()))
            + ">" + (!x.significant() ? "not significantly different" : x.z() > 0 ? "\u25bc significantly worse"
                : "\u25b2 significantly better") + "</td>");
      }
      h.raw("</tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    h.el("p", attr("class", "note"), "Best first. z compares each learner's average rank with the control's ("
        + r.control() + "): (R_learner \u2212 R_control) / sqrt(k(k+1)/(6N)) for k learners over N " + block
        + "s, positive when the learner ranks worse; p is its two-sided normal p-value, and p (Holm) the same after "
        + "Holm's step-down correction over the k\u22121 comparisons: significant when below alpha.");

    h.raw("<h3>Tests</h3>\n<table class=\"data kv tests\">\n<tbody>\n");
    Manifest.Friedman f = r.friedman();
    Manifest.ImanDavenport id = r.imanDavenport();
    Manifest.Nemenyi n = r.nemenyi();
    h.raw("<tr><th>Friedman</th><td>\u03c7\u00b2 = ");
    num("friedman_chi2", f.chi2());
    h.raw(", df = ").raw(esc(Integer.toString(f.df()))).raw(", p = ");
    num("friedman_p", f.p(), Html.p(f.p()));
    h.raw("</td><td class=\"note\">whether the average ranks differ more than chance would make them, if all learners "
        + "were equal (chi-squared with k\u22121 degrees of freedom).</td></tr>\n");
    h.raw("<tr><th>Iman\u2013Davenport</th><td>F = ");
    num("iman_davenport_f", id.f());
    h.raw(", df = " + id.df1() + ", " + id.df2() + ", p = ");
    num("iman_davenport_p", id.p(), Html.p(id.p()));
    h.raw("</td><td class=\"note\">the same question with Iman and Davenport's F form of the Friedman statistic, "
        + "which is less conservative; Dem\u0161ar recommends it.</td></tr>\n");
    h.raw("<tr><th>Nemenyi</th><td>q = ");
    num("nemenyi_q", n.q());
    h.raw(", CD = ");
    num("critical_difference", n.criticalDifference());
    h.raw("</td><td class=\"note\">two learners whose average ranks differ by at least the critical difference "
        + "CD = q \u00b7 sqrt(k(k+1)/(6N)) differ significantly (all pairs at once).</td></tr>\n");
    h.raw("</tbody></table>\n");

    blockRanks(r, learners);
    wins(r, learners, block);
    h.close("section");
  }

  private void blockRanks(Manifest.RankingEntry r, List<String> learners) {
    Map<String, Rows.Rank> cell = new HashMap<>();
    Map<String, String> taskOf = new LinkedHashMap<>();
    for (Rows.Rank x : run.ranks()) {
      cell.put(x.block() + "\u0000" + x.learner(), x);
      taskOf.putIfAbsent(x.block(), x.task());
    }
    h.raw("<h3>Ranks per " + ("task".equals(r.by()) ? "task" : "dataset") + "</h3>\n<div class=\"scroll\">"
        + "<table class=\"data block-ranks\">\n<thead><tr><th>learner</th>");
    for (String b : r.blocks()) {
      String task = taskOf.getOrDefault(b, b);
      h.raw("<th class=\"num\" " + attr("data-block", b) + ">").text(b);
      if (!task.equals(b)) {
        h.raw("<br><small>").text(task).raw("</small>");
      }
      h.raw("</th>");
    }
    h.raw("</tr></thead>\n<tbody>\n");
    for (String l : learners) {
      h.raw("<tr " + attr("data-learner", l) + ">");
      learnerCell("td", l, "");
      for (String b : r.blocks()) {
        Rows.Rank x = cell.get(b + "\u0000" + l);
        h.raw("<td class=\"num\" " + attr("data-block", b) + ">");
        if (x != null) {
          num("rank", x.rank(), Html.rank(x.rank()));
          h.raw(" <small class=\"ci\">");
          num("score", x.score());
          h.raw("</small>");
        }
        h.raw("</td>");
      }
      h.raw("</tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    h.el("p", attr("class", "note"), "Each cell: the learner's rank in that block (1 = best; ties share the mean "
        + "rank) and, small, its " + metricName(r.metric()) + " there, as the task reports it.");
  }

  private void wins(Manifest.RankingEntry r, List<String> learners, String block) {
    Map<String, Rows.Wins> cell = new HashMap<>();
    for (Rows.Wins w : run.wins()) {
      cell.put(w.learnerA() + "\u0000" + w.learnerB(), w);
    }
    h.raw("<h3>Wins, ties and losses</h3>\n");
    matrix(attr("class", "data matrix wins"), learners, (a, b) -> {
      Rows.Wins w = cell.get(a + "\u0000" + b);
      if (w == null) {
        return false;
      }
      h.raw("<td class=\"num\" " + attr("data-other", b) + " " + attr("title", a + " vs " + b + ": " + w.wins()
          + " wins, " + w.ties() + " ties, " + w.losses() + " losses") + ">")
          .text(w.wins() + "/" + w.ties() + "/" + w.losses()).raw("</td>");
      return true;
    });
    TreeSet<String> tests = new TreeSet<>();
    for (Rows.Rank x : run.ranks()) {
      Manifest.Task t = m.task(x.task());
      if (t != null) {
        tests.add(testPhrase(t));
      }
    }
    h.el("p", attr("class", "note"), "Cell row, column = w/t/l, as Weka's Experimenter prints it: in how many " + block
        + "s the row learner was significantly better than the column learner (w), not significantly different (t), "
        + "and significantly worse (l). Significance is the " + block + "'s own pairwise test, unadjusted p < alpha = "
        + r.alpha() + ": " + String.join("; ", tests) + ".");
  }

  // ---------------------------------------------------------------- one task

  private void task(Manifest.Task t) {
    h.open("section", attr("id", id(t)) + " " + attr("class", "protocol") + " " + attr("data-task", t.key()));
    h.el("h2", "", t.dataset() + " \u2014 " + t.description());
    h.open("p", attr("class", "lead"));
    h.text(t.sentencesScored() + " sentences scored per repetition, " + plural(t.folds(), "fold") + " \u00d7 "
        + plural(t.repeats(), "repetition") + "; grouping: " + t.grouping() + "; labels: "
        + String.join(", ", t.labels()) + ".");
    h.close("p");
    for (String w : t.warnings()) {
      h.el("p", attr("class", "warning"), "warning: " + w);
    }
    Map<String, Cost> costs = Figures.costs(run.timings(t));
    comparison(t, costs);
    macroF1(t);
    perClass(t);
    confusion(t);
    cost(t, costs);
    if (shows(t, CALIBRATION)) {
      calibration(t);
    }
    pairwise(t);
    if (shows(t, TUNING)) {
      tuning(t);
    }
    errors(t);
    if (shows(t, AUDIT)) {
      audit(t);
    }
    repeats(t);
    h.close("section");
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private String chartName(Manifest.Task t, String chart) {
    return files.unique(id(t) + "-" + chart);
  }

  private void comparison(Manifest.Task t, Map<String, Cost> costs) {
    sub(t, "comparison");
    List<Rows.Summary> rows = run.summary(t);
    Map<String, Integer> rank = ranks(t);
    h.raw("<div class=\"scroll\"><table class=\"data comparison\">\n<thead><tr><th class=\"num\">rank</th>"
        + "<th>learner</th><th class=\"num\">macro-F1<br><small>pooled, 95% CI</small></th>"
        + "<th class=\"num\">macro-F1<br><small>fold mean</small></th>"
        + "<th class=\"num\">accuracy<br><small>95% CI</small></th><th class=\"num\">kappa<br><small>95% CI</small></th>"
        + "<th class=\"num\">log-loss</th><th class=\"num\">Brier</th><th class=\"num\">ECE</th>"
        + "<th class=\"num\">train<br><small>ms per fold</small></th>"
        + "<th class=\"num\">throughput<br><small>sentences/s</small></th>"
        + "<th>significance<br><small>(Holm, p &lt; " + esc(Double.toString(m.significanceLevel()))
        + ")</small></th></tr></thead>\n<tbody>\n");
    for (Rows.Summary r : rows) {
      Cost c = costs.getOrDefault(r.learner(), new Cost(Double.NaN, Double.NaN));
      h.raw("<tr " + attr("data-learner", r.learner()) + "><td class=\"num\">");
      h.raw("<span " + attr("data-col", "rank") + " " + attr("data-value", Integer.toString(r.rank())) + ">" + r.rank()
          + "</span>");
      h.raw("</td>");
      learnerCell("td", r.learner(), "");
      h.raw("<td class=\"num\">");
      estimate("macro_f1_pooled", r.macroF1Pooled());
      h.raw("</td><td class=\"num\">");
      num("macro_f1_fold_mean", r.macroF1FoldMean());
      h.raw("</td><td class=\"num\">");
      estimate("accuracy", r.accuracy());
      h.raw("</td><td class=\"num\">");
      estimate("kappa", r.kappa());
      h.raw("</td><td class=\"num\">");
      num("log_loss_mean", r.logLossMean());
      h.raw("</td><td class=\"num\">");
      num("brier_mean", r.brierMean());
      h.raw("</td><td class=\"num\">");
      num("ece_mean", r.eceMean());
      h.raw("</td><td class=\"num\">").raw(timing("train_ms_per_fold", c.trainMsPerFold()))
          .raw("</td><td class=\"num\">").raw(timing("sentences_per_second", c.sentencesPerSecond()))
          .raw("</td><td class=\"sig\">");
      marks(r.significantlyBetterThan(), "significantly_better_than", "\u25b2 better than", rank);
      marks(r.significantlyWorseThan(), "significantly_worse_than", "\u25bc worse than", rank);
      h.raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    h.el("p", attr("class", "note"), "Sorted by rank: pooled macro-F1 (all out-of-fold predictions of a repetition, "
        + "mean over repetitions), then accuracy. Log-loss, Brier score (the sum over labels of the squared error of each "
        + "probability, from 0 to 2) and ECE (expected calibration error of the top label, 15 equal-width bins) are "
        + "of the pooled probabilities, mean over repetitions; blank for learners without probabilities. Intervals: percentile bootstrap over sentences. "
        + "\u25b2/\u25bc name the ranks this learner is significantly better/worse than: " + testPhrase(t)
        + ", Holm-corrected across all pairs, p < " + m.significanceLevel() + ". Times are wall-clock from "
        + "timings.csv (all folds, other folds running on the other threads; not deterministic): mean training time "
        + "per fold, and prediction time over sentences predicted. Tokenizer speed is measured properly by JMH "
        + "(below).");
    h.close("section");
  }

  /** The task's significance test on its ranking metric, in words. */
  private static String testPhrase(Manifest.Task t) {
    return switch (t.rankingTest()) {
      case "corrected_resampled_t" -> t.key() + ": Nadeau and Bengio's corrected resampled t-test on per-fold "
          + metricName(t.rankingMetric());
      case "mcnemar_exact" -> t.key() + ": exact McNemar test on the paired predictions ("
          + metricName(t.rankingMetric()) + ")";
      default -> t.key() + ": " + t.rankingTest() + " on " + metricName(t.rankingMetric());
    };
  }

  private static String metricName(String metric) {
    return switch (metric) {
      case "macro_f1" -> "macro-F1";
      case "log_loss" -> "log-loss";
      default -> metric;
    };
  }

  private static String timing(String col, double v) {
    return "<span " + attr("data-col", col) + " " + attr("data-value", Double.toString(v)) + ">" + esc(Html.human(v))
        + "</span>";
  }

  private void marks(List<String> names, String column, String label, Map<String, Integer> rank) {
    if (names.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    for (String name : names) {
      Integer k = rank.get(name);
      parts.add("<abbr " + attr("title", name) + ">" + (k == null ? esc(name) : k) + "</abbr>");
    }
    h.raw("<span " + attr("class", column.endsWith("better_than") ? "better" : "worse") + " "
        + attr("data-col", column) + " " + attr("data-value", String.join(";", names)) + ">" + esc(label) + " "
        + String.join(", ", parts) + "</span> ");
  }

  private Map<String, Integer> ranks(Manifest.Task t) {
    Map<String, Integer> rank = new HashMap<>();
    for (Rows.Summary r : run.summary(t)) {
      rank.put(r.learner(), r.rank());
    }
    return rank;
  }

  /** The mean of an estimate with its interval below, each element carrying its CSV value. */
  private void estimate(String prefix, Rows.Stat s) {
    num(prefix + "_mean", s.mean());
    if (!Double.isNaN(s.ciLow())) {
      h.raw("<br><small class=\"ci\">");
      num(prefix + "_ci_low", s.ciLow());
      h.raw("\u2013");
      num(prefix + "_ci_high", s.ciHigh());
      h.raw("</small>");
    }
  }

  /** A number with three decimals, carrying its column and its value as the run's CSV files write it. */
  private void num(String col, double v) {
    num(col, v, f3(v));
  }

  private void num(String col, double v, String shown) {
    h.raw("<span " + attr("data-col", col) + " " + attr("data-value", Html.csv(v)) + ">" + esc(shown) + "</span>");
  }

  private void figure(Charts.Rendered chart, String caption) {
    figure(chart, chart.svg(), caption);
  }

  /** A chart with the given SVG (the PNG drawn by the chart's painter). */
  private void figure(Charts.Rendered chart, byte[] svg, String caption) {
    charts.add(new ChartFile(chart.name(), svg, chart.png()));
    h.open("figure", attr("class", "chart") + " " + attr("data-chart", chart.name()));
    h.raw(Svg.inline(new String(svg, StandardCharsets.UTF_8), chart.alt()));
    h.open("figcaption", "").text(caption + " ").raw("<span class=\"files\">Files: <code>charts/"
        + esc(chart.name()) + ".svg</code>, <code>charts/" + esc(chart.name()) + ".png</code></span>");
    h.close("figcaption");
    h.close("figure");
  }

  /** Chart labels of learners: long names shortened, no two alike. */
  private static List<String> chartLabels(List<String> learners) {
    return Names.shortLabels(learners, CHART_LABEL);
  }

  private void macroF1(Manifest.Task t) {
    sub(t, "macro-f1");
    List<Rows.Summary> summary = run.summary(t);
    List<String> labels = chartLabels(summary.stream().map(Rows.Summary::learner).toList());
    List<Charts.Interval> rows = new ArrayList<>();
    for (int i = 0; i < summary.size(); i++) {
      Rows.Stat s = summary.get(i).macroF1Pooled();
      rows.add(new Charts.Interval(labels.get(i), s.mean(), s.ciLow(), s.ciHigh()));
    }
    figure(Charts.intervals(chartName(t, "macro-f1"), t.key() + ": macro-F1 with 95% intervals",
        "macro-F1 (pooled predictions)", rows),
        "Pooled macro-F1 per learner, best on top; the line is the 95% percentile-bootstrap interval over "
            + "sentences. Overlapping intervals do not by themselves mean \u201cno difference\u201d: the paired "
            + "tests are in the comparison table and the pairwise matrix.");
    h.close("section");
  }

  private void calibration(Manifest.Task t) {
    sub(t, CALIBRATION);
    Map<String, List<Rows.Reliability>> bins = new LinkedHashMap<>();
    for (Rows.Reliability r : run.calibration(t)) {
      bins.computeIfAbsent(r.learner(), k -> new ArrayList<>()).add(r);
    }
    List<Rows.Summary> withProbabilities =
        run.summary(t).stream().filter(r -> bins.containsKey(r.learner())).toList();
    List<Rows.Summary> drawn = withProbabilities.subList(0, Math.min(RELIABILITY_LEARNERS, withProbabilities.size()));
    List<String> labels = chartLabels(drawn.stream().map(Rows.Summary::learner).toList());
    List<Charts.Reliability> series = new ArrayList<>();
    for (int i = 0; i < drawn.size(); i++) {
      List<Rows.Reliability> rs = bins.get(drawn.get(i).learner()).stream().filter(r -> r.count() > 0).toList();
      series.add(new Charts.Reliability(labels.get(i) + String.format(java.util.Locale.ROOT, " (ECE %.3f)",
          drawn.get(i).eceMean()), rs.stream().mapToDouble(Rows.Reliability::meanConfidence).toArray(),
          rs.stream().mapToDouble(Rows.Reliability::accuracy).toArray(),
          rs.stream().mapToLong(Rows.Reliability::count).toArray()));
    }
    figure(Charts.reliability(chartName(t, "reliability"), t.key() + ": reliability of the top label", series),
        "Reliability diagram of the " + drawn.size() + " best-ranked learners with probabilities: the pooled "
            + "predictions binned by the probability of their predicted label ("
            + bins.values().iterator().next().size() + " equal-width bins, empty bins left out), each bin at its mean probability (x) and the share of "
            + "it predicted right (y). On the diagonal a learner "
            + "is calibrated; below it, over-confident. ECE is the count-weighted mean distance from the "
            + "diagonal. Every bin of every learner is in calibration.csv.");
    h.raw("<div class=\"scroll\"><table class=\"data calibration\">\n<thead><tr><th class=\"num\">rank</th>"
        + "<th>learner</th><th class=\"num\">log-loss</th><th class=\"num\">Brier</th><th class=\"num\">ECE</th>"
        + "<th>calibration</th></tr></thead>\n<tbody>\n");
    Map<String, String> method = new HashMap<>();
    for (Manifest.LearnerEntry l : m.learners()) {
      method.put(l.name(), l.hyperparameters().getOrDefault("calibration", "none"));
    }
    for (Rows.Summary r : withProbabilities) {
      h.raw("<tr " + attr("data-learner", r.learner()) + "><td class=\"num\">" + r.rank() + "</td>");
      learnerCell("td", r.learner(), "");
      h.raw("<td class=\"num\">");
      num("log_loss_mean", r.logLossMean());
      h.raw("</td><td class=\"num\">");
      num("brier_mean", r.brierMean());
      h.raw("</td><td class=\"num\">");
      num("ece_mean", r.eceMean());
      h.raw("</td><td>").text(method.getOrDefault(r.learner(), "none")).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    h.el("p", attr("class", "note"), "Learners with probabilities, by rank. A learner's spec calibrates it with "
        + "calibration=platt|isotonic|temperature (fitted on inner folds of each training fold only; see "
        + "topicbench learners).");
    h.close("section");
  }

  private void perClass(Manifest.Task t) {
    sub(t, "per-class");
    List<String> learners = run.ranking(t);
    List<String> labels = t.labels();
    Map<String, Rows.PerClass> cell = new HashMap<>();
    Map<String, Integer> support = new HashMap<>();
    for (Rows.PerClass r : run.perClass(t)) {
      cell.put(r.learner() + "\u0000" + r.label(), r);
      support.put(r.label(), r.support());
    }
    double[][] f1 = new double[learners.size()][labels.size()];
    for (int i = 0; i < learners.size(); i++) {
      for (int j = 0; j < labels.size(); j++) {
        Rows.PerClass r = cell.get(learners.get(i) + "\u0000" + labels.get(j));
        f1[i][j] = r == null ? Double.NaN : r.f1Mean();
      }
    }
    figure(Charts.groupedBars(chartName(t, "per-class-f1"), t.key() + ": F1 per label and learner",
        "F1 (mean over repetitions)", chartLabels(learners), labels, f1),
        "F1 of each label per learner, best learner on top; bars in the legend's order, darkest first.");
    for (String metric : List.of("f1", "precision", "recall")) {
      if (metric.equals("precision")) {
        h.raw("<details><summary>Precision and recall per label</summary>\n");
      }
      h.raw("<div class=\"scroll\"><table class=\"data per-class\" " + attr("data-metric", metric) + ">\n<thead><tr>"
          + "<th>learner</th>");
      for (String l : labels) {
        h.raw("<th class=\"num\">").text(l).raw("<br><small>n = ")
            .text(support.containsKey(l) ? Integer.toString(support.get(l)) : "?").raw("</small></th>");
      }
      h.raw("</tr></thead>\n<tbody>\n");
      for (String learner : learners) {
        h.raw("<tr " + attr("data-learner", learner) + ">");
        learnerCell("td", learner, "");
        for (String l : labels) {
          Rows.PerClass r = cell.get(learner + "\u0000" + l);
          h.raw("<td class=\"num\" " + attr("data-label", l) + ">");
          if (r != null) {
            double mean = switch (metric) {
              case "precision" -> r.precisionMean();
              case "recall" -> r.recallMean();
              default -> r.f1Mean();
            };
            double sd = switch (metric) {
              case "precision" -> r.precisionSd();
              case "recall" -> r.recallSd();
              default -> r.f1Sd();
            };
            num(metric + "_mean", mean);
            if (!Double.isNaN(sd) && sd > 0) {
              h.raw(" <small class=\"ci\">\u00b1");
              num(metric + "_sd", sd);
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

  private void confusion(Manifest.Task t) {
    sub(t, "confusion");
    List<String> labels = t.labels();
    List<Rows.Summary> summary = run.summary(t);
    int shown = Math.min(CONFUSION_LEARNERS, summary.size());
    h.el("p", "", "The " + (shown == 1 ? "best learner" : shown + " best learners")
        + ": each row is a true label, each cell the share of its sentences given the column's label "
        + "(rows add up to 100%). Counts are in the tables below the maps.");
    h.raw("<div class=\"grid\">\n");
    Map<String, long[][]> matrices = new LinkedHashMap<>();
    Map<String, Integer> reps = new HashMap<>();
    for (Rows.Confusion r : run.confusion(t)) {
      long[][] mx = matrices.computeIfAbsent(r.learner(), k -> new long[labels.size()][labels.size()]);
      int a = labels.indexOf(r.truth());
      int b = labels.indexOf(r.predicted());
      if (a < 0 || b < 0) {
        throw new InputException("confusion.csv: label not in manifest.json's labels of " + t.key());
      }
      mx[a][b] = r.count();
      reps.put(r.learner(), r.repetitions());
    }
    List<String> chartLabels = chartLabels(summary.stream().map(Rows.Summary::learner).toList());
    for (int i = 0; i < shown; i++) {
      String learner = summary.get(i).learner();
      long[][] mx = matrices.getOrDefault(learner, new long[labels.size()][labels.size()]);
      double[][] counts = new double[labels.size()][labels.size()];
      for (int a = 0; a < labels.size(); a++) {
        for (int b = 0; b < labels.size(); b++) {
          counts[a][b] = mx[a][b];
        }
      }
      figure(Charts.confusion(chartName(t, "confusion-" + (i + 1) + "-" + Names.safe(learner)),
          "rank " + (i + 1) + ": " + chartLabels.get(i), labels, counts, Math.max(1, reps.getOrDefault(learner, 1))),
          "Rank " + (i + 1) + ", " + learner + ": share of each true label's sentences per predicted label.");
    }
    h.raw("</div>\n<details><summary>Counts (summed over repetitions)</summary>\n");
    for (int i = 0; i < shown; i++) {
      String learner = summary.get(i).learner();
      long[][] mx = matrices.get(learner);
      h.el("h4", attr("class", "learner"), "rank " + (i + 1) + ": " + learner);
      h.raw("<table class=\"data confusion\" " + attr("data-learner", learner) + ">\n<thead><tr><th>true \\ predicted"
          + "</th>");
      for (String l : labels) {
        h.raw("<th class=\"num\">").text(l).raw("</th>");
      }
      h.raw("</tr></thead>\n<tbody>\n");
      for (int a = 0; a < labels.size(); a++) {
        h.raw("<tr><th>").text(labels.get(a)).raw("</th>");
        for (int b = 0; b < labels.size(); b++) {
          h.raw("<td class=\"num" + (a == b ? " diag" : "") + "\" " + attr("data-true", labels.get(a)) + " "
              + attr("data-predicted", labels.get(b)) + ">");
          if (mx != null) {
            h.raw("<span " + attr("data-col", "count") + ">" + mx[a][b] + "</span>");
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

  private void cost(Manifest.Task t, Map<String, Cost> costs) {
    sub(t, "cost");
    List<Rows.Summary> timed = run.summary(t).stream()
        .filter(r -> costs.containsKey(r.learner()) && !Double.isNaN(costs.get(r.learner()).sentencesPerSecond())
            && !Double.isNaN(r.macroF1Pooled().mean()))
        .toList();
    double[] q = timed.stream().mapToDouble(r -> r.macroF1Pooled().mean()).toArray();
    double[] s = timed.stream().mapToDouble(r -> costs.get(r.learner()).sentencesPerSecond()).toArray();
    boolean[] front = Figures.paretoFront(q, s);
    List<Charts.CostPoint> points = new ArrayList<>();
    for (int i = 0; i < timed.size(); i++) {
      points.add(new Charts.CostPoint(timed.get(i).rank(), timed.get(i).learner(), s[i], q[i], front[i]));
    }
    if (points.isEmpty()) {
      h.el("p", "", "No learner has a measured prediction time: nothing to plot.");
    } else {
      figure(Charts.cost(chartName(t, "cost"), t.key() + ": macro-F1 against prediction throughput", points),
          "Each point is a learner, labelled with its rank. A learner is on the Pareto front when no other learner "
              + "is at least as fast and as good and better in one of the two. Throughput is wall-clock from "
              + "timings.csv and varies between runs.");
    }
    h.raw("<div class=\"scroll\"><table class=\"data pareto\">\n<thead><tr><th class=\"num\">rank</th><th>learner</th>"
        + "<th class=\"num\">macro-F1</th><th class=\"num\">sentences/s</th><th>Pareto front</th></tr></thead>\n"
        + "<tbody>\n");
    for (Charts.CostPoint c : points.stream()
        .sorted((a, b) -> Double.compare(b.sentencesPerSecond(), a.sentencesPerSecond())).toList()) {
      h.raw("<tr " + attr("data-learner", c.learner()) + (c.pareto() ? " class=\"front\"" : "") + "><td class=\"num\">"
          + c.rank() + "</td>");
      learnerCell("td", c.learner(), "");
      h.raw("<td class=\"num\">").text(f3(c.macroF1())).raw("</td><td class=\"num\">")
          .text(Html.human(c.sentencesPerSecond())).raw("</td><td>").text(c.pareto() ? "\u25c6 on the front" : "")
          .raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    h.close("section");
  }

  private void pairwise(Manifest.Task t) {
    sub(t, "pairwise");
    List<String> ranking = run.ranking(t);
    Map<String, List<Rows.Pairwise>> families = new LinkedHashMap<>();
    for (Rows.Pairwise r : run.pairwise(t)) {
      families.computeIfAbsent(r.metric() + "\u0000" + r.test(), k -> new ArrayList<>()).add(r);
    }
    if (families.isEmpty()) {
      h.el("p", "", "Only one learner: no pairs to test.");
      h.close("section");
      return;
    }
    String rankingFamily = t.rankingMetric() + "\u0000" + t.rankingTest();
    List<String> order = new ArrayList<>(families.keySet());
    order.sort((a, b) -> Boolean.compare(!a.equals(rankingFamily), !b.equals(rankingFamily)));
    boolean first = true;
    for (String fam : order) {
      List<Rows.Pairwise> rows = families.get(fam);
      String metric = rows.getFirst().metric();
      String test = rows.getFirst().test();
      boolean main = fam.equals(rankingFamily);
      if (!first) {
        h.raw("<details><summary>Also tested: " + esc(metric) + " (" + esc(testName(test)) + ")</summary>\n");
      }
      h.el("p", "", (main ? "Ranking family: " : "") + metric + ", " + testName(test)
          + ". Each cell is the Holm-adjusted p-value of row against column; \u25b2 row significantly better, "
          + "\u25bc row significantly worse (adjusted p < " + m.significanceLevel() + "); rows and columns by rank.");
      Map<String, Rows.Pairwise> pair = new HashMap<>();
      for (Rows.Pairwise r : rows) {
        pair.put(r.learnerA() + "\u0000" + r.learnerB(), r);
        pair.put(r.learnerB() + "\u0000" + r.learnerA(), r);
      }
      matrix(attr("class", "data matrix") + " " + attr("data-metric", metric) + " " + attr("data-test", test), ranking,
          (a, b) -> {
            Rows.Pairwise r = pair.get(a + "\u0000" + b);
            if (r == null) {
              return false;
            }
            boolean sig = r.significant();
            String mark = !sig ? "" : r.better().equals(a) ? "\u25b2 " : "\u25bc ";
            String cls = !sig ? "ns" : r.better().equals(a) ? "win" : "loss";
            h.raw("<td " + attr("class", "num " + cls) + " " + attr("data-other", b) + " "
                + attr("title", a + " vs " + b + ": p = " + Html.csv(r.p()) + ", Holm p = " + Html.csv(r.pHolm())) + ">"
                + esc(mark));
            num("p_holm", r.pHolm(), Html.p(r.pHolm()));
            h.raw("</td>");
            return true;
          });
      if (!first) {
        h.raw("</details>\n");
      }
      first = false;
    }
    h.close("section");
  }

  /** Writes the cell of row learner {@code a} against column learner {@code b}, or nothing (false). */
  @FunctionalInterface
  private interface PairCell {
    boolean write(String a, String b);
  }

  /**
   * A learner-by-learner table: a row and a column per learner, numbered in {@code learners}' order, the
   * column's name as a tooltip, a dot on the diagonal, {@code cell} everywhere else.
   */
  private void matrix(String tableAttrs, List<String> learners, PairCell cell) {
    h.raw("<div class=\"scroll\"><table " + tableAttrs + ">\n<thead><tr><th>row vs column</th>");
    for (int j = 0; j < learners.size(); j++) {
      h.raw("<th class=\"num\"><abbr " + attr("title", learners.get(j)) + ">" + (j + 1) + "</abbr></th>");
    }
    h.raw("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < learners.size(); i++) {
      String a = learners.get(i);
      h.raw("<tr " + attr("data-learner", a) + ">");
      learnerCell("th", a, (i + 1) + ". ");
      for (String b : learners) {
        if (a.equals(b)) {
          h.raw("<td class=\"num self\">\u00b7</td>");
        } else if (!cell.write(a, b)) {
          h.raw("<td></td>");
        }
      }
      h.raw("</tr>\n");
    }
    h.raw("</tbody></table></div>\n");
  }

  private static String testName(String test) {
    return switch (test) {
      case "corrected_resampled_t" -> "corrected resampled t-test over folds";
      case "mcnemar_exact" -> "exact McNemar test on paired predictions";
      default -> test;
    };
  }

  private void tuning(Manifest.Task t) {
    sub(t, TUNING);
    Map<String, Map<String, List<Rows.Tuning>>> byLearner = new LinkedHashMap<>();
    for (Rows.Tuning r : run.tuning(t)) {
      byLearner.computeIfAbsent(r.learner(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.repetition() + "/" + r.fold(), k -> new ArrayList<>()).add(r);
    }
    List<String> learners = new ArrayList<>(byLearner.keySet());
    learners.sort(run.learnerOrder());
    h.el("p", "", "What each tuned learner chose in every outer training fold: it scored each candidate of its grid "
        + "on inner folds of that training fold only (nested cross-validation, so no outer test sentence reached the "
        + "choice) and fitted the best (ties to the first). \u25c6 marks the chosen candidate.");
    for (String learner : learners) {
      Map<String, List<Rows.Tuning>> outer = byLearner.get(learner);
      Manifest.LearnerEntry entry = m.learner(learner);
      Manifest.Tuning how = entry == null ? null : entry.tuning();
      List<String> candidates = new ArrayList<>();
      for (List<Rows.Tuning> rows : outer.values()) {
        for (Rows.Tuning r : rows) {
          while (candidates.size() <= r.candidate()) {
            candidates.add(null);
          }
          candidates.set(r.candidate(), r.values());
        }
      }
      Map<String, Integer> chosenCount = new LinkedHashMap<>();
      for (String c : candidates) {
        chosenCount.put(c, 0);
      }
      for (List<Rows.Tuning> rows : outer.values()) {
        rows.stream().filter(Rows.Tuning::chosen).forEach(r -> chosenCount.merge(r.values(), 1, Integer::sum));
      }
      String metric = outer.values().iterator().next().getFirst().metric();
      h.open("div", attr("class", "tuned") + " " + attr("data-learner", learner));
      h.el("h4", attr("class", "learner") + " " + attr("title", learner), learner);
      List<String> counts = new ArrayList<>();
      chosenCount.forEach((c, n) -> counts.add(c + " " + n + "\u00d7"));
      h.el("p", "", candidates.size() + " candidates, scored by " + metricName(metric) + (how == null ? ""
          : " of the pooled out-of-fold predictions of " + how.folds() + " inner folds") + "; chosen in the "
          + outer.size() + " outer folds: " + String.join(", ", counts) + ".");
      boolean repeated = t.repeats() > 1;
      boolean collapse = outer.size() > 12;
      List<List<Rows.Tuning>> listed = outer.values().stream().limit(FOLD_ROWS).toList();
      h.raw(collapse ? "<details><summary>" + (listed.size() < outer.size() ? "The first " + listed.size() + " of "
          + outer.size() + " outer folds" : "Every outer fold (" + outer.size() + ")") + "</summary>\n" : "");
      if (listed.size() < outer.size()) {
        h.el("p", attr("class", "note capped") + " " + attr("data-listed", Integer.toString(listed.size())) + " "
            + attr("data-of", Integer.toString(outer.size())), "Showing the first " + listed.size() + " of "
            + outer.size() + " outer folds (by repetition and fold); tuning.csv has every candidate of every fold.");
      }
      h.raw("<div class=\"scroll" + (collapse ? " tall" : "") + "\"><table class=\"data tuning\">\n<thead><tr>"
          + (repeated ? "<th class=\"num\">repetition</th>" : "") + "<th class=\"num\">fold</th><th>chosen</th>");
      for (int c = 0; c < candidates.size(); c++) {
        h.raw("<th class=\"num\" " + attr("data-candidate", Integer.toString(c)) + "><code>")
            .text(candidates.get(c) == null ? "?" : candidates.get(c)).raw("</code></th>");
      }
      h.raw("</tr></thead>\n<tbody>\n");
      for (List<Rows.Tuning> rows : listed) {
        Rows.Tuning any = rows.getFirst();
        Rows.Tuning chosen = rows.stream().filter(Rows.Tuning::chosen).findFirst().orElse(null);
        h.raw("<tr " + attr("data-repetition", Integer.toString(any.repetition())) + " "
            + attr("data-fold", Integer.toString(any.fold())) + ">"
            + (repeated ? "<td class=\"num\">" + any.repetition() + "</td>" : "") + "<td class=\"num\">" + any.fold()
            + "</td><td class=\"chosen-values\"><code>").text(chosen == null ? "" : chosen.values())
            .raw("</code></td>");
        Rows.Tuning[] byCandidate = new Rows.Tuning[candidates.size()];
        rows.forEach(r -> byCandidate[r.candidate()] = r);
        for (int c = 0; c < candidates.size(); c++) {
          Rows.Tuning r = byCandidate[c];
          if (r == null) {
            h.raw("<td></td>");
            continue;
          }
          h.raw("<td " + attr("class", "num" + (r.chosen() ? " chosen" : "")) + " "
              + attr("data-candidate", Integer.toString(c)) + ">" + (r.chosen() ? "\u25c6 " : ""));
          num("inner_score", r.innerScore());
          h.raw("</td>");
        }
        h.raw("</tr>\n");
      }
      h.raw("</tbody></table></div>\n");
      h.raw(collapse ? "</details>\n" : "");
      h.close("div");
    }
    h.close("section");
  }

  private void errors(Manifest.Task t) {
    sub(t, "errors");
    String best = run.best(t);
    List<Misclassified> wrong = Figures.misclassified(run.predictions(t, best), run.examples(t), m.labels());
    List<Misclassified> listed =
        Figures.sample(wrong, MISCLASSIFIED_ROWS, x -> x.truth() + "\u0000" + x.predicted());
    int reps = t.repeats();
    h.open("p", "");
    h.text("Every sentence the best learner, ").el("strong", attr("class", "learner"), best).text(", labelled wrongly: "
        + wrong.stream().map(x -> Figures.key(x.example().source(), x.example().id())).distinct().count()
        + " sentences, " + wrong.size() + " (sentence, wrong label) pairs"
        + (reps > 1 ? "; \u201cwrong in\u201d counts the repetitions (of " + reps + ") that gave that label" : "")
        + ". Confidence is the probability the learner gave its wrong label (mean over those predictions).");
    h.close("p");
    if (listed.size() < wrong.size()) {
      h.open("p", attr("class", "note capped") + " " + attr("data-listed", Integer.toString(listed.size())) + " "
          + attr("data-of", Integer.toString(wrong.size())));
      h.text("Showing " + listed.size() + " of " + wrong.size() + " pairs, taken in turn from each (true, predicted) "
          + "label pair in the table's order (most often wrong, then most confident), so that every confusion has "
          + "its examples. All of them are in ").el("code", "", run.file("predictions.csv")).text(" (learner "
          + best + ", rows whose predicted label is not the true one), the sentences in ").el("code", "", run.file("examples.csv"))
          .text(".");
      h.close("p");
    }
    List<String> labels = t.labels();
    h.open("div", attr("class", "errors") + " " + attr("data-task", t.key()));
    h.raw("<div class=\"filters\"><label>true label <select name=\"true\"><option value=\"\">any</option>");
    for (String l : labels) {
      h.raw("<option " + attr("value", l) + ">" + esc(l) + "</option>");
    }
    h.raw("</select></label> <label>predicted label <select name=\"predicted\"><option value=\"\">any</option>");
    for (String l : labels) {
      h.raw("<option " + attr("value", l) + ">" + esc(l) + "</option>");
    }
    h.raw("</select></label> <span class=\"count\"><span class=\"shown\">" + listed.size() + "</span> of "
        + listed.size() + (listed.size() < wrong.size() ? " listed shown (" + wrong.size() + " pairs in all)"
        : " shown") + "</span></div>\n");
    h.raw("<div class=\"scroll tall\"><table class=\"data misclassified\">\n<thead><tr><th>sentence</th><th>document</th>"
        + "<th>true</th><th>predicted</th><th class=\"num\">wrong in</th><th class=\"num\">confidence</th></tr></thead>"
        + "\n<tbody>\n");
    for (Misclassified x : listed) {
      Rows.Example e = x.example();
      h.raw("<tr " + attr("data-true", x.truth()) + " " + attr("data-predicted", x.predicted()) + " "
          + attr("data-id", e.source() + "/" + e.id()) + "><td class=\"text\">").text(e.text())
          .raw("</td><td class=\"doc\">").text(document(t, e)).raw("<br><small>").text(e.id()).raw("</small></td><td>")
          .text(x.truth()).raw("</td><td>").text(x.predicted()).raw("</td><td class=\"num\">")
          .text(x.times() + "/" + x.of()).raw("</td><td class=\"num\">").text(f3(x.confidence())).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    h.close("div");
    h.close("section");
  }

  /**
   * The label audit of a task: confident learning ({@link LabelAudit}) on the out-of-fold probabilities
   * of the best-ranked learner with probabilities, averaged over repetitions.
   */
  private void audit(Manifest.Task t) {
    sub(t, AUDIT);
    java.util.Set<String> withProbabilities = new java.util.HashSet<>();
    run.calibration(t).forEach(r -> withProbabilities.add(r.learner()));
    String learner = run.summary(t).stream().map(Rows.Summary::learner).filter(withProbabilities::contains)
        .findFirst().orElseThrow();
    List<String> labels = m.labels();
    Map<String, double[]> sum = new LinkedHashMap<>();
    Map<String, Integer> times = new HashMap<>();
    Map<String, String> truth = new HashMap<>();
    for (Rows.Prediction p : run.predictions(t, learner)) {
      String key = Figures.key(p.source(), p.id());
      double[] acc = sum.computeIfAbsent(key, k -> new double[labels.size()]);
      for (int c = 0; c < acc.length; c++) {
        acc[c] += p.probabilities()[c];
      }
      times.merge(key, 1, Integer::sum);
      truth.put(key, p.truth());
    }
    Map<String, Rows.Example> examples = new HashMap<>();
    for (Rows.Example e : run.examples(t)) {
      examples.put(Figures.key(e.source(), e.id()), e);
    }
    List<String> keys = new ArrayList<>(sum.keySet());
    int[] given = new int[keys.size()];
    double[][] probabilities = new double[keys.size()][];
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      given[i] = labels.indexOf(truth.get(k));
      double[] p = sum.get(k).clone();
      for (int c = 0; c < p.length; c++) {
        p[c] /= times.get(k);
      }
      probabilities[i] = p;
    }
    LabelAudit.Result r = LabelAudit.audit(given, probabilities, labels.size());
    List<LabelAudit.Finding> shown = r.ranked().subList(0, Math.min(AUDIT_ROWS, r.ranked().size()));
    h.open("p", "");
    h.text("The " + shown.size() + " of " + keys.size() + " sentences whose given label is most likely wrong, by "
        + "confident learning (Northcutt, Jiang and Chuang, JAIR 2021) on the out-of-fold probabilities of ")
        .el("strong", attr("class", "learner"), learner)
        .text(", the best-ranked learner with probabilities (mean over repetitions). Score = 1 − p(given label); "
            + "★ marks the " + r.flagged().size() + " sentences confident learning flags (another label reaches "
            + "its threshold, the mean probability of that label over the sentences given it). "
            + "'topicbench corpus audit' ranks a whole dataset the same way, with the learner and folds of your "
            + "choice.");
    h.close("p");
    h.raw("<div class=\"scroll\"><table class=\"data audit\">\n<thead><tr><th class=\"num\">rank</th><th>sentence</th>"
        + "<th>document</th><th>given</th><th>suggested</th><th class=\"num\">score</th><th class=\"num\">p(suggested)"
        + "</th><th>flagged</th></tr></thead>\n<tbody>\n");
    int rank = 0;
    for (LabelAudit.Finding f : shown) {
      Rows.Example e = examples.get(keys.get(f.index()));
      h.raw("<tr " + attr("data-id", e.source() + "/" + e.id()) + "><td class=\"num\">" + ++rank
          + "</td><td class=\"text\">").text(e.text()).raw("</td><td class=\"doc\">").text(document(t, e))
          .raw("<br><small>").text(e.id()).raw("</small></td><td>").text(labels.get(f.given())).raw("</td><td>")
          .text(labels.get(f.suggested())).raw("</td><td class=\"num\">").text(f3(f.score()))
          .raw("</td><td class=\"num\">").text(f3(f.pSuggested())).raw("</td><td>")
          .text(f.flagged() ? "\u2605" : "").raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    h.close("section");
  }

  /** The sentence's document, prefixed with its data file when the task has several. */
  private static String document(Manifest.Task t, Rows.Example example) {
    String g = example.group();
    if (t.files().size() < 2) {
      return g.isEmpty() ? example.source() : g;
    }
    return g.isEmpty() ? example.source() : example.source() + ": " + g;
  }

  /** Each data file's role by the name its sentences carry ({@code name}, {@code name#2} for a repeated name). */
  private static Map<String, String> roles(Manifest.Task t) {
    Map<String, String> roles = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Manifest.DataFile d : t.files()) {
      int n = seen.merge(d.name(), 1, Integer::sum);
      roles.put(n == 1 ? d.name() : d.name() + "#" + n, d.role());
    }
    return roles;
  }

  private void repeats(Manifest.Task t) {
    sub(t, "repeats");
    Manifest.NearDuplicates nd = t.nearDuplicates();
    int reps = t.repeats();
    String first = run.learners().getFirst();
    List<Cluster> clusters = Figures.clusters(run.examples(t), run.predictions(t, first), reps);
    Map<String, String> roles = roles(t);
    h.open("p", "");
    h.text(nd.sentencesInMultiMemberClusters() + " sentences fall into " + nd.multiMemberClusters() + " clusters of "
        + "near-duplicates (the same sentence, give or take quotes, case and spacing, often in several articles). "
        + explanation(t.protocol()) + " Sentences purged from training: " + nd.purgedFromTraining() + "; test "
        + "sentences nearly repeating a training sentence: " + nd.testSentencesWithNearDuplicateInTraining() + ".");
    h.close("p");
    String summary = clusterSummary(t.protocol(), clusters, reps, roles);
    List<Cluster> shown = clusters.subList(0, Math.min(CLUSTERS, clusters.size()));
    if (shown.size() < clusters.size()) {
      h.open("p", attr("class", "note capped") + " " + attr("data-listed", Integer.toString(shown.size())) + " "
          + attr("data-of", Integer.toString(clusters.size())));
      h.text("Showing the first " + shown.size() + " of " + clusters.size() + " clusters (by cluster id), at most "
          + CLUSTER_MEMBERS + " members of each" + (summary.isEmpty() ? "" : "; of all " + clusters.size() + ": "
          + summary) + ". Every sentence's cluster is in ").el("code", "", run.file("examples.csv"))
          .text(" (columns cluster and cluster_size), every test fold in ").el("code", "", run.file("predictions.csv")).text(".");
      h.close("p");
    } else if (!summary.isEmpty() && clusters.size() > 1) {
      h.el("p", attr("class", "note"), "Of all " + clusters.size() + " clusters: " + summary + ".");
    }
    for (Cluster c : shown) {
      h.open("div", attr("class", "cluster") + " " + attr("data-cluster", Integer.toString(c.id())));
      h.raw("<p class=\"verdict\">").text("Cluster " + c.id() + ": " + c.members().size() + " sentences in "
          + c.documents() + " document(s). " + verdict(t.protocol(), c, reps, roles)).raw("</p>\n");
      h.raw("<table class=\"data members\">\n<colgroup><col class=\"c-doc\"><col class=\"c-id\"><col class=\"c-label\">"
          + "<col class=\"c-text\"><col class=\"c-folds\"></colgroup>\n<thead><tr><th>document</th><th>id</th>"
          + "<th>label</th><th>sentence</th><th>" + (reps > 1 ? "test fold per repetition<br><small>repetitions 0\u2013"
          + (reps - 1) + "</small>" : "test fold") + "</th></tr></thead>\n<tbody>\n");
      int members = Math.min(CLUSTER_MEMBERS, c.members().size());
      for (int i = 0; i < members; i++) {
        Rows.Example x = c.members().get(i);
        h.raw("<tr " + attr("data-id", x.source() + "/" + x.id()) + "><td class=\"doc\">").text(document(t, x))
            .raw("</td><td>").text(x.id()).raw("</td><td>").text(x.label()).raw("</td><td class=\"text\">")
            .text(x.text()).raw("</td><td class=\"folds\">").text(folds(c.testFolds().get(i), roles.get(x.source())))
            .raw("</td></tr>\n");
      }
      h.raw("</tbody></table>\n");
      if (members < c.members().size()) {
        h.el("p", attr("class", "note capped") + " " + attr("data-listed", Integer.toString(members)) + " "
            + attr("data-of", Integer.toString(c.members().size())), "Showing the first " + members + " of "
            + c.members().size() + " members (file order); " + run.file("examples.csv") + " has them all (cluster " + c.id() + ").");
      }
      h.close("div");
    }
    if (clusters.isEmpty()) {
      h.el("p", "", "No sentence repeats in this task.");
    }
    foldsTable(t, first);
    h.close("section");
  }

  /** How many of all clusters got which verdict, for protocols whose verdicts can differ; or empty. */
  private static String clusterSummary(String protocol, List<Cluster> clusters, int reps, Map<String, String> roles) {
    switch (protocol) {
      case "kfold" -> {
        long together = clusters.stream().filter(c -> c.repetitionsTogether() == reps).count();
        return together + " kept together in every repetition, " + (clusters.size() - together) + " split";
      }
      case "split" -> {
        long both = clusters.stream().filter(c -> {
          long train = c.members().stream().filter(x -> "train".equals(roles.get(x.source()))).count();
          return train > 0 && train < c.members().size();
        }).count();
        return both + " with members in both the training and the test file";
      }
      default -> {
        return "";
      }
    }
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
        long train = c.members().stream().filter(x -> "train".equals(roles.get(x.source()))).count();
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

  private void foldsTable(Manifest.Task t, String learner) {
    List<Rows.FoldScore> rows = run.folds(t).stream().filter(r -> r.learner().equals(learner)).toList();
    boolean repeated = t.repeats() > 1;
    boolean collapse = rows.size() > 12;
    List<Rows.FoldScore> listed = rows.subList(0, Math.min(FOLD_ROWS, rows.size()));
    h.raw(collapse ? "<details><summary>" + (listed.size() < rows.size() ? "The first " + listed.size() + " of "
        + rows.size() + " folds" : "Every fold (" + rows.size() + ")") + "</summary>\n" : "<h4>Folds</h4>\n");
    if (listed.size() < rows.size()) {
      h.el("p", attr("class", "note capped") + " " + attr("data-listed", Integer.toString(listed.size())) + " "
          + attr("data-of", Integer.toString(rows.size())), "Showing the first " + listed.size() + " of "
          + rows.size() + " folds (by repetition and fold); folds.csv has every fold of every learner.");
    }
    h.raw("<div class=\"scroll" + (collapse ? " tall" : "") + "\"><table class=\"data folds\">\n<thead><tr>"
        + (repeated ? "<th class=\"num\">repetition</th>" : "") + "<th class=\"num\">fold</th><th>held-out document</th>"
        + "<th class=\"num\">train</th><th class=\"num\">test</th><th class=\"num\">purged</th>"
        + "<th class=\"num\">labels in test</th></tr></thead>\n<tbody>\n");
    for (Rows.FoldScore r : listed) {
      h.raw("<tr>" + (repeated ? "<td class=\"num\">" + r.repetition() + "</td>" : "") + "<td class=\"num\">")
          .text(Integer.toString(r.fold())).raw("</td><td>").text(r.testGroup()).raw("</td><td class=\"num\">")
          .text(Integer.toString(r.trainSize())).raw("</td><td class=\"num\">").text(Integer.toString(r.testSize()))
          .raw("</td><td class=\"num\"><span " + attr("data-col", "purged") + ">" + r.purged() + "</span>")
          .raw("</td><td class=\"num\">").text(Integer.toString(r.labelsInTest())).raw("</td></tr>\n");
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
    h.open("section", attr("id", "manifest"));
    h.el("h2", "", "Manifest: what produced this run");
    h.raw("<table class=\"data kv\">\n<tbody>\n");
    kv("run id", m.runId());
    kv("format", m.format());
    kv("topicbench", m.topicbench().version() + ", commit " + m.topicbench().gitCommit());
    kv("seed", Long.toString(m.seed()));
    Manifest.Bootstrap boot = m.bootstrap();
    kv("bootstrap", boot.resamples() + " resamples of " + boot.unit() + "s, " + boot.confidence()
        + " percentile interval (" + boot.percentile() + ")");
    kv("significance level", m.significanceLevel() + " (Holm-adjusted)");
    List<String> libs = new ArrayList<>();
    m.libraries().forEach((k, v) -> libs.add(k + " " + v));
    kv("libraries", String.join(", ", libs));
    Manifest.Environment env = m.environment();
    kv("environment", env.javaVm() + " (Java " + env.javaVersion() + "), " + env.os() + " " + env.arch() + ", "
        + env.availableProcessors() + " processors");
    h.raw("</tbody></table>\n");
    h.el("h3", "", "Datasets");
    h.raw("<div class=\"scroll\"><table class=\"data datasets\">\n<thead><tr><th>task</th><th>role</th><th>name</th>"
        + "<th>file</th><th class=\"num\">examples</th><th>sha256</th></tr></thead>\n<tbody>\n");
    for (Manifest.Task t : run.tasks()) {
      for (Manifest.DataFile d : t.files()) {
        h.raw("<tr><td>").text(t.key()).raw("</td><td>").text(d.role()).raw("</td><td>").text(d.name())
            .raw("</td><td><code>").text(d.file()).raw("</code></td><td class=\"num\">")
            .text(Integer.toString(d.examples())).raw("</td><td><code class=\"hash\">").text(d.sha256())
            .raw("</code></td></tr>\n");
      }
    }
    h.raw("</tbody></table></div>\n");
    h.el("h3", "", "Learners");
    h.raw("<div class=\"scroll\"><table class=\"data learners\">\n<thead><tr><th>learner</th><th>spec</th>"
        + "<th>hyperparameters</th></tr></thead>\n<tbody>\n");
    for (Manifest.LearnerEntry l : m.learners()) {
      List<String> hp = new ArrayList<>();
      l.hyperparameters().forEach((k, v) -> hp.add(k + "=" + v));
      learnerRow(l, hp);
    }
    h.raw("</tbody></table></div>\n");
    h.raw("<details><summary>manifest.json</summary>\n<pre class=\"json\">").text(RunWriter.manifestJson(m))
        .raw("</pre></details>\n");
    h.close("section");
  }

  private void learnerRow(Manifest.LearnerEntry l, List<String> hp) {
    h.raw("<tr " + attr("data-learner", l.name()) + ">");
    learnerCell("td", l.name(), "");
    h.raw("<td><code class=\"spec\">").text(l.spec()).raw("</code></td><td><code class=\"spec\">")
        .text(hp.isEmpty() ? "(none)" : String.join(", ", hp)).raw("</code>");
    if (l.tuning() != null) {
      h.raw("<br><small>").text("tuned: " + l.tuning().candidates().size() + " candidates, " + l.tuning().folds()
          + " inner folds, " + metricName(l.tuning().metric())).raw("</small>");
    }
    h.raw("</td></tr>\n");
  }

  private void kv(String key, String value) {
    h.raw("<tr><th>").text(key).raw("</th><td>").text(value).raw("</td></tr>\n");
  }
}
