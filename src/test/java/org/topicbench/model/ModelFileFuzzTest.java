package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;

/**
 * Fuzz test of {@link ModelFile#read(String, byte[])}: any bytes either read as a model or throw an
 * {@link InputException} with a one-line message naming the file; any other exception is a bug.
 *
 * <p>Input: the first byte's low bit picks how the rest is used. 0: the rest is the whole file. 1: the
 * rest is the payload (the Java serialization stream), put behind the header of a real model file (the
 * committed {@code nb-complement.tbm}: {@code bin/topicbench train --learner smile.nb-complement --train
 * tiny.csv}, six sentences of {@code datasets/sentences.csv}, so that it is 8 KB) with its {@code bytes}
 * and {@code sha256} rewritten to match, so that mutations get past the digest to the
 * deserialisation filter and the model's own checks. The committed inputs in
 * {@code ModelFileFuzzTestInputs/modelFile/} replay in every test run; {@code benchmarks/fuzz.sh} fuzzes
 * it.
 */
class ModelFileFuzzTest {
  /** A real model file's header line, with placeholders for the payload's length and digest. */
  private static final String HEADER_TEMPLATE = headerTemplate();

  @FuzzTest
  void modelFile(byte[] data) {
    read(data);
  }

  /** The committed seeds reach a loaded model both ways, so that the fuzzer starts from there. */
  @Test
  void theSeedsLoadAModelBothWays() throws IOException {
    for (String seed : List.of("seed-file", "seed-payload")) {
      try (InputStream in = getClass().getResourceAsStream("ModelFileFuzzTestInputs/modelFile/" + seed)) {
        ModelFile.Loaded loaded = read(in.readAllBytes());
        assertNotNull(loaded, seed);
        assertEquals(List.of("boilerplate", "misconduct", "political_response"), loaded.header().labels(), seed);
      }
    }
  }

  /**
   * A finding of {@code benchmarks/fuzz.sh}, fixed: a payload whose model has other labels than the header
   * is refused with an InputException, whose message quoted the model's labels as they were, so a label
   * holding a line break made it more than one line. ModelFile now quotes them through {@code
   * InputException.excerpt}; this replays the input.
   */
  @Test
  void labelsMessageIsOneLine() throws IOException {
    // the finding's own path: labels holding line breaks, quoted on one line
    InputException e = ModelFile.labelsDiffer("m.tbm", List.of("a\nb", "c"), List.of("x\r\ny"));
    assertEquals("m.tbm: model file: the model's labels a b, c are not the header's x y", e.getMessage());
    // the input it was found with (made against an older model format; it still must give one line)
    try (InputStream in = getClass().getResourceAsStream("ModelFileFuzzTestFindings/labels-message-not-one-line")) {
      read(in.readAllBytes());
    }
  }

  /** The model {@code data} holds, or null when it is refused as it should be. */
  private static ModelFile.Loaded read(byte[] data) {
    if (data.length == 0) {
      return null;
    }
    byte[] rest = Arrays.copyOfRange(data, 1, data.length);
    byte[] file = (data[0] & 1) == 0 ? rest : withHeader(rest);
    ModelFile.Loaded loaded;
    try {
      loaded = ModelFile.read("fuzz.tbm", file);
    } catch (InputException e) {
      String m = e.getMessage();
      assertTrue(m.startsWith("fuzz.tbm: "), () -> "does not name the file: " + m);
      assertFalse(m.contains("\n") || m.contains("\r"), () -> "not one line: " + m);
      return null;
    }
    assertNotNull(loaded.model());
    assertEquals(loaded.header().labels(), loaded.model().labelNames());
    return loaded;
  }

  /** {@code payload} behind the real header, its length and SHA-256 rewritten to match. */
  private static byte[] withHeader(byte[] payload) {
    String header = HEADER_TEMPLATE.replace("\"@BYTES@\"", Integer.toString(payload.length))
        .replace("@SHA256@", Datasets.sha256(payload));
    byte[] head = ("topicbench-model\n" + header + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] file = Arrays.copyOf(head, head.length + payload.length);
    System.arraycopy(payload, 0, file, head.length, payload.length);
    return file;
  }

  private static String headerTemplate() {
    try (InputStream in = ModelFileFuzzTest.class.getResourceAsStream("nb-complement.tbm")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      String header = out.toString(StandardCharsets.ISO_8859_1).split("\n", 3)[1];
      header = new String(header.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      String replaced = header.replaceFirst("\"bytes\":\\d+", "\"bytes\":\"@BYTES@\"")
          .replaceFirst("\"sha256\":\"[0-9a-f]{64}\"(?=[^{]*}\\s*}?\\s*$)", "\"sha256\":\"@SHA256@\"");
      if (replaced.equals(header) || !replaced.contains("@BYTES@") || !replaced.contains("@SHA256@")) {
        throw new IllegalStateException("nb-complement.tbm: no payload bytes and sha256 in its header: " + header);
      }
      return replaced;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
