package org.topicbench.model.smile;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.stream.IntStream;
import smile.math.MathEx;
import smile.util.function.DifferentiableMultivariateFunction;

/**
 * The objectives Smile's {@code SparseLogisticRegression} minimises (Smile 6.2.5's private
 * {@code BinomialObjective} and {@code MultinomialObjective}), with the same arithmetic in the same order,
 * so L-BFGS takes the same steps and the fitted weights are the same to the bit; what differs is the
 * gradient's memory. Smile keeps a dense gradient of every weight for every partition of 1000 training
 * sentences and zeroes and adds all of them at each evaluation: {@code n / 1000 × (k - 1)(p + 1)} doubles,
 * which grows as the product of sentences and features (at 500,000 training sentences and a million
 * features, gigabytes). Here each partition's gradient is kept for the features its sentences hold
 * (numbered as they first appear in the partition, through a per-thread table of {@code p} ints) and
 * added into the total in partition order: for every weight the same additions in the same order (an
 * untouched weight's partition gradient is +0.0, and adding +0.0 to a sum that starts at +0.0 changes
 * nothing). Within a sentence each weight gets one addition, so the loops may run class by class or
 * feature by feature.
 *
 * <p>The losses are summed exactly as Smile sums them: within a partition a sequential
 * {@code DoubleStream.sum}, across partitions (or, binomial {@code f}, across sentences) a parallel one
 * over the same range, whose split does not depend on how the values were computed.
 */
abstract sealed class LogisticObjective implements DifferentiableMultivariateFunction {
  /** Smile's partition size ({@code smile.data.partition.size}, default 1000), read as Smile reads it. */
  static int partitionSize() {
    return smile.util.OS.getProperty("smile.data.partition.size", 1000);
  }

  final int[][] index;
  final double[][] value;
  final int[] y;
  final int p;
  final double lambda;
  final int partitionSize;
  final int partitions;
  /** Classes with weights: k - 1 (one for two classes). */
  final int blocks;
  /** Partitions whose compact gradients are held at once before they are added in order. */
  private final int window;
  private final double[] partitionLoss;
  private final int[][] touchedFeatures;
  private final double[][] touchedValue;
  /** Scratches not in use (one per thread that has computed a partition at once, at most). */
  private final ArrayDeque<Scratch> free = new ArrayDeque<>();

