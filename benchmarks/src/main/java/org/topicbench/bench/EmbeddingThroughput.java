package org.topicbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.topicbench.data.Datasets;
import org.topicbench.data.Example;
import org.topicbench.feature.SentenceEncoder;
import org.topicbench.feature.minilm.MiniLmEncoder;

/**
 * How many sentences a second all-MiniLM-L6-v2 embeds (ONNX Runtime, batches of 64 over one thread per
 * core, the cache bypassed): the 116 sentences of the five articles per operation. The baseline is the
 * cache hit, what every fold and learner after the first pays.
 *
 * <pre>
 * bin/mvn -q -pl benchmarks -am package -DskipTests
 * $JAVA_HOME/bin/java -jar benchmarks/target/benchmarks.jar EmbeddingThroughput -f 1 -wi 2 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EmbeddingThroughput {
  /** The model: full precision or 8-bit quantised. */
  @Param({"all-minilm-l6-v2", "all-minilm-l6-v2-q"})
  public String model;

  private List<String> texts;
  private SentenceEncoder encoder;

  /** Sentences embedded, reported by JMH per second. */
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
  public void setup() {
    texts = new ArrayList<>();
    for (Example e : Datasets.read(Datasets.SENTENCES).examples()) {
      texts.add(e.text());
    }
    encoder = model.equals(MiniLmEncoder.ID) ? MiniLmEncoder.get() : MiniLmEncoder.quantized();
    encoder.encode(texts);
  }

  /** Embeds the sentences anew. */
  @Benchmark
  public void embed(Counters counters, Blackhole bh) {
    bh.consume(encoder.encodeUncached(texts));
    counters.sentences += texts.size();
  }

  /** Baseline: the same sentences from the cache. */
  @Benchmark
  public void cached(Counters counters, Blackhole bh) {
    bh.consume(encoder.encode(texts));
    counters.sentences += texts.size();
  }
}
