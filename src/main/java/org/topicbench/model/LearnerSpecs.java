package org.topicbench.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.topicbench.data.InputException;
import org.topicbench.feature.FeatureConfig;
import org.topicbench.model.baseline.KeywordRules;
import org.topicbench.model.baseline.MajorityClass;
import org.topicbench.model.baseline.StratifiedRandom;
import org.topicbench.model.smile.SmileKnn;
import org.topicbench.model.smile.SmileLinearSvm;
import org.topicbench.model.smile.SmileLogisticRegression;
import org.topicbench.model.smile.SmileMetaLogistic;
import org.topicbench.model.smile.SmileNaiveBayes;
import org.topicbench.model.smile.SmileRandomForest;
import org.topicbench.model.weka.WekaLearner;
import org.topicbench.model.weka.WekaLearners;
import smile.classification.LogisticRegression;

/**
 * Learner specs: one line of text that names a learner and sets everything about it.
 *
 * <h2>Syntax</h2>
 *
 * <pre>
 *   spec  := head word*
 *   head  := an algorithm (smile.logistic, baseline.majority, ...) | weka:CLASS | a preset (weka.smo, ...)
 *   word  := key=value | key=v1|v2|... (a grid) | a Weka option (weka: heads and Weka presets)
 * </pre>
 *
 * Words are split as Weka splits its option strings ({@link SpecTokens}). An algorithm's own settings
 * ({@code lambda=0.001}) and the feature settings of every vector learner ({@code features.ngrams=1-3},
 * {@link FeatureSpec}) are {@code key=value} words; a Weka classifier's options are Weka's own
 * ({@code -C 10 -K "weka.classifiers.functions.supportVector.PolyKernel -E 2"}) with {@code instances=dense}
 * and {@code features.*} words mixed in. A preset is a named spec ({@link #presets()}); words after it
 * override its settings (for a Weka preset, an option given again replaces the preset's). Every setting
 * not given takes the algorithm's default, and a learner's {@link Learner#spec()} writes all of them out.
 *
 * <h2>Grids and names</h2>
 *
 * A value {@code v1|v2|v3} (a Weka option's value too, when it holds no space) makes one learner per value,
 * the product over several such words, in the order written. A spec that is exactly a preset's name is
 * named by it; any other by its words as written, with each grid value in place ({@code smile.logistic
 * lambda=0.01}); a given name takes the grid values after it ({@code svm c=0.1}).
 *
 * <p>Every problem (an unknown algorithm, class, setting or option, a value of the wrong type or out of
 * range) is an {@link InputException} naming the spec and the bad part, raised before anything is fitted.
 */
public final class LearnerSpecs {
  /** Longest spec read. */
  public static final int MAX_LENGTH = 10_000;
  /** Most learners one grid may make. */
  public static final int MAX_GRID = 1000;

  private LearnerSpecs() {}

  /**
   * An algorithm a spec can start with.
   *
   * @param id its name in specs
   * @param summary what it is, one line
   * @param settings its own settings with their defaults
   * @param defaults its preprocessing defaults (for the {@code features.*} settings), or null when it reads
   *     the raw text and takes none
   */
  public record Algorithm(
      String id,
      String summary,
      List<Setting> settings,
      Preprocessing defaults,
      BiFunction<Map<String, String>, Preprocessing, Learner> build) {}

  /**
   * A named spec.
   *
   * @param name its name, used on the command line and in result files
   * @param spec the spec it stands for
   * @param why why these settings
   * @param inDefault whether the default evaluation runs it
   */
  public record Preset(String name, String spec, String why, boolean inDefault) {}

  private static final Preprocessing TFIDF = Preprocessing.of(FeatureConfig.DEFAULT);
  private static final Preprocessing TFIDF_RENORM = TFIDF.withL2Normalize(true);

