package org.topicbench.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.topicbench.Topicbench;
import org.topicbench.data.ColumnSpec;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.Protocol;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.eval.RankingSpec;
import org.topicbench.eval.TunedLearner;
import org.topicbench.experiment.YamlTree.Key;
import org.topicbench.experiment.YamlTree.Mapping;
import org.topicbench.experiment.YamlTree.Node;
import org.topicbench.experiment.YamlTree.Scalar;
import org.topicbench.experiment.YamlTree.Sequence;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerSpecs;

/**
 * Reads an experiment file (YAML; results/FORMAT.md and the README's "your own experiment" list every key)
 * into an {@link Experiment}, checking everything before anything runs: YAML syntax, unknown or missing
 * keys, types and ranges, protocols a dataset cannot run, every learner spec, and every data file. Each
 * problem is one {@link InputException}: {@code FILE:LINE:COLUMN: where: what}. Relative paths are
 * relative to the file's folder.
 */
public final class ExperimentFile {
  /** Largest experiment file read. */
  public static final long MAX_BYTES = 1 << 20;
  /** The default experiment, relative to the repository root: what {@code evaluate} runs without options. */
  public static final Path DEFAULT = Path.of("experiments", "default.yaml");

  private static final Set<String> TOP = Set.of("seed", "bootstrap", "ranking", "datasets", "learners");
  private static final Set<String> DATASET = Set.of("name", "file", "test", "protocols", "folds", "repeats",
      "text-column", "label-column", "group-column", "id-column");
  private static final Set<String> LEARNER = Set.of("name", "spec", "tune");
  private static final Set<String> TUNE = Set.of("folds", "metric");
  private static final Set<String> RANKING = Set.of("by", "metric", "control", "alpha");

  private final Path file;
  private final byte[] given;

  private ExperimentFile(Path file, byte[] given) {
    this.file = file;
    this.given = given;
  }

  /**
   * The commented template {@code topicbench experiment init} writes to {@code target}: every key, with the
   * bundled datasets named relative to {@code target}'s folder, so that it runs as written.
   */
  public static String template(Path target) {
    String t;
    try (var in = ExperimentFile.class.getResourceAsStream("template.yaml")) {
      t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the experiment template is missing from the jar", e);
    }
    Path dir = target.toAbsolutePath().normalize().getParent();
    return t.replace("{{SENTENCES}}", relative(dir, Datasets.SENTENCES))
        .replace("{{EXTERNAL_DEV}}", relative(dir, Datasets.EXTERNAL_DEV));
  }

  private static String relative(Path dir, Path bundled) {
    Path abs = Topicbench.locate(bundled).toAbsolutePath().normalize();
    try {
      return dir.relativize(abs).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return abs.toString();
    }
  }

  /** The default experiment, found from any folder. */
  public static Experiment readDefault() {
    Path f = Topicbench.locate(DEFAULT);
    if (!Files.exists(f)) {
      throw InputException.of(DEFAULT, "no such file (the default experiment; run from the repository root or give"
          + " --experiment FILE)");
    }
    return read(f);
  }

  /**
   * Reads and checks {@code file}.
   *
   * @throws InputException naming the file, line and column of the first problem
   */
  public static Experiment read(Path file) {
    return new ExperimentFile(file, null).read();
  }

