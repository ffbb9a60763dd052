package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.topicbench.data.Dataset;
import org.topicbench.testsupport.Fixtures;

/** The terminal tables: one per task in rank order with the result's own figures, then the ranking. */
class ResultTableTest {
  @Test
  void oneTablePerTaskByRankThenTheRankingAcrossDatasets() {
    Dataset d = Fixtures.dataset("d", 5, 8, 1);
    Dataset e = Fixtures.dataset("e", 4, 8, 2);
    EvaluationResult r = Evaluation.run(new EvaluationSpec(
        List.of(ProtocolSpec.kfold("d", d, 4, 2), ProtocolSpec.looDoc("e", e)),
        List.of(new Fixtures.FirstWord(), new Fixtures.SeededGuess(), new Fixtures.Recording("c", "beta")), 3, 50, 2));
    String text = ResultTable.render(r);
    List<String> lines = text.lines().toList();
    assertTrue(lines.getFirst().startsWith("d: kfold 4x2 on d: 40 sentences scored, 3 labels"), lines.getFirst());
    assertTrue(lines.get(1).matches("rank\\s+learner\\s+macro-F1 \\[95% CI\\].*"), lines.get(1));
    ProtocolResult dk = r.protocols().getFirst();
    for (int i = 0; i < 3; i++) {
      String name = dk.ranking().get(i);
      String row = lines.get(2 + i);
      assertTrue(row.matches("\\s*" + (i + 1) + "\\s+" + java.util.regex.Pattern.quote(name) + "\\s.*"), row);
      assertTrue(row.contains(String.format(Locale.ROOT, "%.3f", dk.learner(name).macroF1Pooled().mean())), row);
    }
    assertTrue(text.contains("beats N: significantly better than rank N (corrected resampled t-test"), text);
    assertTrue(text.contains("\ne: loo-doc on e: 32 sentences scored"), text);
    assertTrue(text.contains("beats N: significantly better than rank N (exact McNemar test"), text);
    // two datasets: the ranking, its tests and the control
    RankingResult rr = r.ranking();
    String ranking = text.substring(text.indexOf("ranking across 2 datasets by macro_f1"));
    assertTrue(ranking.contains(String.format(Locale.ROOT, "Friedman chi2 = %.3f (df 2, p = %.4f)",
        rr.result().friedmanChi2(), rr.result().friedmanP())), ranking);
    assertTrue(ranking.contains(String.format(Locale.ROOT, "Nemenyi CD = %.3f at alpha 0.05",
        rr.result().criticalDifference())), ranking);
    assertTrue(ranking.contains("(control)"), ranking);
  }
}
