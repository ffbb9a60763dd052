package org.topicbench.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.InputException;
import org.topicbench.eval.LearningCurve;

/**
 * The directory {@code topicbench learning-curve} writes: {@code curve.csv} (one row per learner and
 * fraction), {@code trend.csv} (one per learner), {@code learning-curve.html} (a chart per learner of
 * macro-F1 with its interval against training size, with the fitted trend, and the tables) and {@code
 * charts/<learner>.svg|png}. Written into a temporary directory and moved into place whole; a folder that
 * is not such a directory is never replaced.
 */
public final class LearningCurveReport {
  private LearningCurveReport() {}

  /** The files the directory holds. */
  public static final Set<String> FILES = Set.of("curve.csv", "trend.csv", "learning-curve.html", "charts");

  /** Writes {@code r} to {@code dir}, replacing an earlier learning-curve directory there. */
  public static void write(LearningCurve.Result r, Path dir) {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw InputException.of(dir, "exists and is not a directory");
      }
      try (var list = Files.list(dir)) {
        List<String> names = list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        if (!names.isEmpty() && (!names.contains("curve.csv") || !FILES.containsAll(names))) {
          throw InputException.of(dir, "is not a learning-curve directory (it holds "
              + String.join(", ", names.stream().limit(5).toList()) + (names.size() > 5 ? ", ..." : "")
              + "); name a new or empty folder");
        }
      } catch (IOException e) {
        throw InputException.of(dir, "cannot read: " + e.getMessage());
      }
    }
    try {
      AtomicFile.replaceDirectory(dir, tmp -> writeInto(r, tmp));
    } catch (IOException e) {
      throw InputException.of(dir, "cannot write: " + AtomicFile.describe(e));
    }
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
  }

  static void writeInto(LearningCurve.Result r, Path dir) throws IOException {
    CSVFormat csv = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(dir.resolve("curve.csv")), csv)) {
      p.printRecord("dataset", "learner", "fraction", "train_size", "macro_f1_mean", "macro_f1_sd", "ci_low", "ci_high",
          "folds");
      for (LearningCurve.Point pt : r.points()) {
        p.printRecord(r.dataset(), pt.learner(), num(pt.fraction()), num(pt.trainSize()), num(pt.mean()), num(pt.sd()),
            num(pt.ciLow()), num(pt.ciHigh()), pt.macroF1().length);
      }
    }
    try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(dir.resolve("trend.csv")), csv)) {
      p.printRecord("dataset", "learner", "b", "c", "largest_train_size", "macro_f1_at_twice");
      for (LearningCurve.Trend t : r.trends()) {
        p.printRecord(r.dataset(), t.learner(), num(t.b()), num(t.c()), num(t.largest()), num(t.atDouble()));
      }
    }
    Files.createDirectories(dir.resolve("charts"));
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .el("title", "", "topicbench learning curves \u00b7 " + r.dataset()).raw("\n")
        .raw("<style>\n").raw(Assets.CSS).raw("</style>\n</head>\n<body>\n");
    h.el("h1", "", "Learning curves: " + r.dataset());
    h.el("p", attr("class", "lead"), r.repeats() + " x " + r.folds() + "-fold cross-validation (stratified, near-"
        + "duplicates together), seed " + r.seed() + ". In each training fold, nested stratified fractions "
        + fractions(r.fractions()) + " of it; every fraction scored on the same test fold. Points: mean macro-F1 "
        + "over the folds, bars: 95% normal interval over folds (optimistic: folds share training data). Line: "
        + "the fitted trend 1 \u2212 F1 = b\u00b7n^\u2212c (Figueroa et al., 2012), drawn to twice the full training"
        + " size.");
    Names files = new Names();
    for (LearningCurve.Trend t : r.trends()) {
      List<LearningCurve.Point> pts = r.points().stream().filter(p -> p.learner().equals(t.learner())).toList();
      String name = files.unique(Names.safe(t.learner()));
      Charts.Rendered chart = chart(name, t, pts);
      byte[] svg = chart.svg();
      Files.write(dir.resolve("charts").resolve(name + ".svg"), svg);
      Files.write(dir.resolve("charts").resolve(name + ".png"), chart.png());
      h.open("section", attr("class", "sub") + " " + attr("data-learner", t.learner()));
      h.el("h2", "", t.learner());
      h.open("figure", attr("class", "chart") + " " + attr("data-chart", name));
      h.raw(Svg.inline(new String(svg, StandardCharsets.UTF_8), chart.alt()));
      h.open("figcaption", "").text(Double.isNaN(t.c()) ? "No trend: fewer than two points below F1 = 1. "
          : String.format(Locale.ROOT, "Trend: 1 \u2212 F1 = %.3f\u00b7n^\u2212%.3f; at %.0f training sentences "
              + "(twice the full fold) it predicts macro-F1 %.3f. ", t.b(), t.c(), 2 * t.largest(), t.atDouble()))
          .raw("<span class=\"files\">Files: <code>charts/" + Html.esc(name) + ".svg</code>, <code>charts/"
              + Html.esc(name) + ".png</code></span>");
      h.close("figcaption");
      h.close("figure");
      h.raw("<table class=\"data\"><thead><tr><th class=\"num\">fraction</th><th class=\"num\">training sentences</th>"
          + "<th class=\"num\">macro-F1</th><th class=\"num\">sd</th><th class=\"num\">95% interval</th></tr></thead>"
          + "<tbody>\n");
      for (LearningCurve.Point p : pts) {
        h.raw(String.format(Locale.ROOT, "<tr><td class=\"num\">%.2f</td><td class=\"num\">%.1f</td><td class=\"num\">"
            + "%.3f</td><td class=\"num\">%.3f</td><td class=\"num\">%.3f \u2013 %.3f</td></tr>\n", p.fraction(),
            p.trainSize(), p.mean(), p.sd(), p.ciLow(), p.ciHigh()));
      }
      h.raw("</tbody></table>\n");
      h.close("section");
    }
    h.el("p", attr("class", "note"), "Every number is in curve.csv and trend.csv beside this page.");
    h.raw("</body>\n</html>\n");
    Files.writeString(dir.resolve("learning-curve.html"), h.toString(), StandardCharsets.UTF_8);
  }

  private static String attr(String k, String v) {
    return Html.attr(k, v);
  }

  private static String fractions(double[] f) {
    List<String> s = new ArrayList<>();
    for (double v : f) {
      s.add(String.format(Locale.ROOT, "%.2f", v));
    }
    return String.join(", ", s);
  }

  /** Macro-F1 with error bars against training sentences, and the fitted trend. */
  static Charts.Rendered chart(String name, LearningCurve.Trend t, List<LearningCurve.Point> pts) {
    int width = 720;
    int height = 480;
    XYChart c = new XYChart(width, height);
    String title = t.learner().length() > 60 ? t.learner().substring(0, 59) + "\u2026" : t.learner();
    c.setTitle(title + ": learning curve");
    c.setXAxisTitle("training sentences");
    c.setYAxisTitle("macro-F1");
    var s = c.getStyler();
    Charts.style(s);
    s.setLocale(Locale.ROOT);
    s.setYAxisMin(0.0);
    s.setYAxisMax(1.0);
    s.setXAxisMin(0.0);
    s.setXAxisMax(2 * t.largest() * 1.02);
    s.setYAxisDecimalPattern("0.0");
    s.setXAxisDecimalPattern("#,##0");
    s.setLegendPosition(Styler.LegendPosition.InsideSE);
    s.setErrorBarsColor(Color.BLACK);
    double[] x = pts.stream().mapToDouble(LearningCurve.Point::trainSize).toArray();
    double[] y = pts.stream().mapToDouble(LearningCurve.Point::mean).toArray();
    double[] err = pts.stream().mapToDouble(p -> (p.ciHigh() - p.ciLow()) / 2).toArray();
    XYSeries m = c.addSeries("mean macro-F1, 95% interval", x, y, err);
    m.setMarker(SeriesMarkers.CIRCLE);
    m.setMarkerColor(Color.BLACK);
    m.setLineColor(Color.BLACK);
    if (!Double.isNaN(t.c())) {
      int n = 40;
      double[] tx = new double[n];
      double[] ty = new double[n];
      double lo = Math.max(1, x.length == 0 ? 1 : x[0]);
      double hi = 2 * t.largest();
      for (int i = 0; i < n; i++) {
        tx[i] = lo + (hi - lo) * i / (n - 1);
        ty[i] = Math.max(0, 1 - t.b() * Math.pow(tx[i], -t.c()));
      }
      XYSeries tr = c.addSeries("trend 1 - F1 = b n^-c", tx, ty);
      tr.setMarker(SeriesMarkers.NONE);
      tr.setLineColor(new Color(0x3b528b));
    }
    return new Charts.Rendered(name, title + ": learning curve", width, height, Charts.xchart(c));
  }
}
