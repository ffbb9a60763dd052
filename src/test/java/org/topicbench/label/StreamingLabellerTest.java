package org.topicbench.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicbench.data.InputException;
import org.topicbench.data.Rng;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;
import org.topicbench.testsupport.Cli;
import org.topicbench.testsupport.Fixtures;

/**
 * Streaming gives exactly the rows of labelling the whole text: random texts with every line end the
 * segmenter knows, CRLF and multi-byte characters split across read blocks, and lines far longer than a
 * block; and its input errors name the right line.
 */
class StreamingLabellerTest {
  private static final String[] ENDS = {"\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "\n\n"};
  private static final String[] PIECES = {"The mayor said the commissioner was on notice.", "Officers sent messages!",
    "Read more", "\u201cIt is shocking,\u201d she said.", "Caf\u00e9 \u00e0 Londres \u2014 na\u00efve r\u00e9sum\u00e9.",
    "Emoji \uD83D\uDE00 here? Yes.", "  ", "No. 10 held a party. Mr. Johnson went."};

  private static TrainedModel model() {
    return new Fixtures.SeededGuess().fit(new TrainingSet(List.of("a", "b"), new int[] {0, 1}, List.of("x", "y")), 7);
  }

  private static String whole(String name, String text, boolean csv) throws Exception {
    TrainedModel m = model();
    Labelling.Document d = Labelling.document(name, text);
    List<Labelling.Labelled> l = List.of(new Labelling.Labelled(d, Labelling.predict(m, d, null)));
    StringWriter w = new StringWriter();
    PrintWriter p = new PrintWriter(w);
    if (csv) {
      LabelOutput.printCsv(l, m.labelNames(), false, p);
    } else {
      LabelOutput.printJsonLines(l, m.labelNames(), p);
    }
    p.flush();
    return w.toString();
  }

  private static String streamed(String name, String text, boolean csv) throws Exception {
    StringWriter w = new StringWriter();
    StreamingLabeller.label(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, model(),
        csv ? StreamingLabeller.Format.csv : StreamingLabeller.Format.jsonl, false, w);
    return w.toString();
  }

  @Test
  void streamingGivesTheRowsOfTheWholeText() throws Exception {
    long seed = Cli.seed("streamingGivesTheRowsOfTheWholeText");
    Rng rng = new Rng(seed);
    for (int t = 0; t < 12; t++) {
      StringBuilder b = new StringBuilder();
      int target = t < 4 ? 200 : 70_000 + rng.nextInt(140_000); // past the 64 KB read block
      while (b.length() < target) {
        int words = 1 + rng.nextInt(t % 3 == 0 ? 3000 : 6); // some lines longer than a block
        for (int i = 0; i < words; i++) {
          b.append(PIECES[rng.nextInt(PIECES.length)]).append(' ');
        }
        b.append(ENDS[rng.nextInt(ENDS.length)]);
      }
      String text = (t == 5 ? "\uFEFF" : "") + b;
      assertEquals(whole("doc.txt", text, true), streamed("doc.txt", text, true), "csv, seed " + seed + " text " + t);
      assertEquals(whole("doc.txt", text, false), streamed("doc.txt", text, false), "jsonl, seed " + seed);
    }
  }

  @Test
  void inputErrorsNameTheLine() {
    byte[] nul = "one.\ntwo.\r\nthree\u0000.\n".getBytes(StandardCharsets.UTF_8);
    InputException e = assertThrows(InputException.class, () -> StreamingLabeller.label(new ByteArrayInputStream(nul),
        "f.txt", model(), StreamingLabeller.Format.csv, false, new StringWriter()));
    assertEquals("f.txt:3: binary file, not text (NUL byte at byte offset 16)", e.getMessage());
    byte[] bad = "one.\rtwo \u00e9.\n".getBytes(StandardCharsets.UTF_8);
    bad[bad.length - 3] = (byte) 0xE9; // é's second byte spoilt: C3 E9 is not UTF-8, reported at the C3
    e = assertThrows(InputException.class, () -> StreamingLabeller.label(new ByteArrayInputStream(bad), "g.txt",
        model(), StreamingLabeller.Format.jsonl, false, new StringWriter()));
    assertEquals("g.txt:2: invalid UTF-8 (byte 0xC3 at byte offset 9)", e.getMessage());
    e = assertThrows(InputException.class, () -> StreamingLabeller.label(new ByteArrayInputStream(new byte[] {
        (byte) 0xFF, (byte) 0xFE, 'a', 0}), "h.txt", model(), StreamingLabeller.Format.csv, false, new StringWriter()));
    assertEquals("h.txt: is UTF-16 (byte-order mark FF FE); save it as UTF-8", e.getMessage());
    e = assertThrows(InputException.class, () -> StreamingLabeller.label(new ByteArrayInputStream(" \n\n".getBytes(
        StandardCharsets.UTF_8)), "i.txt", model(), StreamingLabeller.Format.csv, false, new StringWriter()));
    assertEquals("i.txt: no sentence to label (empty or blank)", e.getMessage());
  }

  /** Predicts label 0 for every sentence, failing on the sentence numbered {@code failAt} (1-based; 0: never). */
  private static TrainedModel counting(java.util.concurrent.atomic.AtomicInteger inFlight, int failAt) {
    return new TrainedModel() {
      private int seen;

      @Override
      public List<String> labelNames() {
        return List.of("x", "y");
      }

      @Override
      public org.topicbench.model.Prediction predict(String text) {
        if (inFlight.incrementAndGet() != 1) {
          throw new AssertionError("the model was called from two threads at once");
        }
        try {
          if (++seen == failAt) {
            throw new IllegalStateException("model failed at sentence " + seen);
          }
          return new org.topicbench.model.Prediction(0, new double[] {0.75, 0.25});
        } finally {
          inFlight.decrementAndGet();
        }
      }
    };
  }

  private static String manySentences(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("Sentence ").append(i).append(" is here.\n");
    }
    return b.toString();
  }

