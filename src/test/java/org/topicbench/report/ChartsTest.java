package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ChartsTest {
  /** CIE L* lightness (0 black to 100 white) of an sRGB colour: what survives greyscale printing. */
  static double lightness(Color c) {
    double[] v = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
    for (int i = 0; i < 3; i++) {
      v[i] = v[i] <= 0.04045 ? v[i] / 12.92 : Math.pow((v[i] + 0.055) / 1.055, 2.4);
    }
    double y = 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    return y > 216.0 / 24389 ? 116 * Math.cbrt(y) - 16 : y * 24389.0 / 27;
  }

  @Test
  void paletteLightnessRisesSoGreyscaleKeepsSeriesApart() {
    for (int n = 2; n <= 8; n++) {
      List<Color> p = Charts.palette(n);
      assertEquals(n, p.size());
      for (int i = 1; i < n; i++) {
        double step = lightness(p.get(i)) - lightness(p.get(i - 1));
        // viridis spans about 75 L* units; demand at least two thirds of an even share per step
        assertTrue(step > 50.0 / (n - 1), "n=" + n + " colour " + i + " is only " + step + " L* lighter than the one before");
      }
    }
  }

  /** Guards against XChart's tick calculation looping (it did when the y range was set by hand). */
  @Test
  @Timeout(120)
  void intervalPlotRendersForAnyNumberOfLearners() throws IOException {
    for (int n : new int[] {1, 2, 3, 7, 16}) {
      List<Charts.Interval> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        double m = 0.9 - i * 0.05;
        rows.add(new Charts.Interval("library.a-rather-long-learner-name-number-" + i, m, i == 2 ? Double.NaN : m - 0.1,
            i == 2 ? Double.NaN : m + 0.05));
      }
      Charts.Rendered r = Charts.intervals("t", "title", "macro-F1", rows);
      assertTrue(new String(r.svg(), StandardCharsets.UTF_8).contains("<svg"), "n=" + n);
      BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.png()));
      assertNotNull(png);
      assertEquals(2 * r.height(), png.getHeight());
    }
  }

  @Test
  @Timeout(120)
  void costPlotRendersOneLearnerAndTies() throws IOException {
    List<Charts.CostPoint> one = List.of(new Charts.CostPoint(1, "only", 5000, 0.5, true));
    assertNotNull(ImageIO.read(new ByteArrayInputStream(Charts.cost("c", "t", one).png())));
    List<Charts.CostPoint> ties = List.of(new Charts.CostPoint(1, "a", 5000, 0.5, true),
        new Charts.CostPoint(2, "b", 5000, 0.5, true), new Charts.CostPoint(3, "c", 100, 0.1, false));
    assertTrue(new String(Charts.cost("c", "t", ties).svg(), StandardCharsets.UTF_8).contains("<svg"));
  }
}
