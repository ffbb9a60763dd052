package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH's JSON read back: scores, errors ("NaN" as a string), params, secondary metrics, broken files. */
class JmhTest {
  @TempDir Path tmp;

  @Test
  void readsScoresParamsAndSecondaryMetrics() throws Exception {
    Files.writeString(tmp.resolve("a.json"), """
        [ {"benchmark": "org.topicbench.bench.TokenizerThroughput.ours", "mode": "thrpt", "threads": 1,
           "params": {"input": "articles", "kernel": "vector"},
           "primaryMetric": {"score": 1234.5, "scoreError": 12.25, "scoreUnit": "ops/s"},
           "secondaryMetrics": {"\\u00b7gc.alloc.rate.norm": {"score": 0.5, "scoreError": "NaN", "scoreUnit": "B/op"},
                                "\\u00b7gc.count": {"score": 3, "scoreError": "NaN", "scoreUnit": "counts"},
                                "chars": {"score": 9, "scoreError": 1, "scoreUnit": "ops/s"}}},
          {"benchmark": "x.Y.z", "mode": "avgt", "primaryMetric": {"score": 2, "scoreError": "NaN", "scoreUnit": "ms/op"}} ]
        """);
    Files.writeString(tmp.resolve("b.json"), "{\"not\": \"an array\"}");
    Files.writeString(tmp.resolve("notes.txt"), "ignored");
    List<Jmh.File> files = Jmh.read(tmp);
    assertEquals(2, files.size(), "only .json files, by name");
    Jmh.File a = files.getFirst();
    assertNull(a.error());
    Jmh.Result r = a.results().getFirst();
    assertEquals("TokenizerThroughput.ours", r.shortName());
    assertEquals(List.of("input", "kernel"), List.copyOf(r.params().keySet()));
    assertEquals(1234.5, r.primary().score());
    assertEquals(12.25, r.primary().error());
    assertEquals("ops/s", r.primary().unit());
    assertTrue(Double.isNaN(r.secondary().get("\u00b7gc.alloc.rate.norm").error()), "\"NaN\" as a string");
    assertEquals(1, a.results().get(1).threads(), "threads default to 1");
    assertTrue(Double.isNaN(a.results().get(1).primary().error()));
    assertEquals(List.of("\u00b7gc.alloc.rate.norm", "chars"), Jmh.secondaryColumns(a.results()),
        "allocation per op and counters; other gc metrics left out");
    assertEquals(tmp.resolve("b.json") + ": not a JMH JSON result (expected an array of benchmarks)",
        files.get(1).error());
    assertEquals(List.of(), Jmh.read(tmp.resolve("none")));
  }

  @Test
  void theCommittedResultsRead() {
    for (Jmh.File f : Jmh.read(Path.of("results", "jmh"))) {
      assertNull(f.error(), f.file().toString());
      assertTrue(!f.results().isEmpty(), f.file().toString());
    }
  }
}