  /**
   * Batches are predicted on a thread of their own while the next is read: the model is never called from
   * two threads at once, a model's failure reaches the caller as itself, and an input error after some
   * batches still leaves every batch handed over before it written, as when one thread did everything.
   */
  @Test
  void predictingOnItsOwnThreadKeepsOrderErrorsAndWrittenRows() throws Exception {
    var inFlight = new java.util.concurrent.atomic.AtomicInteger();
    StringWriter w = new StringWriter();
    long n = StreamingLabeller.label(new ByteArrayInputStream(manySentences(7000).getBytes(StandardCharsets.UTF_8)),
        "m.txt", counting(inFlight, 0), StreamingLabeller.Format.csv, false, w);
    assertEquals(7000, n);
    String[] rows = w.toString().split("\n");
    assertEquals(7001, rows.length);
    for (int i = 1; i < rows.length; i++) {
      assertEquals("m.txt," + i + "," + i, rows[i].substring(0, rows[i].indexOf(',', rows[i].indexOf(',', 6) + 1)),
          "row " + i);
    }
    IllegalStateException failed = assertThrows(IllegalStateException.class, () -> StreamingLabeller.label(
        new ByteArrayInputStream(manySentences(7000).getBytes(StandardCharsets.UTF_8)), "m.txt",
        counting(inFlight, 5000), StreamingLabeller.Format.csv, false, new StringWriter()));
    assertEquals("model failed at sentence 5000", failed.getMessage());
    StringWriter partial = new StringWriter();
    byte[] bad = (manySentences(5000) + "bad \u0000 byte.\n").getBytes(StandardCharsets.UTF_8);
    assertThrows(InputException.class, () -> StreamingLabeller.label(new ByteArrayInputStream(bad), "m.txt",
        counting(inFlight, 0), StreamingLabeller.Format.csv, false, partial));
    // the bad byte is in the second 64 KB block, found as it is read: the first block's one full batch is out
    assertEquals(1 + 2048, partial.toString().split("\n").length);
  }
}
