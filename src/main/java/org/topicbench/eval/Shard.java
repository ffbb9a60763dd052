package org.topicbench.eval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which share of an evaluation's cells one process computes: shard {@code k} of {@code n} (1-based) takes
 * the cells whose position in the evaluation's fixed order is {@code k - 1} modulo {@code n}, so that the
 * shards of {@code 1..n} cover every cell once and share the work evenly whatever its order.
 *
 * @param k this shard, 1 to n
 * @param n the number of shards
 */
public record Shard(int k, int n) {
  /** Every cell. */
  public static final Shard ALL = new Shard(1, 1);

  private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

  public Shard {
    if (n < 1 || k < 1 || k > n) {
      throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, got " + k + "/" + n);
    }
  }

  /** {@code K/N}, as on the command line. */
  public static Shard parse(String s) {
    Matcher m = FORM.matcher(s.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("a shard is K/N (for example 2/8), got '" + s + "'");
    }
    return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** Whether this shard computes the cell at {@code index}. */
  public boolean takes(int index) {
    return index % n == k - 1;
  }

  @Override
  public String toString() {
    return k + "/" + n;
  }
}
