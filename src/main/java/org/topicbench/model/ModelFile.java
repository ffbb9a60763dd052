package org.topicbench.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.atomic.AtomicReference;
import org.topicbench.Topicbench;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;

/**
 * A trained model in a file ({@code topicbench train --save}, {@code topicbench label --model}).
 *
 * <h2>Layout</h2>
 *
 * <ol>
 *   <li>The ASCII line {@code topicbench-model} (the magic that tells a model file from anything else).
 *   <li>The header: one line of JSON (UTF-8), keys in this order: {@code format} ({@value #FORMAT}),
 *       {@code format_version} ({@value #FORMAT_VERSION}), {@code topicbench_version}, {@code learner}
 *       ({@code name} and {@code hyperparameters}, as {@code topicbench learners} lists them),
 *       {@code features} (the feature configuration, the learner's {@code features} hyperparameter),
 *       {@code labels} (in index order), {@code seed}, {@code training} (per dataset: {@code file} name,
 *       {@code sha256} of its bytes, {@code examples}), and {@code payload} ({@code encoding}
 *       {@value #ENCODING}, {@code bytes}, {@code sha256}). It can be read with {@code head -2}.
 *   <li>The payload: the model in Java serialization, exactly {@code payload.bytes} bytes, up to the end
 *       of the file. It holds the fitted model and a copy of the header without {@code payload}.
 * </ol>
 *
 * <h2>Why Java serialization, and how it is read safely</h2>
 *
 * The fitted models are Smile and Weka objects, which have no other complete persistent form (Weka's
 * own model files are Java serialization too). Deserialising untrusted bytes can run code, so a file is
 * read in this order and refused, with a one-line {@link InputException}, at the first problem:
 *
 * <ol>
 *   <li>the magic line and a header that is valid JSON of a known format and version, written by this
 *       topicbench version (Java-serialised classes are only compatible with the classes that wrote them);
 *   <li>the payload has the length the header gives and its SHA-256 equals the header's: a damaged,
 *       truncated or edited payload is refused <em>before any deserialization</em>;
 *   <li>the payload is read once without building any object ({@link PayloadScan}), to bound what
 *       building them would cost: a small file can otherwise keep a core busy for ever, most simply with
 *       nested {@code HashMap}s that share their children ("SerialDOS"), whose keys
 *       {@code HashMap.readObject} hashes at a cost of 2^depth, and which no depth, reference or array limit
 *       sees. Hash tables must be keyed by strings or boxed numbers of one class, and rebuilding all of them
 *       (entries, capacity, comparisons between keys with equal hash codes) may take at most
 *       {@value #MAX_HASH_WORK} steps; no object whose {@code hashCode} looks at its contents (collections,
 *       maps, records, object arrays, classes overriding {@code hashCode}) may have an unfolded size, shared
 *       contents counted each time they are reached, over {@value #MAX_UNFOLDED}, or contain itself; classes
 *       that read their own serial form must be ones known to read it as it is laid out. The scan sees every
 *       back-reference resolved, which deserialization's own hooks do not: {@code resolveObject} never sees a
 *       back-reference, and a map can be hashed while it is still being read;
 *   <li>deserialization runs under an {@link ObjectInputFilter} that allows only topicbench's, Smile's and
 *       Weka's classes, the few {@code java.lang} and {@code java.util} classes they are made of, and
 *       primitive arrays, with limits on depth ({@value #MAX_DEPTH}), references ({@value #MAX_REFS}) and
 *       array length ({@value #MAX_ARRAY}); anything else ({@code java.lang.invoke.SerializedLambda},
 *       JDK or third-party gadget classes) is refused before it is instantiated;
 *   <li>the payload's copy of the header must equal the header (an edited header is refused), and the
 *       model's labels must be the header's.
 * </ol>
 *
 * <p>A plain-data format for topicbench's own models (weights, vocabulary, labels as numbers and strings)
 * would be the stronger design: nothing to bound, because nothing but data would be built. It is not done
 * here because the Weka models (and the Smile ones) exist only as Java serialization in any case, so the
 * bound is needed regardless, and one reader for every learner keeps one set of checks.
 *
 * <p>The digest proves integrity, not origin: anyone who can write a file can also write a matching
 * digest. What protects a user who loads a file from an untrusted source is the allowlist; as with any
 * model file, load models you or your team trained.
 *
 * <p>A vector learner's vectorizer is not serialised but fitted again on load; see {@link VectorModel}.
 */
