package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a realistic run's report.html back with jsoup: every section is there and shows the numbers of
 * the run's CSV files (read here as plain CSV, to check the page against the files); nothing is fetched
 * from the network; every chart file is a valid SVG and PNG.
 */
class HtmlReportTest {
  @TempDir static Path tmp;
  static Path run;
  static Document html;
  static JsonNode manifest;
  /** Task keys ({@code dataset/protocol}) in order. */
  static List<String> tasks = new ArrayList<>();
  /** Each task's section id, as the page gives it. */
  static Map<String, String> ids = new LinkedHashMap<>();

  @BeforeAll
  static void writeRun() throws IOException {
    Path jmh = tmp.resolve("jmh");
    Files.createDirectories(jmh);
    Files.writeString(jmh.resolve("tokenizer.json"), JMH_JSON);
    run = tmp.resolve("run");
    FixtureRuns.write(run, 5, 2, jmh);
    html = Jsoup.parse(run.resolve(ReportWriter.REPORT).toFile(), "UTF-8");
    manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
    manifest.path("tasks").forEach(t -> tasks.add(t.path("dataset").asText() + "/" + t.path("protocol").asText()));
    assertEquals(List.of("sentences/kfold", "sentences/loo-doc", "articles-0-2/split"), tasks);
    for (String t : tasks) {
      Element section = html.selectFirst("section.protocol[data-task=\"" + t + "\"]");
      assertNotNull(section, t);
      ids.put(t, section.id());
    }
    assertEquals(List.of("sentences-kfold", "sentences-loo-doc", "articles-0-2-split"), List.copyOf(ids.values()));
  }

  static List<CSVRecord> csv(String name) throws IOException {
    try (Reader r = Files.newBufferedReader(run.resolve(name))) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }

  static List<CSVRecord> csv(String name, String task) throws IOException {
    return csv(name).stream().filter(r -> (r.get("dataset") + "/" + r.get("protocol")).equals(task)).toList();
  }

  /**
   * The elements under {@code scope} that {@code css} selects and whose attributes have the given values
   * ({@code attribute, value, attribute, value, ...}): learner names hold quotes that a selector cannot.
   */
  static List<Element> with(Element scope, String css, String... attributeValues) {
    return scope.select(css).stream().filter(e -> {
      for (int i = 0; i < attributeValues.length; i += 2) {
        if (!e.attr(attributeValues[i]).equals(attributeValues[i + 1])) {
          return false;
        }
      }
      return true;
    }).toList();
  }

  /** The one element {@link #with} finds, or null. */
  static Element one(Element scope, String css, String... attributeValues) {
    List<Element> found = with(scope, css, attributeValues);
    assertTrue(found.size() <= 1, css + " " + List.of(attributeValues) + ": " + found.size());
    return found.isEmpty() ? null : found.getFirst();
  }

  /** The cell {@code cellCss} of the row {@code rowCss} (of {@code scope}) whose data-learner is {@code learner}. */
  static Element cell(Element scope, String rowCss, String learner, String cellCss, String... attributeValues) {
    Element row = one(scope, rowCss, "data-learner", learner);
    return row == null ? null : one(row, cellCss, attributeValues);
  }

  /**
   * The {@code <svg>} element of an SVG file's text as the page should hold it: the same characters from
   * {@code <svg} to {@code </svg>}, less the namespace declarations (HTML needs none), and with {@code
   * label} for assistive technology if the file has none.
   */
  static String svgElement(String file, String label) {
    String e = file.substring(file.indexOf("<svg"), file.lastIndexOf("</svg>") + "</svg>".length());
    e = e.replaceFirst(" xmlns=\"[^\"]*\"", "").replaceFirst(" xmlns:xlink=\"[^\"]*\"", "");
    int tag = e.indexOf('>');
    return e.substring(0, tag).contains(" role=") ? e
        : e.substring(0, tag) + " role=\"img\" " + Html.attr("aria-label", label) + e.substring(tag);
  }

  /** The inline {@code <svg>} element of the figure {@code chart}, as the page's source has it. */
  static String inlineSvg(String page, String chart) {
    int fig = page.indexOf("<figure class=\"chart\" data-chart=\"" + chart + "\">");
    assertTrue(fig >= 0, chart);
    int start = page.indexOf("<svg", fig);
    return page.substring(start, page.indexOf("</svg>", start) + "</svg>".length());
  }

