package org.topicbench.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Edits of the SVG text that VectorGraphics2D writes, and the form a chart takes inside the page. */
final class Svg {
  private Svg() {}

  /** A font family as VectorGraphics2D writes it: the platform's family name, quoted. */
  private static final Pattern FAMILY = Pattern.compile("font-family:(?:&quot;|\")[^;&\"]*(?:&quot;|\")");
  private static final Pattern CLIP_ID = Pattern.compile("(id=\"|url\\(#)(clip[-0-9]*)");
  private static final Pattern ROOT_NAMESPACES = Pattern.compile(" xmlns(?::xlink)?=\"[^\"]*\"");

  /**
   * {@code svg} with every font family the generic {@code sans-serif} (the charts draw in Java's logical
   * sans-serif font only, which VectorGraphics2D names by the machine's font, e.g. DejaVu Sans) and every
   * clip path id prefixed with {@code name}, unique within a page of charts with unique names.
   */
  static String tidy(String svg, String name) {
    String s = FAMILY.matcher(svg).replaceAll("font-family:sans-serif");
    return CLIP_ID.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + name + "-" + m.group(2)));
  }

  /**
   * A chart's SVG document as an element of an HTML page: from its {@code <svg>} tag on (no XML
   * declaration, no doctype), without namespace declarations (HTML puts {@code <svg>} in the SVG
   * namespace itself), labelled for assistive technology by {@code label}
   * unless it is already.
   */
  static String inline(String svg, String label) {
    int start = svg.indexOf("<svg");
    if (start < 0) {
      throw new IllegalArgumentException("not an SVG document");
    }
    int end = svg.indexOf('>', start);
    String tag = ROOT_NAMESPACES.matcher(svg.substring(start, end)).replaceAll("");
    if (!tag.contains(" role=")) {
      tag += " role=\"img\" " + Html.attr("aria-label", label);
    }
    return tag + svg.substring(end).stripTrailing() + "\n";
  }
}
