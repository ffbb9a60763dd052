package org.topicbench.report;

import java.util.Locale;

/** A small HTML writer: escaped text and attributes, number formats shared by the report. */
final class Html {
  private final StringBuilder b = new StringBuilder(1 << 16);

  /** Appends raw markup. */
  Html raw(String markup) {
    b.append(markup);
    return this;
  }

  /** Appends escaped text. */
  Html text(String s) {
    b.append(esc(s));
    return this;
  }

  /** {@code <tag attrs>escaped text</tag>}; {@code attrs} is raw (build it with {@link #attr}). */
  Html el(String tag, String attrs, String text) {
    b.append('<').append(tag).append(attrs.isEmpty() ? "" : " " + attrs).append('>').append(esc(text))
        .append("</").append(tag).append(">");
    return this;
  }

  Html open(String tag, String attrs) {
    b.append('<').append(tag).append(attrs.isEmpty() ? "" : " " + attrs).append('>');
    return this;
  }

  Html close(String tag) {
    b.append("</").append(tag).append(">\n");
    return this;
  }

  @Override
  public String toString() {
    return b.toString();
  }

  static String esc(String s) {
    StringBuilder o = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> o.append("&amp;");
        case '<' -> o.append("&lt;");
        case '>' -> o.append("&gt;");
        case '"' -> o.append("&quot;");
        case '\'' -> o.append("&#39;");
        default -> o.append(c);
      }
    }
    return o.toString();
  }

  /** {@code name="escaped value"}. */
  static String attr(String name, String value) {
    return name + "=\"" + esc(value) + "\"";
  }

  /** Three decimals, an en dash for an undefined value, \u221e for an infinite one. */
  static String f3(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "\u221e" : "\u2212\u221e";
    }
    return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** A rank: a whole number as such, a tied (mean) rank with one or two decimals. */
  static String rank(double v) {
    if (v == Math.rint(v)) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.2f", v);
    return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * A number as the run's CSV files write it (results/FORMAT.md): six decimals, {@code NaN}, {@code
   * Infinity}; the {@code data-value} of every number the page shows, so a reader can match it to its cell.
   */
  static String csv(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  /** A duration or rate in a readable number of digits. */
  static String human(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "\u2013";
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** A p-value: three decimals, or {@code <0.001}. */
  static String p(double v) {
    if (Double.isNaN(v)) {
      return "\u2013";
    }
    return v < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v);
  }
}
