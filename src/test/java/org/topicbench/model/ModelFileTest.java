package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.topicbench.data.Dataset;
import org.topicbench.data.InputException;

/** Model files: every learner's model survives a round trip; damaged, edited and foreign files are refused. */
class ModelFileTest {
  static Dataset data;
  static TrainingSet train;
  static List<String> test;
  static byte[] smo;

  static Stream<Learner> learners() {
    return Learners.all().stream();
  }

  @BeforeAll
  static void setUp() {
    data = ExternalDev.dataset();
    train = ExternalDev.train();
    test = ExternalDev.texts(ExternalDev.test());
    smo = bytes(Learners.byName("smile.nb-complement"), 3);
  }

  static byte[] bytes(Learner learner, long seed) {
    TrainedModel model = learner.fit(train, seed);
    return ModelFile.toBytes(ModelFile.header(learner, seed, List.of(data), model), model);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void everyLearnersModelReadsBackWithTheSameLabelsAndProbabilities(Learner learner) throws Exception {
    TrainedModel model = learner.fit(train, 11);
    ModelFile.Header header = ModelFile.header(learner, 11, List.of(data), model);
    byte[] bytes = ModelFile.toBytes(header, model);
    ModelFile.Loaded back = ModelFile.read("m", bytes);
    assertEquals(header, back.header());
    assertEquals(model.labelNames(), back.model().labelNames());
    for (String text : test) {
      Prediction a = model.predict(text);
      Prediction b = back.model().predict(text);
      assertEquals(a.label(), b.label(), learner.name() + ": " + text);
      assertArrayEquals(a.probabilities(), b.probabilities(), learner.name() + ": " + text);
    }
    // the limits leave room: a real model uses at most a quarter of each
    long[] max = new long[3];
    ObjectInputFilter probe = info -> {
      max[0] = Math.max(max[0], info.depth());
      max[1] = Math.max(max[1], info.references());
      max[2] = Math.max(max[2], info.arrayLength());
      return ObjectInputFilter.Status.UNDECIDED;
    };
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload(bytes)))) {
      in.setObjectInputFilter(probe);
      in.readObject();
    }
    assertTrue(max[0] * 4 <= ModelFile.MAX_DEPTH, learner.name() + " depth " + max[0]);
    assertTrue(max[1] * 4 <= ModelFile.MAX_REFS, learner.name() + " references " + max[1]);
    assertTrue(max[2] * 4 <= ModelFile.MAX_ARRAY, learner.name() + " array " + max[2]);
  }

  @Test
  void writeIsAtomicAndReadFindsTheFile(@TempDir Path dir) {
    Learner l = Learners.byName("weka.smo");
    TrainedModel model = l.fit(train, 5);
    Path file = dir.resolve("m.tbm");
    ModelFile.write(file, ModelFile.header(l, 5, List.of(data), model), model, test);
    ModelFile.Loaded back = ModelFile.read(file);
    assertEquals("weka.smo", back.header().learner());
    assertEquals("external-dev.csv", back.header().training().getFirst().file());
    assertEquals(data.sha256(), back.header().training().getFirst().sha256());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] payload(byte[] file) {
    int first = indexOf(file, (byte) '\n', 0);
    int second = indexOf(file, (byte) '\n', first + 1);
    return Arrays.copyOfRange(file, second + 1, file.length);
  }

  static int indexOf(byte[] a, byte b, int from) {
    for (int i = from; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }

  static String refused(byte[] bytes) {
    InputException e = assertThrows(InputException.class, () -> ModelFile.read("m.tbm", bytes));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().startsWith("m.tbm: model file: "), e.getMessage());
    return e.getMessage();
  }

  @Test
  void aFlippedPayloadByteIsRefusedBeforeDeserialization() {
    long seed = 20260101L;
    SplittableRandom rnd = new SplittableRandom(seed);
    int payloadStart = smo.length - payload(smo).length;
    for (int i = 0; i < 20; i++) {
      byte[] b = smo.clone();
      int at = payloadStart + rnd.nextInt(b.length - payloadStart);
      b[at] ^= (byte) (1 + rnd.nextInt(255));
      String m = refused(b);
      assertTrue(m.contains("SHA-256 does not match"), "seed " + seed + " byte " + at + ": " + m);
    }
  }

  @Test
  void anEditedHeaderIsRefused() {
    String s = new String(smo, StandardCharsets.ISO_8859_1);
    // a hyperparameter changed: the payload's copy of the header differs
    String edited = s.replaceFirst("\"smoothing\":\"1.0\"", "\"smoothing\":\"2.0\"");
    assertFalse(edited.equals(s));
    assertTrue(refused(edited.getBytes(StandardCharsets.ISO_8859_1)).contains("header was edited"));
    // a label renamed
    String relabelled = s.replaceFirst("\"partygate\"", "\"partyfate\"");
    assertTrue(refused(relabelled.getBytes(StandardCharsets.ISO_8859_1)).contains("header was edited"));
    // broken JSON
    String broken = s.replaceFirst("\\{\"format\"", "{format");
    assertTrue(refused(broken.getBytes(StandardCharsets.ISO_8859_1)).contains("not valid JSON"));
    // another format version
    String v2 = s.replaceFirst("\"format_version\":1", "\"format_version\":2");
    assertTrue(refused(v2.getBytes(StandardCharsets.ISO_8859_1)).contains("format version 2 is not supported"));
    // another topicbench
    String other = s.replaceFirst("\"topicbench_version\":\"[^\"]*\"", "\"topicbench_version\":\"0.0.1-other\"");
    assertTrue(refused(other.getBytes(StandardCharsets.ISO_8859_1)).contains("written by topicbench 0.0.1-other"));
  }

  @Test
  void truncatedAndExtendedFilesAreRefused() {
    for (int cut : new int[] {0, 5, 17, 40, smo.length / 2, smo.length - 1}) {
      String m = refused(Arrays.copyOf(smo, cut));
      assertTrue(m.contains("truncated") || m.contains("not a topicbench model file") || m.contains("JSON"), cut + ": " + m);
    }
    assertTrue(refused(Arrays.copyOf(smo, smo.length + 3)).contains("bytes added"));
  }

  @Test
  void randomBytesAndOtherFilesAreRefused() {
    long seed = 99L;
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 20; i++) {
      byte[] b = new byte[rnd.nextInt(1, 4000)];
      for (int j = 0; j < b.length; j++) {
        b[j] = (byte) rnd.nextInt(256);
      }
      assertTrue(refused(b).contains("not a topicbench model file"), "seed " + seed);
    }
    assertTrue(refused("id,text\n1,hello\n".getBytes(StandardCharsets.UTF_8)).contains("not a topicbench model file"));
    assertTrue(refused(new byte[0]).contains("not a topicbench model file"));
  }

  /** A file made exactly as {@link ModelFile} makes one, with a correct digest, around {@code object}. */
  static byte[] forge(Object object) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
      out.writeObject(object);
    }
    byte[] payload = buffer.toByteArray();
    String header = new String(smo, StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow();
    header = header.replaceFirst("\"bytes\":\\d+", "\"bytes\":" + payload.length)
        .replaceFirst("\"sha256\":\"[0-9a-f]{64}\"}}$", "\"sha256\":\"" + org.topicbench.data.Datasets.sha256(payload) + "\"}}");
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(("topicbench-model\n" + header + "\n").getBytes(StandardCharsets.UTF_8));
    file.write(payload);
    return file.toByteArray();
  }

  @Test
  void aCorrectlyDigestedPayloadOfADisallowedClassIsRefused() throws Exception {
    String m = refused(forge(new java.io.File("/tmp/x")));
    assertTrue(m.contains("may not") && m.contains("java.io.File"), m);
    // a disallowed class nested inside allowed ones
    java.util.HashMap<String, Object> map = new java.util.HashMap<>();
    map.put("a", new java.util.concurrent.atomic.AtomicLong(1));
    m = refused(forge(map));
    assertTrue(m.contains("may not") && m.contains("java.util.concurrent.atomic.AtomicLong"), m);
    // a serialized lambda
    m = refused(forge((Runnable & java.io.Serializable) () -> {}));
    assertTrue(m.contains("may not"), m);
    // an allowed class that is not a model
    assertTrue(refused(forge("just a string")).contains("not a topicbench model"));
  }

  @Test
  void limitsStopDeepNesting() throws Exception {
    Object[] deep = new Object[1];
    Object[] cur = deep;
    for (int i = 0; i < ModelFile.MAX_DEPTH + 10; i++) {
      Object[] next = new Object[1];
      cur[0] = next;
      cur = next;
    }
    String m = refused(forge(deep));
    assertTrue(m.contains("deeper than"), m);
  }
}