  private static final List<Algorithm> ALGORITHMS =
      List.of(
          new Algorithm("baseline.majority", "always the training majority class", List.of(), null,
              (s, p) -> new MajorityClass()),
          new Algorithm("baseline.stratified", "a random label drawn with the training class frequencies", List.of(),
              null, (s, p) -> new StratifiedRandom()),
          new Algorithm("baseline.rules", "keyword rules written from the labelling guidelines", List.of(), null,
              (s, p) -> new KeywordRules()),
          nb(SmileNaiveBayes.Variant.MULTINOMIAL, "smile.nb-multinomial", "Smile's multinomial naive Bayes"),
          nb(SmileNaiveBayes.Variant.COMPLEMENT, "smile.nb-complement", "Smile's complement naive Bayes"),
          new Algorithm("smile.logistic", "Smile's L2-penalised (multinomial) logistic regression, L-BFGS",
              List.of(Setting.ofNumber("lambda", "0.01", "L2 penalty, >= 0", 0, false),
                  Setting.ofNumber("tolerance", "1.0E-4", "convergence tolerance, > 0", 0, true),
                  Setting.ofInteger("max_iterations", "200", "at most this many L-BFGS iterations, >= 1", 1,
                      Integer.MAX_VALUE)),
              TFIDF_RENORM,
              (s, p) -> new SmileLogisticRegression(p, new LogisticRegression.Options(
                  Setting.number(s.get("lambda"), 0, false), Setting.number(s.get("tolerance"), 0, true),
                  Setting.integer(s.get("max_iterations"), 1, Integer.MAX_VALUE)))),
          new Algorithm("smile.svm-linear", "Smile's linear SVM (LASVM), one-vs-rest, Platt probabilities",
              List.of(Setting.ofNumber("c", "1.0", "soft-margin penalty C, > 0", 0, true),
                  Setting.ofNumber("tolerance", "0.001", "tolerance, > 0", 0, true),
                  Setting.ofInteger("epochs", "1", "passes over the data, 1 to 10000", 1, 10_000)),
              TFIDF_RENORM.withClassWeights(ClassWeights.BALANCED),
              (s, p) -> new SmileLinearSvm(p, Setting.number(s.get("c"), 0, true),
                  Setting.number(s.get("tolerance"), 0, true), Setting.integer(s.get("epochs"), 1, 10_000))),
          new Algorithm("smile.random-forest", "a forest of Smile decision trees on dense selected features",
              List.of(Setting.ofInteger("trees", "30", "number of trees, 1 to 100000", 1, 100_000),
                  Setting.ofInteger("max_depth", "20", "deepest a tree grows, 1 to 10000", 1, 10_000),
                  Setting.ofInteger("node_size", "1", "fewest examples in a leaf, >= 1", 1, Integer.MAX_VALUE)),
              TFIDF.withSelection(FeatureSelection.chiSquare(100)),
              (s, p) -> new SmileRandomForest(p, Setting.integer(s.get("trees"), 1, 100_000),
                  Setting.integer(s.get("max_depth"), 1, 10_000), Setting.integer(s.get("node_size"), 1,
                      Integer.MAX_VALUE))),
          new Algorithm("smile.knn", "k nearest neighbours by cosine distance, unweighted votes",
              List.of(Setting.ofInteger("k", "5", "neighbours, >= 1", 1, Integer.MAX_VALUE)),
              TFIDF_RENORM,
              (s, p) -> new SmileKnn(p, Setting.integer(s.get("k"), 1, Integer.MAX_VALUE))));

  private static Algorithm nb(SmileNaiveBayes.Variant variant, String id, String summary) {
    return new Algorithm(id, summary + " on term counts",
        List.of(Setting.ofNumber("smoothing", "1.0", "additive (Laplace) smoothing, >= 0", 0, false)),
        Preprocessing.of(FeatureConfig.COUNTS),
        (s, p) -> new SmileNaiveBayes(variant, p, Setting.number(s.get("smoothing"), 0, false)));
  }

  /** The {@code weka:} head: any Weka classifier, with these preprocessing defaults. */
  public static final String WEKA = "weka:";

  /** The preprocessing of a {@code weka:} spec that sets none. */
  public static Preprocessing wekaDefaults() {
    return TFIDF;
  }

  /** The settings of a {@code weka:} spec besides Weka's options and the features. */
  public static final Setting INSTANCES =
      new Setting("instances", "sparse", "sparse or dense rows (dense for learners that scan every attribute)");

  /** The head of a stacked learner's spec. */
  public static final String STACK = "stack";

  /** Inner folds of a stack. */
  public static final Setting STACK_FOLDS =
      new Setting("folds", "5", "inner folds whose out-of-fold base probabilities train the meta-learner, 2 to 100");