  LogisticObjective(int[][] index, double[][] value, int[] y, int p, double lambda, int blocks) {
    this.index = index;
    this.value = value;
    this.y = y;
    this.p = p;
    this.lambda = lambda;
    this.blocks = blocks;
    this.partitionSize = partitionSize();
    int n = index.length;
    this.partitions = n / partitionSize + (n % partitionSize == 0 ? 0 : 1);
    this.window = Math.min(partitions, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
    this.partitionLoss = new double[partitions];
    this.touchedFeatures = new int[window][];
    this.touchedValue = new double[window][];
  }

  private Scratch take() {
    synchronized (free) {
      Scratch s = free.poll();
      if (s != null) {
        return s;
      }
    }
    return new Scratch(p, blocks);
  }

  private void give(Scratch s) {
    synchronized (free) {
      free.push(s);
    }
  }

  /**
   * A partition's gradient: {@code local[f]} numbers feature {@code f} (-1 when the partition has not
   * met it), {@code features[l]} is feature number {@code l}, {@code gradient[l * blocks + c]} its weight
   * in class block {@code c} and {@code bias[c]} the bias; all +0.0 and -1 between partitions.
   */
  static final class Scratch {
    final int[] local;
    final int blocks;
    final double[] bias;
    final double[] err;
    /** Room for a sentence's posterior probabilities. */
    final double[] work;
    int[] features = new int[1024];
    double[] gradient;
    int size;

    Scratch(int p, int blocks) {
      local = new int[p];
      Arrays.fill(local, -1);
      this.blocks = blocks;
      bias = new double[blocks];
      err = new double[blocks];
      work = new double[blocks + 1];
      gradient = new double[features.length * blocks];
    }

    /** Adds {@code -err[c] * val[t]} to the weights of the sentence's features, then {@code -err[c]} to the biases. */
    void add(int[] idx, double[] val) {
      for (int t = 0; t < idx.length; t++) {
        int l = local[idx[t]];
        if (l < 0) {
          if (size == features.length) {
            features = Arrays.copyOf(features, size * 2);
            gradient = Arrays.copyOf(gradient, features.length * blocks);
          }
          l = local[idx[t]] = size;
          features[size++] = idx[t];
        }
        for (int c = 0, at = l * blocks; c < blocks; c++, at++) {
          gradient[at] -= err[c] * val[t];
        }
      }
      for (int c = 0; c < blocks; c++) {
        bias[c] -= err[c];
      }
    }
  }

  /** The loss of sentence {@code i}, its residuals {@code (y == c) - P(c)} into {@code s.err} (Smile's arithmetic). */
  abstract double sentence(double[] w, int i, Scratch s);

  /** The loss of partition {@code r}, summed as Smile sums it, accumulating its gradient into {@code s}. */
  private double partition(double[] w, int r, Scratch s) {
    return IntStream.range(r * partitionSize, end(r)).sequential().mapToDouble(i -> {
      double loss = sentence(w, i, s);
      s.add(index[i], value[i]);
      return loss;
    }).sum();
  }

  /** The regularised loss; the gradient of the data term into {@code g} (then the penalty by the caller). */
  final double dataGradient(double[] w, double[] g) {
    Arrays.fill(g, 0.0);
    for (int start = 0; start < partitions; start += window) {
      int first = start;
      IntStream.range(start, Math.min(partitions, start + window)).parallel().forEach(r -> {
        Scratch s = take();
        partitionLoss[r] = partition(w, r, s);
        int slot = r - first;
        // the partition's features, and per class block their gradients then the bias
        int m = s.size;
        int[] features = Arrays.copyOf(s.features, m);
        double[] val = new double[blocks * (m + 1)];
        for (int l = 0; l < m; l++) {
          for (int c = 0; c < blocks; c++) {
            val[c * (m + 1) + l] = s.gradient[l * blocks + c];
            s.gradient[l * blocks + c] = 0.0;
          }
          s.local[features[l]] = -1;
        }
        for (int c = 0; c < blocks; c++) {
          val[c * (m + 1) + m] = s.bias[c];
          s.bias[c] = 0.0;
        }
        s.size = 0;
        touchedFeatures[slot] = features;
        touchedValue[slot] = val;
        give(s);
      });
      // added in partition order; class blocks are disjoint ranges of g, so they are added side by side
      int end = Math.min(partitions, start + window);
      IntStream.range(0, blocks).parallel().forEach(c -> {
        int base = c * (p + 1);
        for (int slot = 0; slot < end - first; slot++) {
          int[] features = touchedFeatures[slot];
          double[] val = touchedValue[slot];
          int m = features.length;
          for (int l = 0, at = c * (m + 1); l < m; l++, at++) {
            g[base + features[l]] += val[at];
          }
          g[base + p] += val[c * (m + 1) + m];
        }
      });
      Arrays.fill(touchedFeatures, null);
      Arrays.fill(touchedValue, null);
    }
    return IntStream.range(0, partitions).parallel().mapToDouble(r -> partitionLoss[r]).sum();
  }

  final int end(int r) {
    return Math.min((r + 1) * partitionSize, index.length);
  }

  /** Smile's {@code dot(x, w, i, p)}: the bias of class block {@code pos}, then the products in order. */
  static double dot(int[] idx, double[] val, double[] w, int pos, int p) {
    double dot = w[pos + p];
    for (int t = 0; t < idx.length; t++) {
      dot += val[t] * w[pos + idx[t]];
    }
    return dot;
  }

  /** Two classes: {@code p + 1} weights, the last the bias. */
  static final class Binomial extends LogisticObjective {
    Binomial(int[][] index, double[][] value, int[] y, int p, double lambda) {
      super(index, value, y, p, lambda, 1);
    }

    @Override
    public double f(double[] w) {
      double f = IntStream.range(0, index.length).parallel().mapToDouble(i -> {
        double wx = dot(index[i], value[i], w, 0, p);
        return MathEx.log1pe(wx) - y[i] * wx;
      }).sum();
      if (lambda > 0.0) {
        double wnorm = 0.0;
        for (int i = 0; i < p; i++) {
          wnorm += w[i] * w[i];
        }
        f += 0.5 * lambda * wnorm;
      }
      return f;
    }

    @Override
    public double g(double[] w, double[] g) {
      double f = dataGradient(w, g);
      if (lambda > 0.0) {
        double wnorm = 0.0;
        for (int i = 0; i < p; i++) {
          wnorm += w[i] * w[i];
          g[i] += lambda * w[i];
        }
        f += 0.5 * lambda * wnorm;
      }
      return f;
    }

    @Override
    double sentence(double[] w, int i, Scratch s) {
      double wx = dot(index[i], value[i], w, 0, p);
      s.err[0] = y[i] - MathEx.sigmoid(wx);
      return MathEx.log1pe(wx) - y[i] * wx;
    }
  }

  /** k > 2 classes: {@code (k - 1)(p + 1)} weights, a block of {@code p + 1} (bias last) per class but the last. */
  static final class Multinomial extends LogisticObjective {
    final int k;

    Multinomial(int[][] index, double[][] value, int[] y, int k, int p, double lambda) {
      super(index, value, y, p, lambda, k - 1);
      this.k = k;
    }

    @Override
    public double f(double[] w) {
      double f = IntStream.range(0, partitions).parallel().mapToDouble(r -> {
        double[] prob = new double[k];
        return IntStream.range(r * partitionSize, end(r)).sequential().mapToDouble(i -> {
          prob[k - 1] = 0.0;
          for (int j = 0; j < k - 1; j++) {
            prob[j] = dot(index[i], value[i], w, j * (p + 1), p);
          }
          MathEx.softmax(prob);
          return -MathEx.log(prob[y[i]]);
        }).sum();
      }).sum();
      return penalize(f, w, null);
    }

    @Override
    public double g(double[] w, double[] g) {
      return penalize(dataGradient(w, g), w, g);
    }

    /** Smile's penalty: {@code f + lambda/2 |w|^2} when lambda > 0, adding {@code lambda w} to {@code g} if given. */
    private double penalize(double f, double[] w, double[] g) {
      if (!(lambda > 0.0)) {
        return f;
      }
      double wnorm = 0.0;
      for (int i = 0; i < k - 1; i++) {
        for (int j = 0, pos = i * (p + 1); j < p; j++) {
          double wi = w[pos + j];
          wnorm += wi * wi;
          if (g != null) {
            g[pos + j] += lambda * wi;
          }
        }
      }
      return f + 0.5 * lambda * wnorm;
    }

    @Override
    double sentence(double[] w, int i, Scratch s) {
      double[] prob = s.work;
      prob[k - 1] = 0.0;
      for (int j = 0; j < k - 1; j++) {
        prob[j] = dot(index[i], value[i], w, j * (p + 1), p);
      }
      MathEx.softmax(prob);
      for (int j = 0; j < k - 1; j++) {
        s.err[j] = (y[i] == j ? 1.0 : 0.0) - prob[j];
      }
      return -MathEx.log(prob[y[i]]);
    }
  }
}
