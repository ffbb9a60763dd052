package org.topicbench.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn by chart libraries: XChart for the interval plot, the confusion heat maps
 * and the cost scatter; JFreeChart for the grouped per-class bars (XChart has no horizontal bars, and
 * learner names are too long for a vertical axis). Every chart renders to SVG (through VectorGraphics2D)
 * and to PNG at twice its nominal size.
 *
 * <p>Colours: series are told apart by lightness (a viridis ramp, dark to light, plus black outlines and
 * marker shapes), so the charts survive greyscale printing.
 */
final class Charts {
  private Charts() {}

  /** A chart ready to render: its file stem, a one-line description and a painter. */
  record Rendered(String name, String alt, int width, int height, Painter painter) {
    /**
     * The chart as an SVG document: text as {@code <text>} in the generic sans-serif family (XChart's
     * outlines read back by {@link TextOutlines}), clip path ids prefixed with the chart's name so that
     * several charts can share one page.
     */
    byte[] svg() {
      VectorGraphics2D g = TextOutlines.graphics(FONTS);
      painter.paint(g, width, height);
      Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        doc.writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Svg.tidy(out.toString(StandardCharsets.UTF_8), name).getBytes(StandardCharsets.UTF_8);
    }

    byte[] png() {
      BufferedImage img = new BufferedImage(width * 2, height * 2, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width * 2, height * 2);
      g.scale(2, 2);
      painter.paint(g, width, height);
      g.dispose();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        ImageIO.write(img, "png", out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }

  /** Draws a chart of the given size onto a graphics context. */
  @FunctionalInterface
  interface Painter {
    void paint(Graphics2D g, int width, int height);
  }

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  /** The share printed in each confusion heat map cell. */
  static final Font VALUE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  /** Every font the charts draw text in: the text {@link TextOutlines} reads back. */
  static final List<Font> FONTS = List.of(TITLE, LABEL, SMALL, VALUE);
  static final Color INK = new Color(0x222222);
  static final Color GRID = new Color(0xdddddd);

  /** Viridis anchors (dark purple to yellow): lightness rises monotonically, so greyscale keeps order. */
  private static final int[] VIRIDIS = {
    0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725
  };

  /** {@code n} colours spread over the viridis ramp, darkest first. */
  static List<Color> palette(int n) {
    List<Color> colours = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double t = n == 1 ? 0.3 : (double) i / (n - 1);
      double pos = t * (VIRIDIS.length - 1);
      int lo = (int) Math.floor(pos);
      int hi = Math.min(VIRIDIS.length - 1, lo + 1);
      double f = pos - lo;
      colours.add(mix(new Color(VIRIDIS[lo]), new Color(VIRIDIS[hi]), f));
    }
    return colours;
  }

  private static Color mix(Color a, Color b, double f) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
  }

  static void style(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(new Color(0x999999));
    s.setPlotGridLinesColor(GRID);
    // solid: XChart fills the outline of a dashed grid line, one path segment per dash
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setChartFontColor(INK);
    s.setChartTitleFont(TITLE);
    s.setAxisTitleFont(LABEL);
    s.setAxisTickLabelsFont(LABEL);
    s.setAxisTickLabelsColor(INK);
    s.setLegendFont(LABEL);
    s.setLegendBorderColor(new Color(0x999999));
    s.setAnnotationTextFont(SMALL);
    s.setAnnotationTextFontColor(INK);
    s.setChartPadding(12);
    s.setAntiAlias(true);
  }

  static Painter xchart(Chart<?, ?> chart) {
    return (g, w, h) -> chart.paint(g, w, h);
  }

  /** One learner's estimate with its interval. */
  record Interval(String learner, double mean, double low, double high) {}

