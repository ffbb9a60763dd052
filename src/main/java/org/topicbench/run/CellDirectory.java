package org.topicbench.run;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.InputException;
import org.topicbench.data.Seeds;
import org.topicbench.eval.Cell;
import org.topicbench.eval.CellStore;
import org.topicbench.eval.TuningRecord;

/**
 * A cell directory ({@code evaluate --cells DIR}, {@code --shard K/N}, {@code topicbench merge DIR}): one file
 * per finished cell, {@code <hash>.cell} named by the cell's content hash ({@link Cell.Key}), each written
 * atomically, and {@value #INDEX}, which records the run id and the {@code evaluate} arguments that made
 * it, so that {@code merge} rebuilds the same experiment. Its files belong to this class alone.
 *
 * <h2>A cell file</h2>
 *
 * Big-endian binary: the magic {@code topicbench-cell/1\n}; the hash and the description (UTF); the
 * number of test sentences and each predicted label (int); per sentence a byte (0: no probabilities, 1:
 * an int count and that many doubles); the fit and prediction nanoseconds (long); a byte (1: a tuning
 * record follows: metric, candidates, each with its values and score, and the chosen index); then the
 * SHA-256 of everything before it (32 bytes). A damaged, foreign or edited file is refused in one line.
 */
public final class CellDirectory implements CellStore {
  /** The index file. */
  public static final String INDEX = "cells.json";
  /** The index's format. */
  public static final String FORMAT = "topicbench-cells/1";
  private static final byte[] MAGIC = "topicbench-cell/1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int MAX_SENTENCES = 100_000_000;
  private static final int MAX_LABELS = 10_000;

  /**
   * The index.
   *
   * @param format {@value #FORMAT}
   * @param runId the run id of the experiment its cells belong to
   * @param arguments the {@code evaluate} arguments (without {@code --shard} and {@code --cells}), to rebuild it
   * @param workingDirectory the folder they are relative to
   */
  public record Index(String format, String runId, List<String> arguments, String workingDirectory) {}

  private final Path dir;