  /** What the page shows for a CSV number: three decimals, an en dash for NaN. */
  static String shown(String csvValue) {
    double v = csvValue.isEmpty() || csvValue.equals("NaN") ? Double.NaN : Double.parseDouble(csvValue);
    return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.3f", v);
  }

  @Test
  void everySectionOfEveryProtocolIsThereAndEveryLinkResolves() {
    for (String id : List.of("overview", "tokenizer", "manifest")) {
      assertNotNull(html.getElementById(id), id);
    }
    for (String t : tasks) {
      String p = ids.get(t);
      assertTrue(html.getElementById(p).selectFirst("h2").text().startsWith(t.substring(0, t.indexOf('/'))
          + " \u2014 " + t.substring(t.indexOf('/') + 1)), "the heading names dataset and protocol");
      for (String s : HtmlReport.SECTIONS.keySet()) {
        Element section = html.getElementById(p + "-" + s);
        if (s.equals(HtmlReport.TUNING)) {
          assertEquals(null, section, "no tuned learner, no tuning section");
          continue;
        }
        assertNotNull(section, p + "-" + s);
        assertEquals(p, section.parent().id(), p + "-" + s + " sits inside its task's section");
      }
    }
    for (Element a : html.select("a[href^=#]")) {
      assertNotNull(html.getElementById(a.attr("href").substring(1)), "link target of " + a);
    }
    assertEquals(manifest.path("run_id").asText(), html.getElementById("run-id").text());
  }

  @Test
  void comparisonTablesShowSummaryCsvByRank() throws IOException {
    for (String t : tasks) {
      String p = ids.get(t);
      List<CSVRecord> summary = csv("summary.csv", t);
      List<Element> rows = html.select("#" + p + "-comparison table.comparison tbody tr");
      assertEquals(summary.size(), rows.size(), p);
      for (int i = 0; i < rows.size(); i++) {
        CSVRecord s = summary.get(i);
        Element row = rows.get(i);
        assertEquals(Integer.toString(i + 1), s.get("rank"), "summary.csv is by rank");
        assertEquals(s.get("learner"), row.attr("data-learner"), p + " row " + i);
        assertEquals(s.get("learner"), row.selectFirst("td.learner").text());
        assertEquals(s.get("learner"), row.selectFirst("td.learner").attr("title"), "a long name has a tooltip");
        int checked = 0;
        for (Element v : row.select("[data-col]")) {
          String col = v.attr("data-col");
          if (!s.isMapped(col)) {
            continue; // a timing column, checked below
          }
          assertEquals(s.get(col), v.attr("data-value"), p + " " + s.get("learner") + " " + col);
          if (!col.startsWith("significantly") && !col.equals("rank")) {
            assertEquals(shown(s.get(col)), v.text(), p + " " + s.get("learner") + " " + col);
          }
          checked++;
        }
        // rank, 4 per interval estimate (mean, low, high) x 3, fold mean, log-loss, and the marks
        int intervals = s.get("kappa_ci_low").equals("NaN") ? 8 : 12;
        assertTrue(checked >= intervals, p + " " + s.get("learner") + ": " + checked + " CSV values shown");
        for (String col : List.of("significantly_better_than", "significantly_worse_than")) {
          Element marks = row.selectFirst("[data-col=" + col + "]");
          assertEquals(s.get(col).isEmpty(), marks == null, col);
        }
      }
    }
  }

  @Test
  void timesInTheComparisonTableComeFromTimingsCsv() throws IOException {
    for (String task : tasks) {
      String p = ids.get(task);
      Map<String, double[]> sums = new HashMap<>();
      for (CSVRecord t : csv("timings.csv", task)) {
        double[] s = sums.computeIfAbsent(t.get("learner"), k -> new double[4]);
        s[0]++;
        s[1] += Long.parseLong(t.get("train_ns"));
        s[2] += Long.parseLong(t.get("predict_ns"));
        s[3] += Long.parseLong(t.get("test_size"));
      }
      for (Element row : html.select("#" + p + "-comparison table.comparison tbody tr")) {
        double[] s = sums.get(row.attr("data-learner"));
        double train = Double.parseDouble(row.selectFirst("[data-col=train_ms_per_fold]").attr("data-value"));
        double rate = Double.parseDouble(row.selectFirst("[data-col=sentences_per_second]").attr("data-value"));
        assertEquals(s[1] / s[0] / 1e6, train, 1e-9 * Math.max(1, train));
        assertEquals(s[3] * 1e9 / s[2], rate, 1e-9 * rate);
      }
    }
  }

