package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.run.StageLog;

/** The scaling summary: per-stage and per-learner growth exponents from stage logs, per corpus kind. */
class ScalingTest {
  @TempDir Path tmp;

  private void log(String name, long n, double stageSeconds, double fitSeconds) throws Exception {
    StageLog.Log log = new StageLog.Log("r", n, 1L << 32,
        List.of(new StageLog.StageEntry("near-duplicates and folds", stageSeconds, 100),
            new StageLog.StageEntry("fit and predict", fitSeconds, 200)),
        List.of(new StageLog.LearnerEntry("l", fitSeconds, 1)), 1000, 0);
    new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .writeValue(tmp.resolve(name + ".stages.json").toFile(), log);
  }

  @Test
  void exponentsAreTheLogLogSlopesWithinEachCorpusKind() throws Exception {
    // the stage grows linearly (10x sentences, 10x time), the learner quadratically (100x)
    log("synth-1000", 1000, 2, 1);
    log("synth-10000", 10000, 20, 100);
    log("synth-100000", 100000, 200, 10000);
    log("real-5000", 5000, 1, 1); // another kind: not mixed into the synthetic series
    List<String> files = Scaling.summarise(tmp);
    assertEquals(List.of("stages.csv", "learners.csv", "exponents.csv", "scaling.svg", "scaling.png"), files);
    List<String> exponents = Files.readAllLines(tmp.resolve("exponents.csv"));
    assertTrue(exponents.contains("synth stage: near-duplicates and folds,1000,10000,1.000"), exponents.toString());
    assertTrue(exponents.contains("synth stage: near-duplicates and folds,1000,100000,1.000"), exponents.toString());
    assertTrue(exponents.contains("synth fit: l,10000,100000,2.000"), exponents.toString());
    assertTrue(exponents.stream().noneMatch(l -> l.startsWith("real")), "one size of real text: no slope");
    String stages = Files.readString(tmp.resolve("stages.csv"));
    assertTrue(stages.contains("synth,100000,near-duplicates and folds,200.000,2.000000,100.0,1049\n"), stages);
    assertTrue(Files.readString(tmp.resolve("scaling.svg")).contains("<text"), "labels are text");
  }
}
