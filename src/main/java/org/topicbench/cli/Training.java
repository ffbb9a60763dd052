package org.topicbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.topicbench.Topicbench;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.label.DefaultLearner;
import org.topicbench.label.TrainingData;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerSpecs;
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
    return DefaultLearner.known();
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

  /** The default learner ({@link DefaultLearner#choose}); prints the choice, the reason and any warning to {@code err}. */
  static Learner chooseDefault(PrintWriter err) {
    return DefaultLearner.choose(err);
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
