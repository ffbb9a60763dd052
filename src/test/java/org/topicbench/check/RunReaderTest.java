package org.topicbench.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.check.RunData.Key;
import org.topicbench.check.RunData.Outcome;
import org.topicbench.check.RunData.Slot;
import org.topicbench.data.InputException;
import org.topicbench.testsupport.Doubles;

class RunReaderTest {
  @TempDir Path tmp;
  Path run;

  @BeforeEach
  void writeRun() {
    run = Doubles.run(tmp.resolve("run"), List.of(new Doubles.HalfBlind("t.blind"), new Doubles.Words("t.words")));
  }

  /** The one-line error reading the run gives. */
  private String broken() {
    InputException e = assertThrows(InputException.class, () -> RunReader.read(run));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  private void edit(String file, String from, String to) throws IOException {
    Path f = run.resolve(file);
    String text = Files.readString(f);
    String edited = text.replaceFirst(from, to);
    assertFalse(edited.equals(text), "the edit applies: " + from);
    Files.writeString(f, edited);
  }

  @Test
  void readsWhatTheResultWriterWrote() throws IOException {
    RunData d = RunReader.read(run);
    assertEquals(2022, d.seed());
    assertEquals(List.of("train/kfold", "train/loo-doc", "train/split"),
        d.protocols().stream().map(RunData.ProtocolInfo::id).toList());
    assertEquals(List.of("t.blind", "t.words"), d.learnerNames());
    assertEquals("0".repeat(64), d.protocol("train/split").datasets().get(1).sha256());
    assertEquals(List.of("alpha", "beta", "gamma"), d.protocol("train/kfold").labels());
    RunData.Figures f = d.figures().get(new Key("train/kfold", "t.words"));
    assertEquals(2, f.repetitions());
    assertEquals(48, f.sentences());
    assertEquals(1.0, f.accuracy());
    assertEquals(List.of("alpha", "beta", "gamma"), List.copyOf(f.f1().keySet()));
    // the figures are summary.csv's and per-class.csv's, as written
    String summaryRow = Files.readAllLines(run.resolve("summary.csv")).stream()
        .filter(l -> l.startsWith("train,split,t.blind,")).findFirst().orElseThrow();
    assertEquals(summaryRow.split(",")[7], CheckText.num(d.figures().get(new Key("train/split", "t.blind")).accuracy()));
    assertEquals(2 * 48, d.predictions().get(new Key("train/kfold", "t.blind")).size());
    Outcome o = d.predictions().get(new Key("train/split", "t.words")).get(new Slot(0, "test", "test-0-0"));
    assertEquals(o.truth(), o.predicted());
  }

  @Test
  void aMissingDirectoryOrFileIsNamed() throws IOException {
    Path nowhere = tmp.resolve("nowhere");
    assertEquals(nowhere + ": no such directory",
        assertThrows(InputException.class, () -> RunReader.read(nowhere)).getMessage());
    Files.delete(run.resolve("per-class.csv"));
    assertEquals(run.resolve("per-class.csv") + ": missing (not a complete topicbench run directory)", broken());
  }

  @Test
  void aFileTheManifestListsMustExist() throws IOException {
    Files.delete(run.resolve("confusion.csv"));
    assertEquals(run.resolve("confusion.csv") + ": missing (not a complete topicbench run directory)", broken());
  }

  @Test
  void timingsMayBeMissing() throws IOException {
    Files.delete(run.resolve("timings.csv"));
    assertEquals(2, RunReader.read(run).learners().size());
  }

  @Test
  void aFileCutInTheMiddleOfALineIsTruncated() throws IOException {
    Path f = run.resolve("predictions.csv");
    byte[] b = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(b, b.length / 2 + 7));
    String cut = broken();
    assertTrue(cut.matches(Pattern.quote(f.toString()) + ":\\d+: \\d+ fields, the header has 12"), cut);
    // cut just before the last line break: every row has its fields, the missing break gives it away
    Files.write(f, Arrays.copyOf(b, b.length - 1));
    assertTrue(broken().matches(Pattern.quote(f.toString()) + ":\\d+: does not end with a line break \\(truncated\\?\\)"),
        broken());
  }

