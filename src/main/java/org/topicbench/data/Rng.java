package org.topicbench.data;

import org.apache.commons.rng.core.source64.SplitMix64;

/**
 * Random draws for folds, bootstrap and baselines: commons-rng's SplitMix64 (fully specified, the same
 * seed gives the same stream on every JVM) with the bounded draw and shuffle that define topicbench's
 * folds. The bounded draw is {@code java.util.Random}'s rejection rule on 63 bits rather than
 * commons-rng's, so that folds, and every published number, stay as they were. Not thread-safe; make one
 * per task from a {@link Seeds derived} seed.
 */
public final class Rng {
  private final SplitMix64 source;

  public Rng(long seed) {
    this.source = new SplitMix64(seed);
  }

  public long nextLong() {
    return source.nextLong();
  }

  /** Uniform in {@code [0, bound)}, without modulo bias (rejection sampling). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    // as java.util.Random: draw 63 bits, reject the incomplete last block of size bound
    while (true) {
      long r = nextLong() >>> 1;
      long v = r % bound;
      if (r - v + (bound - 1) >= 0) {
        return (int) v;
      }
    }
  }

  /** Shuffles {@code a} in place (Fisher-Yates). */
  public void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
