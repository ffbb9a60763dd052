package org.topicbench.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plain-text tables {@code topicbench evaluate} prints: one per protocol, sorted by macro-F1. */
public final class ResultTable {
  private ResultTable() {}

  /** Every protocol's table, separated by blank lines. */
  public static String render(EvaluationResult result) {
    StringBuilder b = new StringBuilder();
    for (ProtocolResult pr : result.protocols()) {
      if (!b.isEmpty()) {
        b.append('\n');
      }
      b.append(render(pr));
    }
    if (result.ranking() != null) {
      b.append('\n').append(render(result.ranking()));
    }
    return b.toString();
  }

  /** The ranking across tasks: average ranks, the Friedman and Iman-Davenport tests, the Nemenyi CD, Holm vs control. */
  public static String render(RankingResult rr) {
    MultiComparison.Result r = rr.result();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "ranking across %d %s by %s (Demsar 2006): Friedman chi2 = %.3f (df %d, p = %.4f),"
        + " Iman-Davenport F = %.3f (df %d, %d, p = %.4f); Nemenyi CD = %.3f at alpha %.2f%n",
        rr.blocks().size(), rr.spec().by() == RankingSpec.By.DATASET ? "datasets" : "tasks", rr.spec().metric(),
        r.friedmanChi2(), r.friedmanDf(), r.friedmanP(), r.imanDavenportF(), r.imanDavenportDf1(), r.imanDavenportDf2(),
        r.imanDavenportP(), r.criticalDifference(), rr.spec().alpha()));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"rank", "learner", "average rank", "vs " + r.control() + " (Holm)"});
    Integer[] order = new Integer[r.learners().size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> r.averageRanks()[i]));
    int rank = 0;
    for (int i : order) {
      String name = r.learners().get(i);
      String vs = name.equals(r.control()) ? "(control)" : r.versusControl().stream().filter(c -> c.learner().equals(name))
          .findFirst().map(c -> String.format(Locale.ROOT, "p_holm = %.4f%s", c.pHolm(), c.significant() ? " *" : ""))
          .orElse("");
      rows.add(new String[] {Integer.toString(++rank), name, String.format(Locale.ROOT, "%.3f", r.averageRanks()[i]), vs});
    }
    int[] w = new int[4];
    for (String[] row : rows) {
      for (int c = 0; c < 4; c++) {
        w[c] = Math.max(w[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      b.append(String.format(Locale.ROOT, "%" + w[0] + "s  %-" + w[1] + "s  %" + w[2] + "s  %s%n", row[0], row[1],
          row[2], row[3]).stripTrailing()).append('\n');
    }
    b.append("(* differs significantly from the control after Holm's correction; learners whose average ranks differ by"
        + " at least the CD differ significantly)\n");
    return b.toString();
  }

  /** One protocol's table with a heading and a footnote on the significance marks. */
  public static String render(ProtocolResult pr) {
    FoldPlan plan = pr.plan();
    StringBuilder b = new StringBuilder();
    b.append(pr.dataset()).append(": ").append(plan.spec().describe())
        .append(String.format(Locale.ROOT, ": %d sentences scored, %d labels", plan.scored().length,
            plan.labelNames().size()));
    b.append(String.format(Locale.ROOT, "; %d sentences in %d near-duplicate clusters", plan.multiMemberSentences(),
        plan.multiMemberClusters()));
    int purged = plan.folds().stream().mapToInt(Fold::purged).sum();
    if (purged > 0) {
      b.append(String.format(Locale.ROOT, ", %d purged from training", purged));
    }
    if (plan.testNearDuplicatesOfTrain() > 0) {
      b.append(String.format(Locale.ROOT, ", %d test sentences nearly repeat a training sentence",
          plan.testNearDuplicatesOfTrain()));
    }
    b.append('\n');
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"rank", "learner", "macro-F1 [95% CI]", "fold-mean", "accuracy [95% CI]", "kappa",
        "log-loss", "Brier", "ECE", "train s", "sent/s", "significantly better than"});
    for (String name : pr.ranking()) {
      LearnerResult l = pr.learner(name);
      List<String> beats = new ArrayList<>();
      for (String other : pr.betterThan().get(name)) {
        beats.add(Integer.toString(pr.rank(other)));
      }
      long testSentences = 0;
      for (Fold f : plan.folds()) {
        testSentences += f.test().length;
      }
      double perSecond = l.totalPredictNanos() == 0 ? Double.NaN : testSentences * 1e9 / l.totalPredictNanos();
      rows.add(new String[] {
        Integer.toString(pr.rank(name)),
        name,
        withInterval(l.macroF1Pooled()),
        f3(l.macroF1FoldMean()),
        withInterval(l.accuracy()),
        f3(l.kappa().mean()),
        f3(l.logLoss().mean()),
        f3(l.brier().mean()),
        f3(l.ece().mean()),
        String.format(Locale.ROOT, "%.2f", l.totalTrainNanos() / 1e9),
        Double.isNaN(perSecond) ? "-" : String.format(Locale.ROOT, "%.0f", perSecond),
        beats.isEmpty() ? "" : "beats " + String.join(",", beats)
      });
    }
    int[] width = new int[rows.getFirst().length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        boolean right = i == 0 || i == 3 || (i >= 5 && i <= 10);
        String cell = right ? pad(r[i], width[i], true) : pad(r[i], width[i], false);
        line.append(i == 0 ? "" : "  ").append(cell);
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    b.append(
        pr.rankingMetric().equals("macro_f1")
            ? "beats N: significantly better than rank N (corrected resampled t-test on per-fold macro-F1,"
                + " Holm-adjusted p < 0.05)\n"
            : "beats N: significantly better than rank N (exact McNemar test on the predictions,"
                + " Holm-adjusted p < 0.05)\n");
    for (String w : plan.warnings()) {
      b.append("warning: ").append(w).append('\n');
    }
    return b.toString();
  }

  private static String withInterval(Estimate e) {
    if (Double.isNaN(e.ciLow())) {
      return f3(e.mean());
    }
    return f3(e.mean()) + " [" + f3(e.ciLow()) + ", " + f3(e.ciHigh()) + "]";
  }

  private static String f3(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String pad(String s, int w, boolean right) {
    String fill = " ".repeat(Math.max(0, w - s.length()));
    return right ? fill + s : s + fill;
  }
}
