package org.topicbench.model;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A rough cost of one learner: mean time to fit on a random 90% of a dataset and to predict the other
 * 10%, over several rounds after three warm-up rounds, as wall-clock time and as CPU time of the whole JVM
 * (all threads, garbage collection and compilation included; steadier than wall-clock time on a busy
 * machine). For a quick look at what each learner costs ({@code topicbench learners --time}); careful
 * measurements belong to JMH and to evaluation's timing files.
 *
 * @param learner the learner's name
 * @param rounds timed rounds
 * @param trainSize sentences fitted per round
 * @param testSize sentences predicted per round
 * @param fitMillis mean fit time, milliseconds
 * @param predictMicros mean predict time per sentence, microseconds
 * @param fitCpuMillis mean JVM CPU time of a fit, milliseconds ({@code NaN} when the JVM cannot tell)
 * @param predictCpuMicros mean JVM CPU time per predicted sentence, microseconds (or {@code NaN})
 */
public record LearnerCost(
    String learner,
    int rounds,
    int trainSize,
    int testSize,
    double fitMillis,
    double predictMicros,
    double fitCpuMillis,
    double predictCpuMicros) {
  private static final int WARM_UP = 3;

  /**
   * Measures {@code learner} on {@code data}; round {@code r} splits with seed {@code seed + r} and fits
   * with that seed.
   */
  public static LearnerCost measure(Learner learner, TrainingSet data, int rounds, long seed) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
    }
    if (data.size() < 2) {
      throw new IllegalArgumentException("data must hold at least 2 sentences, got " + data.size());
    }
    int n = data.size();
    int trainSize = Math.max(1, Math.min(n - 1, (int) Math.round(0.9 * n)));
    long fitNanos = 0;
    long predictNanos = 0;
    long fitCpu = 0;
    long predictCpu = 0;
    for (int r = -WARM_UP; r < rounds; r++) {
      int[] order = shuffled(n, seed + r);
      List<String> texts = new ArrayList<>(trainSize);
      int[] labels = new int[trainSize];
      for (int i = 0; i < trainSize; i++) {
        texts.add(data.texts().get(order[i]));
        labels[i] = data.labels()[order[i]];
      }
      List<String> test = new ArrayList<>(n - trainSize);
      for (int i = trainSize; i < n; i++) {
        test.add(data.texts().get(order[i]));
      }
      TrainingSet train = new TrainingSet(texts, labels, data.labelNames());
      long c0 = cpuNanos();
      long t0 = System.nanoTime();
      TrainedModel model = learner.fit(train, seed + r);
      long c1 = cpuNanos();
      long t1 = System.nanoTime();
      model.predictAll(test);
      long c2 = cpuNanos();
      long t2 = System.nanoTime();
      if (r >= 0) {
        fitNanos += t1 - t0;
        predictNanos += t2 - t1;
        fitCpu += c1 - c0;
        predictCpu += c2 - c1;
      }
    }
    boolean cpu = cpuNanos() >= 0;
    int testSize = n - trainSize;
    return new LearnerCost(
        learner.name(),
        rounds,
        trainSize,
        testSize,
        fitNanos / 1e6 / rounds,
        predictNanos / 1e3 / rounds / testSize,
        cpu ? fitCpu / 1e6 / rounds : Double.NaN,
        cpu ? predictCpu / 1e3 / rounds / testSize : Double.NaN);
  }

  /** CPU time of the whole JVM so far, or -1 when the platform does not report it. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static int[] shuffled(int n, long seed) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
