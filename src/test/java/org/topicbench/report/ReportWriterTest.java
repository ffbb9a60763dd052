package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.run.Rows;
import org.topicbench.run.Run;
import org.topicbench.run.RunFormat;
import org.topicbench.run.RunReader;
import org.topicbench.run.RunWriter;

class ReportWriterTest {
  @TempDir Path tmp;

  private Path smallRun(String name) {
    Dataset d = Datasets.read(Datasets.SENTENCES);
    Path dir = tmp.resolve(name);
    RunWriter.write(Evaluation.run(new EvaluationSpec(List.of(ProtocolSpec.looDoc(d)),
        List.of(new FixtureRuns.NaiveBayes("test.nb", false), new FixtureRuns.FirstWord()), 1, 20, 1)), dir);
    return dir;
  }

  @Test
  void aReportThatCannotBeBuiltCostsTheRunNothingButAWarning() throws IOException {
    Path dir = smallRun("run");
    Run run = RunReader.read(dir);
    List<Rows.Confusion> confusion = new ArrayList<>(run.confusion());
    Rows.Confusion c = confusion.getFirst();
    confusion.set(0, new Rows.Confusion(c.dataset(), c.protocol(), c.learner(), c.truth(), "nonsense", 1, 1));
    Run broken = new Run(dir, run.manifest(), run.summary(), run.perClass(), confusion, run.folds(), run.calibration(), run.pairwise(),
        run.predictions(), run.examples(), run.timings(), run.tuning(), run.ranks(), run.ranking(), run.wins());
    List<String> warnings = new ArrayList<>();
    ReportWriter.extra(tmp.resolve("jmh"), warnings::add).writeInto(dir, broken);
    assertEquals(1, warnings.size(), warnings.toString());
    assertEquals("no report written (InputException: confusion.csv: label not in manifest.json's labels of "
        + "sentences/loo-doc); the run is complete, 'topicbench report' rebuilds the report", warnings.getFirst());
    assertFalse(Files.exists(dir.resolve(ReportWriter.REPORT)));
    assertFalse(Files.exists(dir.resolve(ReportWriter.CHARTS)), "partial charts removed");
  }

  @Test
  void theReportIsRenderedFromTheRunItIsHandedNotReadAgain() throws IOException {
    Path dir = smallRun("run");
    Run run = RunReader.read(dir);
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.delete(dir.resolve("summary.csv")); // a re-read would fail
    ReportWriter.extra(tmp.resolve("jmh")).writeInto(out, run);
    Document html = Jsoup.parse(out.resolve(ReportWriter.REPORT).toFile(), "UTF-8");
    assertEquals(run.summary().size(), html.select("#sentences-loo-doc-comparison table.comparison tbody tr").size());
    assertTrue(Files.exists(out.resolve("charts/sentences-loo-doc-macro-f1.svg")));
  }

  @Test
  void aBrokenJmhFileIsNotedOnThePageInsteadOfFailingTheReport() throws IOException {
    Path dir = smallRun("run");
    Path jmh = tmp.resolve("jmh");
    Files.createDirectories(jmh);
    Files.writeString(jmh.resolve("a.json"), "{\"not\": \"an array\"}");
    ReportWriter.rebuild(dir, jmh);
    Document html = Jsoup.parse(dir.resolve(ReportWriter.REPORT).toFile(), "UTF-8");
    assertEquals(jmh.resolve("a.json") + ": not a JMH JSON result (expected an array of benchmarks)",
        html.selectFirst("#tokenizer p.warning").text());
    assertTrue(html.select("#tokenizer table").isEmpty());
  }

  @Test
  void rebuildRefusesWhileTheRunDirectoryIsLocked() throws IOException {
    Path dir = smallRun("run");
    try (AtomicFile.DirectoryLock lock = RunFormat.lock(dir)) {
      InputException e = assertThrows(InputException.class, () -> ReportWriter.rebuild(dir, tmp.resolve("jmh")));
      assertTrue(e.getMessage().contains("another topicbench process is writing it"), e.getMessage());
    }
    assertFalse(Files.exists(dir.resolve(ReportWriter.REPORT)), "nothing written while locked");
    ReportWriter.rebuild(dir, tmp.resolve("jmh"));
    assertTrue(Files.exists(dir.resolve(ReportWriter.REPORT)), "written once the lock is free");
    try (var s = Files.list(tmp)) {
      assertEquals(List.of("run"), s.map(p -> p.getFileName().toString()).sorted().toList(), "the lock file is gone");
    }
  }
}
