package org.topicbench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the report makes from the run's: element ids and chart file names that hold only {@code
 * [A-Za-z0-9._-]} and never repeat, and short labels for learner names in charts (learner names are
 * specs, which can run to a hundred characters or more).
 */
final class Names {
  /** Longest learner part of a file name or id. */
  static final int MAX_PART = 80;

  private final Set<String> used = new HashSet<>();
  private final Map<String, String> ids = new HashMap<>();

  /**
   * {@code name} with every character outside {@code [A-Za-z0-9._-]} replaced by {@code _}, cut to
   * {@link #MAX_PART} characters.
   */
  static String safe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.length() > MAX_PART ? s.substring(0, MAX_PART) : s;
  }

  /**
   * A name not given out before: {@code base}, or {@code base-2}, {@code base-3}, ... when it was
   * (two learners whose names differ only in characters {@link #safe} replaces, say).
   */
  String unique(String base) {
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + "-" + i;
    }
    return name;
  }

  /** The unique name given to {@code key} (the same key always gets the same one), made from {@code base}. */
  String of(String key, String base) {
    return ids.computeIfAbsent(key, k -> unique(base));
  }

  /**
   * Labels for {@code names} of at most {@code max} characters: a longer name keeps its start and its
   * end around an ellipsis (the end of a spec is where its settings differ). A name whose short label
   * would equal another's keeps its full name, so no two labels are the same.
   */
  static List<String> shortLabels(List<String> names, int max) {
    List<String> out = new ArrayList<>();
    Map<String, Integer> count = new HashMap<>();
    for (String n : names) {
      String s = shorten(n, max);
      out.add(s);
      count.merge(s, 1, Integer::sum);
    }
    for (int i = 0; i < out.size(); i++) {
      if (count.get(out.get(i)) > 1) {
        out.set(i, names.get(i));
      }
    }
    return out;
  }

  /** {@code name} cut to {@code max} characters (at least 5) with an ellipsis in the middle. */
  static String shorten(String name, int max) {
    if (name.codePointCount(0, name.length()) <= max) {
      return name;
    }
    int[] cps = name.codePoints().toArray();
    int keep = max - 1;
    int head = (keep + 1) / 2;
    int tail = keep - head;
    return new String(cps, 0, head) + "\u2026" + new String(cps, cps.length - tail, tail);
  }
}
