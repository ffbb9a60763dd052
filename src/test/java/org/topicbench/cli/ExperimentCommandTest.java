package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.assertOneLineError;
import static org.topicbench.testsupport.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.experiment.ExperimentFileTest;
import org.topicbench.run.Manifest;
import org.topicbench.run.Rows;
import org.topicbench.run.RunFormat;
import org.topicbench.run.RunReader;
import org.topicbench.testsupport.Cli.Run;

/**
 * The researcher's own experiment end to end, as issue 12 will check it: an experiment file of the issue's
 * shape with two datasets in two formats the project has never seen runs; every result file is keyed by
 * dataset; tuning.csv records each outer fold's choice; the report has the Friedman test and the
 * critical-difference diagram; two runs give identical files but timings; a bad spec or file exits 2 with
 * one line and leaves nothing behind.
 */
class ExperimentCommandTest {
  @TempDir Path tmp;

  private Path experiment() throws IOException {
    Path dir = tmp.resolve("exp");
    ExperimentFileTest.writeData(dir);
    Path f = dir.resolve("experiment.yaml");
    Files.writeString(f, ExperimentFileTest.ISSUE_SHAPE);
    return f;
  }

  @Test
  void theIssuesExperimentRunsKeyedByDatasetWithTuningAndRanking() throws IOException {
    Path f = experiment();
    Path out = tmp.resolve("run");
    Run r = run("evaluate", "--experiment", f.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("wire: kfold 3x2 on wire"), r.out());
    assertTrue(r.out().contains("corn: split train corn-train, test corn-test"), r.out());
    assertTrue(r.out().contains("ranking across 2 datasets by macro_f1 (Demsar 2006): Friedman chi2 = "), r.out());

    org.topicbench.run.Run run = RunReader.read(out);
    assertEquals(List.of("wire/kfold", "wire/loo-doc", "corn/split"), run.tasks().stream().map(Manifest.Task::key).toList());
    for (String file : List.of("summary.csv", "per-class.csv", "confusion.csv", "folds.csv", "pairwise.csv",
        "predictions.csv", "examples.csv", "timings.csv", "tuning.csv")) {
      List<String> lines = Files.readAllLines(out.resolve(file));
      assertTrue(lines.getFirst().startsWith("dataset,protocol,"), file + ": " + lines.getFirst());
      Set<String> datasets = new TreeSet<>();
      lines.subList(1, lines.size()).forEach(l -> datasets.add(l.substring(0, l.indexOf(','))));
      assertEquals(Set.of("corn", "wire"), datasets, file);
    }
    // every outer fold of every task records the tuned learner's choice: 6 + 4 + 1 folds, 3 candidates each
    List<Rows.Tuning> tuning = run.tuning();
    assertEquals(11 * 3, tuning.size());
    assertTrue(tuning.stream().allMatch(t -> t.learner().equals("svm-tuned")));
    assertEquals(11, tuning.stream().filter(Rows.Tuning::chosen).count());
    assertEquals(Set.of("c=0.1", "c=1", "c=10"), new TreeSet<>(tuning.stream().map(Rows.Tuning::values).toList()));
    // the ranking across the two datasets, and the report's section on it
    assertEquals(List.of("wire", "corn"), run.manifest().ranking().blocks());
    assertEquals(6, run.ranking().size());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("Friedman"), "the report has the Friedman test");
    assertTrue(html.contains("Iman"), "and Iman-Davenport's F");
    assertTrue(Files.isRegularFile(out.resolve("charts").resolve("ranking-cd.svg")), "the critical-difference diagram");
    assertTrue(Files.readString(out.resolve("charts").resolve("ranking-cd.svg")).contains(">svm-tuned<"));

    // a second run gives the same files, but timings
    Path again = tmp.resolve("again");
    assertEquals(0, run("evaluate", "--experiment", f.toString(), "--out", again.toString(), "--no-report").code());
    for (String file : RunFormat.FILES) {
      if (!file.equals(RunFormat.TIMINGS)) {
        assertEquals(-1L, Files.mismatch(out.resolve(file), again.resolve(file)), file);
      }
    }
  }

  @Test
  void aBadSpecOrFileExits2WithOneLineAndLeavesNothing() throws IOException {
    Path f = experiment();
    String good = Files.readString(f);
    Path out = tmp.resolve("run");
    Files.writeString(f, good.replace("J48 -C 0.25 -M 2", "J48 -Z 3"));
    assertOneLineError(run("evaluate", "--experiment", f.toString(), "--out", out.toString()),
        f + ":17:5: learners[2]: spec 'weka:weka.classifiers.trees.J48 -Z 3': weka.classifiers.trees.J48 rejects its"
            + " options: Illegal options: -Z 3");
    assertFalse(Files.exists(out), "nothing written");
    // an option Weka accepts but refuses when it builds: the run stops at the first fit, with one line
    Files.writeString(f, good.replace("J48 -C 0.25 -M 2", "J48 -Q 3"));
    Run late = run("evaluate", "--experiment", f.toString(), "--out", out.toString());
    assertEquals(2, late.code());
    List<String> errLines = late.err().lines().filter(l -> l.startsWith("topicbench:")).toList();
    assertEquals(List.of("topicbench: learner weka:weka.classifiers.trees.J48 -Q 3 failed on wire/kfold repetition 0"
        + " fold 0: Changing the seed does not make sense if reduced error pruning is not selected."), errLines);
    assertFalse(late.err().contains("Exception"), late.err());
    assertFalse(Files.exists(out), "nothing written");
    Files.writeString(f, good.replace("file: data/wire.csv", "file: data/nowhere.csv"));
    assertOneLineError(run("evaluate", "--experiment", f.toString(), "--out", out.toString()),
        f + ":4:11: datasets.wire.file: no such file: " + f.getParent().resolve("data").resolve("nowhere.csv"));
    Files.writeString(f, good.replace("protocols: [split]", "protocols: [split, loo-doc]\n    colour: red"));
    assertOneLineError(run("evaluate", "--experiment", f.toString(), "--out", out.toString()),
        f + ":15:5: datasets[2]: unknown key 'colour' (known: file, folds, group-column, id-column, label-column, name,"
            + " protocols, repeats, test, text-column)");
    assertFalse(Files.exists(out), "nothing written");
    assertOneLineError(run("evaluate", "--experiment", f.toString(), "--seed", "3"),
        "--experiment gives the datasets, protocols, learners, seed and bootstrap; drop the other options (or change"
            + " the file)");
    assertEquals(List.of("data", "experiment.yaml"), names(f.getParent()));
  }

  private static List<String> names(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void initWritesATemplateThatChecksAndRefusesToOverwrite() throws IOException {
    Path f = tmp.resolve("mine.yaml");
    Run init = run("experiment", "init", f.toString());
    assertEquals(0, init.code(), init.err());
    Run check = run("experiment", "check", f.toString());
    assertEquals(0, check.code(), check.err());
    assertTrue(check.out().contains("  articles: kfold 10x10 on sentences\n"), check.out());
    assertTrue(check.out().contains("  svm-tuned (tuned: 3 candidates x 3 inner folds, macro_f1)\n"), check.out());
    assertTrue(check.out().contains("OK: 3 tasks x 6 learners"), check.out());
    assertOneLineError(run("experiment", "init", f.toString()), f + ": exists; not replacing it (--force replaces it)");
    assertEquals(0, run("experiment", "init", "--force", f.toString()).code());
  }
}
