package org.topicbench.label;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.topicbench.Topicbench;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;
import org.topicbench.eval.CarryOver;
import org.topicbench.model.Learner;
import org.topicbench.model.Learners;

/**
 * The default label learner: the carry-over rule ({@link CarryOver#choose}) over the committed
 * {@code results/carry-over.csv} and baseline, among the calibrated learners ({@link Learners#calibrated}).
 * The build trains it into the jar ({@link BundledModel}); {@code label --train} and {@code train} choose
 * it afresh from the repository's files.
 */
public final class DefaultLearner {
  private DefaultLearner() {}

  /** Every learner known by name: the default evaluation's and the variants. */
  public static List<Learner> known() {
    return Stream.concat(Learners.all().stream(), Learners.variants().stream()).toList();
  }

  /**
   * The default learner, chosen by {@link CarryOver#choose} from the committed files; prints the choice,
   * the reason and any warning to {@code err}.
   */
  public static Learner choose(PrintWriter err) {
    Path carryOver = Topicbench.locate(CarryOver.FILE);
    if (!java.nio.file.Files.exists(carryOver)) {
      throw InputException.of(
          CarryOver.FILE,
          "no such file, so no default learner (run from the repository root, or name one with --learner)");
    }
    CarryOver.Table table = CarryOver.read(carryOver);
    List<String> expected;
    try {
      expected = CarryOver.expectedRunIds(known(), Datasets.read(Topicbench.locate(Datasets.SENTENCES)),
          Datasets.read(Topicbench.locate(Datasets.EXTERNAL_DEV)));
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
  public static java.util.Map<String, Double> baselineSplitMacroF1() {
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

}
