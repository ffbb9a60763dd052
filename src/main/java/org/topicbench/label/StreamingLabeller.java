package org.topicbench.label;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.topicbench.data.InputException;
import org.topicbench.data.SafeCsv;
import org.topicbench.data.Utf8;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.text.Sentence;
import org.topicbench.text.SentenceSegmenter;

/**
 * {@code label --stream}: one text of any size labelled in bounded memory, output written as it goes.
 * Bytes are decoded as strict UTF-8 a block at a time; the text is cut into lines exactly where the
 * segmenter cuts it (LF, CRLF, CR, NEL, LINE and PARAGRAPH SEPARATOR), and since a sentence never crosses
 * a line, segmenting line by line gives the sentences, offsets and lines of segmenting the whole text.
 * Sentences are predicted in batches of {@value #BATCH}. The rows are those of {@code --format csv} and
 * {@code jsonl} without streaming (offsets are longs here, so a file past 2 GB of text still gets true
 * ones). Memory: one block, one line (at most {@value #MAX_LINE} chars) and two batches: one predicted on a
 * thread of its own (the only one that calls the model) while the one before it is written and the next read.
 *
 * <p>Unlike labelling without {@code --stream}, output has begun when a bad byte is found; the error
 * still names the file, line and byte offset, and the exit code is 2.
 */
public final class StreamingLabeller {
  /** Sentences predicted at once. */
  static final int BATCH = 2048;
  /** Longest line read. */
  public static final int MAX_LINE = 1 << 22;
  private static final int BLOCK = 1 << 16;

  /** Told after every batch: bytes read and sentences labelled so far. */
  @FunctionalInterface
  public interface Progress {
    void labelled(long bytes, long sentences);
  }

  /** Output formats. */
  public enum Format {
    csv,
    jsonl
  }

  private final String name;
  private final TrainedModel model;
  private final Format format;
  private final boolean raw;
  private final Writer out;
  private final SentenceSegmenter segmenter = SentenceSegmenter.english();
  private final List<String> labels;
  private final List<Row> batch = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private CSVPrinter csv;
  private long sentences;
  private long bytesRead;
  private Progress progress = (b, n) -> {};

  private record Row(long sentence, long line, long start, long end, String text) {}

  /** A batch handed to the predicting thread, with how far reading was when it was handed over. */
  private record Pending(List<Row> rows, Future<Prediction[]> predictions, long bytesRead, long sentences) {}

  /** The one thread that calls the model, made with the first batch. */
  private ExecutorService predictor;
  private Pending pending;

  /** One line of JSON, as {@code label --format jsonl} writes it. */
  record JsonLine(String file, long sentence, long line, long start, long end, String label,
      LinkedHashMap<String, Double> probabilities, String text) {}

  private StreamingLabeller(String name, TrainedModel model, Format format, boolean raw, Writer out) {
    this.name = name;
    this.model = model;
    this.format = format;
    this.raw = raw;
    this.out = out;
    this.labels = model.labelNames();
  }

  /**
   * Labels the text of {@code in} (named {@code name} in the output and in messages) to {@code out}.
   *
   * @return the sentences labelled
   * @throws InputException for a byte-order mark of UTF-16 or UTF-32, a NUL byte, invalid UTF-8, a line
   *     longer than {@link #MAX_LINE} chars, or a text without a sentence
   */
  public static long label(InputStream in, String name, TrainedModel model, Format format, boolean raw, Writer out)
      throws IOException {
    return label(in, name, model, format, raw, out, null);
  }

  /** As {@link #label(InputStream, String, TrainedModel, Format, boolean, Writer)}, telling {@code progress}. */
  public static long label(InputStream in, String name, TrainedModel model, Format format, boolean raw, Writer out,
      Progress progress) throws IOException {
    StreamingLabeller s = new StreamingLabeller(name, model, format, raw, out);
    if (progress != null) {
      s.progress = progress;
    }
    s.run(in);
    if (s.sentences == 0) {
      throw new InputException(name + ": no sentence to label (empty or blank)");
    }
    return s.sentences;
  }

  private void run(InputStream in) throws IOException {
    try {
      read(in);
    } catch (InputException e) {
      writePending(); // what was labelled before the bad input is written, as without a predicting thread
      out.flush();
      throw e;
    } finally {
      if (predictor != null) {
        predictor.shutdownNow();
      }
    }
  }