  @Test
  void perClassTablesShowPerClassCsv() throws IOException {
    for (String t : tasks) {
      String p = ids.get(t);
      for (CSVRecord r : csv("per-class.csv", t)) {
        for (String metric : List.of("f1", "precision", "recall")) {
          Element cell = cell(html, "#" + p + "-per-class table[data-metric=" + metric + "] tr", r.get("learner"), "td",
              "data-label", r.get("label"));
          assertNotNull(cell, p + " " + r.get("learner") + " " + r.get("label"));
          Element mean = cell.selectFirst("[data-col=" + metric + "_mean]");
          assertEquals(r.get(metric + "_mean"), mean.attr("data-value"));
          assertEquals(shown(r.get(metric + "_mean")), mean.text());
        }
      }
    }
  }

  @Test
  void confusionMapsForTheThreeBestWithCountsFromConfusionCsv() throws IOException {
    for (String t : tasks) {
      String p = ids.get(t);
      List<CSVRecord> summary = csv("summary.csv", t);
      List<Element> maps = html.select("#" + p + "-confusion figure[data-chart]");
      assertEquals(Math.min(3, summary.size()), maps.size(), p);
      for (int i = 0; i < maps.size(); i++) {
        String learner = summary.get(i).get("learner");
        assertTrue(maps.get(i).attr("data-chart").startsWith(p + "-confusion-" + (i + 1) + "-"), maps.get(i).attr("data-chart"));
        for (CSVRecord c : csv("confusion.csv", t)) {
          if (!c.get("learner").equals(learner)) {
            continue;
          }
          Element table = one(html, "#" + p + "-confusion table.confusion", "data-learner", learner);
          Element cell = one(table, "td", "data-true", c.get("true"), "data-predicted", c.get("predicted"));
          assertEquals(c.get("count"), cell.text(), p + " " + learner + " " + c.get("true") + "->" + c.get("predicted"));
        }
      }
    }
  }

  @Test
  void pairwiseMatricesShowHolmAdjustedPValuesAndMarks() throws IOException {
    for (String t : tasks) {
      String p = ids.get(t);
      List<CSVRecord> pairs = csv("pairwise.csv", t);
      assertFalse(pairs.isEmpty());
      for (CSVRecord r : pairs) {
        for (String[] ab : new String[][] {{r.get("learner_a"), r.get("learner_b")}, {r.get("learner_b"),
            r.get("learner_a")}}) {
          Element cell = cell(html, "#" + p + "-pairwise table[data-metric=" + r.get("metric") + "][data-test="
              + r.get("test") + "] tr", ab[0], "td", "data-other", ab[1]);
          assertNotNull(cell, p + " " + ab[0] + " vs " + ab[1]);
          assertEquals(r.get("p_holm"), cell.selectFirst("[data-col=p_holm]").attr("data-value"));
          boolean sig = r.get("significant").equals("true");
          String mark = !sig ? "" : r.get("better").equals(ab[0]) ? "\u25b2" : "\u25bc";
          assertEquals(mark, cell.text().replaceAll("[^\u25b2\u25bc]", ""), p + " " + ab[0] + " vs " + ab[1]);
        }
      }
    }
  }

