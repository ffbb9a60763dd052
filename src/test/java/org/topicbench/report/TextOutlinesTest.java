package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextOutlinesTest {
  static final FontRenderContext FRC = new FontRenderContext(null, false, true);

  @Test
  void readsTextBackInEveryFontAtAnyRotation() {
    TextOutlines reader = new TextOutlines(Charts.FONTS, FRC);
    for (String s : List.of("macro-F1 (pooled predictions)", "rank 1: weka.smo-cues", "83%", "1,000", "0.7",
        "a  b", "x \u2026 y", "\u00e9t\u00e9 \u2013 \u00d7 \u00b1")) {
      for (Font f : Charts.FONTS) {
        for (double angle : new double[] {0, -Math.PI / 2, 0.436, Math.PI}) {
          AffineTransform rotation = AffineTransform.getRotateInstance(angle);
          TextOutlines.Text t = reader.read(new TextLayout(s, f, FRC).getOutline(rotation));
          String what = s + " in " + f + " at " + angle;
          assertNotNull(t, what);
          assertEquals(s, t.text(), what);
          assertEquals(f, t.font(), what);
          Point2D origin = t.transform().transform(new Point2D.Double(0, 0), null);
          assertEquals(0, origin.distance(0, 0), 1e-6, what);
        }
      }
    }
  }

  @Test
  void readsTheOtherRenderContextsXChartLaysOutIn() {
    TextOutlines reader = new TextOutlines(Charts.FONTS, FRC);
    Shape s = new TextLayout("25%", Charts.VALUE, new FontRenderContext(null, true, false)).getOutline(null);
    assertEquals("25%", reader.read(s).text());
  }

  @Test
  void leavesShapesAndUnknownFontsAndCharactersAlone() {
    TextOutlines reader = new TextOutlines(Charts.FONTS, FRC);
    assertNull(reader.read(new Ellipse2D.Double(0, 0, 10, 10)));
    GeneralPath diamond = new GeneralPath();
    diamond.moveTo(0, -5);
    diamond.lineTo(5, 0);
    diamond.lineTo(0, 5);
    diamond.lineTo(-5, 0);
    diamond.closePath();
    assertNull(reader.read(diamond));
    assertNull(reader.read(new TextLayout("macro-F1", new Font(Font.SANS_SERIF, Font.PLAIN, 21), FRC).getOutline(null)));
    assertNull(reader.read(new TextLayout("macro-F1", new Font(Font.SERIF, Font.PLAIN, 13), FRC).getOutline(null)));
    assertNull(reader.read(new TextLayout("a \u4e2d b", Charts.LABEL, FRC).getOutline(null)));
  }

  @Test
  void theGraphicsWritesTextAsSvgText() throws Exception {
    VectorGraphics2D g = TextOutlines.graphics(Charts.FONTS);
    AffineTransform at = AffineTransform.getTranslateInstance(40, 50);
    g.transform(at);
    g.fill(new TextLayout("F1 per label", Charts.TITLE, g.getFontRenderContext()).getOutline(null));
    g.fill(new Ellipse2D.Double(0, 0, 4, 4));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, 100, 100)).writeTo(out);
    String svg = out.toString(StandardCharsets.UTF_8);
    assertTrue(svg.contains(">F1 per label</text>"), svg);
    assertTrue(svg.contains("<ellipse"), svg);
    assertFalse(svg.contains("<path"), svg);
  }
}