  /**
   * A forest plot: one row per learner (first on top), the mean as a diamond and the 95% interval as a
   * line.
   */
  static Rendered intervals(String name, String title, String axis, List<Interval> rows) {
    int n = rows.size();
    int width = 900;
    int height = 110 + 30 * n;
    XYChart c = new XYChart(width, height);
    c.setTitle(title);
    c.setXAxisTitle(axis);
    AxesChartStyler s = c.getStyler();
    style(s);
    s.setLegendVisible(false);
    s.setXAxisMin(0.0);
    s.setXAxisMax(1.0);
    s.setMarkerSize(11);
    // Learner names label the rows through the tick formatter. XChart puts ticks at the data's y values
    // only when they are equally spaced in insertion order, with the axis range as their first and
    // last: so no explicit y range (a plot margin keeps the rows off the border), and the points'
    // series goes first with y ascending (an invisible copy, so that the diamonds are drawn on top of
    // the interval lines). Row y = n-1-i holds the learner of rank i.
    s.setPlotMargin(20);
    s.setYAxisTickMarkSpacingHint(20);
    s.setyAxisTickLabelsFormattingFunction(
        v -> rows.get(n - 1 - (int) Math.max(0, Math.min(n - 1, Math.round(v)))).learner());
    double[] ys = new double[n];
    double[] means = new double[n];
    for (int y = 0; y < n; y++) {
      ys[y] = y;
      means[y] = rows.get(n - 1 - y).mean();
    }
    XYSeries rowsInOrder = c.addSeries("rows", means, ys);
    rowsInOrder.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    rowsInOrder.setMarker(SeriesMarkers.NONE);
    for (int i = 0; i < n; i++) {
      Interval r = rows.get(i);
      double y = n - 1 - i;
      if (!Double.isNaN(r.low()) && !Double.isNaN(r.high())) {
        XYSeries line = c.addSeries("interval " + i, new double[] {r.low(), r.high()}, new double[] {y, y});
        line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(0x555555));
        line.setLineStyle(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
      }
    }
    XYSeries points = c.addSeries("mean", means, ys);
    points.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    points.setMarker(SeriesMarkers.DIAMOND);
    points.setMarkerColor(Color.BLACK);
    return new Rendered(name, title, width, height, xchart(c));
  }

