package org.topicbench.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time and peak heap of the stages of a run (reading, near-duplicates and folds, fitting and
 * predicting, scoring, bootstrap, tests, ranking, writing, report), for the scaling measurements: at each
 * stage's start the heap pools' peaks are reset, at its end they are read, so each stage's peak is its own.
 * Peaks are of the whole JVM (other threads included). Not thread-safe: one thread drives the stages.
 */
public final class Stages {
  /**
   * One finished stage.
   *
   * @param name what it did
   * @param nanos its wall time
   * @param peakHeapBytes the most heap in use during it (the sum of the heap pools' peaks)
   */
  public record Stage(String name, long nanos, long peakHeapBytes) {}

  private final List<Stage> done = new ArrayList<>();
  private String current;
  private long start;

  /** Ends the current stage, if any, and starts {@code name}. */
  public void begin(String name) {
    end();
    for (MemoryPoolMXBean p : heapPools()) {
      p.resetPeakUsage();
    }
    current = name;
    start = System.nanoTime();
  }

  /** Ends the current stage. */
  public void end() {
    if (current == null) {
      return;
    }
    long nanos = System.nanoTime() - start;
    long peak = 0;
    for (MemoryPoolMXBean p : heapPools()) {
      peak += p.getPeakUsage().getUsed();
    }
    done.add(new Stage(current, nanos, peak));
    current = null;
  }

  /** The finished stages, in order. */
  public List<Stage> stages() {
    return List.copyOf(done);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }
}
