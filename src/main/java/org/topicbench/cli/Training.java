package org.topicbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.topicbench.Topicbench;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;
import org.topicbench.eval.CarryOver;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.label.TrainingData;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerSpecs;
import org.topicbench.model.Learners;
import org.topicbench.model.TrainingSet;

/**
 * What {@code train} and {@code label} share: the bundled training data, the default learner and a
 * training set made of several datasets.
 */
final class Training {
  /** The default training seed. */
  static final long SEED = EvaluationSpec.DEFAULT_SEED;

  private Training() {}

  /**
   * The bundled datasets: the five articles and the external development set. For labelling new
   * articles, training on both gives the most data (331 sentences from 27 articles).
   */
  static List<Path> bundled() {
    return List.of(Datasets.SENTENCES, Datasets.EXTERNAL_DEV);
  }

  /** Every learner known by name: the default evaluation's and the variants. */
  static List<Learner> known() {
    return Stream.concat(Learners.all().stream(), Learners.variants().stream()).toList();
  }

  /**
   * The learner {@code spec} describes (a preset's name, or any spec: see {@code topicbench learners});
   * a bad spec is an input error naming {@code option}.
   */
  static Learner learner(String option, String spec) {
    try {
      return LearnerSpecs.learner(spec.strip());
    } catch (InputException e) {
      throw new InputException(option + ": " + e.getMessage());
    }
  }

  /**
   * The default learner, chosen by {@link CarryOver#choose} from the committed files; prints the choice,
   * the reason and any warning to {@code err}.
   */
  static Learner chooseDefault(PrintWriter err) {
    Path carryOver = Topicbench.locate(CarryOver.FILE);
    if (!java.nio.file.Files.exists(carryOver)) {
      throw InputException.of(
          CarryOver.FILE,
          "no such file, so no default learner (run from the repository root, or name one with --learner)");
    }
    CarryOver.Table table = CarryOver.read(carryOver);
    List<String> expected;
    try {
      expected = CarryOver.expectedRunIds(known(), read(Datasets.SENTENCES), read(Datasets.EXTERNAL_DEV));
    } catch (InputException e) {
      expected = List.of();
      err.println("topicbench: warning: cannot tell whether " + CarryOver.FILE + " is current: " + e.getMessage());
    }
    List<String> names = known().stream().filter(Learners::calibrated).map(Learner::name).toList();
    CarryOver.Choice c = CarryOver.choose(table, baselineSplitMacroF1(), expected, names);
    for (String w : c.warnings()) {
      if (!expected.isEmpty() || !w.contains("run ids differ")) {
        err.println("topicbench: warning: " + w);
      }
    }
    err.println("topicbench: learner " + c.learner() + ", chosen among the calibrated learners (" + c.reason() + ")");
    return Learners.byName(c.learner());
  }

  /**
   * The committed baseline's {@code split} macro-F1 by learner (of the first dataset with a split task);
   * empty when there is no baseline.
   */
  static java.util.Map<String, Double> baselineSplitMacroF1() {
    Path dir = Topicbench.locate(CarryOver.BASELINE);
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    if (!java.nio.file.Files.isDirectory(dir)) {
      return out;
    }
    org.topicbench.run.Run run = org.topicbench.run.RunReader.read(dir);
    for (org.topicbench.run.Manifest.Task t : run.tasks()) {
      if (t.protocol().equals(org.topicbench.eval.Protocol.SPLIT.id())) {
        run.summary(t).forEach(s -> out.put(s.learner(), s.macroF1Pooled().mean()));
        break;
      }
    }
    return out;
  }

  /** Reads a dataset, hinting at the working folder when a bundled one is missing. */
  static Dataset read(Path file) {
    return read(file, new DatasetOptions());
  }

  /** Reads a dataset with the given column options. */
  static Dataset read(Path file, DatasetOptions columns) {
    if (bundled().contains(file) && !java.nio.file.Files.exists(Topicbench.locate(file))) {
      throw InputException.of(file, "no such file (a bundled dataset, relative to the current folder: run from the repository root)");
    }
    return columns.read(file);
  }

  /** One training set of every example of {@code datasets}; labels are the sorted union. */
  static TrainingSet trainingSet(List<Dataset> datasets) {
    return TrainingData.of(datasets);
  }


  /** {@code a.csv + b.csv (N sentences)}. */
  static String describe(List<Dataset> datasets) {
    int n = datasets.stream().mapToInt(Dataset::size).sum();
    return datasets.stream().map(Dataset::file).collect(Collectors.joining(" + ")) + " (" + n + " sentences)";
  }
}
