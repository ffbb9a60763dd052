package org.topicbench.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.topicbench.check.CheckReport.Flips;
import org.topicbench.check.CheckReport.LearnerCheck;
import org.topicbench.check.CheckReport.MetricChange;
import org.topicbench.check.CheckReport.Moved;
import org.topicbench.check.CheckReport.ProtocolCheck;
import org.topicbench.check.CheckReport.Verdict;

/**
 * Renders a {@link CheckReport} as plain text for a terminal or a CI log: ASCII only, no colours, a table
 * per protocol and learner, and a verdict at the end (where a CI log is read) that names every learner,
 * protocol and metric that failed.
 */
public final class CheckText {
  private CheckText() {}

  /**
   * The whole report.
   *
   * @param acceptCommand the command that accepts the changes as the new baseline
   */
  public static String render(CheckReport r, String acceptCommand) {
    StringBuilder b = new StringBuilder();
    b.append("topicbench check\n");
    b.append("  baseline:  ").append(describe(r.baseline())).append('\n');
    b.append("  now:       ").append(describe(r.now())).append('\n');
    b.append("  tolerance: ").append(tolerance(r.tolerance()))
        .append(" (the most a tracked metric - accuracy, macro_f1, f1[label] - may drop)\n");
    for (ProtocolCheck p : r.protocols()) {
      b.append("\n== ").append(p.description()).append(" ==\n");
      for (LearnerCheck l : p.learners()) {
        b.append('\n').append("  ").append(l.learner()).append(": ").append(l.status().text()).append('\n');
        b.append(table(l, "    "));
        if (l.flips() != null) {
          b.append("    ").append(flips(l.flips())).append('\n');
        }
      }
    }
    b.append('\n').append(verdict(r, acceptCommand));
    return b.toString();
  }

  /** The verdict block: a reviewer reads this in ten seconds. */
  public static String verdict(CheckReport r, String acceptCommand) {
    StringBuilder b = new StringBuilder();
    List<Moved> drops = r.drops();
    List<Moved> ups = r.improvements();
    if (r.passed()) {
      b.append("RESULT: PASSED (exit 0): ");
      if (!r.changed()) {
        b.append("every tracked metric and every prediction as in the baseline\n");
      } else if (!ups.isEmpty()) {
        b.append(ups.size()).append(ups.size() == 1 ? " metric improved" : " metrics improved")
            .append(", none dropped by more than ").append(tolerance(r.tolerance())).append('\n');
      } else {
        b.append("no tracked metric dropped by more than ").append(tolerance(r.tolerance())).append('\n');
      }
    } else {
      int n = drops.size() + r.problems().size();
      b.append("RESULT: FAILED (exit 1): ").append(n).append(n == 1 ? " failure" : " failures").append('\n');
      if (!r.failingLearners().isEmpty()) {
        b.append("  failing learners: ").append(String.join(", ", r.failingLearners())).append('\n');
      }
    }
    if (!drops.isEmpty()) {
      b.append("  dropped by more than ").append(tolerance(r.tolerance())).append(":\n");
      b.append(movedTable(drops, "    "));
    }
    for (String p : r.problems()) {
      b.append("  FAIL: ").append(p).append('\n');
    }
    if (!ups.isEmpty()) {
      b.append("  improved:\n");
      b.append(movedTable(ups, "    "));
    }
    for (String note : r.notes()) {
      b.append("  note: ").append(note).append('\n');
    }
    if (r.changed()) {
      b.append(r.passed() ? "  To accept the new figures as the baseline: " : "  If the change is intended, accept it: ")
          .append(acceptCommand).append(" (then commit the baseline)\n");
    }
    return b.toString();
  }

  /** What {@code check --update} accepted into the baseline {@code dir}: the changes, as the verdict lists them. */
  public static String updated(CheckReport r, String dir) {
    StringBuilder b = new StringBuilder();
    b.append("BASELINE UPDATED: ").append(dir).append(" now holds ").append(r.now().dir()).append('\n');
    if (!r.changed()) {
      b.append("  nothing changed: every tracked metric and every prediction as before\n");
    }
    if (!r.drops().isEmpty()) {
      b.append("  accepted drops (more than ").append(tolerance(r.tolerance())).append("):\n");
      b.append(movedTable(r.drops(), "    "));
    }
    for (String p : r.problems()) {
      b.append("  accepted: ").append(p).append('\n');
    }
    if (!r.improvements().isEmpty()) {
      b.append("  accepted improvements:\n");
      b.append(movedTable(r.improvements(), "    "));
    }
    for (String note : r.notes()) {
      b.append("  note: ").append(note).append('\n');
    }
    b.append("  Commit it: git add ").append(dir).append('\n');
    return b.toString();
  }

