package org.topicbench.feature.minilm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.topicbench.feature.SentenceEncoder;

/**
 * all-MiniLM-L6-v2 (Reimers and Gurevych's Sentence-BERT, 6 layers, 384 dimensions, mean pooling, unit
 * length), full precision ({@link #get()}) or quantised to 8 bits ({@link #quantized()}), each loaded once per
 * process from the jar. Texts are embedded in batches of {@value #BATCH} on a
 * pool of one thread per core; every vector is cached by text for the life of the process, so a run
 * embeds each distinct sentence once.
 */
public final class MiniLmEncoder implements SentenceEncoder {
  /** The full-precision model's name in specs (and its ONNX file's, inside the jar). */
  public static final String ID = "all-minilm-l6-v2";
  /** The quantised model's name in specs. */
  public static final String QUANTIZED_ID = "all-minilm-l6-v2-q";
  /** Texts per call of the model. */
  static final int BATCH = 64;

  private static volatile MiniLmEncoder full;
  private static volatile MiniLmEncoder quantized;

  private final String id;
  private final AbstractInProcessEmbeddingModel model;
  private final Map<String, float[]> cache = new ConcurrentHashMap<>();
  private volatile String sha256;

  private MiniLmEncoder(String id) {
    this.id = id;
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "topicbench-minilm");
      t.setDaemon(true);
      return t;
    });
    this.model = id.equals(ID) ? new AllMiniLmL6V2EmbeddingModel(pool) : new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
  }

  /** The process's full-precision encoder (loads the model on first use, about a second). */
  public static MiniLmEncoder get() {
    MiniLmEncoder e = full;
    if (e == null) {
      synchronized (MiniLmEncoder.class) {
        e = full;
        if (e == null) {
          e = new MiniLmEncoder(ID);
          full = e;
        }
      }
    }
    return e;
  }

  /** The process's 8-bit quantised encoder. */
  public static MiniLmEncoder quantized() {
    MiniLmEncoder e = quantized;
    if (e == null) {
      synchronized (MiniLmEncoder.class) {
        e = quantized;
        if (e == null) {
          e = new MiniLmEncoder(QUANTIZED_ID);
          quantized = e;
        }
      }
    }
    return e;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String model() {
    return "sentence-transformers/all-MiniLM-L6-v2" + (id.equals(ID) ? "" : ", 8-bit quantised") + " (ONNX,"
        + " dev.langchain4j:langchain4j-embeddings-" + id + ")";
  }

  @Override
  public String sha256() {
    String s = sha256;
    if (s == null) {
      String resource = id + ".onnx";
      try (InputStream in = MiniLmEncoder.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is not on the class path");
        }
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream d = new DigestInputStream(in, md)) {
          d.transferTo(java.io.OutputStream.nullOutputStream());
        }
        s = HexFormat.of().formatHex(md.digest());
        sha256 = s;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return s;
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public float[][] encode(List<String> texts) {
    List<String> missing = new ArrayList<>(new LinkedHashSet<>(texts.stream().filter(t -> !cache.containsKey(t))
        .toList()));
    if (!missing.isEmpty()) {
      float[][] v = encodeUncached(missing);
      for (int i = 0; i < v.length; i++) {
        cache.putIfAbsent(missing.get(i), v[i]);
      }
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = cache.get(texts.get(i));
    }
    return out;
  }

  @Override
  public float[][] encodeUncached(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<String> part = texts.subList(from, Math.min(texts.size(), from + BATCH));
      List<TextSegment> segments = new ArrayList<>(part.size());
      for (String t : part) {
        segments.add(TextSegment.from(t.isBlank() ? "." : t));
      }
      List<Embedding> e = model.embedAll(segments).content();
      for (int i = 0; i < part.size(); i++) {
        out[from + i] = e.get(i).vector();
      }
    }
    return out;
  }
}