  @Test
  void everyMisclassifiedSentenceOfTheBestLearnerIsListedWithFilters() throws IOException {
    for (String t : tasks) {
      String p = ids.get(t);
      String best = csv("summary.csv", t).getFirst().get("learner");
      Map<String, Integer> expected = new TreeMap<>();
      for (CSVRecord r : csv("predictions.csv", t)) {
        if (r.get("learner").equals(best) && !r.get("true").equals(r.get("predicted"))) {
          expected.merge(r.get("source") + "/" + r.get("id") + " -> " + r.get("predicted"), 1, Integer::sum);
        }
      }
      Map<String, Integer> listed = new TreeMap<>();
      for (Element row : html.select("#" + p + "-errors table.misclassified tbody tr")) {
        String wrongIn = row.select("td").get(4).text();
        listed.put(row.attr("data-id") + " -> " + row.attr("data-predicted"),
            Integer.parseInt(wrongIn.substring(0, wrongIn.indexOf('/'))));
        assertFalse(row.attr("data-true").equals(row.attr("data-predicted")));
      }
      assertFalse(expected.isEmpty(), p);
      assertEquals(expected, listed, p);
      Element box = html.selectFirst("#" + p + "-errors .errors");
      assertEquals(manifest.at("/tasks/0/labels").size() + 1, box.select("select[name=true] option").size());
      assertEquals(manifest.at("/tasks/0/labels").size() + 1, box.select("select[name=predicted] option").size());
    }
  }

  @Test
  void everyRepeatedSentenceIsShownAndKfoldKeptEachClusterInOneFold() throws IOException {
    for (String t : tasks) {
      String p = ids.get(t);
      Map<String, List<CSVRecord>> clusters = new LinkedHashMap<>();
      for (CSVRecord e : csv("examples.csv", t)) {
        if (Integer.parseInt(e.get("cluster_size")) > 1) {
          clusters.computeIfAbsent(e.get("cluster"), k -> new ArrayList<>()).add(e);
        }
      }
      assertFalse(clusters.isEmpty(), "the corpus repeats quotes across articles");
      List<Element> shown = html.select("#" + p + "-repeats .cluster");
      assertEquals(clusters.keySet().stream().toList(), shown.stream().map(c -> c.attr("data-cluster")).toList());
      for (Element c : shown) {
        assertEquals(clusters.get(c.attr("data-cluster")).size(), c.select("tbody tr").size());
      }
    }
    // the page's verdict agrees with predictions.csv: a kfold cluster's sentences share their test fold
    Map<String, String> foldOf = new HashMap<>();
    for (CSVRecord r : csv("predictions.csv", "sentences/kfold")) {
      foldOf.put(r.get("repetition") + "|" + r.get("source") + "/" + r.get("id"), r.get("fold"));
    }
    for (Element c : html.select("#sentences-kfold-repeats .cluster")) {
      for (String rep : List.of("0", "1")) {
        List<String> folds = c.select("tbody tr").stream()
            .map(tr -> foldOf.get(rep + "|" + tr.attr("data-id"))).distinct().toList();
        assertFalse(folds.contains(null), "every member was tested: " + folds);
        assertEquals(1, folds.size(), "cluster " + c.attr("data-cluster") + " repetition " + rep + ": " + folds);
      }
      assertTrue(c.selectFirst(".verdict").text().contains("Kept together: the same test fold in all 2 repetitions"),
          c.selectFirst(".verdict").text());
      List<String> shownFolds = c.select("td.folds").eachText();
      assertEquals(1, shownFolds.stream().distinct().count(), "members share their folds: " + shownFolds);
    }
    assertTrue(html.select("#articles-0-2-split-repeats .verdict").text().contains("counted, not purged"),
        "the fixture's split puts copies of one quote on both sides");
  }

  @Test
  void thePageFetchesNothing() throws IOException {
    for (Element e : html.select("[src], [href]")) {
      String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
      assertTrue(url.startsWith("data:") || url.startsWith("#"), "external reference: " + e.tagName() + " " + url);
    }
    assertTrue(html.select("link, iframe, object, embed, script[src]").isEmpty());
    String page = Files.readString(run.resolve(ReportWriter.REPORT));
    assertFalse(page.contains("@import"));
    assertFalse(page.replace("url(#", "").contains("url("), "no url() in the style sheet");
    assertFalse(page.contains("http://") || page.contains("https://"), "no URL anywhere in the page");
    assertTrue(html.select("img").isEmpty(), "charts are inline SVG elements");
    assertFalse(html.select("figure svg").isEmpty());
    for (Element svg : html.select("svg")) {
      assertTrue(svg.select("[href], [xlink:href], image, use, foreignObject").isEmpty(),
          "an SVG links out or embeds: " + svg.attr("aria-label"));
    }
  }

