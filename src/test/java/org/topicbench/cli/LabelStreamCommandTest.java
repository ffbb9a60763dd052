package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.testsupport.Cli.assertOneLineError;
import static org.topicbench.testsupport.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.testsupport.Cli;

/** {@code label --stream} on the command line: the same rows as without it, progress, and its refusals. */
class LabelStreamCommandTest {
  @Test
  void streamingPrintsTheSameRowsAndSaysHowFar(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("m.tbm");
    assertEquals(0, run("train", "--learner", "smile.nb-complement", "--save", model.toString()).code());
    String article = LabelCommandTest.ARTICLE.toString();
    Cli.Run whole = run("label", "--model", model.toString(), "--format", "csv", article);
    Cli.Run streamed = run("label", "--model", model.toString(), "--stream", "--format", "csv", article);
    assertEquals(0, streamed.code(), streamed.err());
    assertEquals(whole.out(), streamed.out());
    assertTrue(streamed.err().contains("label: 100% of " + article), streamed.err());
    assertTrue(streamed.err().matches("(?s).*topicbench: labelled [0-9,]+ sentences in .*"), streamed.err());
    Cli.Run json = run("label", "--model", model.toString(), "--stream", "--format", "jsonl", article);
    assertEquals(run("label", "--model", model.toString(), "--format", "jsonl", article).out(), json.out());
  }

  @Test
  void streamingRefusesWhatItCannotDo(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.txt");
    Files.writeString(a, "One sentence.\n");
    assertOneLineError(run("label", "--stream", "--format", "csv", a.toString(), a.toString()),
        "--stream labels one FILE or '-', got 2 inputs");
    assertOneLineError(run("label", "--stream", a.toString()),
        "--stream writes csv or jsonl: add --format csv or --format jsonl");
    assertOneLineError(run("label", "--stream", "--format", "csv", dir.resolve("none.txt").toString()),
        dir.resolve("none.txt") + ": no such file");
  }
}