public final class ModelFile {
  /** The header's {@code format}. */
  public static final String FORMAT = "topicbench-model";
  /** The header's {@code format_version}. */
  public static final int FORMAT_VERSION = 1;
  /** The payload's {@code encoding}. */
  public static final String ENCODING = "java-serialization";
  /** Deepest object nesting a payload may have. */
  public static final int MAX_DEPTH = 1000;
  /** Most object references a payload may hold. */
  public static final int MAX_REFS = 5_000_000;
  /** Longest array a payload may hold. */
  public static final int MAX_ARRAY = 50_000_000;
  /**
   * Largest unfolded size of one object: the work its {@code hashCode} or {@code equals} would do, shared
   * contents counted each time they are reached (see {@link PayloadScan}). The largest of any learner's
   * model trained on both bundled datasets is 23,021 ({@code smile.svm-linear-cues}), 430 times less; at
   * the limit one {@code hashCode} of nested maps takes about a second.
   */
  public static final long MAX_UNFOLDED = 10_000_000;
  /**
   * Most work rebuilding a payload's hash tables may take: entries, allocated capacity, and comparisons
   * between keys with equal hash codes (see {@link PayloadScan}). The largest of any learner's model
   * trained on both bundled datasets is 14,020 ({@code weka.smo-cues}), 3,500 times less.
   */
  public static final long MAX_HASH_WORK = 50_000_000;
  /** Longest header line. */
  static final int MAX_HEADER = 1 << 20;
  /** Sentences of the training data the written file is checked on before it is kept. */
  static final int VERIFY_SENTENCES = 50;

  private static final byte[] MAGIC = (FORMAT + "\n").getBytes(StandardCharsets.US_ASCII);

  /** What payloads may contain (besides primitive arrays, which filters leave undecided and allow). */
  static final String ALLOWED =
      String.join(
          ";",
          "org.topicbench.**",
          "smile.**",
          "weka.**",
          "java.lang.String",
          "java.lang.Number",
          "java.lang.Boolean",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.lang.Enum",
          "java.lang.Object", // Object[] inside ArrayList and CollSer
          "java.util.ArrayList",
          "java.util.HashMap",
          "java.util.Hashtable",
          "java.util.Map$Entry", // the table array HashMap and Hashtable check when read
          "java.util.BitSet",
          "java.util.Random",
          "java.util.CollSer", // List.of and List.copyOf
          "java.util.ImmutableCollections$ListN",
          "java.util.ImmutableCollections$List12");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelFile() {}

  /**
   * One training dataset as the header records it.
   *
   * @param file the file's name (no folder)
   * @param sha256 hex SHA-256 of its bytes
   * @param examples sentences trained on
   */
  public record TrainingFile(String file, String sha256, int examples) {
    /** The record of {@code d}. */
    public static TrainingFile of(Dataset d) {
      Path name = Path.of(d.file()).getFileName();
      return new TrainingFile(name == null ? d.file() : name.toString(), d.sha256(), d.size());
    }
  }

  /**
   * The header of a model file.
   *
   * @param topicbenchVersion the topicbench that wrote it
   * @param learner the learner's name
   * @param hyperparameters the learner's hyperparameters
   * @param features the feature configuration
   * @param labels the labels, in index order
   * @param seed the training seed
   * @param training the training datasets
   */
  public record Header(
      String topicbenchVersion,
      String learner,
      SequencedMap<String, String> hyperparameters,
      String features,
      List<String> labels,
      long seed,
      List<TrainingFile> training) {
    public Header {
      hyperparameters = new LinkedHashMap<>(hyperparameters);
      labels = List.copyOf(labels);
      training = List.copyOf(training);
    }
  }

  /**
   * A model read from a file.
   *
   * @param header its header
   * @param model the model, giving the same predictions as the one that was saved
   */
  public record Loaded(Header header, TrainedModel model) {}

