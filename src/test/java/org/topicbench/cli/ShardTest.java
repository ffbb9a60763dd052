package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.assertOneLineError;
import static org.topicbench.testsupport.Cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.run.RunFormat;
import org.topicbench.testsupport.Cli.Run;

/**
 * Shards on schedulers people already have (issue 13, part 4): three {@code --shard K/3} processes write
 * their cells into one directory, {@code merge} makes the run, and it is the single-process run byte for
 * byte (timings aside); a rerun skips finished cells; missing cells are one line naming them.
 */
class ShardTest {
  @TempDir Path tmp;

  private Path data() throws IOException {
    StringBuilder b = new StringBuilder("id,doc,label,text\n");
    String[] words = {"police", "mayor", "party"};
    String[] labels = {"misconduct", "political_response", "partygate"};
    java.util.Random rnd = new java.util.Random(7);
    for (int i = 0; i < 30; i++) {
      StringBuilder filler = new StringBuilder();
      for (int w = 0; w < 6; w++) {
        filler.append(' ');
        for (int c = 0; c < 6; c++) {
          filler.append((char) ('a' + rnd.nextInt(26)));
        }
      }
      b.append("s").append(i).append(",doc").append(i % 5).append(',').append(labels[i % 3]).append(',')
          .append(words[i % 3]).append(filler).append('\n');
    }
    Path f = tmp.resolve("data.csv");
    Files.writeString(f, b.toString());
    return f;
  }

  private List<String> evaluateArgs(Path data) {
    return List.of("evaluate", "--train", data.toString(), "--protocol", "kfold,loo-doc", "--folds", "3", "--repeats",
        "2", "--bootstrap", "20", "--learners", "smile.nb-complement,baseline.stratified", "--learner",
        "smile.logistic lambda=0.01|1");
  }

  private static Process child(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  @Test
  void threeShardProcessesMergeToTheSingleRunByteForByte() throws Exception {
    Path data = data();
    Path cells = tmp.resolve("cells");
    List<Process> shards = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      List<String> args = new ArrayList<>(evaluateArgs(data));
      args.addAll(List.of("--shard", k + "/3", "--cells", cells.toString(), "--threads", "1"));
      shards.add(child(args));
    }
    for (Process p : shards) {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a shard hangs");
      String out = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("shard "), out);
    }
    // 4 learners x (3x2 kfold folds + 5 documents) = 44 cells
    try (Stream<Path> s = Files.list(cells)) {
      assertEquals(44, s.filter(p -> p.toString().endsWith(".cell")).count());
    }
    Path merged = tmp.resolve("merged");
    Run m = run("merge", cells.toString(), "--out", merged.toString(), "--no-report");
    assertEquals(0, m.code(), m.err());
    Path single = tmp.resolve("single");
    List<String> args = new ArrayList<>(evaluateArgs(data));
    args.addAll(List.of("--out", single.toString(), "--no-report"));
    assertEquals(0, run(args.toArray(String[]::new)).code());
    for (String f : RunFormat.FILES) {
      if (!f.equals(RunFormat.TIMINGS)) {
        assertEquals(-1L, Files.mismatch(single.resolve(f), merged.resolve(f)), f);
      }
    }
    // merged compressed: the same rows inside, the run read back by check against the single run
    Path gz = tmp.resolve("merged-gz");
    Run c = run("merge", cells.toString(), "--out", gz.toString(), "--no-report", "--compress", "always");
    assertEquals(0, c.code(), c.err());
    for (String f : RunFormat.COMPRESSIBLE) {
      assertFalse(Files.exists(gz.resolve(f)), f);
      try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz.resolve(f + RunFormat.GZ)))) {
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(single.resolve(f)), in.readAllBytes()), f);
      }
    }
    Run check = run("check", "--baseline", single.toString(), "--run", gz.toString(), "--report-dir",
        tmp.resolve("check").toString());
    assertEquals(0, check.code(), check.out() + check.err());
    assertTrue(check.out().contains("RESULT: PASSED"), check.out());
  }

  @Test
  void aRerunSkipsFinishedCellsAndMissingCellsAreOneLine() throws IOException {
    Path data = data();
    Path cells = tmp.resolve("cells");
    List<String> first = new ArrayList<>(evaluateArgs(data));
    first.addAll(List.of("--shard", "2/2", "--cells", cells.toString()));
    Run r = run(first.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("shard 2/2: computed 22 cells; 22 of 44 cells of run "), r.out());
    Run again = run(first.toArray(String[]::new));
    assertTrue(again.out().startsWith("shard 2/2: computed 0 cells; 22 of 44"), "nothing done twice: " + again.out());
    Run missing = run("merge", cells.toString(), "--out", tmp.resolve("m").toString());
    assertEquals(2, missing.code());
    String error = missing.err().lines().filter(l -> l.startsWith("topicbench:")).reduce("", (a, b) -> a + b + "\n");
    assertTrue(error.matches("topicbench: 22 of 44 cells are missing \\(run the shards that compute them\\):"
        + " data/kfold smile.nb-complement repetition 0 fold 0; .*; \\.\\.\\.\\n"), missing.err());
    assertFalse(missing.err().contains("Exception"), missing.err());
    assertTrue(!Files.exists(tmp.resolve("m")), "nothing written");
    // the same directory for another experiment is refused
    List<String> other = new ArrayList<>(first);
    other.set(other.indexOf("3"), "4");
    assertTrue(run(other.toArray(String[]::new)).err().contains("holds the cells of another experiment"));
    assertOneLineError(run("evaluate", "--train", data.toString(), "--shard", "4/3", "--cells", cells.toString()),
        "--shard: a shard is K/N with 1 <= K <= N, got 4/3");
    assertOneLineError(run("evaluate", "--train", data.toString(), "--shard", "1/3"),
        "--shard needs --cells DIR, the directory the shards share");
  }
}
