package org.topicbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The critical-difference diagram of Demsar (2006), JMLR 7, 1-30, Figure 1(a), as a standalone SVG.
 *
 * <p>The axis runs from rank k on the left to rank 1 (the best) on the right, as in the paper ("we
 * perceive the methods on the right side as better"), and is labelled so. Every learner drops from its
 * average rank on the axis and turns outwards to its name, the better half on the right, the other half
 * on the left, each name on its own row (the learner nearest the edge on top, so no lines cross); its
 * average rank stands on the line next to the name. The critical difference is a bar of that length
 * above the axis, with its value. Thick lines under the axis join the groups of learners whose average
 * ranks differ by less than the CD ({@link #groups}): the maximal ones, none inside another.
 *
 * <p>All text is SVG {@code <text>} (searchable, selectable), in the generic {@code sans-serif} family;
 * no external resources, no colour (black and greys on white). The width is sized from an estimate of
 * each label's width that is meant not to fall short of common sans-serif fonts (DejaVu Sans advance
 * widths plus slack, a full em for non-ASCII), so long learner names never overlap. Names are escaped;
 * characters XML cannot hold become U+FFFD. The result is an {@code <svg>} element without an XML
 * declaration: a valid UTF-8 SVG file, and fit to inline in HTML.
 */
final class CdDiagram {
  private CdDiagram() {}

  private static final double PAD = 12;
  private static final double TITLE_SIZE = 15;
  private static final double LABEL_SIZE = 12;
  private static final double NAME_SIZE = 13;
  private static final double RANK_SIZE = 11;
  private static final double ROW = 21;
  private static final double GROUP_STEP = 8;
  private static final String INK = "#000000";
  private static final String LINE = "#444444";

  /**
   * The groups of learners not significantly different: with the learners sorted by average rank,
   * each learner and every later one whose rank is less than {@code criticalDifference} above it,
   * keeping the groups of two or more that are not inside another (the maximal cliques of "differs by
   * less than the CD"). Each group lists learner indices by average rank (ties in input order); the
   * groups come from the best end.
   */
  static List<List<Integer>> groups(double[] averageRanks, double criticalDifference) {
    Integer[] order = sortedByRank(averageRanks);
    List<List<Integer>> groups = new ArrayList<>();
    int lastEnd = -1;
    for (int i = 0; i < order.length; i++) {
      int j = i;
      while (j + 1 < order.length && averageRanks[order[j + 1]] - averageRanks[order[i]] < criticalDifference) {
        j++;
      }
      // reaches only grow with i: a group is inside the previous one exactly when it ends where that ended
      if (j > i && j > lastEnd) {
        groups.add(List.of(Arrays.copyOfRange(order, i, j + 1)));
      }
      lastEnd = Math.max(lastEnd, j);
    }
    return groups;
  }

  private static Integer[] sortedByRank(double[] averageRanks) {
    Integer[] order = IntStream.range(0, averageRanks.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer j) -> averageRanks[j]));
    return order;
  }

  /**
   * The diagram.
   *
   * @param learners the learners' names
   * @param averageRanks their average ranks, each in {@code [1, k]}
   * @param criticalDifference the CD in average-rank units, positive
   * @param title a title above the diagram, or null for none
   */
  static String svg(List<String> learners, double[] averageRanks, double criticalDifference, String title) {
    SvgCanvas c = new SvgCanvas(title);
    draw(learners, averageRanks, criticalDifference, title, c);
    return c.s.toString();
  }

  /**
   * The same diagram as a chart whose painter draws it with Java2D (for the PNG): the layout of {@link
   * #svg}, each text measured with the JDK's sans-serif font and placed as its {@code text-anchor} says.
   */
  static Charts.Rendered chart(
      String name, List<String> learners, double[] averageRanks, double criticalDifference, String title) {
    Size size = new Size();
    draw(learners, averageRanks, criticalDifference, title, size);
    return new Charts.Rendered(name, title != null ? title : "critical difference diagram", size.width, size.height,
        (g, w, h) -> draw(learners, averageRanks, criticalDifference, title, new Java2dCanvas(g)));
  }

  /** What the diagram is drawn on. */
  private interface Canvas {
    void start(double width, double height);

    default void group(String cls) {}

    default void endGroup() {}

    void line(String cls, double x1, double y1, double x2, double y2, String colour, double stroke);

    void polyline(double[] xy, String colour, double stroke);

    void text(String cls, double x, double y, double size, String anchor, String weight, String content);

    default void end() {}
  }

  private static void draw(
      List<String> learners, double[] averageRanks, double criticalDifference, String title, Canvas c) {
    validate(learners, averageRanks, criticalDifference);
    int k = learners.size();
    Integer[] order = sortedByRank(averageRanks);
    int nRight = (k + 1) / 2;
    // rows from the top on each side: the learner nearest the edge first
    List<Integer> right = new ArrayList<>(Arrays.asList(order).subList(0, nRight));
    List<Integer> left = new ArrayList<>(Arrays.asList(order).subList(nRight, k));
    java.util.Collections.reverse(left);
    List<List<Integer>> groups = groups(averageRanks, criticalDifference);

    double unit = Math.max(18, Math.min(120, 600.0 / (k - 1)));
    double axisLength = unit * (k - 1);
    double leftNames = maxWidth(left.stream().map(learners::get).toList(), NAME_SIZE);
    double rightNames = maxWidth(right.stream().map(learners::get).toList(), NAME_SIZE);
    double stub = width(rank(k), RANK_SIZE) + 10; // the line beyond the axis's end holds the rank
    double axisLeft = PAD + leftNames + 6 + stub;
    double axisRight = axisLeft + axisLength;
    String axisLabel = "average rank (1 = best, on the right)";
    String cdLabel = "CD = " + rank(criticalDifference);
    double width = Math.max(axisRight + stub + 6 + rightNames + PAD, axisLeft + criticalDifference * unit + PAD);
    width = Math.max(width, PAD + width(axisLabel, LABEL_SIZE) + PAD);
    width = Math.max(width, axisLeft + width(cdLabel, LABEL_SIZE) + PAD);
    if (title != null) {
      width = Math.max(width, PAD + 1.15 * width(title, TITLE_SIZE) + PAD);
    }
    width = Math.ceil(width);

    double y = PAD;
    double titleY = y + TITLE_SIZE;
    if (title != null) {
      y = titleY + 10;
    }
    double axisLabelY = y + LABEL_SIZE;
    double cdTextY = axisLabelY + 8 + LABEL_SIZE;
    double cdBarY = cdTextY + 8;
    double tickLabelY = cdBarY + 8 + LABEL_SIZE;
    double axisY = tickLabelY + 12;
    double groupTop = axisY + 12;
    double firstRow = groupTop + groups.size() * GROUP_STEP + 16;
    double height = Math.ceil(firstRow + (Math.max(left.size(), right.size()) - 1) * ROW + 8 + PAD);

    c.start(width, height);
    if (title != null) {
      c.text("title", width / 2, titleY, TITLE_SIZE, "middle", "bold", title);
    }
    double labelX = Math.max(PAD + width(axisLabel, LABEL_SIZE) / 2,
        Math.min((axisLeft + axisRight) / 2, width - PAD - width(axisLabel, LABEL_SIZE) / 2));
    c.text("axis-label", labelX, axisLabelY, LABEL_SIZE, "middle", null, axisLabel);

    // the critical difference, from the worst end of the axis
    double cdEnd = axisLeft + criticalDifference * unit;
    c.group("cd");
    c.line(null, axisLeft, cdBarY, cdEnd, cdBarY, INK, 1.5);
    c.line(null, axisLeft, cdBarY - 4, axisLeft, cdBarY + 4, INK, 1.5);
    c.line(null, cdEnd, cdBarY - 4, cdEnd, cdBarY + 4, INK, 1.5);
    c.text(null, (axisLeft + cdEnd) / 2, cdTextY, LABEL_SIZE, "middle", null, cdLabel);
    c.endGroup();

    // the axis: rank k on the left, 1 on the right; a tick per rank, half ticks between
    c.group("axis");
    c.line(null, axisLeft, axisY, axisRight, axisY, INK, 1.5);
    int every = 1;
    while (every * unit < 28) {
      every = every == 1 ? 2 : every == 2 ? 5 : every * 2;
    }
    for (int r = 1; r <= k; r++) {
      double x = x(r, axisRight, unit);
      boolean labelled = (r - 1) % every == 0 || r == k;
      c.line(null, x, axisY - (labelled ? 7 : 4), x, axisY, INK, 1);
      if (labelled) {
        c.text(null, x, tickLabelY, LABEL_SIZE, "middle", null, Integer.toString(r));
      }
      if (r < k && unit >= 24) {
        double half = x(r + 0.5, axisRight, unit);
        c.line(null, half, axisY - 3, half, axisY, INK, 1);
      }
    }
    c.endGroup();

    // every learner: down from its rank, out to its name
    for (int side = 0; side < 2; side++) {
      List<Integer> rows = side == 0 ? right : left;
      for (int row = 0; row < rows.size(); row++) {
        int j = rows.get(row);
        double x = x(averageRanks[j], axisRight, unit);
        double rowY = firstRow + row * ROW;
        double end = side == 0 ? axisRight + stub : axisLeft - stub;
        c.group("learner");
        c.polyline(new double[] {x, axisY, x, rowY, end, rowY}, LINE, 1);
        if (side == 0) {
          c.text("rank", end - 2, rowY - 4.5, RANK_SIZE, "end", null, rank(averageRanks[j]));
          c.text("name", end + 6, rowY + 4.5, NAME_SIZE, "start", null, learners.get(j));
        } else {
          c.text("rank", end + 2, rowY - 4.5, RANK_SIZE, "start", null, rank(averageRanks[j]));
          c.text("name", end - 6, rowY + 4.5, NAME_SIZE, "end", null, learners.get(j));
        }
        c.endGroup();
      }
    }

    // the groups, each on its own line under the axis, a little wider than their outermost learners
    for (int g = 0; g < groups.size(); g++) {
      List<Integer> group = groups.get(g);
      double from = x(averageRanks[group.getLast()], axisRight, unit) - 4;
      double to = x(averageRanks[group.getFirst()], axisRight, unit) + 4;
      double gy = groupTop + g * GROUP_STEP;
      c.line("group", from, gy, to, gy, INK, 4);
    }
    c.end();
  }

  private static double x(double rank, double axisRight, double unit) {
    return axisRight - (rank - 1) * unit;
  }

  /** The SVG document, as text. */
  private static final class SvgCanvas implements Canvas {
    final StringBuilder s = new StringBuilder(4096);
    private final String title;

    SvgCanvas(String title) {
      this.title = title;
    }

    @Override
    public void start(double width, double height) {
      CdDiagram.start(s, "svg", null);
      attr(s, "xmlns", "http://www.w3.org/2000/svg");
      attr(s, "width", width);
      attr(s, "height", height);
      attr(s, "viewBox", "0 0 " + num(width) + " " + num(height));
      attr(s, "role", "img");
      attr(s, "aria-label", title != null ? title : "critical difference diagram");
      attr(s, "font-family", "sans-serif");
      attr(s, "fill", INK);
      s.append(">\n");
      s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    }

    @Override
    public void group(String cls) {
      s.append("<g class=\"").append(cls).append("\">\n");
    }

    @Override
    public void endGroup() {
      s.append("</g>\n");
    }

    @Override
    public void line(String cls, double x1, double y1, double x2, double y2, String colour, double stroke) {
      CdDiagram.start(s, "line", cls);
      attr(s, "x1", x1);
      attr(s, "y1", y1);
      attr(s, "x2", x2);
      attr(s, "y2", y2);
      attr(s, "stroke", colour);
      attr(s, "stroke-width", stroke);
      s.append("/>\n");
    }

    @Override
    public void polyline(double[] xy, String colour, double stroke) {
      CdDiagram.start(s, "polyline", null);
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < xy.length; i += 2) {
        points.append(i == 0 ? "" : " ").append(num(xy[i])).append(',').append(num(xy[i + 1]));
      }
      attr(s, "points", points.toString());
      attr(s, "fill", "none");
      attr(s, "stroke", colour);
      attr(s, "stroke-width", stroke);
      s.append("/>\n");
    }

    @Override
    public void text(String cls, double x, double y, double size, String anchor, String weight, String content) {
      CdDiagram.start(s, "text", cls);
      attr(s, "x", x);
      attr(s, "y", y);
      attr(s, "font-size", size);
      attr(s, "text-anchor", anchor);
      if (weight != null) {
        attr(s, "font-weight", weight);
      }
      s.append('>').append(esc(content)).append("</text>\n");
    }

    @Override
    public void end() {
      s.append("</svg>\n");
    }
  }

  /** Takes the size and draws nothing. */
  private static final class Size implements Canvas {
    int width;
    int height;

    @Override
    public void start(double w, double h) {
      width = (int) Math.ceil(w);
      height = (int) Math.ceil(h);
    }

    @Override
    public void line(String cls, double x1, double y1, double x2, double y2, String colour, double stroke) {}

    @Override
    public void polyline(double[] xy, String colour, double stroke) {}

    @Override
    public void text(String cls, double x, double y, double size, String anchor, String weight, String content) {}
  }

  /** A Java2D context: butt-capped lines as SVG draws them, each text anchored by its measured width. */
  private static final class Java2dCanvas implements Canvas {
    private final Graphics2D g;

    Java2dCanvas(Graphics2D g) {
      this.g = g;
    }

    @Override
    public void start(double width, double height) {
      g.setColor(Color.WHITE);
      g.fill(new Rectangle2D.Double(0, 0, width, height));
    }

    @Override
    public void line(String cls, double x1, double y1, double x2, double y2, String colour, double stroke) {
      stroke(colour, stroke);
      g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xy, String colour, double stroke) {
      Path2D.Double p = new Path2D.Double();
      p.moveTo(xy[0], xy[1]);
      for (int i = 2; i < xy.length; i += 2) {
        p.lineTo(xy[i], xy[i + 1]);
      }
      stroke(colour, stroke);
      g.draw(p);
    }

    private void stroke(String colour, double width) {
      g.setColor(Color.decode(colour));
      g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    }

    @Override
    public void text(String cls, double x, double y, double size, String anchor, String weight, String content) {
      Font f = new Font(Font.SANS_SERIF, "bold".equals(weight) ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
      g.setFont(f);
      g.setColor(Color.decode(INK));
      double w = f.getStringBounds(content, g.getFontRenderContext()).getWidth();
      double left = switch (anchor) {
        case "middle" -> x - w / 2;
        case "end" -> x - w;
        default -> x;
      };
      g.drawString(content, (float) left, (float) y);
    }
  }

  /** {@code <tag} with its class attribute when {@code cls} is not null. */
  private static void start(StringBuilder s, String tag, String cls) {
    s.append('<').append(tag);
    if (cls != null) {
      attr(s, "class", cls);
    }
  }

  private static void attr(StringBuilder s, String name, String value) {
    s.append(' ').append(name).append("=\"").append(esc(value)).append('"');
  }

  private static void attr(StringBuilder s, String name, double value) {
    attr(s, name, num(value));
  }

  private static String rank(double r) {
    return String.format(Locale.ROOT, "%.2f", r);
  }

  private static String num(double v) {
    String t = String.format(Locale.ROOT, "%.1f", v);
    return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
  }

  /**
   * Advance widths of DejaVu Sans, in hundredths of an em, rounded up, for ASCII 32 to 126: as wide as
   * the common sans-serif fonts or wider (Helvetica and Arial are narrower, Verdana about the same).
   */
  private static final byte[] WIDTHS = {
    32, 41, 46, 84, 64, 96, 78, 28, 40, 40, 50, 84, 32, 37, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34,
    84, 84, 84, 54, 100, 69, 69, 70, 78, 64, 58, 78, 76, 30, 30, 66, 56, 87, 75, 79, 61, 79, 70, 64, 62, 74, 69, 99,
    69, 62, 69, 40, 34, 40, 84, 50, 50, 62, 64, 55, 64, 62, 36, 64, 64, 28, 28, 58, 28, 98, 64, 62, 64, 64, 42, 53,
    40, 64, 60, 82, 60, 60, 53, 64, 34, 64, 84
  };

  /** An estimate of {@code text}'s width at {@code size} px that errs wide (5% slack, an em per non-ASCII char). */
  static double width(String text, double size) {
    double ems = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      ems += c >= 32 && c < 127 ? WIDTHS[c - 32] / 100.0 : 1.0;
      i += Character.charCount(c);
    }
    return ems * size * 1.05;
  }

  private static double maxWidth(List<String> texts, double size) {
    return texts.stream().mapToDouble(t -> width(t, size)).max().orElse(0);
  }

  /** {@link Html#esc} after replacing what XML 1.0 cannot hold (controls, lone surrogates) with U+FFFD. */
  static String esc(String s) {
    StringBuilder o = new StringBuilder(s.length());
    s.codePoints().forEach(c -> o.appendCodePoint(
        c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000
            ? c : 0xFFFD));
    return Html.esc(o.toString());
  }

  private static void validate(List<String> learners, double[] averageRanks, double criticalDifference) {
    if (learners == null || averageRanks == null) {
      throw new IllegalArgumentException("learners and averageRanks must be given");
    }
    int k = learners.size();
    if (k < 2) {
      throw new IllegalArgumentException("a critical-difference diagram needs at least 2 learners, got " + k);
    }
    if (averageRanks.length != k) {
      throw new IllegalArgumentException(averageRanks.length + " average ranks for " + k + " learners");
    }
    for (int j = 0; j < k; j++) {
      if (learners.get(j) == null) {
        throw new IllegalArgumentException("learner " + (j + 1) + " has no name");
      }
      double r = averageRanks[j];
      if (!(r >= 1 && r <= k)) {
        throw new IllegalArgumentException(
            "average rank of '" + learners.get(j) + "' is " + r + ", outside [1, " + k + "]");
      }
    }
    if (!(criticalDifference > 0) || Double.isInfinite(criticalDifference)) {
      throw new IllegalArgumentException("the critical difference must be positive and finite, got " + criticalDifference);
    }
  }
}
