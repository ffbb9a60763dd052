package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.run.Rows;
import org.topicbench.run.Run;

/** The report of a run of two datasets with a tuned learner ({@link FixtureRuns#twoDatasets}). */
class MultiTaskReportTest {
  @TempDir static Path tmp;
  static Run run;
  static Document html;

  @BeforeAll
  static void writeRun() throws IOException {
    run = FixtureRuns.twoDatasets(tmp.resolve("run"), tmp.resolve("no-jmh"));
    html = Jsoup.parse(tmp.resolve("run").resolve(ReportWriter.REPORT).toFile(), "UTF-8");
  }

  @Test
  void twoDatasetsGiveTwoTaskSectionsAndChartsNamedWithEachDataset() throws IOException {
    List<Element> sections = html.select("section.protocol");
    assertEquals(List.of("a/kfold", "b/kfold"), sections.stream().map(s -> s.attr("data-task")).toList());
    assertEquals(List.of("a-kfold", "b-kfold"), sections.stream().map(Element::id).toList());
    assertEquals("a \u2014 kfold 3x2 on a", sections.get(0).selectFirst("h2").text());
    assertEquals("b \u2014 kfold 3x2 on b", sections.get(1).selectFirst("h2").text());
    // every section of a links to the same section of b
    for (String s : List.of("comparison", "pairwise", "tuning")) {
      assertNotNull(html.selectFirst("#a-kfold-" + s + " .alt a[href=\"#b-kfold-" + s + "\"]"), s);
    }
    List<String> files;
    try (Stream<Path> s = Files.list(tmp.resolve("run").resolve(ReportWriter.CHARTS))) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    for (String f : files) {
      assertTrue(f.matches("(a-kfold-[A-Za-z0-9._-]+|b-kfold-[A-Za-z0-9._-]+|ranking-cd)\\.(svg|png)"), f);
    }
    for (String d : List.of("a", "b")) {
      for (String chart : List.of("macro-f1", "per-class-f1", "cost")) {
        assertTrue(files.contains(d + "-kfold-" + chart + ".svg") && files.contains(d + "-kfold-" + chart + ".png"),
            d + " " + chart + ": " + files);
      }
      assertEquals(3, files.stream().filter(f -> f.startsWith(d + "-kfold-confusion-") && f.endsWith(".svg")).count());
    }
    // the tuned learner's spec-like name, sanitised, in a confusion map of a dataset where it ranks in the top 3
    String safe = "smile.nb-multinomial_smoothing_0.01_1";
    assertEquals(Names.safe(FixtureRuns.TUNED), safe);
    for (String d : List.of("a", "b")) {
      int rank = run.ranking(run.manifest().task(d + "/kfold")).indexOf(FixtureRuns.TUNED) + 1;
      if (rank <= HtmlReport.CONFUSION_LEARNERS) {
        assertTrue(files.contains(d + "-kfold-confusion-" + rank + "-" + safe + ".svg"), files.toString());
      }
    }
  }

  @Test
  void theTuningTableShowsEachOuterFoldsChoiceAndEveryCandidatesInnerScore() {
    for (String task : List.of("a/kfold", "b/kfold")) {
      String id = task.replace('/', '-');
      Element section = html.getElementById(id + "-tuning");
      assertNotNull(section, task);
      assertNotNull(html.selectFirst("#toc a[href=\"#" + id + "-tuning\"]"), "listed in the contents");
      List<Element> tuned = section.select("div.tuned");
      assertEquals(List.of(FixtureRuns.TUNED), tuned.stream().map(e -> e.attr("data-learner")).toList(),
          "only the tuned learner");
      List<Rows.Tuning> rows = run.tuning(run.manifest().task(task));
      Map<String, List<Rows.Tuning>> outer = new LinkedHashMap<>();
      for (Rows.Tuning r : rows) {
        outer.computeIfAbsent(r.repetition() + "/" + r.fold(), k -> new ArrayList<>()).add(r);
      }
      assertEquals(6, outer.size(), "3 folds x 2 repetitions");
      List<Element> trs = tuned.getFirst().select("table.tuning tbody tr");
      assertEquals(outer.size(), trs.size());
      assertEquals(List.of("smoothing=0.01", "smoothing=1"),
          tuned.getFirst().select("table.tuning thead th[data-candidate]").eachText());
      for (Element tr : trs) {
        List<Rows.Tuning> candidates = outer.get(tr.attr("data-repetition") + "/" + tr.attr("data-fold"));
        assertNotNull(candidates, tr.toString());
        Rows.Tuning chosen = candidates.stream().filter(Rows.Tuning::chosen).findFirst().orElseThrow();
        assertEquals(chosen.values(), tr.selectFirst("td.chosen-values").text());
        List<Element> marked = tr.select("td.chosen");
        assertEquals(1, marked.size(), tr.toString());
        assertEquals(Integer.toString(chosen.candidate()), marked.getFirst().attr("data-candidate"));
        assertTrue(marked.getFirst().text().startsWith("\u25c6"), marked.getFirst().text());
        for (Rows.Tuning c : candidates) {
          Element cell = tr.selectFirst("td[data-candidate=" + c.candidate() + "] [data-col=inner_score]");
          assertEquals(Html.csv(c.innerScore()), cell.attr("data-value"));
          assertEquals(Html.f3(c.innerScore()), cell.text());
        }
      }
      long zeroChosen = rows.stream().filter(r -> r.chosen() && r.candidate() == 0).count();
      assertTrue(tuned.getFirst().text().contains("smoothing=0.01 " + zeroChosen + "\u00d7"), tuned.getFirst().text());
    }
  }

  @Test
  void theRankingAcrossTheTwoDatasetsIsShown() {
    Element r = html.getElementById("ranking");
    assertNotNull(r);
    assertEquals("Across datasets", r.selectFirst("h2").text());
    assertEquals(List.of("a", "b"), r.select("table.block-ranks thead th[data-block]").eachAttr("data-block"));
    assertEquals(run.learners().size(), r.select("table.ranking tbody tr").size());
    assertTrue(r.text().contains("a/kfold: Nadeau and Bengio's corrected resampled t-test on per-fold macro-F1"),
        r.text());
    assertFalse(r.select("figure[data-chart=ranking-cd] svg").isEmpty());
  }
}
