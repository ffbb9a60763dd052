package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.eval.ResultWriter;

class ReportWriterTest {
  @TempDir Path tmp;

  private Path smallRun(String name) {
    Dataset d = Datasets.read(Datasets.SENTENCES);
    Path dir = tmp.resolve(name);
    ResultWriter.write(Evaluation.run(new EvaluationSpec(List.of(ProtocolSpec.looDoc(d)),
        List.of(new FixtureRuns.NaiveBayes("test.nb", false), new FixtureRuns.FirstWord()), 1, 20, 1)), dir);
    return dir;
  }

  @Test
  void aReportThatCannotBeBuiltCostsTheRunNothingButAWarning() throws IOException {
    Path dir = smallRun("run");
    Files.writeString(dir.resolve("confusion.csv"), "protocol,learner,true,predicted,count,repetitions\n"
        + "loo-doc,test.nb,misconduct,nonsense,1,1\n");
    List<String> warnings = new ArrayList<>();
    ReportWriter.extra(tmp.resolve("jmh"), warnings::add).writeInto(dir, null);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.getFirst().startsWith("no report written (InputException: " + dir.resolve("confusion.csv")
        + ":2: label not in manifest.json's labels of loo-doc)"), warnings.getFirst());
    assertFalse(Files.exists(dir.resolve(ReportWriter.REPORT)));
    assertFalse(Files.exists(dir.resolve(ReportWriter.CHARTS)), "partial charts removed");
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
}