  /** The stack's meta-learner's penalty. */
  public static final Setting STACK_LAMBDA =
      new Setting("meta.lambda", "0.01", "L2 penalty of the logistic meta-learner, >= 0");

  /** How a spec's probabilities are calibrated ({@link CalibratedLearner}); any learner takes it. */
  public static final Setting CALIBRATION =
      new Setting("calibration", "none", "none, platt (a sigmoid per label, weighted by the learner's class"
          + " weights), isotonic (a monotone step map per label) or temperature (one softmax temperature):"
          + " probabilities calibrated on out-of-fold predictions of inner folds of the training fold; the label"
          + " predicted is the most probable after calibration");

  /** Inner folds of the calibration. */
  public static final Setting CALIBRATION_FOLDS =
      new Setting("calibration.folds", "5", "inner folds the calibration is fitted on, 2 to 100");

  private static final List<Preset> PRESETS = presetList();

  private static List<Preset> presetList() {
    List<Preset> p = new ArrayList<>();
    p.add(new Preset("baseline.majority", "baseline.majority", "the floor every learner must beat", true));
    p.add(new Preset("baseline.stratified", "baseline.stratified", "chance with the class frequencies", true));
    p.add(new Preset("baseline.rules", "baseline.rules", "what hand-written rules from GUIDELINES.md reach", true));
    p.add(new Preset("smile.nb-multinomial", "smile.nb-multinomial", "Smile's defaults", true));
    p.add(new Preset("smile.nb-complement", "smile.nb-complement", "Smile's defaults; CNB suits unbalanced classes", true));
    p.add(new Preset("smile.logistic", "smile.logistic", "lambda 0.01 chosen on the five articles alone (kfold 10x10"
        + " pooled macro-F1: lambda 1 0.357, 0.1 0.451, 0.01 0.477), never on external-dev", true));
    p.add(new Preset("smile.svm-linear", "smile.svm-linear", "Smile's LASVM defaults, balanced class weights", true));
    p.add(new Preset("smile.random-forest", "smile.random-forest", "30 trees (Smile's default 500) on the top 100"
        + " chi-square features: trees re-partition every column at every split, this keeps a fit to tens of ms",
        true));
    p.add(new Preset("smile.knn", "smile.knn", "k = 5 on unit-length tf-idf", true));
    p.add(new Preset("weka.nb-multinomial",
        "weka:weka.classifiers.bayes.NaiveBayesMultinomial features.weighting=counts features.norm=none",
        "Weka's defaults on term counts", true));
    p.add(new Preset("weka.smo",
        "weka:weka.classifiers.functions.SMO -no-checks -N 2 -M"
            + " -K \"weka.classifiers.functions.supportVector.PolyKernel -C 0\" features.renorm=true"
            + " features.weights=balanced",
        "linear kernel, C = 1, pairwise; no min-max normalisation (-N 2: vectors are unit length already, and"
            + " scaling sparse text by range distorts it); the full kernel matrix cached (-C 0: a few hundred"
            + " examples; the default hashed cache allocates ~4 MB per pairwise machine); Weka's input checks off"
            + " (no missing values or nominal attributes here); logistic calibration models (-M) give the"
            + " probabilities", true));
    p.add(new Preset("weka.logistic",
        "weka:weka.classifiers.functions.Logistic -C -R 1.0 -M 50 features.selection=chi2:100 features.renorm=true"
            + " features.weights=balanced",
        "ridge 1.0 instead of 1e-8 (few examples, many features: without a real penalty the weights diverge);"
            + " conjugate gradients (-C) instead of BFGS's dense Hessian; at most 50 iterations (halves the fit,"
            + " stopping early only adds shrinkage); the top 100 chi-square features", true));
    p.add(new Preset("weka.j48", "weka:weka.classifiers.trees.J48 -C 0.25 -M 2 instances=dense"
        + " features.selection=chi2:50", "C4.5 with Weka's defaults on the top 50 chi-square features as dense rows:"
        + " J48 sorts every attribute at every node", true));
    p.add(new Preset("weka.random-forest", "weka:weka.classifiers.trees.RandomForest -I 30 -num-slots 1"
        + " instances=dense features.selection=chi2:100", "30 trees (Weka's default 100) on the top 100 chi-square"
        + " features as dense rows, one execution slot (folds already run in parallel)", true));
    p.add(new Preset("weka.ibk", "weka:weka.classifiers.lazy.IBk -K 5"
        + " -A \"org.topicbench.model.weka.InvertedIndexNNSearch -A \\\"weka.core.EuclideanDistance -D -R first-last\\\"\""
        + " features.renorm=true", "k = 5 by Euclidean distance on unit-length tf-idf (the cosine ranking, but for"
        + " empty vectors), without Weka's range normalisation (-D); the neighbours and distances of Weka's"
        + " LinearNNSearch through an inverted index (InvertedIndexNNSearch)", true));
    p.add(new Preset("weka.zeror", "weka:weka.classifiers.rules.ZeroR", "Weka's majority class", true));
    for (String extras : List.of("cues", "layout")) {
      boolean cues = extras.equals("cues");
      String why = cues
          ? "the layout features and the keyword rules' three cues appended to the text features"
          : "the layout features alone appended: how much of the -cues gain layout gives (carry-over reports it)";
      for (String base : List.of("smile.nb-complement", "smile.logistic", "smile.svm-linear", "weka.smo",
          "weka.logistic")) {
        p.add(new Preset(base + "-" + extras, base + " features.extras=" + extras, why, cues));
      }
    }
    String minilm = "features.embedding=" + EmbeddingFeatures.MINILM.id();
    p.add(new Preset("smile.logistic-minilm", "smile.logistic " + minilm + " features.text=false", "the MTEB"
        + " classification protocol's linear probe: logistic regression on all-MiniLM-L6-v2 sentence embeddings"
        + " alone (pretrained, not fitted; lambda as smile.logistic)", true));
    for (String base : List.of("smile.logistic-cues", "smile.svm-linear-cues")) {
      p.add(new Preset(base + "-minilm", base + " " + minilm, "the -cues learner with all-MiniLM-L6-v2 sentence"
          + " embeddings (384 dense dimensions) joined to its tf-idf and cue features", true));
    }
    for (String base : List.of("smile.logistic-minilm", "smile.svm-linear-cues-minilm")) {
      p.add(new Preset(base + "-q", base + " features.embedding=" + EmbeddingFeatures.MINILM_Q.id(), "the same with the"
          + " 8-bit quantised all-MiniLM-L6-v2 (a quarter of the model's size, faster on a CPU)", false));
    }
    for (String base : List.of("smile.logistic-minilm", "smile.logistic-cues-minilm", "smile.svm-linear-cues-minilm")) {
      p.add(new Preset(base + "-platt", base + " calibration=platt", "the embedding learner with Platt calibration on"
          + " 5 inner folds: a candidate of the carry-over rule", false));
    }
    for (String method : List.of("platt", "temperature")) {
      for (String base : List.of("smile.nb-complement", "smile.logistic", "smile.svm-linear", "weka.smo",
          "weka.logistic")) {
        p.add(new Preset(base + "-cues-" + method, base + "-cues calibration=" + method, "the -cues learner with "
            + method + " calibration on 5 inner folds of the training fold: a candidate of the carry-over rule,"
            + " which chooses the default label learner among calibrated learners", false));
      }
    }
    p.add(new Preset("stack-cues", "stack -B smile.logistic-cues -B weka.smo-cues -B smile.nb-complement-cues",
        "a logistic regression on three -cues learners' out-of-fold probabilities (5 inner folds); not in the"
            + " default evaluation: it fits every base learner six times per fold", false));
    return List.copyOf(p);
  }