  private void read(InputStream in) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] block = new byte[BLOCK];
    ByteBuffer bytes = ByteBuffer.allocate(BLOCK + 8);
    CharBuffer chars = CharBuffer.allocate(BLOCK + 8);
    StringBuilder lineText = new StringBuilder();
    long byteOffset = 0; // of bytes[0] in the input
    long lineNo = 1;
    long lineStart = 0; // char offset of the line
    long charOffset = 0; // chars decoded so far
    boolean pendingCr = false;
    boolean first = true;
    int n;
    while (true) {
      n = in.readNBytes(block, 0, BLOCK);
      boolean end = n <= 0;
      if (!end) {
        if (first) {
          checkWideBom(block, n);
          first = false;
        }
        for (int i = 0; i < n; i++) {
          if (block[i] == 0) {
            // the line: every char decoded so far is processed, so lineNo is the line this block starts
            // in; add the line ends of this block before the NUL (an LF after a CR ending the last block
            // ends no line)
            long line = lineNo;
            for (int j = pendingCr && block[0] == '\n' ? 1 : 0; j < i; j++) {
              if (block[j] == '\n' || (block[j] == '\r' && (j + 1 >= n || block[j + 1] != '\n'))) {
                line++;
              }
            }
            throw new InputException(name + ":" + line + ": binary file, not text (NUL byte at byte offset "
                + (byteOffset + bytes.position() + i) + ")");
          }
        }
        bytes.put(block, 0, n);
      }
      bytes.flip();
      CoderResult r = decoder.decode(bytes, chars, end);
      if (r.isError()) {
        long at = byteOffset + bytes.position();
        chars.flip();
        throw new InputException(String.format(Locale.ROOT, "%s:%d: invalid UTF-8 (byte 0x%02X at byte offset %d)",
            name, lineNo + terminators(chars, pendingCr), bytes.get(bytes.position()) & 0xff, at));
      }
      if (end) {
        decoder.flush(chars);
      }
      byteOffset += bytes.position();
      bytesRead = byteOffset;
      bytes.compact();
      chars.flip();
      while (chars.hasRemaining()) {
        char c = chars.get();
        long at = charOffset++;
        if (pendingCr) {
          pendingCr = false;
          if (c == '\n') {
            lineStart = at + 1;
            continue;
          }
        }
        if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
          line(lineText, lineNo, lineStart);
          lineText.setLength(0);
          lineNo++;
          lineStart = at + 1;
          pendingCr = c == '\r';
        } else {
          if (lineText.length() >= MAX_LINE) {
            throw new InputException(name + ":" + lineNo + ": a line longer than " + MAX_LINE + " characters");
          }
          lineText.append(c);
        }
      }
      chars.clear();
      if (end) {
        break;
      }
    }
    if (!lineText.isEmpty()) {
      line(lineText, lineNo, lineStart);
    }
    flush();
    writePending();
    out.flush();
  }

  /** Line ends among the decoded chars not yet processed (a CRLF counts once). */
  private static long terminators(CharBuffer chars, boolean pendingCr) {
    long count = 0;
    boolean cr = pendingCr;
    for (int i = chars.position(); i < chars.limit(); i++) {
      char c = chars.get(i);
      if (cr && c == '\n') {
        cr = false;
        continue;
      }
      cr = c == '\r';
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        count++;
      }
    }
    return count;
  }

  private void checkWideBom(byte[] b, int n) {
    String bom = Utf8.wideByteOrderMark(b, n);
    if (bom != null) {
      throw new InputException(name + ": is " + bom + "; save it as UTF-8");
    }
  }

  private void line(CharSequence text, long lineNo, long lineStart) throws IOException {
    if (text.isEmpty()) {
      return;
    }
    for (Sentence s : segmenter.segment(text.toString())) {
      batch.add(new Row(++sentences, lineNo, lineStart + s.start(), lineStart + s.end(), s.text()));
      if (batch.size() >= BATCH) {
        flush();
      }
    }
  }

  /**
   * Hands the batch to the predicting thread and writes the one before it meanwhile: reading, segmenting and
   * writing overlap predicting. One thread alone calls the model (a model need not be thread-safe), in
   * batch order, so the output is the same.
   */
  private void flush() throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    List<Row> rows = List.copyOf(batch);
    batch.clear();
    List<String> texts = rows.stream().map(Row::text).toList();
    if (predictor == null) {
      predictor = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("topicbench-label").factory());
    }
    Future<Prediction[]> predicted = predictor.submit(() -> model.predictAll(texts));
    writePending();
    pending = new Pending(rows, predicted, bytesRead, sentences);
  }

  /** Waits for the pending batch's predictions and writes its rows. */
  private void writePending() throws IOException {
    if (pending == null) {
      return;
    }
    Pending w = pending;
    pending = null;
    Prediction[] p;
    try {
      p = w.predictions().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while labelling " + name);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error r) {
        throw r;
      }
      throw new IOException(cause);
    }
    List<Row> rows = w.rows();
    int k = labels.size();
    for (int i = 0; i < p.length; i++) {
      if (p[i].label() < 0 || p[i].label() >= k || (p[i].hasProbabilities() && p[i].probabilities().length != k)) {
        throw new IllegalStateException("a prediction outside the model's " + k + " labels");
      }
      Row r = rows.get(i);
      if (format == Format.csv) {
        if (csv == null) {
          csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
          List<Object> header = new ArrayList<>(List.of("file", "sentence", "line", "start", "end", "label"));
          labels.forEach(l -> header.add("p_" + l));
          header.add("text");
          csv.printRecord(header);
        }
        List<Object> row = new ArrayList<>(List.of(name, r.sentence(), r.line(), r.start(), r.end(),
            labels.get(p[i].label())));
        for (int c = 0; c < k; c++) {
          row.add(p[i].hasProbabilities() ? LabelOutput.probability(p[i].probabilities()[c]) : "");
        }
        row.add(r.text());
        SafeCsv.print(csv, row, raw);
      } else {
        LinkedHashMap<String, Double> probs = null;
        if (p[i].hasProbabilities()) {
          probs = new LinkedHashMap<>();
          for (int c = 0; c < k; c++) {
            probs.put(labels.get(c), p[i].probabilities()[c]);
          }
        }
        out.write(json.writeValueAsString(new JsonLine(name, r.sentence(), r.line(), r.start(), r.end(),
            labels.get(p[i].label()), probs, r.text())));
        out.write('\n');
      }
    }
    if (csv != null) {
      csv.flush();
    }
    progress.labelled(w.bytesRead(), w.sentences());
  }
}
