package org.topicbench.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicbench.data.InputException;

/**
 * Fuzz test of the experiment file parser: any bytes either read as an experiment or throw an {@link
 * InputException} with one line naming the file; any other exception (or a hang, or running out of memory
 * on a small file) is a bug. The bytes are read as {@code x.yaml} in a folder holding a small dataset
 * {@code data.csv} (and {@code data/wire.csv}), so that seeds which name it get past the structure checks
 * to the datasets and learner specs. The committed inputs in {@code ExperimentFileFuzzTestInputs/experiment/}
 * replay in every test run; {@code benchmarks/fuzz.sh} fuzzes it.
 */
class ExperimentFileFuzzTest {
  private static final Path DIR = folder();

  private static Path folder() {
    try {
      Path dir = Files.createTempDirectory("topicbench-experiment-fuzz");
      dir.toFile().deleteOnExit();
      ExperimentFileTest.writeData(dir);
      StringBuilder b = new StringBuilder("id,doc,label,text\n");
      for (int i = 0; i < 12; i++) {
        b.append("s").append(i).append(",d").append(i % 4).append(',').append(i % 2 == 0 ? "a" : "b")
            .append(",word").append(i % 3).append(" text ").append(i).append('\n');
      }
      Files.writeString(dir.resolve("data.csv"), b.toString());
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest
  void experiment(byte[] data) {
    read(data);
  }

  /** The committed seeds that are well-formed read as experiments, so that the fuzzer starts from there. */
  @Test
  void theWellFormedSeedsRead() throws IOException {
    for (String seed : List.of("seed-issue-shape", "seed-small")) {
      try (InputStream in = getClass().getResourceAsStream("ExperimentFileFuzzTestInputs/experiment/" + seed)) {
        assertNotNull(read(in.readAllBytes()), seed);
      }
    }
  }

  private static Experiment read(byte[] data) {
    Path file = DIR.resolve("x.yaml");
    try {
      Experiment e = ExperimentFile.read(file, data);
      assertFalse(e.learners().isEmpty());
      assertFalse(e.tasks().isEmpty());
      return e;
    } catch (InputException e) {
      String m = e.getMessage();
      assertTrue(m.startsWith(file.toString()), () -> "does not name the file: " + m);
      assertFalse(m.contains("\n") || m.contains("\r"), () -> "not one line: " + m);
      return null;
    }
  }
}