  @Test
  void everyChartIsInlinedAndWrittenAsSvgAndPng() throws Exception {
    String page = Files.readString(run.resolve(ReportWriter.REPORT));
    List<Element> figures = html.select("figure[data-chart]");
    // per task: macro-F1, per-class, three confusion maps, cost, reliability; and the ranking's CD diagram
    assertEquals(tasks.size() * 7 + 1, figures.size());
    for (String t : tasks) {
      List<String> names = html.select("#" + ids.get(t) + " figure[data-chart]").eachAttr("data-chart");
      assertEquals(7, names.size(), t);
      assertTrue(names.contains(ids.get(t) + "-reliability"), t + ": " + names);
      for (String n : names) {
        assertTrue(n.startsWith(ids.get(t) + "-"), "chart " + n + " of " + t + " names its dataset and protocol");
        assertTrue(n.matches("[A-Za-z0-9._-]+"), n);
      }
    }
    assertEquals("ranking-cd", html.selectFirst("#ranking figure[data-chart]").attr("data-chart"));
    assertEquals(figures.size(), figures.stream().map(f -> f.attr("data-chart")).distinct().count(), "unique names");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    for (Element fig : figures) {
      String name = fig.attr("data-chart");
      Path svg = run.resolve("charts").resolve(name + ".svg");
      Path png = run.resolve("charts").resolve(name + ".png");
      Element inline = fig.selectFirst("svg");
      assertNotNull(inline, name + " is inline");
      assertEquals(svgElement(Files.readString(svg), inline.attr("aria-label")), inlineSvg(page, name),
          name + ": inline SVG = file");
      org.w3c.dom.Document doc = f.newDocumentBuilder().parse(svg.toFile());
      assertEquals("svg", doc.getDocumentElement().getNodeName(), name);
      int width = (int) Double.parseDouble(inline.attr("width").replace("px", ""));
      int height = (int) Double.parseDouble(inline.attr("height").replace("px", ""));
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
      assertNotNull(image, name + ".png decodes");
      assertEquals(2 * width, image.getWidth(), name);
      assertEquals(2 * height, image.getHeight(), name);
      List<String> texts = new ArrayList<>();
      org.w3c.dom.NodeList nodes = doc.getElementsByTagName("text");
      for (int i = 0; i < nodes.getLength(); i++) {
        org.w3c.dom.Element t = (org.w3c.dom.Element) nodes.item(i);
        texts.add(t.getTextContent());
        String style = t.getAttribute("style");
        assertTrue(style.isEmpty() || style.contains("font-family:sans-serif;"), name + ": " + style);
      }
      assertTrue(texts.contains(inline.attr("aria-label")), name + ": the title is SVG text: " + texts);
      org.w3c.dom.NodeList paths = doc.getElementsByTagName("path");
      for (int i = 0; i < paths.getLength(); i++) {
        String d = ((org.w3c.dom.Element) paths.item(i)).getAttribute("d");
        assertFalse(d.contains("Q"), name + ": a glyph outline (quadratic curves) is left: " + d);
      }
      assertEquals("img", inline.attr("role"), name);
      assertFalse(inline.attr("aria-label").isBlank(), name);
    }
    try (var s = Files.list(run.resolve("charts"))) {
      assertEquals(2L * figures.size(), s.count(), "no chart file without a figure");
    }
  }

