package org.topicbench.text;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD {@link TokenizerKernel}: classifies 64 chars with a few compares per vector of 16 or 32 chars
 * (AVX2 or AVX-512) and turns each comparison into bits with {@link VectorMask#toLong()}. Besides ASCII it
 * recognises the commonest non-ASCII chars of English news text, so that a block of it rarely needs the
 * per-char path: {@code ’} (an apostrophe, written as {@code '}) and the punctuation of U+2010–U+2027
 * (dashes, curly quotes, bullets, ellipsis), all separators. Linked only when the {@code jdk.incubator.vector} module is present.
 */
final class VectorKernel {
  private static final VectorSpecies<Short> SPECIES = ShortVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  private static final int INT_LANES = INTS.length();
  private static final IntVector IOTA = IntVector.zero(INTS).addIndex(1);
  /** Shorts as many as INTS has lanes (half its bits), to widen term chars to ints. */
  private static final VectorSpecies<Short> HALF =
      VectorSpecies.of(short.class, VectorShape.forBitSize(Math.max(64, INTS.vectorBitSize() / 2)));
  // lane i takes lane i - k (zero below k), for the prefix sum's log steps; LAST broadcasts the last lane
  private static final VectorShuffle<Integer> UP1 = up(1);
  private static final VectorShuffle<Integer> UP2 = up(2);
  private static final VectorShuffle<Integer> UP4 = up(4);
  private static final VectorShuffle<Integer> UP8 = up(8);
  private static final VectorMask<Integer> FROM1 = from(1);
  private static final VectorMask<Integer> FROM2 = from(2);
  private static final VectorMask<Integer> FROM4 = from(4);
  private static final VectorMask<Integer> FROM8 = from(8);
  private static final VectorShuffle<Integer> LAST = VectorShuffle.fromOp(INTS, i -> INT_LANES - 1);

  private static VectorShuffle<Integer> up(int k) {
    return VectorShuffle.fromOp(INTS, i -> Math.max(0, i - k));
  }

  private static VectorMask<Integer> from(int k) {
    return IOTA.compare(VectorOperators.GE, k);
  }

  private VectorKernel() {}

  static void classify64(Tokenizer t, char[] b, int p, char[] low, int lp, boolean lowerCase) {
    long w = 0;
    long d = 0;
    long s = 0;
    long a = 0;
    long other = 0;
    for (int k = 0; k < 64; k += LANES) {
      // seven compares per vector: on AVX-512 every compare into a mask register runs on one port
      ShortVector v = ShortVector.fromCharArray(SPECIES, b, p + k);
      // ASCII letters: (c | 0x20) - 'a' < 26 unsigned; digits: c - '0' < 10 unsigned
      VectorMask<Short> letter = v.or((short) 0x20).sub((short) 'a').compare(VectorOperators.ULT, (short) 26);
      VectorMask<Short> digit = v.sub((short) '0').compare(VectorOperators.ULT, (short) 10);
      VectorMask<Short> rsquo = v.eq((short) '\u2019');
      w |= letter.or(digit).toLong() << k;
      d |= digit.toLong() << k;
      s |= v.or((short) 2).eq((short) '.').toLong() << k; // c | 2 == '.' exactly for '.' and ','
      a |= v.eq((short) '\'').or(rsquo).toLong() << k;
      other |= v.compare(VectorOperators.UGT, (short) 127)
          .andNot(v.sub((short) 0x2010).compare(VectorOperators.ULT, (short) 0x18)).toLong() << k;
      ShortVector term = lowerCase ? v.lanewise(VectorOperators.OR, (short) 0x20, letter) : v;
      term.blend((short) '\'', rsquo).intoCharArray(low, lp + k);
    }
    t.maskWord = w;
    t.maskDigit = d;
    t.maskSep = s;
    t.maskApos = a;
    t.maskOther = other;
  }

  /**
   * {@code Tokenizer.flatten} with SIMD compress ({@code vpcompressd}): appends {@code rel + i} for every
   * set bit i of {@code bits} to {@code out} from index {@code n}, writing up to {@code INT_LANES - 1}
   * ints of garbage past the new count; returns the new count.
   */
  static int flatten(int[] out, int n, long bits, int rel) {
    IntVector offsets = IOTA.add(rel);
    for (int j = 0; j < 64; j += INT_LANES) {
      long chunk = (bits >>> j) & ((1L << INT_LANES) - 1);
      offsets.compress(VectorMask.fromLong(INTS, chunk)).intoArray(out, n);
      offsets = offsets.add(INT_LANES);
      n += Long.bitCount(chunk);
    }
    return n;
  }

  /**
   * {@code Tokenizer.extendPrefix} a vector at a time: from {@code pr[j]}, sets {@code pr[i + 1] = pr[i] +
   * lw[i] * inv[i]} (mod 2<sup>32</sup>) for i from j in whole vectors while i &lt; to and the arrays
   * allow (pr and inv have at least lw.length + 1 entries); returns the first i not done, which may be
   * past {@code to}. Per vector: widen the chars, multiply, an inclusive prefix sum in log2(lanes) shifted
   * adds, plus the running total.
   */
  static int prefix(int[] pr, char[] lw, int[] inv, int j, int to) {
    IntVector carry = IntVector.broadcast(INTS, pr[j]);
    for (; j < to && j + INT_LANES <= lw.length; j += INT_LANES) {
      IntVector x = (IntVector) ShortVector.fromCharArray(HALF, lw, j)
          .convertShape(VectorOperators.ZERO_EXTEND_S2I, INTS, 0);
      x = x.mul(IntVector.fromArray(INTS, inv, j));
      x = x.add(x.rearrange(UP1, FROM1));
      x = x.add(x.rearrange(UP2, FROM2));
      if (INT_LANES > 4) {
        x = x.add(x.rearrange(UP4, FROM4));
      }
      if (INT_LANES > 8) {
        x = x.add(x.rearrange(UP8, FROM8));
      }
      x = x.add(carry);
      x.intoArray(pr, j + 1);
      carry = x.rearrange(LAST);
    }
    return j;
  }

  /** Whether the preferred species has SIMD behind it (128 bits or more) and divides a block. */
  static boolean usable() {
    return 64 % LANES == 0 && SPECIES.vectorBitSize() >= 128 && INT_LANES <= 16 && INT_LANES >= 4;
  }

  static String name() {
    return "vector (" + SPECIES.vectorBitSize() + "-bit)";
  }
}
