package org.topicbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.label.BundledModel;
import org.topicbench.label.Labelling;
import org.topicbench.label.TrainingData;
import org.topicbench.model.Learner;
import org.topicbench.model.Learners;
import org.topicbench.model.ModelFile;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;

/**
 * Question: how many sentences per second does {@code topicbench label} sustain in one thread with a
 * model loaded from a model file, segmentation included? One operation segments the five articles'
 * texts ({@code datasets/articles/*.txt}, 116 sentences) and labels every sentence (label and
 * probabilities). Baseline: segmenting alone, which bounds what labelling can do. The {@code sentences}
 * row of {@link Counters} is sentences/s (JMH reports the counter as a rate).
 *
 * <p>The model is trained once per fork in {@link #setup} the way {@code topicbench train} trains it (both
 * bundled datasets, seed 2022), written to a temporary model file and read back with
 * {@link ModelFile#read(Path)}, so the benchmark runs the loaded model, not the in-memory one. Not timed:
 * reading the model file (a few tens of milliseconds) and training.
 *
 * <p>How to run (from the repository root, which holds {@code datasets/}):
 *
 * <pre>
 * bin/mvn -q -pl benchmarks -am package -DskipTests
 * $JAVA_HOME/bin/java -jar benchmarks/target/benchmarks.jar LabelThroughput -f 1 -wi 3 -i 5
 * $JAVA_HOME/bin/java -jar benchmarks/target/benchmarks.jar LabelThroughput -p learner=smile.svm-linear-cues
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// as bin/topicbench runs: with the Vector API module, so the tokenizer has its vector kernel
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LabelThroughput {
  /**
   * The learner: {@code default} is the model the build bundled in the jar ({@code label.BundledModel},
   * what {@code topicbench label} uses: smile.logistic-cues-platt, results/carry-over.csv); a learner
   * name is trained here and read back from a model file.
   */
  @Param({"default", "weka.smo-cues", "smile.svm-linear-cues", "smile.nb-complement-cues"})
  public String learner;

  /** Folder of the articles, relative to the working directory. */
  @Param("datasets/articles")
  public String articles;

  private List<String> texts;
  private TrainedModel model;

  /** Sentences processed, reported by JMH per second. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Counters {
    public long sentences;

    @Setup(Level.Iteration)
    public void clear() {
      sentences = 0;
    }
  }

  @Setup
  public void setup() throws IOException {
    texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(articles))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        texts.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    if (texts.isEmpty()) {
      throw new IllegalStateException("no .txt files in " + articles + " (run from the repository root)");
    }
    if (learner.equals("default")) {
      model = BundledModel.load().orElseThrow(() -> new IllegalStateException("no model bundled in the jar (build"
          + " the app module with its prepare-package phase)")).model();
      return;
    }
    List<Dataset> data = List.of(Datasets.read(Datasets.SENTENCES), Datasets.read(Datasets.EXTERNAL_DEV));
    TrainingSet train = TrainingData.of(data);
    Learner l = Learners.byName(learner);
    TrainedModel fitted = l.fit(train, 2022);
    Path file = Files.createTempFile("label-throughput", ".tbm");
    try {
      ModelFile.write(file, ModelFile.header(l, 2022, data, fitted), fitted, train.texts());
      model = ModelFile.read(file).model();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Baseline: segment the articles only. */
  @Benchmark
  public void segmentOnly(Counters counters, Blackhole bh) {
    for (String text : texts) {
      Labelling.Document d = Labelling.document("article", text);
      counters.sentences += d.sentences().size();
      bh.consume(d);
    }
  }

  /** Segment the articles and label every sentence with the loaded model, as {@code topicbench label} does. */
  @Benchmark
  public void segmentAndLabel(Counters counters, Blackhole bh) {
    for (String text : texts) {
      Labelling.Document d = Labelling.document("article", text);
      List<Prediction> p = Labelling.predict(model, d, "model");
      bh.consume(p);
      counters.sentences += p.size();
    }
  }
}
