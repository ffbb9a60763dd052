package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** A small evaluate run (majority baseline, kfold 3x2 on twelve sentences) in {@code tmp/<name>}. */
  private Path evaluated(String name, String... extra) throws IOException {
    StringBuilder rows = new StringBuilder("id,doc,label,text\n");
    for (int i = 0; i < 12; i++) {
      rows.append("s").append(i).append(",doc").append(i % 4).append(",")
          .append(i % 3 == 0 ? "misconduct" : "partygate").append(",sentence ").append(i).append("\n");
    }
    Path train = tmp.resolve("train.csv");
    Files.writeString(train, rows);
    Path dir = tmp.resolve(name);
    List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--train", train.toString(), "--protocol",
        "kfold", "--folds", "3", "--repeats", "2", "--bootstrap", "20", "--learners", "baseline.majority", "--out", dir.toString()));
    args.addAll(List.of(extra));
    Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    return dir;
  }

  private static void assertOneLineError(Run r, String expected) {
    assertEquals(2, r.code(), r.err());
    assertEquals("topicbench: " + expected + "\n", r.err());
    assertFalse(r.err().contains("Exception"));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void evaluateWritesTheReportAndItsChartsWithTheRun() throws IOException {
    Path dir = evaluated("run");
    assertTrue(Files.readString(dir.resolve("report.html")).startsWith("<!DOCTYPE html>"));
    List<String> charts = names(dir.resolve("charts"));
    assertTrue(charts.contains("train-kfold-macro-f1.svg") && charts.contains("train-kfold-macro-f1.png"),
        charts.toString());
    assertTrue(charts.contains("train-kfold-confusion-1-baseline.majority.svg"), charts.toString());
    assertEquals(List.of("run", "train.csv"), names(tmp), "no temporary directory left behind");
  }

  @Test
  void noReportLeavesItOut() throws IOException {
    Path dir = evaluated("run", "--no-report");
    assertFalse(Files.exists(dir.resolve("report.html")));
    assertFalse(Files.exists(dir.resolve("charts")));
  }

  @Test
  void reportRebuildsReportAndChartsInPlace() throws IOException {
    Path dir = evaluated("run", "--no-report");
    Files.createDirectories(dir.resolve("charts"));
    Files.writeString(dir.resolve("charts").resolve("stale.svg"), "<svg/>");
    Run r = run("report", dir.toString(), "--jmh", tmp.resolve("no-jmh-here").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("report: " + dir.resolve("report.html") + "\n", r.out());
    assertTrue(Files.readString(dir.resolve("report.html")).contains("id=\"train-kfold-comparison\""));
    assertFalse(Files.exists(dir.resolve("charts").resolve("stale.svg")), "charts/ is replaced whole");
    assertTrue(Files.exists(dir.resolve("charts").resolve("train-kfold-cost.png")));
    assertFalse(names(dir).stream().anyMatch(n -> n.startsWith(".")), "no temporary directory left: " + names(dir));
  }

  @Test
  void missingOrForeignDirectoriesAreOneLineErrors() throws IOException {
    Path missing = tmp.resolve("nope");
    assertOneLineError(run("report", missing.toString()), missing + ": no such directory");
    Path foreign = tmp.resolve("thesis");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "keep");
    assertOneLineError(run("report", foreign.toString()), foreign + ": not a topicbench run directory (no manifest.json)");
    assertEquals(List.of("notes.txt"), names(foreign), "nothing written into a foreign directory");
  }

  @Test
  void aBrokenFileIsAOneLineErrorAndTheOldReportStays() throws IOException {
    Path dir = evaluated("run");
    String before = Files.readString(dir.resolve("report.html"));
    Path summary = dir.resolve("summary.csv");
    List<String> lines = Files.readAllLines(summary);
    Files.writeString(summary, lines.get(0) + "\n" + lines.get(1).replaceFirst(",0\\.\\d{6},", ",zero,") + "\n");
    Run r = run("report", dir.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("topicbench: " + summary + ":2: "), r.err());
    assertTrue(r.err().contains(": not a number: 'zero'"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals(before, Files.readString(dir.resolve("report.html")));

    Files.delete(dir.resolve("predictions.csv"));
    Files.writeString(summary, String.join("\n", lines) + "\n");
    Run missing = run("report", dir.toString());
    assertEquals(2, missing.code(), missing.err());
    assertTrue(missing.err().startsWith("topicbench: " + dir.resolve("predictions.csv") + ": "), missing.err());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertFalse(names(dir).stream().anyMatch(n -> n.startsWith(".")), names(dir).toString());
    assertEquals(before, Files.readString(dir.resolve("report.html")));
    assertEquals(List.of("run", "train.csv"), names(tmp), "no lock file left beside the run");
  }

  @Test
  void aRunOfTheFirstFormatIsAOneLineErrorThatSaysToRegenerateIt() throws IOException {
    Path dir = evaluated("run", "--no-report");
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"topicbench-run/3\"", "\"topicbench-run/1\""));
    assertOneLineError(run("report", dir.toString()), manifest + ": format topicbench-run/1 is not topicbench-run/3,"
        + " which this topicbench reads: regenerate the run ('topicbench evaluate'; for a baseline,"
        + " 'topicbench check --update')");
    assertFalse(Files.exists(dir.resolve("report.html")));
    assertFalse(names(dir).stream().anyMatch(n -> n.startsWith(".")), names(dir).toString());
  }
}
