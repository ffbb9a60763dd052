package org.topicbench.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.VectorHints;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns text that a chart library fills as glyph outlines back into text. XChart draws every string as
 * the outline of a {@link TextLayout} ({@code g.fill(layout.getOutline(rotation))}), never with {@code
 * drawString}, so its SVG holds each letter as a path: large, and neither searchable nor selectable.
 * {@link #graphics} is a {@link VectorGraphics2D} that recognises such a fill: it reads the outline's
 * contours glyph by glyph against the glyph outlines of the chart's fonts (any rotation, since tick
 * labels and axis titles are turned), rebuilds the string, and draws it with {@code drawString} only when
 * the string's own outline, placed the same way, is the filled shape point for point. Anything else,
 * and any text it cannot read (a character outside {@link #ALPHABET}, a font it was not given), is
 * filled as before.
 */
final class TextOutlines {
  /** Distance in pixels within which two outline points are the same point. */
  static final double EPS = 0.01;
  /** Characters recognised (besides the space): printable ASCII and Latin-1, and some typography. */
  static final String ALPHABET;

  static {
    StringBuilder b = new StringBuilder();
    for (char c = 0x21; c < 0x7f; c++) {
      b.append(c);
    }
    for (char c = 0xa1; c <= 0xff; c++) {
      if (c != 0xad) { // soft hyphen
        b.append(c);
      }
    }
    b.append("\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2212\u221e\u2264\u2265\u2248\u25b2\u25bc\u25c6");
    ALPHABET = b.toString();
  }

  /**
   * Render contexts text is laid out in besides the graphics' own: XChart's heat map lays out its cell
   * values in an antialiased one without fractional metrics.
   */
  private static final List<FontRenderContext> CONTEXTS = List.of(
      new FontRenderContext(null, true, false), new FontRenderContext(null, false, false),
      new FontRenderContext(null, true, true), new FontRenderContext(null, false, true));

  /** Glyph tables by font and render context, shared by every chart. */
  private static final Map<List<Object>, Table> TABLES = new ConcurrentHashMap<>();

  private final List<Table> tables = new ArrayList<>();

  /**
   * Reads text in any of {@code fonts} as laid out in {@code frc} (the graphics' own) or in one of
   * {@link #CONTEXTS}.
   */
  TextOutlines(List<Font> fonts, FontRenderContext frc) {
    List<FontRenderContext> contexts = new ArrayList<>(List.of(frc));
    CONTEXTS.stream().filter(c -> !c.equals(frc)).forEach(contexts::add);
    for (FontRenderContext c : contexts) {
      for (Font f : fonts) {
        tables.add(TABLES.computeIfAbsent(List.of(f, c), k -> new Table(f, c)));
      }
    }
  }

  /** A vector graphics context that draws text outlines in any of {@code fonts} as text. */
  static VectorGraphics2D graphics(List<Font> fonts) {
    return new Graphics(fonts);
  }

  /**
   * The string whose outline is {@code shape}: its font, and the transform that places the string's
   * origin (baseline start), so that {@code drawString(text, 0, 0)} under it draws {@code shape}.
   */
  record Text(String text, Font font, AffineTransform transform) {}

  /** The text {@code shape} is the outline of, or null. */
  Text read(Shape shape) {
    if (!(shape instanceof GeneralPath)) {
      return null; // TextLayout outlines are GeneralPaths; rectangles, ellipses and lines are not text
    }
    List<Contour> contours = Contour.of(shape);
    if (contours.isEmpty()) {
      return null;
    }
    for (Table t : tables) {
      Text text = t.read(shape, contours);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  /** One closed sub-path: its segment types (as letters) and its points. */
  record Contour(String types, double[] xy) {
    static List<Contour> of(Shape shape) {
      List<Contour> out = new ArrayList<>();
      StringBuilder types = new StringBuilder();
      List<Double> xy = new ArrayList<>();
      double[] c = new double[6];
      for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
        int type = it.currentSegment(c);
        if (type == PathIterator.SEG_MOVETO && !types.isEmpty()) {
          out.add(new Contour(types.toString(), unbox(xy)));
          types.setLength(0);
          xy.clear();
        }
        int n = switch (type) {
          case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 1;
          case PathIterator.SEG_QUADTO -> 2;
          case PathIterator.SEG_CUBICTO -> 3;
          default -> 0;
        };
        types.append("MLQCZ".charAt(type));
        for (int i = 0; i < 2 * n; i++) {
          xy.add(c[i]);
        }
        if (type == PathIterator.SEG_CLOSE) {
          out.add(new Contour(types.toString(), unbox(xy)));
          types.setLength(0);
          xy.clear();
        }
      }
      if (!types.isEmpty()) {
        out.add(new Contour(types.toString(), unbox(xy)));
      }
      return out;
    }

    private static double[] unbox(List<Double> v) {
      double[] a = new double[v.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = v.get(i);
      }
      return a;
    }
  }

  /** A character's outline at the origin, and how far it moves the pen. */
  record Glyph(char c, List<Contour> contours, double advance) {}

  /** A glyph placed by the reader: at text-space offset {@code x}. */
  private record Placed(Glyph glyph, double x) {}

  /** The glyphs of one font, by their first contour's segment types. */
  private static final class Table {
    final Font font;
    final FontRenderContext frc;
    final Map<String, List<Glyph>> byFirst = new HashMap<>();
    final double space;

    Table(Font font, FontRenderContext frc) {
      this.font = font;
      this.frc = frc;
      this.space = new TextLayout(" ", font, frc).getAdvance();
      for (char c : ALPHABET.toCharArray()) {
        if (!font.canDisplay(c)) {
          continue;
        }
        TextLayout layout = new TextLayout(String.valueOf(c), font, frc);
        List<Contour> contours = Contour.of(layout.getOutline(null));
        if (!contours.isEmpty()) {
          byFirst.computeIfAbsent(contours.getFirst().types(), k -> new ArrayList<>())
              .add(new Glyph(c, contours, layout.getAdvance()));
        }
      }
    }

    Text read(Shape shape, List<Contour> contours) {
      List<Placed> placed = new ArrayList<>();
      double[] frame = new double[4]; // cos, sin, origin x, origin y
      int[] budget = {20_000}; // reading steps left (a bound on backtracking)
      if (!place(contours, 0, placed, frame, budget)) {
        return null;
      }
      StringBuilder text = new StringBuilder();
      double pen = 0;
      for (Placed p : placed) {
        double gap = p.x() - pen;
        long spaces = Math.round(gap / space);
        if (spaces < 0 || Math.abs(gap - spaces * space) > EPS * 10) {
          return null;
        }
        text.append(" ".repeat((int) spaces)).append(p.glyph().c());
        pen = p.x() + p.glyph().advance();
      }
      AffineTransform at = new AffineTransform(frame[0], frame[1], -frame[1], frame[0], frame[2], frame[3]);
      Shape expected = at.createTransformedShape(new TextLayout(text.toString(), font, frc).getOutline(null));
      return same(Contour.of(expected), contours) ? new Text(text.toString(), font, at) : null;
    }

    /** Reads contours from {@code i} on as glyphs, after {@code placed}; {@code frame} set by the first. */
    private boolean place(List<Contour> contours, int i, List<Placed> placed, double[] frame, int[] budget) {
      if (i == contours.size()) {
        return true;
      }
      if (--budget[0] < 0) {
        return false;
      }
      Contour first = contours.get(i);
      List<Glyph> candidates = byFirst.get(first.types());
      if (candidates == null) {
        return false;
      }
      for (Glyph g : candidates) {
        int n = g.contours().size();
        if (i + n > contours.size()) {
          continue;
        }
        double[] f = frame;
        if (placed.isEmpty()) {
          f = frameOf(g.contours().getFirst().xy(), first.xy());
          if (f == null) {
            continue;
          }
        }
        // where g's origin lands: q0 - R g0
        double[] g0 = g.contours().getFirst().xy();
        double ox = first.xy()[0] - (f[0] * g0[0] - f[1] * g0[1]);
        double oy = first.xy()[1] - (f[1] * g0[0] + f[0] * g0[1]);
        double x = 0;
        if (!placed.isEmpty()) {
          double dx = ox - f[2];
          double dy = oy - f[3];
          x = f[0] * dx + f[1] * dy; // R^-1 (o - origin)
          double y = -f[1] * dx + f[0] * dy;
          Placed last = placed.getLast();
          if (Math.abs(y) > EPS || x < last.x() + last.glyph().advance() - EPS) {
            continue;
          }
        }
        if (!matches(g, contours, i, f[0], f[1], ox, oy)) {
          continue;
        }
        if (placed.isEmpty()) {
          frame[0] = f[0];
          frame[1] = f[1];
          frame[2] = ox;
          frame[3] = oy;
        }
        placed.add(new Placed(g, x));
        if (place(contours, i + n, placed, frame, budget)) {
          return true;
        }
        placed.removeLast();
      }
      return false;
    }

    /**
     * The rotation taking glyph contour points {@code g} onto path points {@code q} (first point onto
     * first point, and the farthest point's direction onto the same point's), as {cos, sin, 0, 0}; null
     * when the distances differ (a scaled or different shape).
     */
    private static double[] frameOf(double[] g, double[] q) {
      int far = 0;
      double best = -1;
      for (int k = 2; k + 1 < g.length; k += 2) {
        double d = Math.hypot(g[k] - g[0], g[k + 1] - g[1]);
        if (d > best) {
          best = d;
          far = k;
        }
      }
      if (far == 0 || best < 1e-6) {
        return null;
      }
      double gx = g[far] - g[0];
      double gy = g[far + 1] - g[1];
      double qx = q[far] - q[0];
      double qy = q[far + 1] - q[1];
      if (Math.abs(Math.hypot(qx, qy) - best) > EPS) {
        return null;
      }
      double angle = Math.atan2(qy, qx) - Math.atan2(gy, gx);
      return new double[] {Math.cos(angle), Math.sin(angle), 0, 0};
    }

    private static boolean matches(Glyph g, List<Contour> contours, int i, double cos, double sin, double ox,
        double oy) {
      for (int k = 0; k < g.contours().size(); k++) {
        Contour want = g.contours().get(k);
        Contour have = contours.get(i + k);
        if (!want.types().equals(have.types()) || want.xy().length != have.xy().length) {
          return false;
        }
        double[] a = want.xy();
        double[] b = have.xy();
        for (int j = 0; j < a.length; j += 2) {
          double x = cos * a[j] - sin * a[j + 1] + ox;
          double y = sin * a[j] + cos * a[j + 1] + oy;
          if (Math.abs(x - b[j]) > EPS || Math.abs(y - b[j + 1]) > EPS) {
            return false;
          }
        }
      }
      return true;
    }

    private static boolean same(List<Contour> a, List<Contour> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int k = 0; k < a.size(); k++) {
        Contour x = a.get(k);
        Contour y = b.get(k);
        if (!x.types().equals(y.types()) || x.xy().length != y.xy().length) {
          return false;
        }
        for (int j = 0; j < x.xy().length; j++) {
          if (Math.abs(x.xy()[j] - y.xy()[j]) > EPS) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** A vector graphics context that draws recognised text outlines as text. */
  private static final class Graphics extends VectorGraphics2D {
    private final List<Font> fonts;
    private TextOutlines reader;

    Graphics(List<Font> fonts) {
      this.fonts = List.copyOf(fonts);
      // VectorGraphics2D's default, said outright: drawString stays text (VALUE_TEXT_VECTOR would make
      // it outlines again)
      setRenderingHint(VectorHints.KEY_TEXT, VectorHints.VALUE_TEXT_DEFAULT);
    }

    @Override
    public void fill(Shape s) {
      if (reader == null) {
        reader = new TextOutlines(fonts, getFontRenderContext());
      }
      Text t = reader.read(s);
      if (t == null) {
        super.fill(s);
        return;
      }
      AffineTransform saved = getTransform();
      Font font = getFont();
      transform(t.transform());
      setFont(t.font());
      drawString(t.text(), 0f, 0f);
      setFont(font);
      setTransform(saved);
    }
  }
}
