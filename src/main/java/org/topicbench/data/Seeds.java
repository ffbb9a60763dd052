package org.topicbench.data;

import java.nio.charset.StandardCharsets;

/**
 * Derives every seed of an evaluation from the one run seed, so that results never depend on the
 * order in which tasks run: the seed of a task is a pure function of the run seed and the task's
 * coordinates (protocol, learner, repetition, fold).
 *
 * <p>Mixing is SplitMix64's finaliser applied after folding in each coordinate; strings are folded
 * in as their 64-bit FNV-1a hash over UTF-8. Both are fully specified here, independent of the JDK.
 */
public final class Seeds {
  private Seeds() {}

  /** SplitMix64's output function (Steele, Lea and Flood 2014). */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** 64-bit FNV-1a of the UTF-8 bytes of {@code s}. */
  public static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** A seed derived from {@code seed} and the given coordinates, in order. */
  public static long derive(long seed, Object... coordinates) {
    long z = mix(seed + 0x9e3779b97f4a7c15L);
    for (Object c : coordinates) {
      long v = c instanceof Number n ? n.longValue() : hash(String.valueOf(c));
      z = mix(z + 0x9e3779b97f4a7c15L + v);
    }
    return z;
  }

  /** Hex SHA-256 of the UTF-8 bytes of {@code s}: the content hash of evaluation cells. */
  public static String sha256(String s) {
    return sha256(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