  @Test
  void aFileCutAtALineBreakMissesRows() throws IOException {
    Path f = run.resolve("predictions.csv");
    List<String> lines = Files.readAllLines(f);
    Files.writeString(f, String.join("\n", lines.subList(0, lines.size() - 3)) + "\n");
    assertEquals(f + ": 17 predictions for train/split, learner t.words, expected 20 (summary.csv: 1 repetitions x 20"
        + " sentences) (truncated?)", broken());

    Path s = run.resolve("summary.csv");
    List<String> summary = Files.readAllLines(s);
    Files.writeString(s, String.join("\n", summary.subList(0, summary.size() - 1)) + "\n");
    assertEquals(s + ": no row for learner " + summary.getLast().split(",")[2] + " on train/split", broken());
  }

  @Test
  void aNonNumericFigureIsNamedWithItsLine() throws IOException {
    edit("summary.csv", "\ntrain,kfold,t\\.words,(\\d+),2,3,48,1\\.000000,", "\ntrain,kfold,t.words,$1,2,3,48,abc,");
    List<String> lines = Files.readAllLines(run.resolve("summary.csv"));
    int line = lines.indexOf(lines.stream().filter(l -> l.contains(",abc,")).findFirst().orElseThrow()) + 1;
    assertEquals(run.resolve("summary.csv") + ":" + line + ": accuracy_mean: not a number: 'abc'", broken());
  }

  @Test
  void anEmptyFigureOrAFieldMissingIsAnError() throws IOException {
    edit("per-class.csv", "\n(train,split,t\\.blind,alpha,\\d+,[^,]*,[^,]*,[^,]*,[^,]*),[^,]*,", "\n$1,,");
    assertTrue(broken().matches(".*per-class\\.csv:\\d+: f1_mean: not a number: ''"));
  }

  @Test
  void aRowWithTooFewFieldsIsAnError() throws IOException {
    edit("per-class.csv", "\n(train,kfold,t\\.blind,alpha),[^\n]*\n", "\n$1\n");
    assertEquals(run.resolve("per-class.csv") + ":2: 4 fields, the header has 11", broken());
  }

  @Test
  void anUnterminatedQuoteIsBadCsv() throws IOException {
    Path f = run.resolve("summary.csv");
    Files.writeString(f, Files.readString(f) + "\"split,oops\n");
    assertTrue(broken().startsWith(f + ":"), broken());
    assertTrue(broken().contains("malformed CSV"), broken());
  }

  @Test
  void truncatedOrInvalidJsonIsAnError() throws IOException {
    Path m = run.resolve("manifest.json");
    String text = Files.readString(m);
    Files.writeString(m, text.substring(0, text.length() / 2));
    String msg = broken();
    assertTrue(msg.matches(Pattern.quote(m.toString()) + ":\\d+: bad JSON: .+"), msg);
    Files.writeString(m, text.replace("\"seed\" : 2022", "\"seed\" : \"2022\""));
    assertTrue(broken().startsWith(m + ": does not match topicbench-run/3: Cannot coerce String value (\"2022\")"),
        broken());
    Files.writeString(m, text.replace("\"learners\" :", "\"learnerz\" :"));
    assertTrue(broken().matches(Pattern.quote(m.toString()) + ": does not match topicbench-run/3: .*learner.*"), broken());
    Files.writeString(m, text.replace("topicbench-run/3", "topicbench-run/1"));
    assertEquals(m + ": format topicbench-run/1 is not topicbench-run/3, which this topicbench reads: regenerate the"
        + " run ('topicbench evaluate'; for a baseline, 'topicbench check --update')", broken());
    Files.writeString(m, text + "}");
    assertTrue(broken().contains("bad JSON"), "trailing garbage");
  }

  @Test
  void rowsForUnknownLearnersOrLabelsAreErrors() throws IOException {
    edit("summary.csv", "\ntrain,kfold,t\\.words,", "\ntrain,kfold,t.ghost,");
    assertTrue(broken().endsWith(": learner 't.ghost' is not in manifest.json"), broken());
  }

  @Test
  void notUtf8IsAnError() throws IOException {
    Path f = run.resolve("per-class.csv");
    byte[] b = Files.readAllBytes(f);
    b[40] = (byte) 0xff;
    Files.write(f, b);
    assertEquals(f + ":1: not valid UTF-8 (a run directory's files are UTF-8; was it edited or converted?)", broken());
  }
}