  /**
   * Grouped horizontal bars: for every learner (first on top) one bar per label, labels told apart by
   * lightness. {@code values[learner][label]}; NaN leaves a gap (label not present).
   */
  static Rendered groupedBars(
      String name, String title, String axis, List<String> learners, List<String> labels, double[][] values) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < learners.size(); i++) {
      for (int j = 0; j < labels.size(); j++) {
        double v = values[i][j];
        data.addValue(Double.isNaN(v) ? null : v, labels.get(j), learners.get(i));
      }
    }
    CategoryAxis categories = new CategoryAxis(null);
    categories.setTickLabelFont(LABEL);
    categories.setTickLabelPaint(INK);
    categories.setMaximumCategoryLabelWidthRatio(0.45f);
    categories.setCategoryMargin(0.25);
    categories.setLowerMargin(0.02);
    categories.setUpperMargin(0.02);
    NumberAxis values01 = new NumberAxis(axis);
    values01.setRange(0, 1);
    values01.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1));
    values01.setLabelFont(LABEL);
    values01.setTickLabelFont(LABEL);
    values01.setTickLabelPaint(INK);
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(true);
    bars.setItemMargin(0.0);
    List<Color> colours = palette(labels.size());
    for (int j = 0; j < labels.size(); j++) {
      bars.setSeriesPaint(j, colours.get(j));
      bars.setSeriesOutlinePaint(j, Color.BLACK);
      bars.setSeriesOutlineStroke(j, new BasicStroke(0.6f));
    }
    CategoryPlot plot = new CategoryPlot(data, categories, values01, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xbbbbbb));
    plot.setOutlinePaint(new Color(0x999999));
    JFreeChart chart = new JFreeChart(null, TITLE, plot, true);
    chart.setTitle(new TextTitle(title, TITLE));
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setItemFont(LABEL);
    legend.setFrame(BlockBorder.NONE);
    int width = 900;
    int height = 120 + learners.size() * (labels.size() * 12 + 16);
    return new Rendered(name, title, width, height, (g, w, h) -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h)));
  }

  /**
   * A confusion matrix as a heat map of row percentages (each true label's sentences by predicted
   * label), the true labels top to bottom in the given order, each with its per-repetition count.
   */
  static Rendered confusion(String name, String title, List<String> labels, double[][] counts, int repetitions) {
    int k = labels.size();
    List<String> xs = new ArrayList<>(labels);
    List<String> ys = new ArrayList<>();
    List<Number[]> cells = new ArrayList<>();
    for (int t = k - 1; t >= 0; t--) {
      double row = 0;
      for (int p = 0; p < k; p++) {
        row += counts[t][p];
      }
      ys.add(labels.get(t) + " (" + count(row / repetitions) + ")");
      for (int p = 0; p < k; p++) {
        double pct = row == 0 ? 0 : 100 * counts[t][p] / row;
        cells.add(new Number[] {p, k - 1 - t, pct});
      }
    }
    int width = 560;
    int height = 170 + 60 * k;
    HeatMapChart c = new HeatMapChartBuilder().width(width).height(height).title(title).build();
    c.setXAxisTitle("predicted label");
    c.setYAxisTitle("true label (sentences per repetition)");
    var s = c.getStyler();
    style(s);
    s.setLegendVisible(false); // every cell prints its share; the colour only repeats it
    s.setPlotContentSize(1.0);
    s.setMin(0);
    s.setMax(100);
    s.setShowValue(true);
    s.setValueFont(VALUE);
    s.setValueFontColor(Color.BLACK);
    s.setHeatMapValueDecimalPattern("0'%'");
    // white to mid teal: every cell stays light enough for black numbers, lightness rises with the share
    s.setRangeColors(new Color[] {Color.WHITE, new Color(0xfde725), new Color(0x7ad151), new Color(0x22a884)});
    s.setXAxisLabelRotation(25);
    s.setPlotGridLinesVisible(false);
    s.setDrawBorder(true);
    c.addSeries("share", xs, ys, cells);
    return new Rendered(name, title, width, height, xchart(c));
  }

  private static String count(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** One learner in the cost plot. */
  record CostPoint(int rank, String learner, double sentencesPerSecond, double macroF1, boolean pareto) {}

  /**
   * Macro-F1 against prediction throughput (log scale), every learner a circle labelled with its rank,
   * the Pareto front (no learner both faster and better) as black diamonds joined by a dashed line.
   */
  static Rendered cost(String name, String title, List<CostPoint> points) {
    int width = 900;
    int height = 540;
    XYChart c = new XYChart(width, height);
    c.setTitle(title);
    c.setXAxisTitle("prediction throughput, sentences per second (log scale)");
    c.setYAxisTitle("macro-F1");
    var s = c.getStyler();
    style(s);
    s.setXAxisLogarithmic(true);
    s.setLocale(Locale.ROOT);
    s.setXAxisDecimalPattern("#,##0");
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Vertical);
    s.setMarkerSize(10);
    double min = points.stream().mapToDouble(CostPoint::sentencesPerSecond).min().orElse(1);
    double max = points.stream().mapToDouble(CostPoint::sentencesPerSecond).max().orElse(10);
    s.setXAxisMin(Math.pow(10, Math.floor(Math.log10(min / 1.5))));
    s.setXAxisMax(Math.pow(10, Math.ceil(Math.log10(max * 1.5))));
    double lo = points.stream().mapToDouble(CostPoint::macroF1).min().orElse(0);
    double hi = points.stream().mapToDouble(CostPoint::macroF1).max().orElse(1);
    double yMin = Math.max(0, Math.floor((lo - 0.05) * 10) / 10);
    double yMax = Math.min(1, Math.ceil((hi + 0.05) * 10) / 10);
    s.setYAxisMin(yMin);
    s.setYAxisMax(yMax);
    List<CostPoint> others = points.stream().filter(p -> !p.pareto()).toList();
    List<CostPoint> front =
        points.stream().filter(CostPoint::pareto)
            .sorted((a, b) -> Double.compare(a.sentencesPerSecond(), b.sentencesPerSecond())).toList();
    if (!others.isEmpty()) {
      XYSeries o = c.addSeries("other learners", xs(others), ys(others));
      o.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      o.setMarker(SeriesMarkers.CIRCLE);
      o.setMarkerColor(new Color(0x8a8a8a));
    }
    if (!front.isEmpty()) {
      XYSeries f = c.addSeries("Pareto front (nothing both faster and better)", xs(front), ys(front));
      f.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      f.setMarker(SeriesMarkers.DIAMOND);
      f.setMarkerColor(Color.BLACK);
      f.setLineColor(Color.BLACK);
      f.setLineStyle(
          new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    // labels to the upper right of their point: nothing on the front lies there, so the front's line
    // never crosses a front label
    double dy = (yMax - yMin) * 0.03;
    double fx = Math.pow(s.getXAxisMax() / s.getXAxisMin(), 0.018);
    for (CostPoint p : points) {
      c.addAnnotation(
          new AnnotationText(Integer.toString(p.rank()), p.sentencesPerSecond() * fx, p.macroF1() + dy, false));
    }
    return new Rendered(name, title, width, height, xchart(c));
  }

  /**
   * One learner's reliability curve: non-empty bins, in order.
   *
   * @param label the legend's text
   * @param confidence per bin its mean top-label probability
   * @param accuracy per bin the share right
   * @param count per bin its predictions
   */
  record Reliability(String label, double[] confidence, double[] accuracy, long[] count) {}

  private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {
    SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP
  };

  /** A reliability diagram: accuracy against confidence per bin, one line per learner, and the diagonal. */
  static Rendered reliability(String name, String title, List<Reliability> series) {
    int width = 720;
    int height = 620;
    XYChart c = new XYChart(width, height);
    c.setTitle(title);
    c.setXAxisTitle("probability of the predicted label (bin mean)");
    c.setYAxisTitle("share predicted right");
    var s = c.getStyler();
    style(s);
    s.setLocale(Locale.ROOT);
    s.setXAxisMin(0.0);
    s.setXAxisMax(1.0);
    s.setYAxisMin(0.0);
    s.setYAxisMax(1.0);
    s.setXAxisDecimalPattern("0.0");
    s.setYAxisDecimalPattern("0.0");
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Vertical);
    s.setMarkerSize(9);
    XYSeries diagonal = c.addSeries("perfectly calibrated", new double[] {0, 1}, new double[] {0, 1});
    diagonal.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    diagonal.setMarker(SeriesMarkers.NONE);
    diagonal.setLineColor(new Color(0x8a8a8a));
    diagonal.setLineStyle(
        new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
    List<Color> colours = palette(series.size());
    for (int i = 0; i < series.size(); i++) {
      Reliability r = series.get(i);
      if (r.confidence().length == 0) {
        continue;
      }
      XYSeries x = c.addSeries(r.label(), r.confidence(), r.accuracy());
      x.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      x.setMarker(MARKERS[i % MARKERS.length]);
      x.setMarkerColor(colours.get(i));
      x.setLineColor(colours.get(i));
      x.setLineStyle(new BasicStroke(1.6f));
    }
    return new Rendered(name, title, width, height, xchart(c));
  }

  private static double[] xs(List<CostPoint> ps) {
    return ps.stream().mapToDouble(CostPoint::sentencesPerSecond).toArray();
  }

  private static double[] ys(List<CostPoint> ps) {
    return ps.stream().mapToDouble(CostPoint::macroF1).toArray();
  }
}
