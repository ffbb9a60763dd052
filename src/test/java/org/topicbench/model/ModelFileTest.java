package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
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
    return Stream.concat(Learners.all().stream(), Learners.variants().stream());
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
    // and the bounds on what deserialising costs leave a hundred times more
    PayloadScan.Cost cost = PayloadScan.scan(payload(bytes), ModelFile.allowlist(payload(bytes).length));
    assertTrue(cost.largestUnfolded() * 100 <= ModelFile.MAX_UNFOLDED, learner.name() + " " + cost);
    assertTrue(cost.hashWork() * 100 <= ModelFile.MAX_HASH_WORK, learner.name() + " " + cost);
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
  static byte[] forge(Object object) {
    return HostilePayloads.modelFile(smo, HostilePayloads.serialize(object));
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
    // an allowed class that reads its own serial form, which the cost scan cannot follow
    Class<?> zeroR = weka.classifiers.rules.ZeroR.class;
    m = refused(forge(new weka.experiment.PropertyNode(1, new java.beans.PropertyDescriptor("debug", zeroR), zeroR)));
    assertTrue(m.contains("may not: class weka.experiment.PropertyNode (it reads its own serial form)"), m);
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

  /** Far longer than refusing takes, far shorter than deserialising any of these payloads would. */
  static final Duration DOS_TIMEOUT = Duration.ofSeconds(5);

  /** The refusal of a model file around {@code payload}, which passes every check before deserialization. */
  static String refusedQuickly(byte[] payload) {
    byte[] file = HostilePayloads.modelFile(smo, payload);
    return assertTimeoutPreemptively(DOS_TIMEOUT, () -> refused(file));
  }

  @Test
  void serialDosNestedHashMapsAreRefusedBeforeAnyIsBuilt() {
    // 100 levels of maps keyed by the two maps below: 2^100 hashCode calls when HashMap.readObject hashes the keys
    byte[] payload = HostilePayloads.serialize(HostilePayloads.nestedMaps(100));
    assertTrue(payload.length < 12_000, "about 10 KB: " + payload.length);
    String m = refusedQuickly(payload);
    assertTrue(m.contains("the payload holds a hash table keyed by java.util.HashMap objects"), m);
  }

  @Test
  void mapsKeyedByMapsStillBeingReadAreRefused() {
    // no map is ever complete while the cost grows, so no check on finished objects could see it
    String m = refusedQuickly(HostilePayloads.mapsKeyedByTheirAncestors(80));
    assertTrue(m.contains("the payload holds a java.util.HashMap that contains itself"), m);
  }

  @Test
  void nestedListsAreRefusedByTheirUnfoldedSize() {
    // no hash table: the lists alone, 2^100 elements unfolded, which a hashCode or equals would visit
    String m = refusedQuickly(HostilePayloads.serialize(HostilePayloads.nestedLists(100)));
    assertTrue(m.contains("whose unfolded size") && m.contains("is over " + ModelFile.MAX_UNFOLDED), m);
    // the bound, not the depth: 30 levels are 2^30 > MAX_UNFOLDED; 20 levels pass the scan (and are then not a model)
    assertTrue(refusedQuickly(HostilePayloads.serialize(HostilePayloads.nestedLists(30))).contains("unfolded size"));
    assertTrue(refusedQuickly(HostilePayloads.serialize(HostilePayloads.nestedLists(20))).contains("not a topicbench model"));
  }

  @Test
  void hashTablesAreKeyedByStringsOrNumbersOfOneClassOnly() {
    Map<Object, Object> listKey = new HashMap<>();
    listKey.put(List.of("a"), 1);
    assertTrue(refusedQuickly(HostilePayloads.serialize(listKey)).contains("hash table keyed by java.util.CollSer objects"));
    Hashtable<Object, Object> mixed = new Hashtable<>();
    mixed.put("a", 1);
    mixed.put(2, 1);
    String m = refusedQuickly(HostilePayloads.serialize(mixed));
    assertTrue(m.contains("keyed by both") && m.contains("java.lang.String") && m.contains("java.lang.Integer"), m);
    // string and number keys are fine (and the payload is then simply not a model)
    Map<Object, Object> plain = new HashMap<>(Map.of("a", 1, "b", 2));
    assertTrue(refusedQuickly(HostilePayloads.serialize(plain)).contains("not a topicbench model"));
  }

  @Test
  void keysWithEqualHashCodesAreRefusedByTheWorkOfRebuildingTheirTable() {
    // 4096 distinct strings with one hash code ("Aa" and "BB" hash alike): every insertion compares with all before
    List<String> keys = new ArrayList<>(List.of(""));
    for (int i = 0; i < 12; i++) {
      List<String> next = new ArrayList<>();
      for (String k : keys) {
        next.add(k + "Aa");
        next.add(k + "BB");
      }
      keys = next;
    }
    assertEquals(1, keys.stream().map(String::hashCode).distinct().count());
    Hashtable<Object, Object> table = new Hashtable<>();
    keys.forEach(k -> table.put(k, 0));
    String m = refusedQuickly(HostilePayloads.serialize(table));
    assertTrue(m.contains("rebuilding the payload's hash tables would take more than " + ModelFile.MAX_HASH_WORK), m);
    // a few of them are fine
    Hashtable<Object, Object> few = new Hashtable<>();
    keys.subList(0, 64).forEach(k -> few.put(k, 0));
    assertTrue(refusedQuickly(HostilePayloads.serialize(few)).contains("not a topicbench model"));
  }
}
