package org.topicbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundled files are found from any working folder through {@code topicbench.home}. */
class TopicbenchTest {
  @TempDir Path home;

  @AfterEach
  void clear() {
    System.clearProperty("topicbench.home");
  }

  @Test
  void aBundledFileMissingHereIsFoundInHome() throws IOException {
    Path rel = Path.of("no-such-folder-here", "bundled.csv");
    Files.createDirectories(home.resolve(rel).getParent());
    Files.writeString(home.resolve(rel), "x");
    assertEquals(rel, Topicbench.locate(rel), "no home set: unchanged");
    System.setProperty("topicbench.home", home.toString());
    assertEquals(home.resolve(rel), Topicbench.locate(rel));
  }

  @Test
  void aFileThatExistsHereOrNowhereStaysAsGiven() {
    System.setProperty("topicbench.home", home.toString());
    Path here = Path.of("datasets", "sentences.csv"); // tests run from the repository root
    assertEquals(here, Topicbench.locate(here));
    Path nowhere = Path.of("no-such-folder-here", "missing.csv");
    assertEquals(nowhere, Topicbench.locate(nowhere));
  }
}
