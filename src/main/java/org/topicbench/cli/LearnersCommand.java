package org.topicbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.Callable;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.Example;
import org.topicbench.model.FeatureSpec;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerCost;
import org.topicbench.model.LearnerSpecs;
import org.topicbench.model.Learners;
import org.topicbench.model.Setting;
import org.topicbench.model.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topicbench learners}: every learner with its hyperparameters, optionally what it costs. */
@Command(
    name = "learners",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Lists every preset learner, in evaluation order, with the spec it stands for, that spec in full (every"
          + " setting written out), why it is set so, and its hyperparameters; then the algorithms a spec can name"
          + " and their settings.",
      "With SPEC arguments, shows what each spec makes instead (a grid makes one learner per value): a way to"
          + " check a spec before an evaluation.",
      "With --time, also fits each learner on a random 90%% of DATASET and predicts the rest, and prints the"
          + " mean wall-clock cost (a rough guide; evaluation writes the real timings)."
    })
public final class LearnersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SPEC", arity = "0..*",
      description = "Learner specs to show (default: every preset), e.g. \"smile.logistic lambda=0.001|0.01\".")
  List<String> specs;

  @Option(names = "--time", paramLabel = "DATASET", description = "Time every learner on this labelled dataset.")
  Path timeOn;

  @Option(names = "--rounds", defaultValue = "20", description = "Timed rounds per learner (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the splits and fits (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Learner> learners = new ArrayList<>();
    if (specs == null) {
      learners.addAll(Learners.all());
    } else {
      for (String s : specs) {
        learners.addAll(LearnerSpecs.expand(s, null));
      }
    }
    if (timeOn == null) {
      for (Learner l : learners) {
        print(out, l);
      }
      if (specs == null) {
        out.println();
        out.println("variants (not in the default evaluation):");
        for (Learner l : Learners.variants()) {
          print(out, l);
        }
        out.println();
        printAlgorithms(out);
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

  private static void print(PrintWriter out, Learner l) {
    out.println(l.name());
    LearnerSpecs.Preset preset = LearnerSpecs.preset(l.name());
    SequencedMap<String, String> rows = new LinkedHashMap<>();
    if (preset != null) {
      rows.put("preset", preset.spec());
      rows.put("why", preset.why());
    }
    rows.put("spec", l.spec());
    l.hyperparameters().forEach((k, v) -> rows.put("  " + k, v));
    int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, String> e : rows.entrySet()) {
      out.printf("  %-" + width + "s  %s%n", e.getKey(), e.getValue());
    }
  }

  private static void printAlgorithms(PrintWriter out) {
    out.println("algorithms a spec can name, with their settings (key=default: meaning):");
    for (LearnerSpecs.Algorithm a : LearnerSpecs.algorithms()) {
      out.println("  " + a.id() + ": " + a.summary());
      for (Setting s : a.settings()) {
        out.println("    " + s.key() + "=" + s.defaultValue() + ": " + s.help());
      }
      if (a.defaults() != null) {
        out.println("    features.*: the feature settings below (its defaults: "
            + String.join(" ", FeatureSpec.tokens(a.defaults())).replace(FeatureSpec.PREFIX, "") + ")");
      }
    }
    out.println("  " + LearnerSpecs.WEKA + "CLASS [Weka options]: any Weka classifier on the class path, with Weka's own"
        + " option syntax, e.g. weka:weka.classifiers.functions.SMO -C 10");
    out.println("    " + LearnerSpecs.INSTANCES.key() + "=" + LearnerSpecs.INSTANCES.defaultValue() + ": "
        + LearnerSpecs.INSTANCES.help());
    out.println("    features.*: the feature settings below (its defaults: "
        + String.join(" ", FeatureSpec.tokens(LearnerSpecs.wekaDefaults())).replace(FeatureSpec.PREFIX, "") + ")");
    out.println("  " + LearnerSpecs.STACK + " -B \"SPEC\" -B \"SPEC\" ...: stacking, a logistic meta-learner on the base"
        + " learners' out-of-fold probabilities from inner folds of the training fold");
    for (Setting s : List.of(LearnerSpecs.STACK_FOLDS, LearnerSpecs.STACK_LAMBDA)) {
      out.println("    " + s.key() + "=" + s.defaultValue() + ": " + s.help());
    }
    out.println("feature settings of every learner but the baselines (features.KEY=VALUE):");
    for (Setting s : FeatureSpec.settings(LearnerSpecs.wekaDefaults())) {
      out.println("  " + s.key() + ": " + s.help());
    }
    out.println("settings of every learner, the baselines included:");
    for (Setting s : List.of(LearnerSpecs.CALIBRATION, LearnerSpecs.CALIBRATION_FOLDS)) {
      out.println("  " + s.key() + "=" + s.defaultValue() + ": " + s.help());
    }
    out.println("a value v1|v2|... makes one learner per value (a grid); a preset's name followed by settings or"
        + " Weka options overrides the preset's.");
  }
}
