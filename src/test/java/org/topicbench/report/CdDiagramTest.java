package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the diagram back as XML: well-formed, every learner's name once as text, the group lines over
 * exactly the expected learners, no text overlapping other text or a line (measured with the JDK's
 * sans-serif font, not with the diagram's own estimate), everything inside the picture.
 */
class CdDiagramTest {
  /** Demsar (2006), Table 6 / Figure 1: the average ranks of the four C4.5 variants. */
  static final List<String> C45 = List.of("C4.5", "C4.5+m", "C4.5+cf", "C4.5+m+cf");

  static final double[] C45_RANKS = {3.143, 2.000, 2.893, 1.964};

  record Text(String cls, double x, double y, double size, String anchor, boolean bold, String content) {}

  record Segment(String cls, double x1, double y1, double x2, double y2, double stroke) {}

  record Svg(String raw, double width, double height, List<Text> texts, List<Segment> segments,
      List<Double> learnerX, List<String> learnerName, List<String> learnerRank) {}

  static Svg parse(String svg) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
    }
    Element root = doc.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    List<Text> texts = new ArrayList<>();
    NodeList ts = doc.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < ts.getLength(); i++) {
      Element t = (Element) ts.item(i);
      texts.add(new Text(t.getAttribute("class"), d(t, "x"), d(t, "y"), d(t, "font-size"), t.getAttribute("text-anchor"),
          "bold".equals(t.getAttribute("font-weight")), t.getTextContent()));
    }
    List<Segment> segments = new ArrayList<>();
    NodeList ls = doc.getElementsByTagNameNS("*", "line");
    for (int i = 0; i < ls.getLength(); i++) {
      Element l = (Element) ls.item(i);
      segments.add(new Segment(l.getAttribute("class"), d(l, "x1"), d(l, "y1"), d(l, "x2"), d(l, "y2"), d(l, "stroke-width")));
    }
    List<Double> learnerX = new ArrayList<>();
    List<String> learnerName = new ArrayList<>();
    List<String> learnerRank = new ArrayList<>();
    NodeList gs = doc.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < gs.getLength(); i++) {
      Element g = (Element) gs.item(i);
      if (!g.getAttribute("class").equals("learner")) {
        continue;
      }
      Element poly = (Element) g.getElementsByTagNameNS("*", "polyline").item(0);
      String[] pts = poly.getAttribute("points").trim().split("\\s+");
      for (int p = 0; p + 1 < pts.length; p++) {
        String[] a = pts[p].split(",");
        String[] b = pts[p + 1].split(",");
        segments.add(new Segment("learner", Double.parseDouble(a[0]), Double.parseDouble(a[1]), Double.parseDouble(b[0]),
            Double.parseDouble(b[1]), d(poly, "stroke-width")));
      }
      learnerX.add(Double.parseDouble(pts[0].split(",")[0]));
      NodeList inner = g.getElementsByTagNameNS("*", "text");
      String name = null;
      String rank = null;
      for (int t = 0; t < inner.getLength(); t++) {
        Element e = (Element) inner.item(t);
        if (e.getAttribute("class").equals("name")) {
          name = e.getTextContent();
        } else if (e.getAttribute("class").equals("rank")) {
          rank = e.getTextContent();
        }
      }
      learnerName.add(name);
      learnerRank.add(rank);
    }
    return new Svg(svg, d(root, "width"), d(root, "height"), texts, segments, learnerX, learnerName, learnerRank);
  }

  static double d(Element e, String attr) {
    String v = e.getAttribute(attr);
    assertFalse(v.isEmpty(), "<" + e.getLocalName() + "> has no " + attr);
    return Double.parseDouble(v);
  }

  /** The learners each group line spans, by name: the learners whose line drops inside it. */
  static Set<Set<String>> drawnGroups(Svg s) {
    Set<Set<String>> groups = new HashSet<>();
    for (Segment g : s.segments()) {
      if (!g.cls().equals("group")) {
        continue;
      }
      assertEquals(g.y1(), g.y2(), "group lines are horizontal");
      Set<String> members = new TreeSet<>();
      for (int i = 0; i < s.learnerX().size(); i++) {
        double x = s.learnerX().get(i);
        if (x >= Math.min(g.x1(), g.x2()) && x <= Math.max(g.x1(), g.x2())) {
          members.add(s.learnerName().get(i));
        }
      }
      assertTrue(groups.add(members), "the group " + members + " is drawn twice");
    }
    return groups;
  }

  static Set<String> set(String... names) {
    return new TreeSet<>(List.of(names));
  }

  /** A text's box with the JDK's sans-serif font (DejaVu Sans where installed), from its anchor. */
  static double[] box(Text t) {
    Font f = new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) t.size());
    FontRenderContext frc = new FontRenderContext(null, true, true);
    double w = f.getStringBounds(t.content(), frc).getWidth();
    LineMetrics m = f.getLineMetrics(t.content(), frc);
    double x0 = switch (t.anchor()) {
      case "end" -> t.x() - w;
      case "middle" -> t.x() - w / 2;
      default -> t.x();
    };
    return new double[] {x0, t.y() - m.getAscent(), x0 + w, t.y() + m.getDescent()};
  }

  static double[] box(Segment l) {
    double h = l.stroke() / 2;
    return new double[] {
      Math.min(l.x1(), l.x2()) - h, Math.min(l.y1(), l.y2()) - h, Math.max(l.x1(), l.x2()) + h, Math.max(l.y1(), l.y2()) + h
    };
  }

  static boolean overlap(double[] a, double[] b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }

  static String show(double[] b) {
    return String.format(Locale.ROOT, "[%.1f, %.1f - %.1f, %.1f]", b[0], b[1], b[2], b[3]);
  }

  /** No text on other text or on a line, everything inside the picture, every line horizontal or vertical. */
  static void assertLegible(Svg s) {
    for (Segment l : s.segments()) {
      assertTrue(l.x1() == l.x2() || l.y1() == l.y2(), "a slanted line " + l);
      double[] b = box(l);
      assertTrue(b[0] >= 0 && b[1] >= 0 && b[2] <= s.width() && b[3] <= s.height(), "line outside the picture: " + l);
    }
    List<Text> texts = s.texts();
    for (int i = 0; i < texts.size(); i++) {
      double[] a = box(texts.get(i));
      assertTrue(a[0] >= 0 && a[1] >= 0 && a[2] <= s.width() && a[3] <= s.height(),
          "'" + texts.get(i).content() + "' " + show(a) + " outside the picture " + s.width() + " x " + s.height());
      for (int j = i + 1; j < texts.size(); j++) {
        double[] b = box(texts.get(j));
        assertFalse(overlap(a, b), "'" + texts.get(i).content() + "' " + show(a) + " overlaps '" + texts.get(j).content()
            + "' " + show(b));
      }
      for (Segment l : s.segments()) {
        assertFalse(overlap(a, box(l)), "'" + texts.get(i).content() + "' " + show(a) + " lies on the line " + l);
      }
    }
  }

  static void assertEveryNameOnce(Svg s, List<String> learners) {
    for (String name : learners) {
      long n = s.texts().stream().filter(t -> t.content().equals(name)).count();
      assertEquals(1, n, "'" + name + "' appears " + n + " times as text");
    }
    assertEquals(new TreeSet<>(learners), new TreeSet<>(s.learnerName()));
  }

  static void write(String name, String svg) throws IOException {
    Path dir = Path.of("target", "cd-diagram");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), svg, StandardCharsets.UTF_8);
  }

  @Test
  void demsarFigure1aAtAlphaTenPercent() throws IOException {
    // Demsar: at alpha = 0.10 CD = 1.12; "pure C4.5 is significantly worse than C4.5+m and C4.5+m+cf.
    // We cannot tell which group C4.5+cf belongs to": two groups, as Figure 1(a) draws them
    String svg = CdDiagram.svg(C45, C45_RANKS, 1.12, "Demsar (2006), Table 6: AUC, Nemenyi at alpha = 0.10");
    write("demsar-figure1a.svg", svg);
    Svg s = parse(svg);
    assertEveryNameOnce(s, C45);
    assertEquals(Set.of(set("C4.5", "C4.5+cf"), set("C4.5+cf", "C4.5+m", "C4.5+m+cf")), drawnGroups(s));
    assertLegible(s);
    // the paper's layout: best on the right, the better half labelled on the right
    for (int i = 0; i < C45.size(); i++) {
      int j = C45.indexOf(s.learnerName().get(i));
      assertEquals(String.format(Locale.ROOT, "%.2f", C45_RANKS[j]), s.learnerRank().get(i));
    }
    double xBest = s.learnerX().get(s.learnerName().indexOf("C4.5+m+cf"));
    double xWorst = s.learnerX().get(s.learnerName().indexOf("C4.5"));
    assertTrue(xBest > xWorst, "rank 1 is on the right");
    assertTrue(s.texts().stream().anyMatch(t -> t.content().equals("CD = 1.12")));
    assertTrue(s.texts().stream().anyMatch(t -> t.content().contains("1 = best")), "the axis says which end is best");
    // at alpha = 0.05 (CD = 1.25) the largest difference, 1.179, is below the CD: one group of all four
    assertEquals(Set.of(set("C4.5", "C4.5+m", "C4.5+cf", "C4.5+m+cf")), drawnGroups(parse(CdDiagram.svg(C45, C45_RANKS, 1.25, null))));
  }

  /** The PNG draws the SVG's layout: ink inside every text's box, white well away from everything. */
  @Test
  void thePngDrawsTheSameDiagram() throws IOException {
    String title = "Demsar (2006), Table 6";
    Svg s = parse(CdDiagram.svg(C45, C45_RANKS, 1.12, title));
    Charts.Rendered chart = CdDiagram.chart("cd", C45, C45_RANKS, 1.12, title);
    assertEquals((int) s.width(), chart.width());
    assertEquals((int) s.height(), chart.height());
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(chart.png()));
    assertEquals(2 * chart.width(), png.getWidth());
    assertEquals(2 * chart.height(), png.getHeight());
    for (Text t : s.texts()) {
      double[] b = box(t);
      assertTrue(dark(png, b) > 0, "no ink where the SVG puts '" + t.content() + "' " + show(b));
    }
    for (Segment l : s.segments()) {
      double[] b = box(l);
      assertTrue(dark(png, b) > 0, "no ink where the SVG draws " + l);
    }
    // the bottom right corner holds nothing (names on the right end at the widest one)
    assertEquals(0, dark(png, new double[] {s.width() - 6, s.height() - 6, s.width(), s.height()}));
  }

  /** Pixels darker than mid grey inside {@code box} (diagram units, the PNG is twice the size). */
  static int dark(BufferedImage png, double[] box) {
    int n = 0;
    for (int y = (int) Math.floor(2 * box[1]); y < Math.min(png.getHeight(), Math.ceil(2 * box[3])); y++) {
      for (int x = (int) Math.floor(2 * box[0]); x < Math.min(png.getWidth(), Math.ceil(2 * box[2])); x++) {
        int rgb = png.getRGB(Math.max(0, x), Math.max(0, y));
        int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        n += grey < 128 ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void groupsAreTheMaximalOnesAndADifferenceOfExactlyCdIsSignificant() {
    // sorted ranks 1, 1.5, 2.6, 3.4, 4.5, 6 with CD 1.5: each joins the next only (2.6 - 1 = 1.6,
    // 3.4 - 1.5 = 1.9, 4.5 - 2.6 = 1.9, 6 - 4.5 = 1.5 is not less than the CD): four chained pairs,
    // and f alone
    List<String> six = List.of("f", "d", "b", "e", "a", "c");
    double[] ranks = {6, 3.4, 1.5, 4.5, 1, 2.6};
    Svg s = parse(CdDiagram.svg(six, ranks, 1.5, "six"));
    assertEveryNameOnce(s, six);
    assertEquals(Set.of(set("a", "b"), set("b", "c"), set("c", "d"), set("d", "e")), drawnGroups(s));
    assertLegible(s);
    // sorted p = p2 = 1, q 1.25, r 1.5, s 3, t 3.25 with CD 1.75: {p, p2, q, r}; from p2 and from q
    // (3 - 1.25 = 1.75 stops it) only groups inside that one; {r, s} (1.5 apart); {s, t}
    List<String> five = List.of("t", "s", "r", "q", "p", "p2");
    double[] r5 = {3.25, 3, 1.5, 1.25, 1, 1};
    Svg s5 = parse(CdDiagram.svg(five, r5, 1.75, null));
    assertEquals(Set.of(set("p", "p2", "q", "r"), set("r", "s"), set("s", "t")), drawnGroups(s5));
    assertEquals(List.of(List.of(4, 5, 3, 2), List.of(2, 1), List.of(1, 0)), CdDiagram.groups(r5, 1.75));
    assertLegible(s5);
    // all significantly different: no lines
    assertEquals(Set.of(), drawnGroups(parse(CdDiagram.svg(List.of("x", "y", "z"), new double[] {1, 2, 3}, 0.9, null))));
  }

  @Test
  void longLearnerNamesAreStackedWithoutOverlap() throws IOException {
    List<String> names = List.of(
        "weka:weka.classifiers.trees.J48 -C 0.25 -M 2",
        "weka:weka.classifiers.functions.SMO -C 1.0 -L 0.001 -P 1.0E-12 -N 0 -V -1 -W 1",
        "smile.svm-linear-cues",
        "weka:weka.classifiers.bayes.NaiveBayesMultinomial",
        "smile.logistic",
        "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
        "baseline.rules",
        "weka:weka.classifiers.trees.RandomForest -P 100 -I 100 -num-slots 1 -K 0 -M 1.0 -V 0.001 -S 1",
        "smile.nb-complement-cues");
    double[] ranks = {3.1, 2.05, 2.05, 7.4, 4.0, 5.5, 6.2, 5.6, 9.0};
    String svg = CdDiagram.svg(names, ranks, 2.2, "Nine learners over twelve datasets (Nemenyi, alpha = 0.05)");
    write("long-names.svg", svg);
    Svg s = parse(svg);
    assertEveryNameOnce(s, names);
    assertLegible(s);
  }

  @Test
  void namesAreEscaped() {
    String nasty = "R&D <\"fast\"> 'v2'";
    String control = "bad\u0001name";
    String svg = CdDiagram.svg(List.of(nasty, "plain", control), new double[] {1, 2, 3}, 1.5, "a <title> & \"quotes\"");
    assertTrue(svg.contains("R&amp;D &lt;&quot;fast&quot;&gt; &#39;v2&#39;"), svg);
    assertFalse(svg.contains("<\"fast\">"));
    Svg s = parse(svg);
    assertEveryNameOnce(s, List.of(nasty, "plain", "bad\uFFFDname"));
    assertTrue(s.texts().stream().anyMatch(t -> t.content().equals("a <title> & \"quotes\"")));
  }

  @Test
  void aCriticalDifferenceLongerThanTheAxisStillFits() {
    // two learners over two datasets: CD = 1.96 sqrt(2*3/12) = 1.39 > k - 1 = 1
    Svg s = parse(CdDiagram.svg(List.of("a", "b"), new double[] {1, 2}, 1.386, null));
    assertEquals(Set.of(set("a", "b")), drawnGroups(s));
    assertLegible(s);
  }

  @Test
  void manyLearnersKeepTheirTickLabelsApart() {
    List<String> names = new ArrayList<>();
    double[] ranks = new double[40];
    for (int i = 0; i < 40; i++) {
      names.add("learner-" + i);
      ranks[i] = 1 + i * 39.0 / 39;
    }
    Svg s = parse(CdDiagram.svg(names, ranks, 3.5, "forty"));
    assertEveryNameOnce(s, names);
    assertLegible(s);
  }

  @Test
  void refusesWhatItCannotDraw() {
    assertThrows(IllegalArgumentException.class, () -> CdDiagram.svg(List.of("a"), new double[] {1}, 1, null));
    assertThrows(IllegalArgumentException.class, () -> CdDiagram.svg(List.of("a", "b"), new double[] {1}, 1, null));
    String msg = assertThrows(IllegalArgumentException.class,
        () -> CdDiagram.svg(List.of("a", "b"), new double[] {1, Double.NaN}, 1, null)).getMessage();
    assertTrue(msg.contains("'b'"), msg);
    assertThrows(IllegalArgumentException.class, () -> CdDiagram.svg(List.of("a", "b"), new double[] {1, 3}, 1, null));
    for (double cd : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThrows(IllegalArgumentException.class, () -> CdDiagram.svg(List.of("a", "b"), new double[] {1, 2}, cd, null));
    }
  }
}
