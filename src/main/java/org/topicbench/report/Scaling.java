package org.topicbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.InputException;
import org.topicbench.run.StageLog;

/**
 * The scaling summary ({@code benchmarks/scaling.sh}, {@code results/scaling/}): from the stage logs of runs
 * at several corpus sizes, {@code stages.csv} (seconds, seconds per 1000 sentences and peak heap of every
 * stage at every size), {@code learners.csv} (each learner's fit and predict seconds), {@code exponents.csv}
 * (the log-log slope of each stage's and learner's time between consecutive sizes, and over all of them:
 * 1 is linear, 2 quadratic) and {@code scaling.svg}/{@code .png} (time against sentences, both axes log).
 */
public final class Scaling {
  private Scaling() {}

  /** Reads every {@code *.json} stage log in {@code dir} and writes the summary files beside them. */
  public static List<String> summarise(Path dir) {
    // a log named <corpus>-<size>.stages.json: sizes of one corpus kind form one series
    List<StageLog.Log> logs = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".stages.json")).sorted().toList()) {
        String name = p.getFileName().toString().replace(".stages.json", "");
        logs.add(StageLog.read(p));
        kinds.add(name.contains("-") ? name.substring(0, name.lastIndexOf('-')) : name);
      }
    } catch (IOException e) {
      throw InputException.of(dir, "cannot list: " + e.getMessage());
    }
    if (logs.isEmpty()) {
      throw InputException.of(dir, "holds no *.stages.json stage logs ('evaluate --stages FILE' writes them)");
    }
    Integer[] order = new Integer[logs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparing((Integer i) -> kinds.get(i))
        .thenComparingLong(i -> logs.get(i).sentences()));
    // series: name -> sentences -> seconds
    Map<String, TreeMap<Long, Double>> series = new LinkedHashMap<>();
    StringBuilder stages =
        new StringBuilder("corpus,sentences,stage,seconds,seconds_per_1k_sentences,peak_heap_mib,peak_heap_bytes_per_sentence\n");
    StringBuilder learners = new StringBuilder("corpus,sentences,learner,fit_seconds,predict_seconds\n");
    for (int i : order) {
      StageLog.Log log = logs.get(i);
      String kind = kinds.get(i);
      for (StageLog.StageEntry st : log.stages()) {
        stages.append(String.format(Locale.ROOT, "%s,%d,%s,%.3f,%.6f,%.1f,%.0f%n", kind, log.sentences(), st.name(),
            st.seconds(), st.seconds() * 1000 / log.sentences(), st.peakHeapMib(),
            st.peakHeapMib() * 1048576 / log.sentences()));
        if (!st.name().equals("fit and predict")) {
          series.computeIfAbsent(kind + " stage: " + st.name(), k -> new TreeMap<>()).merge(log.sentences(),
              st.seconds(), Double::sum);
        }
      }
      for (StageLog.LearnerEntry l : log.learners()) {
        learners.append(String.format(Locale.ROOT, "%s,%d,%s,%.3f,%.3f%n", kind, log.sentences(), l.name(),
            l.fitSeconds(), l.predictSeconds()));
        series.computeIfAbsent(kind + " fit: " + l.name(), k -> new TreeMap<>()).put(log.sentences(), l.fitSeconds());
        series.computeIfAbsent(kind + " predict: " + l.name(), k -> new TreeMap<>()).put(log.sentences(),
            l.predictSeconds());
      }
    }
    StringBuilder exponents = new StringBuilder("series,from_sentences,to_sentences,exponent\n");
    for (Map.Entry<String, TreeMap<Long, Double>> e : series.entrySet()) {
      List<Map.Entry<Long, Double>> pts = new ArrayList<>(e.getValue().entrySet());
      for (int i = 1; i < pts.size(); i++) {
        exponents.append(String.format(Locale.ROOT, "%s,%d,%d,%.3f%n", e.getKey(), pts.get(i - 1).getKey(),
            pts.get(i).getKey(), slope(pts.get(i - 1), pts.get(i))));
      }
      if (pts.size() > 2) {
        exponents.append(String.format(Locale.ROOT, "%s,%d,%d,%.3f%n", e.getKey(), pts.getFirst().getKey(),
            pts.getLast().getKey(), slope(pts.getFirst(), pts.getLast())));
      }
    }
    AtomicFile.write(dir.resolve("stages.csv"), w -> w.write(stages.toString()));
    AtomicFile.write(dir.resolve("learners.csv"), w -> w.write(learners.toString()));
    AtomicFile.write(dir.resolve("exponents.csv"), w -> w.write(exponents.toString()));
    Charts.Rendered chart = chart(series);
    AtomicFile.writeBytes(dir.resolve("scaling.svg"), out -> out.write(chart.svg()));
    AtomicFile.writeBytes(dir.resolve("scaling.png"), out -> out.write(chart.png()));
    return List.of("stages.csv", "learners.csv", "exponents.csv", "scaling.svg", "scaling.png");
  }

  /** The log-log slope between two points: how time grows with sentences. */
  static double slope(Map.Entry<Long, Double> a, Map.Entry<Long, Double> b) {
    return Math.log(Math.max(b.getValue(), 1e-6) / Math.max(a.getValue(), 1e-6))
        / Math.log((double) b.getKey() / a.getKey());
  }

  private static Charts.Rendered chart(Map<String, TreeMap<Long, Double>> series) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, TreeMap<Long, Double>> e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey());
      e.getValue().forEach((n, t) -> s.add((double) n, Math.max(t, 1e-3)));
      data.addSeries(s);
    }
    LogAxis x = new LogAxis("sentences");
    LogAxis y = new LogAxis("seconds");
    x.setLabelFont(Charts.LABEL);
    y.setLabelFont(Charts.LABEL);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    List<Color> colours = Charts.palette(Math.max(1, series.size()));
    for (int i = 0; i < series.size(); i++) {
      r.setSeriesPaint(i, colours.get(i));
      r.setSeriesStroke(i, new BasicStroke(1.5f));
    }
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xbbbbbb));
    plot.setRangeGridlinePaint(new Color(0xbbbbbb));
    JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
    chart.setTitle(new TextTitle("Time per stage and per learner against sentences (log-log)", Charts.TITLE));
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setPosition(RectangleEdge.RIGHT);
    chart.getLegend().setItemFont(Charts.SMALL);
    chart.getLegend().setFrame(BlockBorder.NONE);
    return new Charts.Rendered("scaling", "time against sentences", 1000, 560,
        (g, w, h) -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h)));
  }
}
