package org.topicbench.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Classifies a block of chars for {@link Tokenizer} into bit masks (bit i for char {@code p + i}) and
 * writes the block's term chars (lower-cased ASCII letters when {@code lowerCase}, every other char as it
 * is) into the term buffer. There are two kernels with identical results: {@link #scalar}, a per-char
 * loop, and {@code VectorKernel.classify64}, which uses the incubating Vector API and is only linked when
 * the JVM has the {@code jdk.incubator.vector} module. The tokenizer calls them statically (a virtual call
 * per block was measured not to be inlined by C2).
 */
final class TokenizerKernel {
  /**
   * Whether the vector kernel is used by default: {@code jdk.incubator.vector} is in the boot layer and
   * gives SIMD registers of 128 bits or more, unless {@code -Dtopicbench.tokenizer.vector=false}.
   */
  private static final String VECTOR_NAME = vectorName();

  static final boolean SIMD_DEFAULT =
      Boolean.parseBoolean(System.getProperty("topicbench.tokenizer.vector", "true")) && vectorAvailable();

  private TokenizerKernel() {}

  /** Per char: its ASCII_FLAGS, or OTHER for a non-ASCII char. */
  private static final byte[] FLAGS = new byte[65536];
  /** Per char: its lower case if an ASCII letter, else itself. */
  private static final char[] LOWER = new char[65536];
  private static final int OTHER = 16;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    for (int c = 0; c < 65536; c++) {
      FLAGS[c] = c < 128 ? Tokenizer.ASCII_FLAGS[c] : OTHER;
      LOWER[c] = c < 128 ? Tokenizer.ASCII_LOWER[c] : (char) c;
    }
  }

  /**
   * The scalar classification of {@code b[p, p + n)}, n ≤ 64; also used for every text's last block.
   * One table load and one store of a flag byte per char, then {@link Long#compress} (PEXT) gathers each
   * flag of eight chars into eight mask bits at once.
   */
  static void scalar(Tokenizer t, char[] b, int p, int n, char[] low, int lp, boolean lowerCase) {
    byte[] flags = t.flags;
    if (lowerCase) {
      for (int i = 0; i < n; i++) {
        char c = b[p + i];
        flags[i] = FLAGS[c];
        low[lp + i] = LOWER[c];
      }
    } else {
      for (int i = 0; i < n; i++) {
        char c = b[p + i];
        flags[i] = FLAGS[c];
        low[lp + i] = c;
      }
    }
    if (n < 64) {
      Arrays.fill(flags, n, 64, (byte) 0);
    }
    long w = 0;
    long d = 0;
    long s = 0;
    long a = 0;
    long other = 0;
    for (int j = 0; j < 64; j += 8) {
      long x = (long) LONGS.get(flags, j);
      w |= Long.compress(x, 0x0101010101010101L) << j;
      d |= Long.compress(x, 0x0202020202020202L) << j;
      s |= Long.compress(x, 0x0404040404040404L) << j;
      a |= Long.compress(x, 0x0808080808080808L) << j;
      other |= Long.compress(x, 0x1010101010101010L) << j;
    }
    t.maskWord = w;
    t.maskDigit = d;
    t.maskSep = s;
    t.maskApos = a;
    t.maskOther = other;
  }

  /** Whether this JVM can run the vector kernel (looked up once). */
  static boolean vectorAvailable() {
    return VECTOR_NAME != null;
  }

  /** A name for the kernel: "scalar", or "vector (N-bit)". */
  static String name(boolean simd) {
    if (simd && VECTOR_NAME == null) {
      throw new IllegalStateException("the vector kernel is not available in this JVM");
    }
    return simd ? VECTOR_NAME : "scalar";
  }

  /** The vector kernel's name, or null when this JVM cannot run it. */
  private static String vectorName() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return null;
    }
    try {
      // by name: linking VectorKernel without the module in the boot layer would fail
      Class<?> k = Class.forName("org.topicbench.text.VectorKernel");
      return (Boolean) k.getDeclaredMethod("usable").invoke(null) ? (String) k.getDeclaredMethod("name").invoke(null) : null;
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