  @Test
  void theRankingAcrossDatasetsShowsTheManifestsTestsAndTheRankingFiles() throws IOException {
    Element r = html.getElementById("ranking");
    assertEquals("Across datasets", r.selectFirst("h2").text());
    JsonNode m = manifest.path("ranking");
    assertEquals(List.of("sentences", "articles-0-2"), r.select("table.block-ranks thead th[data-block]")
        .eachAttr("data-block"), "one block per dataset, its first task");
    Element tests = r.selectFirst("table.tests");
    String[][] figures = {{"friedman_chi2", "/friedman/chi2"}, {"friedman_p", "/friedman/p"},
        {"iman_davenport_f", "/iman_davenport/f"}, {"iman_davenport_p", "/iman_davenport/p"},
        {"nemenyi_q", "/nemenyi/q"}, {"critical_difference", "/nemenyi/critical_difference"}};
    for (String[] f : figures) {
      Element v = tests.selectFirst("[data-col=" + f[0] + "]");
      assertNotNull(v, f[0]);
      assertEquals(m.at(f[1]).asDouble(), Double.parseDouble(v.attr("data-value")), 1e-6, f[0]);
    }
    assertTrue(tests.text().contains("df = " + m.at("/friedman/df").asInt() + ","), tests.text());
    assertTrue(tests.text().contains("df = " + m.at("/iman_davenport/df1").asInt() + ", "
        + m.at("/iman_davenport/df2").asInt() + ","), tests.text());

    List<CSVRecord> ranking = new ArrayList<>(csv("ranking.csv"));
    ranking.sort(java.util.Comparator.comparingDouble(x -> Double.parseDouble(x.get("average_rank"))));
    List<Element> rows = r.select("table.ranking tbody tr");
    assertEquals(ranking.stream().map(x -> x.get("learner")).toList(), rows.stream().map(e -> e.attr("data-learner"))
        .toList(), "best average rank first");
    for (int i = 0; i < rows.size(); i++) {
      CSVRecord x = ranking.get(i);
      Element row = rows.get(i);
      assertEquals(x.get("average_rank"), row.selectFirst("[data-col=average_rank]").attr("data-value"));
      if (x.get("control").equals("true")) {
        assertEquals(m.path("control").asText(), x.get("learner"));
        assertTrue(row.text().endsWith("control"), row.text());
      } else {
        for (String col : List.of("z", "p_value", "p_holm", "significant")) {
          assertEquals(x.get(col), row.selectFirst("[data-col=" + col + "]").attr("data-value"), col);
        }
      }
    }
    for (CSVRecord x : csv("ranks.csv")) {
      Element cell = cell(r, "table.block-ranks tr", x.get("learner"), "td", "data-block", x.get("block"));
      assertEquals(Double.parseDouble(x.get("rank")), Double.parseDouble(cell.selectFirst("[data-col=rank]")
          .attr("data-value")), 1e-9);
      assertEquals(x.get("score"), cell.selectFirst("[data-col=score]").attr("data-value"));
    }
    List<CSVRecord> wins = csv("wins.csv");
    assertEquals(5 * 4, wins.size());
    for (CSVRecord w : wins) {
      Element cell = cell(r, "table.wins tr", w.get("learner_a"), "td", "data-other", w.get("learner_b"));
      assertEquals(w.get("wins") + "/" + w.get("ties") + "/" + w.get("losses"), cell.text());
    }
    String note = r.selectFirst("table.wins").parent().nextElementSibling().text();
    assertTrue(note.contains("unadjusted p < alpha = 0.05"), note);
    assertTrue(note.contains("sentences/kfold: Nadeau and Bengio's corrected resampled t-test on per-fold macro-F1"),
        note);
    assertTrue(note.contains("articles-0-2/split: exact McNemar test"), note);
  }

  @Test
  void theCriticalDifferenceDiagramIsEmbeddedNamesEveryLearnerAndIsInCharts() throws Exception {
    Element fig = html.selectFirst("#ranking figure[data-chart=ranking-cd]");
    assertNotNull(fig.selectFirst("svg"));
    String svg = Files.readString(run.resolve("charts/ranking-cd.svg"));
    assertEquals(svgElement(svg, ""), inlineSvg(Files.readString(run.resolve(ReportWriter.REPORT)), "ranking-cd"));
    CdDiagramTest.Svg parsed = CdDiagramTest.parse(svg);
    List<String> learners = new ArrayList<>();
    manifest.path("learners").forEach(l -> learners.add(l.path("name").asText()));
    CdDiagramTest.assertEveryNameOnce(parsed, learners);
    Map<String, String> rankOf = new HashMap<>();
    for (CSVRecord x : csv("ranking.csv")) {
      rankOf.put(x.get("learner"), String.format(Locale.ROOT, "%.2f", Double.parseDouble(x.get("average_rank"))));
    }
    for (int i = 0; i < parsed.learnerName().size(); i++) {
      assertEquals(rankOf.get(parsed.learnerName().get(i)), parsed.learnerRank().get(i), parsed.learnerName().get(i));
    }
    BufferedImage png = ImageIO.read(run.resolve("charts/ranking-cd.png").toFile());
    assertEquals(2 * (int) parsed.width(), png.getWidth());
    assertEquals(2 * (int) parsed.height(), png.getHeight());
  }

