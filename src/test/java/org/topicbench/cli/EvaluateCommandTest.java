package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.testsupport.Cli.Run;

class EvaluateCommandTest {
  @TempDir Path tmp;  private Path csv(String name, String... rows) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, "id,doc,label,text\n" + String.join("\n", rows) + "\n");
    return f;
  }

  private Path twelve() throws IOException {
    String[] rows = new String[12];
    for (int i = 0; i < 12; i++) {
      rows[i] = "s" + i + ",doc" + (i % 4) + "," + (i % 3 == 0 ? "misconduct" : "partygate") + ",sentence " + i;
    }
    return csv("train.csv", rows);
  }

  private static void assertOneLineError(Run r, String expected) {
    assertEquals(2, r.code(), r.err());
    assertEquals("topicbench: " + expected + "\n", r.err().lines().filter(l -> l.startsWith("topicbench:")).findFirst()
        .map(l -> l + "\n").orElse(r.err()));
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void runsKfoldAndWritesTheRunDirectory() throws IOException {
    Path out = tmp.resolve("out");
    Run r = run("evaluate", "--train", twelve().toString(), "--protocol", "kfold", "--folds", "3", "--repeats", "2",
        "--bootstrap", "50", "--learners", "baseline.majority", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("kfold 3x2 on train"), r.out());
    assertTrue(r.out().contains("baseline.majority"), r.out());
    assertTrue(Files.isRegularFile(out.resolve("summary.csv")));
    // every learner x 6 folds; the count follows the registry, so match any n/n
    assertTrue(r.err().matches("(?s).*evaluate: (\\d+)/\\1 tasks \\(100%\\).*"), r.err());
  }

  @Test
  void stagesFileNamesEveryStageInOrder() throws IOException {
    Path out = tmp.resolve("out");
    Path stages = tmp.resolve("run.stages.json");
    Run r = run("evaluate", "--train", twelve().toString(), "--protocol", "kfold", "--folds", "3", "--repeats", "2",
        "--bootstrap", "50", "--learners", "baseline.majority", "--no-report", "--stages", stages.toString(),
        "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    String json = Files.readString(stages);
    int at = -1;
    for (String stage : List.of("reading", "near-duplicates and folds", "fit and predict", "scoring", "bootstrap",
        "tests", "ranking", "writing")) {
      int i = json.indexOf("\"" + stage + "\"");
      assertTrue(i > at, stage + " after the stage before it in " + json);
      at = i;
    }
  }

  @Test
  void unknownLearnerIsAOneLineError() throws IOException {
    Run r = run("evaluate", "--train", twelve().toString(), "--protocol", "kfold", "--learners", "nope",
        "--out", tmp.resolve("o").toString());
    assertEquals(2, r.code());
    assertEquals("topicbench: --learners: spec 'nope': unknown learner 'nope' (not a preset, an algorithm or"
        + " weka:CLASS; 'topicbench learners' lists them)\n", r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void moreFoldsThanTheDataHoldsIsAOneLineError() throws IOException {
    Path train = twelve();
    Run r = run("evaluate", "--train", train.toString(), "--protocol", "kfold", "--folds", "13", "--out",
        tmp.resolve("o").toString());
    assertOneLineError(r, train + ": --folds 13 is more than the 12 near-duplicate clusters of its 12 sentences");
    assertFalse(Files.exists(tmp.resolve("o")), "nothing written");
  }

  @Test
  void testLabelsTheTrainingSetLacksAreAOneLineError() throws IOException {
    Path train = twelve();
    Path test = csv("test.csv", "t1,d,boilerplate,x", "t2,d,misconduct,y");
    Run r = run("evaluate", "--train", train.toString(), "--test", test.toString(), "--protocol", "split", "--out",
        tmp.resolve("o").toString());
    assertOneLineError(r, test + ": test labels absent from the training set " + train + ": boilerplate");
  }

  @Test
  void emptyDatasetIsAOneLineError() throws IOException {
    Path empty = csv("empty.csv");
    Files.writeString(empty, "id,doc,label,text\n");
    Run r = run("evaluate", "--train", empty.toString(), "--protocol", "loo-doc", "--out", tmp.resolve("o").toString());
    assertOneLineError(r, empty + ":1: empty dataset: no rows below the header");
  }

  @Test
  void unknownProtocolAndMisplacedFoldsAreOneLineErrors() throws IOException {
    Path train = twelve();
    assertOneLineError(
        run("evaluate", "--train", train.toString(), "--protocol", "bogus"),
        "--protocol: protocol must be one of loo-doc, kfold, split, pooled; got 'bogus'");
    assertOneLineError(
        run("evaluate", "--train", train.toString(), "--protocol", "loo-doc", "--folds", "3"),
        "--folds and --repeats apply to kfold and pooled only, not to [loo-doc]");
  }
  @Test
  void twoRunsGiveByteIdenticalFilesButTimings() throws IOException {
    Path train = twelve();
    Path test = csv("test.csv", "t1,d,partygate,sentence 3", "t2,d,misconduct,another one");
    for (String dir : new String[] {"a", "b"}) {
      Run r = run("evaluate", "--train", train.toString(), "--test", test.toString(), "--protocol",
          "kfold,loo-doc,split,pooled", "--folds", "2", "--repeats", "3", "--bootstrap", "100", "--out",
          tmp.resolve(dir).toString());
      assertEquals(0, r.code(), r.err());
    }
    for (String f : org.topicbench.run.RunFormat.FILES) {
      if (!f.equals("timings.csv")) {
        assertEquals(-1L, Files.mismatch(tmp.resolve("a").resolve(f), tmp.resolve("b").resolve(f)), f);
      }
    }
  }

  @Test
  void helpPrintsNoFormatWarnings() {
    Run r = run("evaluate", "--help");
    assertEquals(0, r.code());
    assertEquals("", r.err());
    assertTrue(r.out().contains("--protocol"), r.out());
  }
}
