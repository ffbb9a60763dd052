package org.topicbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.LearningCurve;
import org.topicbench.model.Learner;
import org.topicbench.report.LearningCurveReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topicbench learning-curve}: macro-F1 against training size, with the fitted trend. */
@Command(
    name = "learning-curve",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Would more labels help? Trains each learner on growing fractions of each training fold (repeated"
          + " stratified k-fold, near-duplicates together; the fractions stratified and nested, each holding the"
          + " smaller ones), scores the same test folds, fits the trend 1 - F1 = b n^-c and extrapolates it to twice"
          + " the data.",
      "Writes DIR/curve.csv, trend.csv, learning-curve.html and charts/ (a chart per learner), replacing only an"
          + " earlier learning-curve folder; prints the table."
    })
public final class LearningCurveCommand implements Callable<Integer> {
  /** Learners run when none is named. */
  static final List<String> DEFAULT_LEARNERS = List.of("smile.logistic-cues", "smile.svm-linear-cues", "weka.smo-cues",
      "smile.nb-complement-cues");

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "DATASET", description = "The labelled dataset (default: ${DEFAULT-VALUE}).")
  Path dataset = Datasets.SENTENCES;

  @Mixin DatasetOptions columns;

  @Option(names = "--learner", paramLabel = "SPEC",
      description = "A learner spec; repeatable (default: " + "smile.logistic-cues, smile.svm-linear-cues,"
          + " weka.smo-cues, smile.nb-complement-cues).")
  List<String> learners = new ArrayList<>();

  @Option(names = "--fractions", split = ",", paramLabel = "F",
      description = "Fractions of the training fold, increasing, in (0, 1] (default: 0.1,0.2,0.35,0.5,0.75,1).")
  List<Double> fractions = new ArrayList<>(List.of(0.1, 0.2, 0.35, 0.5, 0.75, 1.0));

  @Option(names = "--folds", paramLabel = "K", description = "Folds (default: ${DEFAULT-VALUE}).")
  int folds = 5;

  @Option(names = "--repeats", paramLabel = "R", description = "Repetitions (default: ${DEFAULT-VALUE}).")
  int repeats = 2;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = EvaluationSpec.DEFAULT_SEED;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors);"
      + " results do not depend on it.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write (default: results/curves/<dataset>-seed<S>).")
  Path out;

  @Override
  public Integer call() {
    if (folds < 2 || folds > 100) {
      throw new InputException("--folds: must be 2 to 100, got " + folds);
    }
    if (repeats < 1 || repeats > 100) {
      throw new InputException("--repeats: must be 1 to 100, got " + repeats);
    }
    if (threads < 1) {
      throw new InputException("--threads: must be >= 1, got " + threads);
    }
    if (fractions.isEmpty() || fractions.size() > 50) {
      throw new InputException("--fractions: give 1 to 50 fractions");
    }
    double[] f = new double[fractions.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = fractions.get(i);
      if (!(f[i] > 0 && f[i] <= 1) || (i > 0 && f[i] <= f[i - 1])) {
        throw new InputException("--fractions: must increase within (0, 1], got " + fractions);
      }
    }
    List<Learner> ls = new ArrayList<>();
    for (String s : learners.isEmpty() ? DEFAULT_LEARNERS : learners) {
      ls.add(Training.learner("--learner", s));
    }
    Dataset d = columns.read(dataset);
    Path dir = out != null ? out : Path.of("results", "curves", d.name() + "-seed" + seed);
    LearningCurve.Result r = LearningCurve.run(d, ls, f, folds, repeats, seed, threads);
    LearningCurveReport.write(r, dir);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "%s: %d x %d-fold, seed %d; macro-F1 by training sentences (mean over folds)%n", d.file(),
        r.repeats(), r.folds(), seed);
    for (LearningCurve.Trend t : r.trends()) {
      StringBuilder line = new StringBuilder(t.learner()).append(':');
      for (LearningCurve.Point p : r.points()) {
        if (p.learner().equals(t.learner())) {
          line.append(String.format(Locale.ROOT, " %.0f=%.3f", p.trainSize(), p.mean()));
        }
      }
      line.append(Double.isNaN(t.c()) ? "; no trend"
          : String.format(Locale.ROOT, "; trend 1-F1 = %.3f n^-%.3f, at %.0f: %.3f", t.b(), t.c(), 2 * t.largest(),
              t.atDouble()));
      o.println(line);
    }
    o.println("wrote " + dir + " (learning-curve.html, curve.csv, trend.csv, charts/)");
    return Main.OK;
  }
}
