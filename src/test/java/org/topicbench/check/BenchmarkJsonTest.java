package org.topicbench.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The github-action-benchmark file: one entry per task, learner and metric, NaN left out. */
class BenchmarkJsonTest {
  @Test
  void oneEntryPerTaskLearnerAndMetricWithoutNaN() throws Exception {
    RunData.ProtocolInfo kfold = new RunData.ProtocolInfo("a/kfold", "kfold 3x2 on a", 3, 2, List.of(), List.of("x"));
    RunData.ProtocolInfo split = new RunData.ProtocolInfo("a/split", "split", 0, 1, List.of(), List.of("x"));
    List<RunData.LearnerInfo> learners = List.of(new RunData.LearnerInfo("l1", new LinkedHashMap<>()),
        new RunData.LearnerInfo("l2", new LinkedHashMap<>()));
    Map<RunData.Key, RunData.Figures> figures = Map.of(
        new RunData.Key("a/kfold", "l1"), new RunData.Figures(2, 10, 0.5, 0.25, new LinkedHashMap<>()),
        new RunData.Key("a/kfold", "l2"), new RunData.Figures(2, 10, 0.75, Double.NaN, new LinkedHashMap<>()),
        new RunData.Key("a/split", "l1"), new RunData.Figures(1, 4, 1.0, 1.0, new LinkedHashMap<>()),
        new RunData.Key("a/split", "l2"), new RunData.Figures(1, 4, 0.0, 0.0, new LinkedHashMap<>()));
    RunData run = new RunData(Path.of("r"), "id", "unknown", 1, List.of(kfold, split), learners, figures, Map.of());
    JsonNode all = new ObjectMapper().readTree(BenchmarkJson.render(run, null));
    assertEquals(7, all.size(), "4 x 2 entries, the NaN one left out");
    assertEquals("a/kfold/l1/accuracy", all.get(0).get("name").asText());
    assertEquals("accuracy", all.get(0).get("unit").asText());
    assertEquals(0.5, all.get(0).get("value").asDouble());
    assertEquals("a/kfold/l1/macro_f1", all.get(1).get("name").asText());
    assertEquals("macro-F1", all.get(1).get("unit").asText());
    assertEquals("a/kfold/l2/accuracy", all.get(2).get("name").asText());
    assertEquals("a/split/l1/accuracy", all.get(3).get("name").asText());
    JsonNode one = new ObjectMapper().readTree(BenchmarkJson.render(run, Set.of("l2")));
    assertEquals(3, one.size());
    assertEquals(List.of("name", "unit", "value"), List.copyOf(iterable(one.get(0).fieldNames())));
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