  /** Every preset: those of the default evaluation first, in its order, then the others. */
  public static List<Preset> presets() {
    return PRESETS;
  }

  /** The preset named {@code name}, or null. */
  public static Preset preset(String name) {
    for (Preset p : PRESETS) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** Every algorithm a spec can start with, besides {@code weka:}. */
  public static List<Algorithm> algorithms() {
    return ALGORITHMS;
  }

  private static Algorithm algorithm(String id) {
    for (Algorithm a : ALGORITHMS) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    return null;
  }

  /**
   * One candidate of a grid.
   *
   * @param values the grid's values, as {@code key=value} words in spec order ({@code c=0.1}); empty
   *     without a grid
   * @param learner the learner with those values
   */
  public record Candidate(String values, Learner learner) {}

  /**
   * The learner {@code spec} describes.
   *
   * @throws InputException naming the spec and what is wrong, and when it holds a grid
   */
  public static Learner learner(String spec) {
    List<Candidate> c = grid(spec, null);
    if (c.size() != 1) {
      throw bad(spec, "it is a grid of " + c.size() + " learners (a value with |); give one value");
    }
    return c.getFirst().learner();
  }

  /** The learners {@code spec} describes: one, or one per point of its grid. */
  public static List<Learner> expand(String spec, String name) {
    return grid(spec, name).stream().map(Candidate::learner).toList();
  }

  /**
   * The learners {@code spec} describes with their grid values, in grid order (the first value of the
   * first grid word varies slowest).
   *
   * @param name the name to give them (grid values follow it), or null for the spec's own
   * @throws InputException naming the spec and what is wrong
   */
  public static List<Candidate> grid(String spec, String name) {
    if (spec == null || spec.isBlank()) {
      throw new InputException("an empty learner spec");
    }
    if (spec.length() > MAX_LENGTH) {
      throw bad(spec, "longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        throw bad(spec, String.format("a control character U+%04X", (int) c));
      }
    }
    List<String> words;
    try {
      words = SpecTokens.split(spec);
    } catch (IllegalArgumentException e) {
      throw bad(spec, e.getMessage());
    }
    // the grid: each word with alternatives, expanded in order
    List<List<String>> options = new ArrayList<>();
    long size = 1;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      List<String> alts = alternatives(w, i == 0);
      if (alts.size() > 1) {
        size *= alts.size();
        if (size > MAX_GRID) {
          throw bad(spec, "the grid makes more than " + MAX_GRID + " learners");
        }
      }
      options.add(alts);
    }
    boolean isGrid = size > 1;
    List<Candidate> out = new ArrayList<>();
    for (List<String> point : product(options)) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < point.size(); i++) {
        if (options.get(i).size() > 1) {
          String w = point.get(i);
          boolean ours = w.indexOf('=') > 0 && !w.startsWith("-");
          values.add(ours ? w : (i > 0 ? point.get(i - 1) + " " : "") + w);
        }
      }
      String label = String.join(" ", values);
      String learnerName;
      if (name != null) {
        learnerName = isGrid ? name + " " + label : name;
      } else if (point.size() == 1 && preset(point.getFirst()) != null) {
        learnerName = point.getFirst();
      } else {
        learnerName = SpecTokens.join(point);
      }
      out.add(new Candidate(label, build(spec, learnerName, point)));
    }
    return out;
  }

  /** A word's grid values: the word itself when it has none. */
  private static List<String> alternatives(String w, boolean head) {
    if (head || w.indexOf('|') < 0 || w.chars().anyMatch(Character::isWhitespace)) {
      return List.of(w);
    }
    int eq = w.indexOf('=');
    String key = eq > 0 && !w.startsWith("-") ? w.substring(0, eq + 1) : "";
    String values = w.substring(key.length());
    List<String> out = new ArrayList<>();
    for (String v : values.split("\\|", -1)) {
      out.add(key + v);
    }
    return out;
  }

  private static List<List<String>> product(List<List<String>> options) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (List<String> alts : options) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String a : alts) {
          List<String> l = new ArrayList<>(prefix);
          l.add(a);
          next.add(l);
        }
      }
      out = next;
    }
    return out;
  }

  /** The learner of one grid point's words. */
  private static Learner build(String spec, String name, List<String> words) {
    String head = words.getFirst();
    List<String> rest = new ArrayList<>(words.subList(1, words.size()));
    // a preset's spec may start with another preset (the -cues variants, their calibrated variants): expand
    // until the head is an algorithm, words of the outer presets after the inner ones
    List<String> presetRest = new ArrayList<>();
    for (int depth = 0; preset(head) != null; depth++) {
      Preset preset = preset(head);
      if (depth > 8) {
        throw bad(spec, "preset " + preset.name() + " expands into presets more than 8 deep");
      }
      List<String> pw = SpecTokens.split(preset.spec());
      presetRest.addAll(0, pw.subList(1, pw.size()));
      boolean itself = pw.getFirst().equals(head); // an algorithm's own preset (baseline.majority)
      head = pw.getFirst();
      if (itself) {
        break;
      }
    }
    try {
      String[] calibration = {CALIBRATION.defaultValue(), CALIBRATION_FOLDS.defaultValue()};
      presetRest = calibration(presetRest, calibration);
      rest = calibration(rest, calibration);
      Calibration.Method method = Calibration.Method.of(calibration[0]);
      int folds;
      try {
        folds = Setting.integer(calibration[1], 2, 100);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(CALIBRATION_FOLDS.key() + ": " + e.getMessage(), e);
      }
      SpecLearner built = head.startsWith(WEKA)
          ? weka(spec, name, head.substring(WEKA.length()), presetRest, rest)
          : head.equals(STACK) ? stack(name, presetRest, rest) : algorithm(spec, name, head, presetRest, rest);
      if (method == Calibration.Method.NONE) {
        return built;
      }
      boolean balanced = built.inner() instanceof VectorLearner v
          && v.preprocessing().classWeights() == ClassWeights.BALANCED;
      CalibratedLearner c = new CalibratedLearner(built.inner(), method, folds, balanced);
      return new SpecLearner(name, built.spec() + " " + CALIBRATION.key() + "=" + method.id() + " "
          + CALIBRATION_FOLDS.key() + "=" + folds, c);
    } catch (IllegalArgumentException e) {
      throw bad(spec, e.getMessage());
    }
  }

  /**
   * A stacked learner ({@link StackedLearner}): {@code stack -B "SPEC" -B "SPEC" ... [folds=5]
   * [meta.lambda=0.01]}, Weka's {@code Stacking} option for its base classifiers.
   */
  private static SpecLearner stack(String name, List<String> presetRest, List<String> rest) {
    List<String> words = new ArrayList<>(presetRest);
    words.addAll(rest);
    List<Learner> base = new ArrayList<>();
    String folds = STACK_FOLDS.defaultValue();
    String lambda = STACK_LAMBDA.defaultValue();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("-B")) {
        if (i + 1 >= words.size()) {
          throw new IllegalArgumentException("-B needs a base learner spec after it");
        }
        String b = words.get(++i);
        if (SpecTokens.split(b).isEmpty() || SpecTokens.split(b).getFirst().equals(STACK)) {
          throw new IllegalArgumentException("-B '" + cut(b) + "': a base learner must be a learner spec, not a stack");
        }
        try {
          base.add(learner(b));
        } catch (InputException e) {
          throw new IllegalArgumentException("base learner " + e.getMessage(), e);
        }
      } else if (w.startsWith(STACK_FOLDS.key() + "=")) {
        folds = w.substring(STACK_FOLDS.key().length() + 1);
      } else if (w.startsWith(STACK_LAMBDA.key() + "=")) {
        lambda = w.substring(STACK_LAMBDA.key().length() + 1);
      } else {
        throw new IllegalArgumentException("unknown setting '" + cut(w) + "' of stack (known: -B SPEC, "
            + STACK_FOLDS.key() + ", " + STACK_LAMBDA.key() + ", calibration)");
      }
    }
    if (base.size() < 2) {
      throw new IllegalArgumentException("stack needs at least two base learners (-B \"SPEC\" -B \"SPEC\"), got "
          + base.size());
    }
    int k;
    double l;
    try {
      k = Setting.integer(folds, 2, 100);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(STACK_FOLDS.key() + ": " + e.getMessage(), e);
    }
    try {
      l = Setting.number(lambda, 0, false);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(STACK_LAMBDA.key() + ": " + e.getMessage(), e);
    }
    List<String> full = new ArrayList<>();
    full.add(STACK);
    for (Learner b : base) {
      full.add("-B");
      full.add(b.spec());
    }
    full.add(STACK_FOLDS.key() + "=" + k);
    full.add(STACK_LAMBDA.key() + "=" + Setting.format(l));
    return new SpecLearner(name, SpecTokens.join(full), new StackedLearner(name, base, k, new SmileMetaLogistic(l)));
  }

  /** {@code words} without the calibration settings, whose values go to {@code into}. */
  private static List<String> calibration(List<String> words, String[] into) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (w.startsWith(CALIBRATION.key() + "=")) {
        into[0] = w.substring(CALIBRATION.key().length() + 1);
      } else if (w.startsWith(CALIBRATION_FOLDS.key() + "=")) {
        into[1] = w.substring(CALIBRATION_FOLDS.key().length() + 1);
      } else {
        out.add(w);
      }
    }
    return out;
  }

  private static SpecLearner algorithm(String spec, String name, String head, List<String> presetRest,
      List<String> rest) {
    {
      Algorithm a = algorithm(head);
      if (a == null) {
        throw new IllegalArgumentException("unknown learner '" + head + "' (not a preset, an algorithm or weka:CLASS;"
            + " 'topicbench learners' lists them)");
      }
      SequencedMap<String, String> own = new LinkedHashMap<>();
      for (Setting s : a.settings()) {
        own.put(s.key(), s.defaultValue());
      }
      Map<String, String> features = new LinkedHashMap<>();
      List<String> all = new ArrayList<>(presetRest);
      all.addAll(rest);
      for (String w : all) {
        int eq = w.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("'" + w + "' is not a setting key=value of " + a.id());
        }
        String key = w.substring(0, eq);
        String value = w.substring(eq + 1);
        if (key.startsWith(FeatureSpec.PREFIX)) {
          if (a.defaults() == null) {
            throw new IllegalArgumentException(a.id() + " reads the raw text and takes no feature settings (" + key + ")");
          }
          features.put(key, value);
        } else if (own.containsKey(key)) {
          Setting setting = a.settings().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
          try {
            own.put(key, setting.check().apply(value));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
          }
        } else {
          throw new IllegalArgumentException("unknown setting '" + key + "' of " + a.id() + " (known: "
              + (a.settings().isEmpty() ? "none" : a.settings().stream().map(Setting::key).collect(Collectors.joining(", ")))
              + (a.defaults() == null ? "" : ", features.*") + ")");
        }
      }
      Preprocessing pre = a.defaults() == null ? null : FeatureSpec.apply(a.defaults(), features);
      Learner inner = a.build().apply(own, pre);
      List<String> full = new ArrayList<>();
      full.add(a.id());
      own.forEach((k, v) -> full.add(k + "=" + v));
      if (pre != null) {
        full.addAll(FeatureSpec.tokens(pre));
      }
      return new SpecLearner(name, SpecTokens.join(full), inner);
    }
  }

  private static SpecLearner weka(String spec, String name, String className, List<String> presetRest, List<String> rest) {
    if (className.isEmpty()) {
      throw new IllegalArgumentException("weka: needs a classifier class, e.g. weka:weka.classifiers.trees.J48");
    }
    List<String> presetOptions = new ArrayList<>();
    List<String> options = new ArrayList<>();
    Map<String, String> features = new LinkedHashMap<>();
    String[] instances = {INSTANCES.defaultValue()};
    split(presetRest, presetOptions, features, instances);
    split(rest, options, features, instances);
    Setting.choice(instances[0], List.of("sparse", "dense"));
    List<String> merged = WekaLearners.merge(className, presetOptions, options);
    Preprocessing pre = FeatureSpec.apply(TFIDF, features);
    WekaLearner inner;
    try {
      inner = WekaLearners.fromSpec(WEKA + className, className, merged, pre, instances[0].equals("dense"));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not support class weights")) {
        throw new IllegalArgumentException(className + " takes no instance weights: features.weights=balanced"
            + " cannot apply", e);
      }
      throw e;
    }
    List<String> full = new ArrayList<>();
    full.add(WEKA + className);
    full.addAll(inner.effectiveOptions());
    full.add(INSTANCES.key() + "=" + instances[0]);
    full.addAll(FeatureSpec.tokens(pre));
    return new SpecLearner(name, SpecTokens.join(full), inner);
  }

  /** Sorts a Weka spec's words into Weka's options and ours ({@code instances=}, {@code features.*=}). */
  private static void split(List<String> words, List<String> options, Map<String, String> features, String[] instances) {
    for (String w : words) {
      if (w.startsWith(FeatureSpec.PREFIX) && w.indexOf('=') > 0) {
        features.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
      } else if (w.startsWith(INSTANCES.key() + "=")) {
        instances[0] = w.substring(INSTANCES.key().length() + 1);
      } else {
        options.add(w);
      }
    }
  }

  private static InputException bad(String spec, String what) {
    return new InputException("spec '" + cut(spec) + "': " + what);
  }

  /** At most 200 characters of {@code s}, on one line. */
  static String cut(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 199) + "…" : one;
  }
}
