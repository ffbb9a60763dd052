package org.topicbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.Example;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerCost;
import org.topicbench.model.Learners;
import org.topicbench.model.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code topicbench learners}: every learner with its hyperparameters, optionally what it costs. */
@Command(
    name = "learners",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Lists every learner, in evaluation order, with its hyperparameters.",
      "With --time, also fits each learner on a random 90% of DATASET and predicts the rest, and prints the"
          + " mean wall-clock cost (a rough guide; evaluation writes the real timings)."
    })
public final class LearnersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--time", paramLabel = "DATASET", description = "Time every learner on this labelled dataset.")
  Path timeOn;

  @Option(names = "--rounds", defaultValue = "20", description = "Timed rounds per learner (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the splits and fits (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Learner> learners = Learners.all();
    if (timeOn == null) {
      for (Learner l : learners) {
        out.println(l.name());
        int width = l.hyperparameters().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, String> e : l.hyperparameters().entrySet()) {
          out.printf("  %-" + width + "s  %s%n", e.getKey(), e.getValue());
        }
      }
      out.flush();
      return Main.OK;
    }
    if (rounds < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rounds must be >= 1, got " + rounds);
    }
    Dataset d = Datasets.read(timeOn);
    List<String> labelNames = d.labels();
    List<String> texts = new ArrayList<>(d.size());
    int[] labels = new int[d.size()];
    for (int i = 0; i < d.size(); i++) {
      Example e = d.examples().get(i);
      texts.add(e.text());
      labels[i] = labelNames.indexOf(e.label());
    }
    TrainingSet data = new TrainingSet(texts, labels, labelNames);
    out.printf(
        Locale.ROOT, "%-22s %10s %12s %16s %16s%n", "learner", "fit ms", "fit cpu ms", "predict us/sent", "predict cpu us");
    double total = 0;
    double totalCpu = 0;
    int trainSize = 0;
    int testSize = 0;
    for (Learner l : learners) {
      LearnerCost c = LearnerCost.measure(l, data, rounds, seed);
      out.printf(
          Locale.ROOT,
          "%-22s %10.2f %12.2f %16.1f %16.1f%n",
          c.learner(),
          c.fitMillis(),
          c.fitCpuMillis(),
          c.predictMicros(),
          c.predictCpuMicros());
      out.flush();
      total += c.fitMillis() + c.predictMicros() * c.testSize() / 1000;
      totalCpu += c.fitCpuMillis() + c.predictCpuMicros() * c.testSize() / 1000;
      trainSize = c.trainSize();
      testSize = c.testSize();
    }
    out.printf(
        Locale.ROOT,
        "fit on %d, predict %d sentences of %s; mean of %d rounds after 3 warm-up rounds%n"
            + "all learners, one fit + predict each: %.1f ms wall, %.1f ms JVM CPU (all threads)%n",
        trainSize,
        testSize,
        timeOn,
        rounds,
        total,
        totalCpu);
    out.flush();
    return Main.OK;
  }
}
