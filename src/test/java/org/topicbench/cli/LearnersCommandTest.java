package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.model.Learner;
import org.topicbench.model.Learners;

class LearnersCommandTest {
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void listsEveryLearnerWithEveryHyperparameter() {
    String[] r = run("learners");
    assertEquals("0", r[0], r[2]);
    for (Learner l : Learners.all()) {
      assertTrue(r[1].contains("\n" + l.name() + "\n") || r[1].startsWith(l.name() + "\n"), l.name());
      for (var e : l.hyperparameters().entrySet()) {
        assertTrue(r[1].contains(e.getKey() + "  ") && r[1].contains(e.getValue()), l.name() + " " + e.getKey());
      }
    }
  }

  @Test
  void timesEveryLearnerOnADataset(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("id,source,label,text\n");
    String[] labels = {"misconduct", "political_response", "boilerplate", "partygate"};
    for (int i = 0; i < 24; i++) {
      csv.append("r").append(i).append(",s").append(i % 3).append(',').append(labels[i % 4])
          .append(",Sentence number ").append(i).append(" about ").append(labels[i % 4]).append(".\n");
    }
    Path file = dir.resolve("tiny.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    String[] r = run("learners", "--time", file.toString(), "--rounds", "1");
    assertEquals("0", r[0], r[2]);
    for (Learner l : Learners.all()) {
      assertTrue(r[1].lines().anyMatch(line -> line.startsWith(l.name() + " ")), l.name() + "\n" + r[1]);
    }
    assertTrue(r[1].contains("fit on 22, predict 2 sentences"), r[1]);
  }

  @Test
  void rejectsZeroRounds() {
    String[] r = run("learners", "--time", "datasets/external-dev.csv", "--rounds", "0");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("--rounds must be >= 1, got 0"), r[2]);
  }
}