  /** A learner's metrics: metric, baseline, now, change, mark. */
  static String table(LearnerCheck l, String indent) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"metric", "baseline", "now", "change", ""});
    for (MetricChange m : l.metrics()) {
      rows.add(new String[] {m.metric(), value(m.baseline(), m), value(m.now(), m), change(m),
          m.verdict().text()});
    }
    return align(rows, indent, new boolean[] {false, true, true, true, false});
  }

  private static String movedTable(List<Moved> moved, String indent) {
    List<String[]> rows = new ArrayList<>();
    for (Moved m : moved) {
      Flips f = m.learner().flips();
      rows.add(new String[] {
        m.learner().protocol(), m.learner().learner(), m.metric().metric(),
        num(m.metric().baseline()) + " -> " + num(m.metric().now()), change(m.metric()),
        f == null ? "" : "(" + f.rightToWrong() + " right->wrong, " + f.wrongToRight() + " wrong->right, McNemar p = "
            + p(f.mcnemarP()) + ")"
      });
    }
    return align(rows, indent, new boolean[] {false, false, false, false, true, false});
  }

  /** One line on the predictions that flipped and the McNemar test. */
  public static String flips(Flips f) {
    StringBuilder b = new StringBuilder("predictions: ").append(f.paired()).append(" paired");
    if (f.repetitions() > 1) {
      b.append(" (").append(f.sentences()).append(" sentences x ").append(f.repetitions()).append(" repetitions)");
    }
    b.append("; ").append(f.rightToWrong()).append(" right->wrong, ").append(f.wrongToRight()).append(" wrong->right");
    if (f.otherChanges() > 0) {
      b.append(", ").append(f.otherChanges()).append(" wrong->other wrong");
    }
    if (f.unpaired() > 0) {
      b.append(", ").append(f.unpaired()).append(" unpaired (dataset changed)");
    }
    b.append("; exact McNemar p = ").append(p(f.mcnemarP()));
    if (f.repetitions() > 1) {
      b.append(" over sentences (").append(f.sentencesWorse()).append(" right in fewer repetitions, ")
          .append(f.sentencesBetter()).append(" in more)");
    }
    return b.toString();
  }

  static String describe(RunData d) {
    String commit = d.gitCommit().length() > 12 ? d.gitCommit().substring(0, 12) : d.gitCommit();
    return d.dir() + " (commit " + commit + ", " + d.learners().size() + (d.learners().size() == 1 ? " learner" : " learners")
        + ", " + d.protocols().size() + (d.protocols().size() == 1 ? " protocol" : " protocols") + ")";
  }

  private static String value(double v, MetricChange m) {
    if (m.verdict() == Verdict.ONE_SIDED && Double.isNaN(v)) {
      return "-";
    }
    return num(v);
  }

  /** A change with its sign, {@code 0} when equal, {@code -} when not comparable. */
  static String change(MetricChange m) {
    double d = m.change();
    if (Double.isNaN(d)) {
      return "-";
    }
    if (d == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%+.6f", d);
  }

  /** The tolerance without trailing zeros, e.g. {@code 0.005}. */
  static String tolerance(double t) {
    return new BigDecimal(Double.toString(t)).stripTrailingZeros().toPlainString();
  }

  /** 6 decimals like the result files; NaN as {@code NaN}. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  /** A p-value to 3 significant digits; exactly 1 as {@code 1}. */
  public static String p(double p) {
    if (p >= 1) {
      return "1";
    }
    return String.format(Locale.ROOT, "%.3g", p);
  }

  private static String align(List<String[]> rows, String indent, boolean[] right) {
    int[] width = new int[rows.getFirst().length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < r.length; i++) {
        String fill = " ".repeat(width[i] - r[i].length());
        line.append(i == 0 ? "" : "  ").append(right[i] ? fill + r[i] : r[i] + fill);
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }
}