  private CellDirectory(Path dir) {
    this.dir = dir;
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /**
   * Opens (creating) {@code dir} for the experiment {@code runId}.
   *
   * @throws InputException when it holds cells of another experiment, or anything else than cells
   */
  public static CellDirectory open(Path dir, String runId, List<String> arguments) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw InputException.of(dir, "exists and is not a directory; name a cell directory");
      }
      Path index = dir.resolve(INDEX);
      if (Files.exists(index)) {
        Index i = index(dir);
        if (!i.runId().equals(runId)) {
          throw InputException.of(dir, "holds the cells of another experiment (run " + i.runId() + ", this one is "
              + runId + "); choose another directory");
        }
      } else {
        if (Files.isDirectory(dir)) {
          try (var s = Files.list(dir)) {
            if (s.findAny().isPresent()) {
              throw InputException.of(dir, "exists and is not a topicbench cell directory (no " + INDEX
                  + "); choose an empty or new directory");
            }
          }
        }
        Index i = new Index(FORMAT, runId, List.copyOf(arguments), Path.of("").toAbsolutePath().toString());
        String json = RunFormat.printer().writeValueAsString(i) + "\n";
        AtomicFile.write(index, w -> w.write(json));
      }
      return new CellDirectory(dir);
    } catch (IOException e) {
      throw InputException.of(dir, "cannot open the cell directory: " + AtomicFile.describe(e));
    }
  }

  /** Reads the index of the cell directory {@code dir}. */
  public static Index index(Path dir) {
    Path f = dir.resolve(INDEX);
    if (!Files.isRegularFile(f)) {
      throw InputException.of(dir, Files.isDirectory(dir) ? "not a topicbench cell directory (no " + INDEX + ")"
          : "no such directory");
    }
    try {
      Index i = RunFormat.JSON.readValue(f.toFile(), Index.class);
      if (!FORMAT.equals(i.format())) {
        throw InputException.of(f, "format is not " + FORMAT);
      }
      if (i.runId() == null || i.arguments() == null || i.workingDirectory() == null) {
        throw InputException.of(f, "incomplete index");
      }
      return i;
    } catch (IOException e) {
      throw InputException.of(f, "not a cell index: " + Csv.cut(e.getMessage()));
    }
  }

  /** Opens an existing cell directory for merging. */
  public static CellDirectory existing(Path dir) {
    index(dir);
    return new CellDirectory(dir);
  }

  private Path file(Cell.Key key) {
    return dir.resolve(key.hash() + ".cell");
  }

  @Override
  public Cell get(Cell.Key key) {
    Path f = file(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(f);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw InputException.of(f, "cannot read: " + AtomicFile.describe(e));
    }
    return decode(f, key, bytes);
  }

  @Override
  public void put(Cell.Key key, Cell cell) {
    byte[] bytes = encode(key, cell);
    AtomicFile.writeBytes(file(key), out -> out.write(bytes));
  }

  static byte[] encode(Cell.Key key, Cell c) {
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(buffer);
      out.write(MAGIC);
      out.writeUTF(key.hash());
      out.writeUTF(key.describe());
      out.writeInt(c.predicted().length);
      for (int y : c.predicted()) {
        out.writeInt(y);
      }
      for (double[] p : c.probabilities()) {
        out.writeByte(p == null ? 0 : 1);
        if (p != null) {
          out.writeInt(p.length);
          for (double v : p) {
            out.writeDouble(v);
          }
        }
      }
      out.writeLong(c.trainNanos());
      out.writeLong(c.predictNanos());
      TuningRecord t = c.tuning();
      out.writeByte(t == null ? 0 : 1);
      if (t != null) {
        out.writeUTF(t.metric());
        out.writeInt(t.values().size());
        for (int i = 0; i < t.values().size(); i++) {
          out.writeUTF(t.values().get(i));
          out.writeDouble(t.scores()[i]);
        }
        out.writeInt(t.chosen());
      }
      out.flush();
      byte[] body = buffer.toByteArray();
      byte[] sum = java.util.HexFormat.of().parseHex(Seeds.sha256(body));
      byte[] all = Arrays.copyOf(body, body.length + sum.length);
      System.arraycopy(sum, 0, all, body.length, sum.length);
      return all;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Cell decode(Path f, Cell.Key key, byte[] bytes) {
    if (bytes.length < MAGIC.length + 32 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw InputException.of(f, "not a topicbench cell file");
    }
    byte[] body = Arrays.copyOf(bytes, bytes.length - 32);
    byte[] sum = Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length);
    if (!java.util.HexFormat.of().formatHex(sum).equals(Seeds.sha256(body))) {
      throw InputException.of(f, "damaged cell file (its checksum does not match); delete it and run its shard again");
    }
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body, MAGIC.length,
        body.length - MAGIC.length))) {
      String hash = in.readUTF();
      String describe = in.readUTF();
      if (!hash.equals(key.hash())) {
        throw InputException.of(f, "holds the cell " + hash + ", not " + key.hash());
      }
      int n = bounded(in.readInt(), MAX_SENTENCES, f);
      int[] predicted = new int[n];
      for (int i = 0; i < n; i++) {
        predicted[i] = in.readInt();
      }
      double[][] probs = new double[n][];
      for (int i = 0; i < n; i++) {
        if (in.readByte() != 0) {
          double[] p = new double[bounded(in.readInt(), MAX_LABELS, f)];
          for (int c = 0; c < p.length; c++) {
            p[c] = in.readDouble();
          }
          probs[i] = p;
        }
      }
      long trainNanos = in.readLong();
      long predictNanos = in.readLong();
      TuningRecord tuning = null;
      if (in.readByte() != 0) {
        String metric = in.readUTF();
        int m = bounded(in.readInt(), 100_000, f);
        List<String> values = new ArrayList<>(m);
        double[] scores = new double[m];
        for (int i = 0; i < m; i++) {
          values.add(in.readUTF());
          scores[i] = in.readDouble();
        }
        tuning = new TuningRecord(metric, values, scores, in.readInt());
      }
      if (in.read() != -1) {
        throw InputException.of(f, "bytes after the cell (" + describe + ")");
      }
      return new Cell(predicted, probs, trainNanos, predictNanos, tuning);
    } catch (EOFException e) {
      throw InputException.of(f, "truncated cell file");
    } catch (IOException | IllegalArgumentException e) {
      throw InputException.of(f, "damaged cell file: " + Csv.cut(e.getMessage()));
    }
  }

  private static int bounded(int v, int max, Path f) {
    if (v < 0 || v > max) {
      throw InputException.of(f, "damaged cell file (a count of " + v + ")");
    }
    return v;
  }
}
