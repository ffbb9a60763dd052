package org.topicbench.check;

import java.util.ArrayList;
import java.util.List;
import org.topicbench.check.CheckReport.Flips;
import org.topicbench.check.CheckReport.LearnerCheck;
import org.topicbench.check.CheckReport.MetricChange;
import org.topicbench.check.CheckReport.Moved;
import org.topicbench.check.CheckReport.ProtocolCheck;

/**
 * Renders a {@link CheckReport} as GitHub-flavoured markdown for a pull-request comment: the verdict and
 * what failed or improved first, every learner's figures in a collapsed section.
 */
public final class CheckMarkdown {
  private CheckMarkdown() {}

  /**
   * The comment.
   *
   * @param acceptCommand the command that accepts the changes as the new baseline
   */
  public static String render(CheckReport r, String acceptCommand) {
    StringBuilder b = new StringBuilder();
    List<Moved> drops = r.drops();
    List<Moved> ups = r.improvements();
    if (r.passed()) {
      b.append("## Accuracy check passed\n\n");
      b.append(!r.changed() ? "Every tracked metric and every prediction is as in the baseline.\n"
          : !ups.isEmpty() ? ups.size() + (ups.size() == 1 ? " metric improved" : " metrics improved")
              + "; none dropped by more than " + CheckText.tolerance(r.tolerance()) + ".\n"
          : "No tracked metric dropped by more than " + CheckText.tolerance(r.tolerance()) + ".\n");
    } else {
      int n = drops.size() + r.problems().size();
      b.append("## Accuracy check FAILED\n\n").append(n).append(n == 1 ? " failure" : " failures")
          .append(" (tolerance ").append(CheckText.tolerance(r.tolerance())).append(").\n");
      if (!r.failingLearners().isEmpty()) {
        b.append("\nFailing learners: ").append(escape(String.join(", ", r.failingLearners()))).append(".\n");
      }
    }
    if (!drops.isEmpty()) {
      b.append("\n**Dropped by more than ").append(CheckText.tolerance(r.tolerance())).append(":**\n\n");
      b.append(movedTable(drops));
    }
    if (!r.problems().isEmpty()) {
      b.append("\n**Also failing:**\n\n");
      r.problems().forEach(p -> b.append("- ").append(escape(p)).append('\n'));
    }
    if (!ups.isEmpty()) {
      b.append("\n**Improved:**\n\n");
      b.append(movedTable(ups));
    }
    if (!r.notes().isEmpty()) {
      b.append("\n**Notes:**\n\n");
      r.notes().forEach(n -> b.append("- ").append(escape(n)).append('\n'));
    }
    if (r.changed()) {
      b.append('\n').append(r.passed() ? "To accept the new figures as the baseline" : "If the change is intended, accept it")
          .append(": `").append(acceptCommand).append("`, then commit the baseline.\n");
    }
    b.append("\nBaseline: `").append(CheckText.describe(r.baseline())).append("`  \nNow: `")
        .append(CheckText.describe(r.now())).append("`\n");
    b.append("\n<details><summary>Every learner and tracked metric</summary>\n");
    for (ProtocolCheck p : r.protocols()) {
      b.append("\n### ").append(escape(p.description())).append("\n\n");
      b.append(protocolTable(p));
    }
    b.append("\nEach cell: now (change from the baseline). Flips pair out-of-fold predictions by repetition and"
        + " sentence; McNemar is the exact test on the sentences.\n\n</details>\n");
    return b.toString();
  }

  private static String movedTable(List<Moved> moved) {
    List<List<String>> rows = new ArrayList<>();
    for (Moved m : moved) {
      Flips f = m.learner().flips();
      rows.add(List.of(
          m.learner().protocol(), m.learner().learner(), m.metric().metric(), CheckText.num(m.metric().baseline()),
          CheckText.num(m.metric().now()), CheckText.change(m.metric()),
          f == null ? "" : Integer.toString(f.rightToWrong()), f == null ? "" : Integer.toString(f.wrongToRight()),
          f == null ? "" : CheckText.p(f.mcnemarP())));
    }
    return table(
        List.of("protocol", "learner", "metric", "baseline", "now", "change", "right→wrong", "wrong→right", "McNemar p"),
        "lllrrrrrr", rows);
  }

  private static String protocolTable(ProtocolCheck p) {
    if (p.learners().isEmpty()) {
      return "No learner.\n";
    }
    List<String> header = new ArrayList<>(List.of("learner", "status"));
    p.learners().getFirst().metrics().forEach(m -> header.add(m.metric()));
    header.addAll(List.of("right→wrong", "wrong→right", "McNemar p"));
    List<List<String>> rows = new ArrayList<>();
    for (LearnerCheck l : p.learners()) {
      List<String> row = new ArrayList<>(List.of(l.learner(), l.status().text()));
      for (MetricChange m : l.metrics()) {
        String c = CheckText.change(m);
        row.add(Double.isNaN(m.now()) && Double.isNaN(m.baseline()) ? "NaN"
            : Double.isNaN(m.now()) ? "-" : CheckText.num(m.now()) + (c.equals("0") || c.equals("-") ? "" : " (" + c + ")"));
      }
      Flips f = l.flips();
      row.add(f == null ? "" : Integer.toString(f.rightToWrong()));
      row.add(f == null ? "" : Integer.toString(f.wrongToRight()));
      row.add(f == null ? "" : CheckText.p(f.mcnemarP()));
      rows.add(row);
    }
    return table(header, "ll" + "r".repeat(header.size() - 2), rows);
  }

  private static String table(List<String> header, String align, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("|");
    header.forEach(h -> b.append(' ').append(escape(h)).append(" |"));
    b.append("\n|");
    for (char a : align.toCharArray()) {
      b.append(a == 'r' ? " ---: |" : " --- |");
    }
    b.append('\n');
    for (List<String> r : rows) {
      b.append('|');
      r.forEach(c -> b.append(' ').append(escape(c)).append(" |"));
      b.append('\n');
    }
    return b.toString();
  }

  private static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
