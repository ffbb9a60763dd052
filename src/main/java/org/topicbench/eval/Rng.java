package org.topicbench.eval;

/**
 * SplitMix64, a small fully specified pseudo-random generator: the same seed gives the same stream on
 * every JVM. Not thread-safe; make one per task from a {@link Seeds derived} seed.
 */
public final class Rng {
  private long state;

  public Rng(long seed) {
    this.state = seed;
  }

  public long nextLong() {
    state += 0x9e3779b97f4a7c15L;
    return Seeds.mix(state);
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
