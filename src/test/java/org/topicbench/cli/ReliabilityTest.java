package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.assertOneLineError;
import static org.topicbench.testsupport.Cli.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.testsupport.Cli.Run;

/**
 * Issue 15's catalogue, through the command line: nothing of the user's is lost (item 1), a second
 * writer is refused (6), cells a spreadsheet would run are neutralised (3), failed writes to standard
 * output are errors (4), device nodes are not replaced (5), and the smaller ones (7).
 */
class ReliabilityTest {
  @TempDir Path tmp;

  private Path twelve() throws IOException {
    StringBuilder b = new StringBuilder("id,doc,label,text\n");
    for (int i = 0; i < 12; i++) {
      b.append("s").append(i).append(",doc").append(i % 4).append(',')
          .append(i % 3 == 0 ? "misconduct" : "partygate").append(",sentence ").append(i).append('\n');
    }
    Path f = tmp.resolve("train.csv");
    Files.writeString(f, b.toString());
    return f;
  }

  private Run evaluate(Path out, String... more) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--train", twelve().toString(), "--protocol",
        "kfold", "--folds", "3", "--repeats", "1", "--bootstrap", "10", "--learners", "baseline.majority",
        "--no-report", "--out", out.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // ---------------------------------------------------------------- 1. data loss

  @Test
  void item1EvaluateNeverReplacesAFolderThatIsNotItsOwnRun() throws IOException {
    Path project = tmp.resolve("project");
    Files.createDirectories(project.resolve("src"));
    Files.writeString(project.resolve("manifest.json"), "{\"name\": \"app\"}");
    Files.writeString(project.resolve("src").resolve("Main.java"), "class Main {}");
    assertOneLineError(evaluate(project), project + ": exists and is not a topicbench run directory (its"
        + " manifest.json names no topicbench-run format); not replacing it");
    assertEquals(List.of("manifest.json", "src"), names(project));
    assertEquals("class Main {}", Files.readString(project.resolve("src").resolve("Main.java")));

    Path runDir = tmp.resolve("run");
    assertEquals(0, evaluate(runDir).code());
    Files.writeString(runDir.resolve("my-notes.md"), "mine");
    assertOneLineError(evaluate(runDir), runDir + ": holds my-notes.md, which topicbench did not write; not"
        + " replacing it (move it away or choose another directory)");
    assertEquals("mine", Files.readString(runDir.resolve("my-notes.md")));
    Files.delete(runDir.resolve("my-notes.md"));
    assertEquals(0, evaluate(runDir).code(), "its own run is replaced");
  }

  @Test
  void item1TheBaselineAndPlainFilesAreRefusedBeforeTheEvaluationStarts() throws IOException {
    Path baseline = tmp.resolve("baseline");
    Run update = run("check", "--update", "--baseline", baseline.toString(), "--run",
        evaluatedRun(tmp.resolve("r")).toString(), "--report-dir", tmp.resolve("check").toString());
    assertEquals(0, update.code(), update.err());
    Run r = evaluate(baseline);
    assertOneLineError(r, baseline + ": is a topicbench baseline ('topicbench check --update' replaces it); not"
        + " replacing it");
    assertFalse(r.err().contains("tasks"), "refused before any task ran: " + r.err());

    Path file = tmp.resolve("out.txt");
    Files.writeString(file, "keep");
    Run f = evaluate(file);
    assertOneLineError(f, file + ": exists and is not a directory; name a run directory");
    assertFalse(f.err().contains("tasks"), f.err());
    assertEquals("keep", Files.readString(file));
  }

  private Path evaluatedRun(Path dir) throws IOException {
    Run r = evaluate(dir);
    assertEquals(0, r.code(), r.err());
    return dir;
  }

  // ---------------------------------------------------------------- 6. one writer at a time

