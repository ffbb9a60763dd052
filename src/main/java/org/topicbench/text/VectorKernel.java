package org.topicbench.text;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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

  /** Whether the preferred species has SIMD behind it (128 bits or more) and divides a block. */
  static boolean usable() {
    return 64 % LANES == 0 && SPECIES.vectorBitSize() >= 128 && INT_LANES <= 16 && INT_LANES >= 4;
  }

  static String name() {
    return "vector (" + SPECIES.vectorBitSize() + "-bit)";
  }
}