  @Test
  void tokenizerTableShowsTheJmhResults() {
    List<Element> rows = html.select("#tokenizer table.jmh tbody tr");
    assertEquals(2, rows.size());
    assertEquals("org.topicbench.bench.TokenizerBench.topicbench", rows.get(0).attr("data-benchmark"));
    assertEquals("1534567.25", rows.get(0).selectFirst("td[data-value]").attr("data-value"));
    assertEquals("1,534,567", rows.get(0).selectFirst("td[data-value]").text());
    assertTrue(rows.get(0).text().contains("0.00 B/op"), rows.get(0).text());
    assertTrue(html.selectFirst("#tokenizer table.jmh thead").text().contains("gc.alloc.rate.norm"));
  }

  @Test
  void manifestSectionNamesTheRunLearnersAndData() {
    Element m = html.getElementById("manifest");
    assertTrue(m.text().contains(manifest.path("run_id").asText()));
    assertTrue(m.text().contains(manifest.at("/topicbench/git_commit").asText()));
    for (JsonNode l : manifest.path("learners")) {
      assertTrue(m.select("table.learners td.learner").eachText().contains(l.path("name").asText()));
    }
    assertTrue(m.text().contains(manifest.at("/tasks/0/files/0/sha256").asText()));
    for (JsonNode l : manifest.path("learners")) {
      assertTrue(m.select("table.learners code.spec").eachText().contains(l.path("spec").asText()), l.toString());
    }
  }

  static final String JMH_JSON =
      """
      [
        {"jmhVersion": "1.37", "benchmark": "org.topicbench.bench.TokenizerBench.topicbench", "mode": "thrpt",
         "threads": 1, "forks": 2, "params": {"corpus": "articles"},
         "primaryMetric": {"score": 1534567.25, "scoreError": 20345.5, "scoreConfidence": [1514221.75, 1554912.75],
                           "scoreUnit": "ops/s", "rawData": [[1500000.0, 1560000.0]]},
         "secondaryMetrics": {"\u00b7gc.alloc.rate": {"score": 0.01, "scoreError": "NaN", "scoreUnit": "MB/sec"},
                              "\u00b7gc.alloc.rate.norm": {"score": 0.002, "scoreError": 0.001, "scoreUnit": "B/op"}}},
        {"jmhVersion": "1.37", "benchmark": "org.topicbench.bench.TokenizerBench.luceneStandard", "mode": "thrpt",
         "threads": 1, "forks": 2, "params": {"corpus": "articles"},
         "primaryMetric": {"score": 834567.25, "scoreError": 10345.5, "scoreUnit": "ops/s"},
         "secondaryMetrics": {"\u00b7gc.alloc.rate.norm": {"score": 1234.0, "scoreError": 1.0, "scoreUnit": "B/op"}}}
      ]
      """;

  /** Every task with probabilities lists the label audit: at most 20 sentences, by score, flagged marked. */
  @Test
  void theLabelAuditListsTheMostSuspiciousSentencesByScore() throws IOException {
    for (String t : tasks) {
      Element section = html.selectFirst("#" + ids.get(t) + "-audit");
      assertNotNull(section, t);
      List<Element> rows = section.select("table.audit tbody tr");
      int sentences = (int) csv("predictions.csv", t).stream().map(r -> r.get("source") + "/" + r.get("id"))
          .distinct().count(); // the sentences predicted out of fold (a split's test set only)
      assertEquals(Math.min(HtmlReport.AUDIT_ROWS, sentences), rows.size(), t);
      double previous = Double.POSITIVE_INFINITY;
      for (Element r : rows) {
        double score = Double.parseDouble(r.select("td").get(5).text());
        assertTrue(score <= previous + 1e-9, t + ": ranked by score");
        previous = score;
      }
      assertTrue(section.text().contains("of " + sentences + " sentences"), section.text());
    }
  }
}
