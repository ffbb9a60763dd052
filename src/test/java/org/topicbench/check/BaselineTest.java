package org.topicbench.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.InputException;
import org.topicbench.run.RunFormat;
import org.topicbench.testsupport.Doubles;

class BaselineTest {
  @TempDir Path tmp;

  /** Every file of {@code dir} by name, as text. */
  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        out.put(p.getFileName().toString(), Files.readString(p));
      }
    }
    return out;
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("results"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aBaselineIsTheRunWithoutTimings() throws IOException {
    Path run = Doubles.run(tmp.resolve("run"), List.of(new Doubles.Words("t.words")));
    Path baseline = tmp.resolve("results").resolve("baseline");
    List<String> written = Baseline.replace(run, baseline);
    List<String> expected = new ArrayList<>(RunFormat.FILES);
    expected.remove("timings.csv");
    assertEquals(expected, written);
    assertEquals(expected.stream().sorted().toList(), List.copyOf(contents(baseline).keySet()));
    for (String f : expected) {
      if (!f.equals("manifest.json")) {
        assertEquals(-1L, Files.mismatch(run.resolve(f), baseline.resolve(f)), f);
      }
    }
    // the manifest as written, but for the file list
    assertEquals(Files.readString(run.resolve("manifest.json")).replace("    \"timings.csv\",\n", ""),
        Files.readString(baseline.resolve("manifest.json")));
    // it reads back as the same run, and checks as unchanged against it
    CheckReport r = Check.compare(RunReader.read(baseline), RunReader.read(run), Check.Options.defaults());
    assertTrue(r.passed());
    assertFalse(r.changed());
    assertEquals(List.of("baseline"), siblings(), "no temporary directories left");
  }

  @Test
  void anUpdateReplacesTheOldBaselineWhole() throws IOException {
    Path baseline = tmp.resolve("results").resolve("baseline");
    Baseline.replace(Doubles.run(tmp.resolve("a"), List.of(new Doubles.Words("t.a"), new Doubles.Words("t.b"))),
        baseline);
    Path b = Doubles.run(tmp.resolve("b"), List.of(new Doubles.HalfBlind("t.a")));
    Baseline.replace(b, baseline);
    assertEquals(List.of("t.a"), RunReader.read(baseline).learnerNames());
    assertEquals(Files.readString(b.resolve("summary.csv")), Files.readString(baseline.resolve("summary.csv")));
    assertEquals(List.of("baseline"), siblings());
  }

  @Test
  void anUpdateInterruptedMidWriteLeavesTheOldBaselineIntact() throws IOException {
    Path baseline = tmp.resolve("results").resolve("baseline");
    Baseline.replace(Doubles.run(tmp.resolve("old"), List.of(new Doubles.Words("t.a"))), baseline);
    Map<String, String> before = contents(baseline);
    Path next = Doubles.run(tmp.resolve("new"), List.of(new Doubles.HalfBlind("t.a")));
    for (int failAt = 1; failAt <= before.size(); failAt++) {
      int[] n = {0};
      int stop = failAt;
      InputException e = assertThrows(InputException.class, () -> {
        try (var lock = RunFormat.lock(baseline)) {
          Baseline.replace(next, lock, file -> {
            if (++n[0] == stop) {
              throw new IOException("No space left on device");
            }
          });
        }
      });
      assertEquals(baseline + ": cannot write the baseline: IOException: No space left on device", e.getMessage());
      assertEquals(before, contents(baseline), "after a failure at file " + failAt);
      assertEquals(List.of("baseline"), siblings(), "the temporary directory is removed");
    }
  }

  @Test
  void refusesToReplaceADirectoryThatIsNotABaseline() throws IOException {
    Path precious = tmp.resolve("results").resolve("src");
    Files.createDirectories(precious);
    Files.writeString(precious.resolve("Main.java"), "keep me");
    Path run = Doubles.run(tmp.resolve("run"), List.of(new Doubles.Words("t.a")));
    InputException e = assertThrows(InputException.class, () -> Baseline.replace(run, precious));
    assertEquals(precious + ": exists and is not a topicbench baseline (it holds files other than run files: Main.java); not"
        + " replacing it", e.getMessage());
    assertEquals("keep me", Files.readString(precious.resolve("Main.java")));
  }

  @Test
  void anUpdateInterruptedBetweenItsRenamesIsRolledBackByTheNextUpdate() throws IOException {
    Path baseline = tmp.resolve("results").resolve("baseline");
    Baseline.replace(Doubles.run(tmp.resolve("old"), List.of(new Doubles.Words("t.a"))), baseline);
    Map<String, String> before = contents(baseline);
    // what a kill between "move the old aside" and "move the new in" of the earlier topicbench left
    Files.move(baseline, tmp.resolve("results").resolve(".baseline.old-123"));
    Files.createDirectories(tmp.resolve("results").resolve(".baseline.tmp-456"));
    try (var lock = RunFormat.lock(baseline)) {
      assertEquals(List.of("deleted the unfinished .baseline.tmp-456",
          "rolled back an interrupted replacement: moved .baseline.old-123 back"), lock.recovered());
    }
    assertEquals(before, contents(baseline));
    assertEquals(List.of("baseline"), siblings());
  }
}
