package org.topicbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Placeholder ceiling probe: how fast can one thread read every char of a char[]?
 * How to run: {@code java -jar benchmarks/target/benchmarks.jar ReadEveryCharProbe}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReadEveryCharProbe {
  private char[] text;

  @Setup
  public void setup() {
    text = "The quick brown fox jumps over the lazy dog. ".repeat(1 << 14).toCharArray();
  }

  @Benchmark
  public int readEveryChar() {
    int acc = 0;
    for (char c : text) {
      acc += c;
    }
    return acc;
  }
}
