package org.topicbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicbench.testsupport.Cli;
import picocli.CommandLine;

/** Every command's --help prints its usage, exit 0, and no picocli warning (a stray % in a description). */
class HelpTest {
  @Test
  void everyCommandsHelpIsClean() {
    List<List<String>> commands = new java.util.ArrayList<>();
    CommandLine root = new CommandLine(new Main());
    collect(root, List.of(), commands);
    assertTrue(commands.size() > 15, "found " + commands.size() + " commands");
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (List<String> c : commands) {
        List<String> args = new java.util.ArrayList<>(c);
        args.add("--help");
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), c + ": " + r.err());
        assertTrue(r.out().startsWith("Usage: topicbench"), c + ": " + r.out());
        assertFalse(r.out().contains("%n") || r.err().contains("WARN"), c + ": " + r.err());
      }
    } finally {
      System.setErr(saved);
    }
    assertFalse(captured.toString(StandardCharsets.UTF_8).contains("picocli WARN"),
        captured.toString(StandardCharsets.UTF_8));
  }

  private static void collect(CommandLine c, List<String> path, List<List<String>> out) {
    for (var e : c.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<String> p = new java.util.ArrayList<>(path);
      p.add(e.getKey());
      out.add(p);
      collect(e.getValue(), p, out);
    }
  }
}