  /** Reads {@code bytes} as the experiment file {@code file} (for the fuzz test: no file is read for them). */
  static Experiment read(Path file, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw InputException.of(file, "larger than " + MAX_BYTES + " bytes; not an experiment file");
    }
    return new ExperimentFile(file, bytes).read();
  }

  private InputException at(int line, int column, String where, String what) {
    return new InputException(file + ":" + line + ":" + column + ": " + (where.isEmpty() ? "" : where + ": ") + what);
  }

  private InputException at(Node n, String where, String what) {
    return at(n.line(), n.column(), where, what);
  }

  private InputException at(Key k, String where, String what) {
    return at(k.line(), k.column(), where, what);
  }

  private Experiment read() {
    String text = text();
    Node root;
    try {
      root = YamlTree.parse(text);
    } catch (YamlTree.Problem p) {
      throw at(p.line, p.column, "", p.getMessage());
    }
    if (root == null) {
      throw at(1, 1, "", "empty: an experiment needs datasets and learners ('topicbench experiment init' writes a"
          + " template)");
    }
    Mapping top = mapping(root, "the file", TOP);
    long seed = top(top, "seed") == null ? EvaluationSpec.DEFAULT_SEED : longValue(top(top, "seed"), "seed");
    int bootstrap = top(top, "bootstrap") == null ? EvaluationSpec.DEFAULT_BOOTSTRAP
        : intValue(top(top, "bootstrap"), "bootstrap", 0, 100_000);
    Node datasetsNode = required(top, "datasets", root);
    Node learnersNode = required(top, "learners", root);
    List<Experiment.DatasetEntry> datasets = datasets(sequence(datasetsNode, "datasets"));
    List<Learner> learners = learners(sequence(learnersNode, "learners"));
    RankingSpec ranking = ranking(top(top, "ranking"), learners);
    return new Experiment(file, seed, bootstrap, ranking, datasets, learners);
  }

  private String text() {
    byte[] bytes = given;
    try {
      if (bytes == null) {
        if (Files.isDirectory(file)) {
          throw InputException.of(file, "is a directory, not an experiment file");
        }
        if (Files.size(file) > MAX_BYTES) {
          throw InputException.of(file, "larger than " + MAX_BYTES + " bytes; not an experiment file");
        }
        bytes = Files.readAllBytes(file);
      }
    } catch (NoSuchFileException e) {
      throw InputException.of(file, "no such file");
    } catch (IOException e) {
      throw InputException.of(file, "cannot read: " + e.getMessage());
    }
    if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
        || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
      throw InputException.of(file, "is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8");
    }
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      if (s.indexOf('\0') >= 0) {
        int line = (int) s.substring(0, s.indexOf('\0')).chars().filter(c -> c == '\n').count() + 1;
        throw InputException.at(file, line, "a NUL character; an experiment file is text");
      }
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw InputException.of(file, "not valid UTF-8; save it as UTF-8");
    }
  }

  // ---------------------------------------------------------------- structure

  private Mapping mapping(Node n, String where, Set<String> keys) {
    if (!(n instanceof Mapping m)) {
      throw at(n, where, "expected a mapping (key: value), got " + n.kind());
    }
    for (Key k : m.entries().keySet()) {
      if (!keys.contains(k.name())) {
        throw at(k, where, "unknown key '" + YamlTree.oneLine(k.name()) + "' (known: "
            + String.join(", ", keys.stream().sorted().toList()) + ")");
      }
    }
    return m;
  }

  private static Node top(Mapping m, String key) {
    for (Map.Entry<Key, Node> e : m.entries().entrySet()) {
      if (e.getKey().name().equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private Node required(Mapping m, String key, Node where) {
    Node n = top(m, key);
    if (n == null) {
      throw at(where, "", "missing key '" + key + "'");
    }
    return n;
  }

  private Sequence sequence(Node n, String where) {
    if (!(n instanceof Sequence s)) {
      throw at(n, where, "expected a list, got " + n.kind());
    }
    if (s.items().isEmpty()) {
      throw at(n, where, "an empty list");
    }
    return s;
  }

  private String string(Node n, String where) {
    if (!(n instanceof Scalar s) || s.text() == null || s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
      throw at(n, where, "expected a text, got " + n.kind());
    }
    if (s.text().isBlank()) {
      throw at(n, where, "an empty text");
    }
    return s.text();
  }

  private long longValue(Node n, String where) {
    if (!(n instanceof Scalar s) || s.token() != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
      throw at(n, where, "expected a whole number, got " + n.kind());
    }
    try {
      return Long.parseLong(s.text());
    } catch (NumberFormatException e) {
      throw at(n, where, "not a whole number that fits 64 bits: " + YamlTree.oneLine(s.text()));
    }
  }

  private int intValue(Node n, String where, int min, int max) {
    long v = longValue(n, where);
    if (v < min || v > max) {
      throw at(n, where, "must be " + min + " to " + max + ", got " + v);
    }
    return (int) v;
  }

  private double doubleValue(Node n, String where) {
    if (!(n instanceof Scalar s) || (s.token() != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT
        && s.token() != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT)) {
      throw at(n, where, "expected a number, got " + n.kind());
    }
    return Double.parseDouble(s.text());
  }

  // ---------------------------------------------------------------- datasets

  private List<Experiment.DatasetEntry> datasets(Sequence s) {
    List<Experiment.DatasetEntry> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < s.items().size(); i++) {
      String where = "datasets[" + (i + 1) + "]";
      Node item = s.items().get(i);
      Mapping m = mapping(item, where, DATASET);
      Node nameNode = required(m, "name", item);
      String name = string(nameNode, where + ".name");
      if (!ProtocolSpec.NAME.matcher(name).matches()) {
        throw at(nameNode, where + ".name", "'" + YamlTree.oneLine(name) + "': a dataset name is 1 to 64 letters,"
            + " digits, '.', '_' or '-', starting with a letter or digit");
      }
      if (!names.add(name)) {
        throw at(nameNode, where + ".name", "a second dataset named '" + name + "'");
      }
      where = "datasets." + name;
      Node fileNode = required(m, "file", item);
      Node testNode = top(m, "test");
      List<Protocol> protocols = new ArrayList<>();
      Node protocolsNode = top(m, "protocols");
      if (protocolsNode == null) {
        protocols.add(Protocol.KFOLD);
      } else {
        Set<Protocol> seen = new LinkedHashSet<>();
        for (Node p : sequence(protocolsNode, where + ".protocols").items()) {
          String id = string(p, where + ".protocols");
          try {
            if (!seen.add(Protocol.of(id))) {
              throw at(p, where + ".protocols", id + " is listed twice");
            }
          } catch (IllegalArgumentException e) {
            throw at(p, where + ".protocols", e.getMessage());
          }
        }
        protocols.addAll(seen);
      }
      boolean repeated = protocols.stream().anyMatch(Protocol::repeated);
      boolean needsTest = protocols.contains(Protocol.SPLIT) || protocols.contains(Protocol.POOLED);
      for (String k : List.of("folds", "repeats")) {
        Node n = top(m, k);
        if (n != null && !repeated) {
          throw at(n, where + "." + k, k + " applies to kfold and pooled only, not to " + ids(protocols));
        }
      }
      if (needsTest && testNode == null) {
        throw at(protocolsNode == null ? item : protocolsNode, where + ".protocols",
            "split and pooled need a test file: add 'test: FILE'");
      }
      if (!needsTest && testNode != null) {
        throw at(testNode, where + ".test", "a test file applies to split and pooled only, not to " + ids(protocols));
      }
      int folds = top(m, "folds") == null ? ProtocolSpec.DEFAULT_FOLDS : intValue(top(m, "folds"), where + ".folds", 2, 1000);
      int repeats = top(m, "repeats") == null ? ProtocolSpec.DEFAULT_REPEATS
          : intValue(top(m, "repeats"), where + ".repeats", 1, 1000);
      ColumnSpec columns = new ColumnSpec(column(m, "text-column", where), column(m, "label-column", where),
          column(m, "group-column", where), column(m, "id-column", where));
      Dataset data = dataset(fileNode, where + ".file", columns);
      Dataset test = testNode == null ? null : dataset(testNode, where + ".test", columns);
      if (protocols.contains(Protocol.LOO_DOC)) {
        long docs = data.examples().stream().map(e -> e.group()).distinct().count();
        if (docs < 2) {
          throw at(protocolsNode, where + ".protocols", "loo-doc needs at least two documents, "
              + data.file() + " has " + docs + " (name its document column with group-column)");
        }
      }
      if (repeated && data.size() < folds) {
        throw at(top(m, "folds") != null ? top(m, "folds") : item, where + ".folds", folds + " folds need at least "
            + folds + " sentences, " + data.file() + " has " + data.size());
      }
      if (test != null && protocols.contains(Protocol.SPLIT)) {
        Set<String> missing = new java.util.TreeSet<>(test.labels());
        missing.removeAll(data.labels());
        if (!missing.isEmpty()) {
          throw at(testNode, where + ".test", "test labels absent from the training file " + data.file() + ": "
              + String.join(", ", missing));
        }
      }
      out.add(new Experiment.DatasetEntry(name, data, test, List.copyOf(protocols), folds, repeats));
    }
    return out;
  }

  private static String ids(List<Protocol> ps) {
    return String.join(", ", ps.stream().map(Protocol::id).toList());
  }

  private String column(Mapping m, String key, String where) {
    Node n = top(m, key);
    return n == null ? null : string(n, where + "." + key);
  }

  /** Reads a data file named in the experiment, relative to it; its name in results stays portable. */
  private Dataset dataset(Node n, String where, ColumnSpec columns) {
    String written = string(n, where);
    Path p = Path.of(written);
    Path resolved = p.isAbsolute() ? p : file.toAbsolutePath().getParent().resolve(p).normalize();
    if (!Files.isRegularFile(resolved)) {
      throw at(n, where, Files.exists(resolved) ? resolved + " is not a file" : "no such file: " + resolved);
    }
    Dataset d;
    try {
      d = Datasets.read(resolved, columns);
    } catch (InputException e) {
      throw at(n, where, e.getMessage());
    }
    return new Dataset(d.name(), portable(resolved, written), d.sha256(), d.examples());
  }

  /**
   * How result files name a data file: relative to the repository (topicbench's home) when it is in it,
   * else relative to the working folder when it is in it, else as the experiment file writes it. Never an
   * absolute path of this machine, so that results are the same wherever they are made.
   */
  private static String portable(Path resolved, String written) {
    for (Path base : new Path[] {Topicbench.home(), Path.of("")}) {
      if (base == null) {
        continue;
      }
      Path b = base.toAbsolutePath().normalize();
      if (resolved.startsWith(b)) {
        return b.relativize(resolved).toString().replace('\\', '/');
      }
    }
    return written.replace('\\', '/');
  }

  // ---------------------------------------------------------------- learners

  private List<Learner> learners(Sequence s) {
    List<Learner> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < s.items().size(); i++) {
      String where = "learners[" + (i + 1) + "]";
      Node item = s.items().get(i);
      List<Learner> made;
      if (item instanceof Scalar) {
        String spec = string(item, where);
        made = expand(item, where, spec, null);
      } else {
        Mapping m = mapping(item, where, LEARNER);
        Node specNode = required(m, "spec", item);
        String spec = string(specNode, where + ".spec");
        String name = top(m, "name") == null ? null : string(top(m, "name"), where + ".name");
        if (name != null && name.length() > 200) {
          throw at(top(m, "name"), where + ".name", "longer than 200 characters");
        }
        Node tune = top(m, "tune");
        if (tune == null) {
          made = expand(specNode, where + ".spec", spec, name);
        } else {
          made = List.of(tuned(m, tune, where, specNode, spec, name));
        }
      }
      for (Learner l : made) {
        if (!names.add(l.name())) {
          throw at(item, where, "a second learner named '" + YamlTree.oneLine(l.name()) + "'; give it a name");
        }
      }
      out.addAll(made);
    }
    return out;
  }

  private List<Learner> expand(Node n, String where, String spec, String name) {
    try {
      return LearnerSpecs.expand(spec, name);
    } catch (InputException e) {
      throw at(n, where, e.getMessage());
    }
  }

  private Learner tuned(Mapping m, Node tune, String where, Node specNode, String spec, String name) {
    Mapping t = mapping(tune, where + ".tune", TUNE);
    int folds = top(t, "folds") == null ? 3 : intValue(top(t, "folds"), where + ".tune.folds", 2, 100);
    String metric = top(t, "metric") == null ? "macro_f1" : string(top(t, "metric"), where + ".tune.metric");
    if (!TunedLearner.METRICS.contains(metric)) {
      throw at(top(t, "metric"), where + ".tune.metric", "must be one of " + String.join(", ", TunedLearner.METRICS)
          + ", got '" + YamlTree.oneLine(metric) + "'");
    }
    List<LearnerSpecs.Candidate> grid;
    try {
      grid = LearnerSpecs.grid(spec, name == null ? null : name);
    } catch (InputException e) {
      throw at(specNode, where + ".spec", e.getMessage());
    }
    if (grid.size() < 2) {
      throw at(specNode, where + ".spec", "a tuned learner needs a grid to choose from (a value with |)");
    }
    String tunedName = name != null ? name : "tuned " + spec.strip();
    return new TunedLearner(tunedName, spec.strip(), grid, folds, metric);
  }

  // ---------------------------------------------------------------- ranking

  private RankingSpec ranking(Node n, List<Learner> learners) {
    if (n == null) {
      return RankingSpec.DEFAULT;
    }
    Mapping m = mapping(n, "ranking", RANKING);
    RankingSpec.By by = RankingSpec.By.DATASET;
    Node byNode = top(m, "by");
    if (byNode != null) {
      String v = string(byNode, "ranking.by");
      by = switch (v) {
        case "dataset" -> RankingSpec.By.DATASET;
        case "task" -> RankingSpec.By.TASK;
        default -> throw at(byNode, "ranking.by", "must be dataset or task, got '" + YamlTree.oneLine(v) + "'");
      };
    }
    String metric = RankingSpec.DEFAULT.metric();
    Node metricNode = top(m, "metric");
    if (metricNode != null) {
      metric = string(metricNode, "ranking.metric");
      if (!RankingSpec.METRICS.contains(metric)) {
        throw at(metricNode, "ranking.metric", "must be one of " + String.join(", ", RankingSpec.METRICS) + ", got '"
            + YamlTree.oneLine(metric) + "'");
      }
    }
    String control = null;
    Node controlNode = top(m, "control");
    if (controlNode != null) {
      control = string(controlNode, "ranking.control");
      String c = control;
      if (learners.stream().noneMatch(l -> l.name().equals(c))) {
        throw at(controlNode, "ranking.control", "'" + YamlTree.oneLine(control) + "' is not the name of a learner of"
            + " this experiment");
      }
    }
    double alpha = RankingSpec.DEFAULT.alpha();
    Node alphaNode = top(m, "alpha");
    if (alphaNode != null) {
      alpha = doubleValue(alphaNode, "ranking.alpha");
      if (!(alpha > 0 && alpha < 1)) {
        throw at(alphaNode, "ranking.alpha", "must be between 0 and 1, got " + alpha);
      }
    }
    return new RankingSpec(by, metric, control, alpha);
  }
}
