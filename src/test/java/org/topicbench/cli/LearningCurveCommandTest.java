package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.assertOneLineError;
import static org.topicbench.testsupport.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.testsupport.Cli;

/** {@code learning-curve}: its files, a chart per learner, identical reruns, and refusals. */
class LearningCurveCommandTest {
  @Test
  void writesTheCurveTheTrendAndAChartPerLearner(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("curve");
    String[] args = {"learning-curve", "--learner", "smile.nb-complement", "--learner", "baseline.majority",
        "--fractions", "0.3,0.6,1", "--folds", "3", "--repeats", "1", "--out", out.toString()};
    Cli.Run r = run(args);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("smile.nb-complement: "), r.out());
    List<String> curve = Files.readAllLines(out.resolve("curve.csv"));
    assertEquals("dataset,learner,fraction,train_size,macro_f1_mean,macro_f1_sd,ci_low,ci_high,folds", curve.get(0));
    assertEquals(1 + 2 * 3, curve.size());
    assertEquals(3, Files.readAllLines(out.resolve("trend.csv")).size());
    assertTrue(Files.exists(out.resolve("charts").resolve("smile.nb-complement.svg")));
    assertTrue(Files.exists(out.resolve("charts").resolve("baseline.majority.png")));
    String html = Files.readString(out.resolve("learning-curve.html"));
    assertTrue(html.contains("<svg") && html.contains("Trend: 1 \u2212 F1"), "charts inline, trend in the page");
    String first = Files.readString(out.resolve("curve.csv"));
    assertEquals(0, run(args).code(), "an earlier learning-curve folder is replaced");
    assertEquals(first, Files.readString(out.resolve("curve.csv")), "same inputs and seed, same numbers");
  }

  @Test
  void badInputIsOneLineAndAForeignFolderIsNeverReplaced(@TempDir Path dir) throws Exception {
    assertOneLineError(run("learning-curve", "--fractions", "0.5,0.2"),
        "--fractions: must increase within (0, 1], got [0.5, 0.2]");
    assertOneLineError(run("learning-curve", "--folds", "1"), "--folds: must be 2 to 100, got 1");
    Path mine = dir.resolve("project");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("notes.txt"), "mine");
    assertOneLineError(run("learning-curve", "--learner", "baseline.majority", "--out", mine.toString()),
        mine + ": is not a learning-curve directory (it holds notes.txt); name a new or empty folder");
    assertEquals("mine", Files.readString(mine.resolve("notes.txt")));
  }
}
