package org.topicbench.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.topicbench.feature.FeatureConfig;
import org.topicbench.feature.SparseVector;
import org.topicbench.feature.Vectorizer;
import org.topicbench.text.Tokenizer;
import org.topicbench.text.TokenizerConfig;

/**
 * Question: how many sentences per second does a fitted {@link Vectorizer} turn from text into sparse
 * TF-IDF vectors (the default configuration: word unigrams and bigrams, L2-normalised), in one thread?
 * The inputs are the sentences of the bundled articles (split with the JDK's BreakIterator); the
 * vocabulary is fitted on all of them and one operation transforms every sentence once. Baseline: only
 * tokenizing the same sentences, which bounds what feature extraction can do. The {@code sentences} row
 * of {@link Counters} is sentences/s (JMH reports the counter as a rate).
 *
 * <p>How to run (from the repository root; {@code benchmarks/run.sh} runs the published configuration):
 *
 * <pre>
 * bin/mvn -q -pl benchmarks -am package -DskipTests
 * $JAVA_HOME/bin/java -jar benchmarks/target/benchmarks.jar FeatureExtractionThroughput -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// as bin/topicbench runs: with the Vector API module, so the tokenizer has its vector kernel
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class FeatureExtractionThroughput {
  /** Folder of the articles, relative to the working directory. */
  @Param("datasets/articles")
  public String articles;

  private List<String> sentences;
  private Vectorizer tfidf;
  private Tokenizer tokenizer;

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
  public void setup() {
    sentences = BenchText.sentences(articles);
    tfidf = Vectorizer.fit(FeatureConfig.DEFAULT, sentences);
    tokenizer = TokenizerConfig.DEFAULT.newTokenizer();
  }

  /** Text to an L2-normalised TF-IDF vector of word 1-2-grams, for every sentence. */
  @Benchmark
  public void tfidfVectors(Counters c, Blackhole bh) {
    for (String p : sentences) {
      SparseVector v = tfidf.transform(p);
      bh.consume(v);
    }
    c.sentences += sentences.size();
  }

  /** Baseline: tokenize every sentence, nothing else. */
  @Benchmark
  public long tokenizeOnly(Counters c) {
    long sum = 0;
    for (String p : sentences) {
      tokenizer.reset(p);
      while (tokenizer.next()) {
        sum += tokenizer.termHash();
      }
    }
    c.sentences += sentences.size();
    return sum;
  }
}
