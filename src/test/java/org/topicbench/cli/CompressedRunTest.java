package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.testsupport.Cli.Run;

/**
 * Issue 13 §2: a run whose predictions.csv and examples.csv are stored gzip-compressed is read by every
 * reader of runs (report, check, a baseline made of it); a cut-short one is one line naming the file.
 */
class CompressedRunTest {
  @TempDir Path tmp;

  private Path data() throws IOException {
    StringBuilder b = new StringBuilder("id,doc,label,text\n");
    String[] labels = {"misconduct", "partygate", "political_response"};
    for (int i = 0; i < 24; i++) {
      b.append("s").append(i).append(",doc").append(i % 4).append(',').append(labels[i % 3]).append(",")
          .append(labels[i % 3]).append(" sentence number ").append(i).append('\n');
    }
    Path f = tmp.resolve("train.csv");
    Files.writeString(f, b.toString());
    return f;
  }

  private Run evaluate(Path data, Path out, String compress) {
    return run("evaluate", "--train", data.toString(), "--protocol", "kfold", "--folds", "3", "--repeats", "2",
        "--bootstrap", "20", "--learners", "smile.nb-multinomial,baseline.majority", "--out", out.toString(),
        "--compress", compress);
  }

  @Test
  void reportCheckAndABaselineReadACompressedRun() throws IOException {
    Path data = data();
    Path gz = tmp.resolve("gz");
    Run e = evaluate(data, gz, "always");
    assertEquals(0, e.code(), e.err());
    assertTrue(Files.isRegularFile(gz.resolve("predictions.csv.gz")));
    assertTrue(Files.isRegularFile(gz.resolve("examples.csv.gz")));
    assertFalse(Files.exists(gz.resolve("predictions.csv")));
    assertTrue(Files.isRegularFile(gz.resolve("report.html")), "evaluate's report read the compressed run");
    Path plain = tmp.resolve("plain");
    assertEquals(0, evaluate(data, plain, "auto").code());
    assertTrue(Files.isRegularFile(plain.resolve("predictions.csv")), "a small run stays plain under auto");

    Run report = run("report", gz.toString());
    assertEquals(0, report.code(), report.err());
    String page = Files.readString(gz.resolve("report.html"));
    assertTrue(page.contains("smile.nb-multinomial"), "the report shows the run");

    // check: the compressed run against the plain one, and the other way round
    Run c = run("check", "--baseline", plain.toString(), "--run", gz.toString(), "--report-dir",
        tmp.resolve("c1").toString());
    assertEquals(0, c.code(), c.out() + c.err());
    assertTrue(c.out().contains("RESULT: PASSED"), c.out());
    // a baseline made of the compressed run keeps the compressed files and is read by check
    Path base = tmp.resolve("baseline");
    Run u = run("check", "--update", "--baseline", base.toString(), "--run", gz.toString(), "--report-dir",
        tmp.resolve("c2").toString());
    assertEquals(0, u.code(), u.out() + u.err());
    assertTrue(Arrays.equals(Files.readAllBytes(gz.resolve("predictions.csv.gz")),
        Files.readAllBytes(base.resolve("predictions.csv.gz"))));
    assertFalse(Files.exists(base.resolve("timings.csv")));
    Run again = run("check", "--baseline", base.toString(), "--run", plain.toString(), "--report-dir",
        tmp.resolve("c3").toString());
    assertEquals(0, again.code(), again.out() + again.err());

    // cut short: one line naming the file, exit 2, for report and check alike
    Path p = gz.resolve("predictions.csv.gz");
    byte[] bytes = Files.readAllBytes(p);
    Files.write(p, Arrays.copyOf(bytes, bytes.length / 2));
    String expected = "topicbench: " + p + ": not a complete gzip file (truncated or damaged: ";
    for (Run bad : new Run[] {run("report", gz.toString()), run("check", "--baseline", plain.toString(), "--run",
        gz.toString(), "--report-dir", tmp.resolve("c4").toString())}) {
      assertEquals(2, bad.code(), bad.out() + bad.err());
      String line = bad.err().lines().filter(l -> l.startsWith("topicbench:")).findFirst().orElse(bad.err());
      assertTrue(line.startsWith(expected), bad.err());
      assertEquals(1, bad.err().lines().filter(l -> l.startsWith("topicbench:")).count(), bad.err());
      assertFalse(bad.err().contains("Exception"), bad.err());
    }
  }

  @Test
  void aBadCompressValueIsOneLine() throws IOException {
    Run bad = evaluate(data(), tmp.resolve("x"), "sometimes");
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().startsWith("topicbench: Invalid value for option '--compress'"), bad.err());
    assertTrue(bad.err().contains("expected auto, always or never, got 'sometimes'"), bad.err());
    assertFalse(Files.exists(tmp.resolve("x")));
  }
}