  @Test
  void item6ASecondEvaluateOnTheSameDirectoryIsRefusedWithOneLine() throws IOException {
    Path out = tmp.resolve("busy");
    try (AtomicFile.DirectoryLock held = AtomicFile.lockDirectory(out)) {
      Run r = evaluate(out);
      assertOneLineError(r, out + ": another topicbench process is writing it (it holds .busy.lock); wait for it to"
          + " finish or choose another directory");
      assertFalse(r.err().contains("tasks"), r.err());
    }
    assertEquals(0, evaluate(out).code());
  }

  @Test
  void item6AnInterruptedSwapOfARunDirectoryIsFinishedByTheNextRun() throws IOException {
    Path out = evaluatedRun(tmp.resolve("run"));
    // killed between its renames: the old run aside, the complete new one beside it
    Files.move(out, tmp.resolve(".run.old-7"));
    Files.move(evaluatedRun(tmp.resolve("other")), tmp.resolve(".run.new-7"));
    Run r = evaluate(out);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("evaluate: " + out + ": finished an interrupted replacement: moved .run.new-7 into"
        + " place"), r.err());
    assertEquals(List.of("run", "train.csv"), names(tmp));
  }

  // ---------------------------------------------------------------- 3. formula injection

  static final String FORMULA = "=cmd|' /C calc'!A0";

  @Test
  void item3CellsASpreadsheetWouldRunAreNeutralisedInEveryCsv() throws IOException {
    Path data = tmp.resolve("hostile.csv");
    Files.writeString(data, "id,doc,label,text\n"
        + "\"" + FORMULA.replace("\"", "\"\"") + "\",d1,misconduct,\"+HYPERLINK(\"\"http://x\"\")\"\n"
        + "@SUM(1),d2,partygate,-2+3\n"
        + "n3,d1,misconduct,-0.5\n"
        + "n4,d2,partygate,'=already quoted\n"
        + "n5,d1,misconduct,plain text\n"
        + "n6,d2,partygate,more plain text\n");
    // corpus export, with the escape hatch
    Run export = run("corpus", "export", "--format", "csv", data.toString());
    assertEquals(0, export.code(), export.err());
    assertTrue(export.out().contains("\n'" + FORMULA + ",d1,misconduct,\"'+HYPERLINK("), export.out());
    assertTrue(export.out().contains("'@SUM(1),d2,partygate,'-2+3\n"), export.out());
    assertTrue(export.out().contains("n3,d1,misconduct,-0.5\n"), "numbers stay numbers: " + export.out());
    // the reader takes a leading ' before what would be escaped as topicbench's own (FORMAT.md)
    assertTrue(export.out().contains("n4,d2,partygate,'=already quoted\n"), export.out());
    Run raw = run("corpus", "export", "--format", "csv", "--raw", data.toString());
    assertTrue(raw.out().contains("@SUM(1),d2,partygate,-2+3\n"), raw.out());
    // what topicbench exports reads back as the same dataset
    Path exported = tmp.resolve("exported.csv");
    assertEquals(0, run("corpus", "export", "--format", "csv", "-o", exported.toString(), data.toString()).code());
    Dataset a = Datasets.read(data);
    Dataset b = Datasets.read(exported);
    assertEquals(a.examples().stream().map(e -> e.id() + "|" + e.text()).toList(),
        b.examples().stream().map(e -> e.id() + "|" + e.text()).toList());

    // the run directory's files: escaped on disk, read back by topicbench as they were
    Path out = tmp.resolve("run");
    Run ev = run("evaluate", "--train", data.toString(), "--protocol", "loo-doc", "--bootstrap", "10",
        "--learners", "baseline.majority", "--out", out.toString());
    assertEquals(0, ev.code(), ev.err());
    String examples = Files.readString(out.resolve("examples.csv"));
    assertTrue(examples.contains(",'@SUM(1),d2,"), examples);
    assertFalse(examples.contains(",@SUM"), examples);
    assertTrue(Files.readString(out.resolve("predictions.csv")).contains(",'" + FORMULA + ","),
        "ids in predictions.csv");
    Run report = run("report", out.toString());
    assertEquals(0, report.code(), report.err());
    assertTrue(Files.readString(out.resolve("report.html")).contains("@SUM(1)"), "the report shows the cell as it was");

    // segment and label
    Path text = tmp.resolve("a.txt");
    Files.writeString(text, "=1+1 is a sum.\n'=2 is quoted.\n");
    Run seg = run("segment", "--format", "csv", text.toString());
    assertTrue(seg.out().contains(",'=1+1 is a sum.\r\n"), seg.out());
    assertTrue(seg.out().contains(",''=2 is quoted.\r\n"), "one more ' before a ' that would be read as ours");
    Run label = run("label", "--learner", "baseline.majority", "--format", "csv", text.toString());
    assertTrue(label.out().contains(",'=1+1 is a sum.\n"), label.out());
    Run labelRaw = run("label", "--learner", "baseline.majority", "--format", "csv", "--raw", text.toString());
    assertTrue(labelRaw.out().contains(",=1+1 is a sum.\n"), labelRaw.out());
  }

  // ---------------------------------------------------------------- 4. failed writes

  /** Standard output on a full disk: every write fails as /dev/full makes it fail. */
  private static PrintWriter fullDisk() {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    return new PrintWriter(new OutputStreamWriter(new WriteFailure.Stream(full), StandardCharsets.UTF_8), true);
  }

  @Test
  void item4AFailedWriteToStandardOutputIsAnErrorWithExit2() throws IOException {
    Path text = tmp.resolve("a.txt");
    Files.writeString(text, "The Met was put on notice. Sadiq Khan said so.\n");
    Path model = tmp.resolve("m.tbm");
    assertEquals(0, run("train", "--learner", "baseline.majority", "--save", model.toString()).code());
    for (String[] args : List.of(
        new String[] {"segment", text.toString()},
        new String[] {"corpus", "stats"},
        new String[] {"corpus", "export"},
        new String[] {"learners"},
        new String[] {"label", "--model", model.toString(), "--format", "csv", text.toString()})) {
      StringWriter err = new StringWriter();
      int code = Main.run(args, fullDisk(), new PrintWriter(err, true));
      assertEquals(2, code, String.join(" ", args) + ": " + err);
      // label says which model it uses before it labels
      assertTrue(err.toString().endsWith(
          "topicbench: cannot write to standard output: No space left on device; the output is incomplete\n"),
          String.join(" ", args) + ": " + err);
      assertEquals(args[0].equals("label") ? 2 : 1, err.toString().lines().count(), err.toString());
    }
  }

  // ---------------------------------------------------------------- 5. devices

  @Test
  void item5TrainRefusesToReplaceADeviceBeforeTraining() {
    Path dev = Path.of("/dev/null");
    if (!Files.exists(dev)) {
      return; // no device nodes on this system; AtomicFileTest covers the rule
    }
    Run r = run("train", "--learner", "baseline.majority", "--save", dev.toString());
    assertOneLineError(r, "/dev/null: is not a regular file (a device, FIFO or socket); name a regular file to write");
    assertFalse(Files.isRegularFile(dev));
  }

  // ---------------------------------------------------------------- 7. smaller ones

  @Test
  void item7EmptyLearnerAndProtocolListsAreOneLineErrors() throws IOException {
    assertOneLineError(run("evaluate", "--train", twelve().toString(), "--learners", ","),
        "--learners must name at least one learner");
    assertOneLineError(run("evaluate", "--train", twelve().toString(), "--protocol", ","),
        "--protocol must name at least one protocol");
  }

  @Test
  void item7AReportOnANonUtf8FileIsAOneLineError() throws IOException {
    Path out = evaluatedRun(tmp.resolve("run"));
    byte[] summary = Files.readAllBytes(out.resolve("summary.csv"));
    byte[] broken = java.util.Arrays.copyOf(summary, summary.length + 2);
    broken[summary.length] = (byte) 0xff;
    broken[summary.length + 1] = '\n';
    Files.write(out.resolve("summary.csv"), broken);
    Run r = run("report", out.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("topicbench: " + out.resolve("summary.csv") + ":"), r.err());
    assertTrue(r.err().contains("not valid UTF-8"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