  /** What the payload holds: the header without {@code payload} (compact JSON) and the model. */
  private record Payload(String header, TrainedModel model) implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
  }

  /** The header a model trained by {@code learner} with {@code seed} on {@code training} gets. */
  public static Header header(Learner learner, long seed, List<Dataset> training, TrainedModel model) {
    SequencedMap<String, String> h = learner.hyperparameters();
    return new Header(
        Topicbench.version(),
        learner.name(),
        h,
        h.getOrDefault("features", "none (the learner reads the raw text)"),
        model.labelNames(),
        seed,
        training.stream().map(TrainingFile::of).toList());
  }

  /**
   * Writes {@code model} to {@code file} atomically (a temporary file, then a move), after checking that
   * the bytes read back into a model that predicts exactly as {@code model} does on {@code check}.
   *
   * @param check sentences to compare predictions on (the first {@value #VERIFY_SENTENCES} are used)
   * @throws IllegalArgumentException if the model cannot be serialised
   * @throws InputException if the file cannot be written
   */
  public static void write(Path file, Header header, TrainedModel model, List<String> check) {
    byte[] bytes = toBytes(header, model);
    Loaded back = read(file.toString(), bytes);
    for (String text : check.subList(0, Math.min(check.size(), VERIFY_SENTENCES))) {
      Prediction a = model.predict(text);
      Prediction b = back.model().predict(text);
      if (a.label() != b.label() || !Arrays.equals(a.probabilities(), b.probabilities())) {
        throw new IllegalStateException(
            header.learner() + ": the model read back from its bytes predicts differently on: " + text);
      }
    }
    AtomicFile.writeBytes(file, out -> out.write(bytes));
  }

  /** The bytes of a model file. */
  static byte[] toBytes(Header header, TrainedModel model) {
    if (!header.labels().equals(model.labelNames())) {
      throw new IllegalArgumentException(
          "header labels " + header.labels() + " must equal the model's " + model.labelNames());
    }
    ObjectNode description = describe(header);
    String descriptionJson;
    try {
      descriptionJson = JSON.writeValueAsString(description);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    byte[] payload;
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
        out.writeObject(new Payload(descriptionJson, model));
      }
      payload = buffer.toByteArray();
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          header.learner() + ": its trained model cannot be saved (" + e.getMessage() + " is not serializable)", e);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ObjectNode payloadNode = description.putObject("payload");
    payloadNode.put("encoding", ENCODING).put("bytes", payload.length).put("sha256", Datasets.sha256(payload));
    byte[] headerLine;
    try {
      headerLine = (JSON.writeValueAsString(description) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (headerLine.length > MAX_HEADER) {
      throw new IllegalArgumentException("the header must be at most " + MAX_HEADER + " bytes, got " + headerLine.length);
    }
    byte[] all = new byte[MAGIC.length + headerLine.length + payload.length];
    System.arraycopy(MAGIC, 0, all, 0, MAGIC.length);
    System.arraycopy(headerLine, 0, all, MAGIC.length, headerLine.length);
    System.arraycopy(payload, 0, all, MAGIC.length + headerLine.length, payload.length);
    return all;
  }

  private static ObjectNode describe(Header h) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", FORMAT);
    o.put("format_version", FORMAT_VERSION);
    o.put("topicbench_version", h.topicbenchVersion());
    ObjectNode learner = o.putObject("learner");
    learner.put("name", h.learner());
    ObjectNode hp = learner.putObject("hyperparameters");
    h.hyperparameters().forEach(hp::put);
    o.put("features", h.features());
    ArrayNode labels = o.putArray("labels");
    h.labels().forEach(labels::add);
    o.put("seed", h.seed());
    ArrayNode training = o.putArray("training");
    for (TrainingFile t : h.training()) {
      training.addObject().put("file", t.file()).put("sha256", t.sha256()).put("examples", t.examples());
    }
    return o;
  }

  /**
   * Reads a model file.
   *
   * @throws InputException naming the file and what is wrong, for a missing, foreign, damaged, edited or
   *     incompatible file
   */
  public static Loaded read(Path file) {
    if (Files.isDirectory(file)) {
      throw InputException.of(file, "is a directory, not a model file");
    }
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE) {
        throw InputException.of(file, "model file: larger than " + MAX_FILE + " bytes, not a topicbench model");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw InputException.of(file, "no such model file");
    } catch (AccessDeniedException e) {
      throw InputException.of(file, "permission denied");
    } catch (IOException | OutOfMemoryError e) {
      throw InputException.of(file, "cannot read: " + e.getMessage());
    }
    return read(file.toString(), bytes);
  }

  /** Largest model file read. */
  static final long MAX_FILE = 1L << 30;

  /** Reads the model file {@code bytes}; {@code name} names it in messages. */
  public static Loaded read(String name, byte[] bytes) {
    if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw bad(name, "not a topicbench model file (it does not start with the line '" + FORMAT + "')");
    }
    int eol = -1;
    for (int i = MAGIC.length; i < bytes.length && i < MAGIC.length + MAX_HEADER; i++) {
      if (bytes[i] == '\n') {
        eol = i;
        break;
      }
    }
    if (eol < 0) {
      throw bad(name, "the header line is missing or longer than " + MAX_HEADER + " bytes (truncated or damaged file)");
    }
    String headerText = new String(bytes, MAGIC.length, eol - MAGIC.length, StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = JSON.readTree(headerText);
    } catch (JsonProcessingException e) {
      throw bad(name, "the header is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
    }
    if (root == null || !root.isObject()) {
      throw bad(name, "the header is not a JSON object");
    }
    if (!FORMAT.equals(text(root, "format", name))) {
      throw bad(name, "the header's format is not '" + FORMAT + "'");
    }
    long version = number(root, "format_version", name);
    if (version != FORMAT_VERSION) {
      throw bad(name, "format version " + version + " is not supported (this topicbench reads version " + FORMAT_VERSION + ")");
    }
    String writtenBy = text(root, "topicbench_version", name);
    if (!writtenBy.equals(Topicbench.version())) {
      throw bad(name, "written by topicbench " + writtenBy + ", this is topicbench " + Topicbench.version()
          + "; train the model again with 'topicbench train'");
    }
    JsonNode payloadNode = object(root, "payload", name);
    if (!ENCODING.equals(text(payloadNode, "encoding", name))) {
      throw bad(name, "the payload encoding is not '" + ENCODING + "'");
    }
    long expectedBytes = number(payloadNode, "bytes", name);
    String expectedSha = text(payloadNode, "sha256", name);
    Header header = header(root, name);

    int start = eol + 1;
    long actualBytes = bytes.length - start;
    if (actualBytes != expectedBytes) {
      throw bad(name, "the payload is " + actualBytes + " bytes, the header says " + expectedBytes
          + (actualBytes < expectedBytes ? " (truncated file)" : " (bytes added to the file)"));
    }
    byte[] payloadBytes = Arrays.copyOfRange(bytes, start, bytes.length);
    if (!Datasets.sha256(payloadBytes).equals(expectedSha)) {
      throw bad(name, "the payload's SHA-256 does not match the header (the file was changed or damaged after it was written)");
    }
    Object object = deserialize(name, payloadBytes);
    if (!(object instanceof Payload payload) || payload.model() == null || payload.header() == null) {
      throw bad(name, "the payload is not a topicbench model");
    }
    ObjectNode withoutPayload = ((ObjectNode) root).deepCopy();
    withoutPayload.remove("payload");
    JsonNode saved;
    try {
      saved = JSON.readTree(payload.header());
    } catch (JsonProcessingException e) {
      throw bad(name, "the payload's copy of the header is not valid JSON");
    }
    if (!withoutPayload.equals(saved)) {
      throw bad(name, "the header does not match the payload's copy of it (the header was edited)");
    }
    if (!payload.model().labelNames().equals(header.labels())) {
      throw labelsDiffer(name, payload.model().labelNames(), header.labels());
    }
    return new Loaded(header, payload.model());
  }

  /** The allowlist filter, with the limits, for a payload of {@code bytes} bytes. */
  static ObjectInputFilter allowlist(int bytes) {
    return ObjectInputFilter.Config.createFilter(
        "maxdepth=" + MAX_DEPTH + ";maxrefs=" + MAX_REFS + ";maxarray=" + MAX_ARRAY + ";maxbytes=" + bytes
            + ";" + ALLOWED + ";!*");
  }

  /**
   * Deserialises {@code payload}: first {@link PayloadScan} reads it without building anything and refuses
   * what would cost too much to build, then it is deserialised under the allowlist filter and limits.
   */
  private static Object deserialize(String name, byte[] payload) {
    ObjectInputFilter allow = allowlist(payload.length);
    try {
      PayloadScan.scan(payload, allow);
    } catch (PayloadScan.Refused e) {
      throw bad(name, e.getMessage());
    }
    AtomicReference<String> rejected = new AtomicReference<>();
    ObjectInputFilter recording =
        info -> {
          ObjectInputFilter.Status s = allow.checkInput(info);
          if (s == ObjectInputFilter.Status.REJECTED && rejected.get() == null) {
            rejected.set(describeRejection(info));
          }
          return s;
        };
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
      in.setObjectInputFilter(recording);
      Object o = in.readObject();
      if (in.read() != -1) {
        throw bad(name, "the payload has bytes after the model");
      }
      return o;
    } catch (InputException e) {
      throw e;
    } catch (InvalidClassException e) {
      if (rejected.get() != null) {
        throw bad(name, "the payload holds what a model file may not: " + rejected.get());
      }
      throw bad(name, "the payload does not fit this topicbench's classes (" + firstLine(e.getMessage()) + "); train the model again");
    } catch (InvalidObjectException e) {
      throw bad(name, "the payload is inconsistent: " + firstLine(e.getMessage()));
    } catch (ClassNotFoundException e) {
      throw bad(name, "the payload needs a class this topicbench does not have (" + firstLine(e.getMessage()) + ")");
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      if (rejected.get() != null) {
        throw bad(name, "the payload holds what a model file may not: " + rejected.get());
      }
      throw bad(name, "the payload cannot be read (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")");
    }
  }

  /** What a filter verdict refused, for the message. */
  static String describeRejection(ObjectInputFilter.FilterInfo info) {
    if (info.serialClass() != null) {
      Class<?> c = info.serialClass();
      while (c.isArray()) {
        c = c.getComponentType();
      }
      return "class " + c.getName();
    }
    if (info.depth() > MAX_DEPTH) {
      return "nesting deeper than " + MAX_DEPTH;
    }
    if (info.references() > MAX_REFS) {
      return "more than " + MAX_REFS + " references";
    }
    if (info.arrayLength() > MAX_ARRAY) {
      return "an array longer than " + MAX_ARRAY;
    }
    return "a stream beyond the limits";
  }

  private static Header header(JsonNode root, String name) {
    JsonNode learner = object(root, "learner", name);
    SequencedMap<String, String> hp = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object(learner, "hyperparameters", name).properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      if (!e.getValue().isTextual()) {
        throw bad(name, "hyperparameter '" + e.getKey() + "' in the header is not a string");
      }
      hp.put(e.getKey(), e.getValue().textValue());
    }
    List<String> labels = new ArrayList<>();
    for (JsonNode l : array(root, "labels", name)) {
      if (!l.isTextual()) {
        throw bad(name, "a label in the header is not a string");
      }
      labels.add(l.textValue());
    }
    List<TrainingFile> training = new ArrayList<>();
    for (JsonNode t : array(root, "training", name)) {
      training.add(new TrainingFile(text(t, "file", name), text(t, "sha256", name), (int) number(t, "examples", name)));
    }
    return new Header(
        text(root, "topicbench_version", name),
        text(learner, "name", name),
        hp,
        text(root, "features", name),
        labels,
        number(root, "seed", name),
        training);
  }

  private static String text(JsonNode o, String key, String name) {
    JsonNode v = o.get(key);
    if (v == null || !v.isTextual()) {
      throw bad(name, "the header has no text field '" + key + "'");
    }
    return v.textValue();
  }

  private static long number(JsonNode o, String key, String name) {
    JsonNode v = o.get(key);
    if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
      throw bad(name, "the header has no whole-number field '" + key + "'");
    }
    return v.longValue();
  }

  private static JsonNode object(JsonNode o, String key, String name) {
    JsonNode v = o.get(key);
    if (v == null || !v.isObject()) {
      throw bad(name, "the header has no object '" + key + "'");
    }
    return v;
  }

  private static JsonNode array(JsonNode o, String key, String name) {
    JsonNode v = o.get(key);
    if (v == null || !v.isArray()) {
      throw bad(name, "the header has no list '" + key + "'");
    }
    return v;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String line = s.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 199) + "…" : line;
  }

  /** The model's labels are not the header's: one line, whatever the labels hold (a fuzzing finding). */
  static InputException labelsDiffer(String name, List<String> model, List<String> header) {
    return bad(name, "the model's labels " + InputException.excerpt(model) + " are not the header's "
        + InputException.excerpt(header));
  }

  private static InputException bad(String name, String what) {
    return new InputException(name + ": model file: " + what);
  }
}
