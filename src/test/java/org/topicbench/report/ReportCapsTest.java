package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topicbench.run.Manifest;
import org.topicbench.run.Rows;
import org.topicbench.run.Run;

/**
 * A run with more sentences, errors, clusters and folds than the report lists: every section that grows
 * with the sentences shows its cap, says how many it shows of how many, and names the file that has
 * them all; building the page twice gives the same page.
 */
class ReportCapsTest {
  static Run run;
  static String page;
  static Document html;

  @BeforeAll
  static void build() {
    run = FixtureRuns.many();
    page = HtmlReport.build(run, List.of()).html();
    html = Jsoup.parse(page);
  }

  static Element section(Manifest.Task t, String s) {
    Element e = html.selectFirst("section.protocol[data-task=\"" + t.key() + "\"] section[id$=-" + s + "]");
    assertNotNull(e, t.key() + " " + s);
    return e;
  }

  static Element capped(Element scope, int listed, int of) {
    Element note = scope.selectFirst(".capped[data-listed=" + listed + "]");
    assertNotNull(note, scope.id() + ": a note on " + listed + " shown");
    assertEquals(Integer.toString(of), note.attr("data-of"), scope.id());
    assertTrue(note.text().contains("Showing") && note.text().contains(listed + " of " + of), note.text());
    return note;
  }

  @Test
  void misclassifiedSentencesAreSampledAcrossLabelPairsWithTheirCount() {
    for (Manifest.Task t : run.tasks()) {
      Element s = section(t, "errors");
      String best = run.best(t);
      List<Rows.Prediction> wrong =
          run.predictions(t, best).stream().filter(p -> !p.truth().equals(p.predicted())).toList();
      long pairs = wrong.stream().map(p -> p.source() + "/" + p.id() + " " + p.predicted()).distinct().count();
      assertTrue(pairs > HtmlReport.MISCLASSIFIED_ROWS, t.key() + ": the fixture has more errors than listed");
      List<Element> rows = s.select("table.misclassified tbody tr");
      assertEquals(HtmlReport.MISCLASSIFIED_ROWS, rows.size(), t.key());
      Element note = capped(s, HtmlReport.MISCLASSIFIED_ROWS, (int) pairs);
      assertTrue(note.text().contains("predictions.csv"), note.text());
      assertEquals(HtmlReport.MISCLASSIFIED_ROWS + " of " + HtmlReport.MISCLASSIFIED_ROWS + " listed shown (" + pairs
          + " pairs in all)", s.selectFirst(".filters .count").text());
      // every (true, predicted) pair that occurs is among the listed rows
      Set<String> occurring = new TreeSet<>();
      wrong.forEach(p -> occurring.add(p.truth() + " -> " + p.predicted()));
      Set<String> listed = new TreeSet<>();
      rows.forEach(r -> listed.add(r.attr("data-true") + " -> " + r.attr("data-predicted")));
      assertEquals(occurring, listed, t.key());
    }
  }

  @Test
  void clustersAndTheirMembersAreCappedWithTheirCounts() {
    for (Manifest.Task t : run.tasks()) {
      Element s = section(t, "repeats");
      long clusters = run.examples(t).stream().filter(e -> e.clusterSize() > 1).map(Rows.Example::cluster).distinct()
          .count();
      assertEquals(FixtureRuns.MANY_DOCS / 2 + 1, clusters, t.key());
      assertEquals(HtmlReport.CLUSTERS, s.select(".cluster").size(), t.key());
      Element note = capped(s, HtmlReport.CLUSTERS, (int) clusters);
      assertTrue(note.text().contains("examples.csv"), note.text());
      Element boilerplate = s.select(".cluster").stream()
          .filter(c -> c.select("tbody tr").size() == HtmlReport.CLUSTER_MEMBERS).findFirst().orElse(null);
      assertNotNull(boilerplate, t.key() + ": the boilerplate cluster, cut to its first members");
      capped(boilerplate, HtmlReport.CLUSTER_MEMBERS, FixtureRuns.MANY_DOCS);
      for (Element c : s.select(".cluster")) {
        assertTrue(c.select("tbody tr").size() <= HtmlReport.CLUSTER_MEMBERS);
      }
    }
    Manifest.Task kfold = run.tasks().getFirst();
    assertTrue(section(kfold, "repeats").text().contains("kept together in every repetition"),
        "kfold summarises every cluster's verdict, not only the shown ones");
  }

  @Test
  void foldsAndTuningTablesListTheFirstFolds() {
    Manifest.Task loo = run.tasks().stream().filter(t -> t.protocol().equals("loo-doc")).findFirst().orElseThrow();
    Element repeats = section(loo, "repeats");
    assertEquals(HtmlReport.FOLD_ROWS, repeats.select("table.folds tbody tr").size());
    assertTrue(capped(repeats, HtmlReport.FOLD_ROWS, FixtureRuns.MANY_DOCS).text().contains("folds.csv"));
    Element tuning = section(loo, HtmlReport.TUNING);
    assertEquals(HtmlReport.FOLD_ROWS, tuning.select("table.tuning tbody tr").size());
    assertTrue(capped(tuning, HtmlReport.FOLD_ROWS, FixtureRuns.MANY_DOCS).text().contains("tuning.csv"));
  }

  @Test
  void thePageIsTheSameWhenBuiltAgain() {
    assertEquals(page, HtmlReport.build(run, List.of()).html());
    assertFalse(page.isEmpty());
  }
}
