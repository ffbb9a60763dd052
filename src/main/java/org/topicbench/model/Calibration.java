package org.topicbench.model;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * Probability calibration: maps a model's class probabilities to calibrated ones, fitted on out-of-fold
 * probabilities of the training data ({@link CalibratedLearner}).
 *
 * <ul>
 *   <li><b>platt</b>: per label c, one-vs-rest, {@code q_c = sigmoid(a_c * logit(p_c) + b_c)} fitted by
 *       weighted maximum likelihood with Platt's smoothed targets {@code (N+ + 1) / (N+ + 2)} and {@code 1 /
 *       (N- + 2)} (N+ and N- the summed weights of the examples of c and of the others), by Newton's method
 *       with backtracking as Lin, Lin and Weng (2007) give it; then the row is renormalised.
 *   <li><b>isotonic</b>: per label c, the weighted isotonic (non-decreasing) regression of the indicator
 *       {@code y == c} on {@code p_c} by pool-adjacent-violators, interpolated linearly between the
 *       blocks' weighted mean probabilities and constant beyond them (as scikit-learn's
 *       {@code IsotonicRegression(out_of_bounds="clip")}); then the row is renormalised (a row of zeros
 *       becomes uniform). Isotonic regression may give a label probability 0, which log-loss punishes.
 *   <li><b>temperature</b>: one temperature T for all labels, {@code q = softmax(ln(p) / T)}, T minimising
 *       the weighted negative log-likelihood (Guo et al., 2017), by golden-section search over {@code ln T}
 *       in [-5, 5] (the likelihood is convex in 1/T, so the search finds its minimum). It never changes
 *       which label is most probable.
 * </ul>
 *
 * Probabilities are clipped to [{@value #EPS}, 1 - {@value #EPS}] before a logit or a log. Examples are
 * weighted by the learner's class weights, so a class-weighted learner's calibration keeps the balance the
 * weights give it instead of learning the training prior back (weighted Platt scaling).
 */
public final class Calibration {
  /** Probabilities are clipped to {@code [EPS, 1 - EPS]} before logits and logs. */
  public static final double EPS = 1e-7;

  private Calibration() {}

  /** A calibration method as specs name it. */
  public enum Method {
    NONE,
    PLATT,
    ISOTONIC,
    TEMPERATURE;

    /** As written in specs. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The method named {@code id}. */
    public static Method of(String id) {
      for (Method m : values()) {
        if (m.id().equals(id)) {
          return m;
        }
      }
      throw new IllegalArgumentException("must be one of none, platt, isotonic, temperature, got '" + id + "'");
    }
  }

  /** A fitted calibration map. Immutable; serialised inside model files. */
  public sealed interface Calibrator extends Serializable permits Identity, Platt, Isotonic, Temperature {
    /** Calibrated probabilities of one row (a new array, summing to 1). */
    double[] apply(double[] p);

    /** What was fitted, one line. */
    String describe();
  }

  /** The map that changes nothing (too few examples to calibrate on). */
  public record Identity() implements Calibrator {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public double[] apply(double[] p) {
      return p.clone();
    }

    @Override
    public String describe() {
      return "identity";
    }
  }

  /** Platt scaling per label: {@code sigmoid(a[c] * logit(p[c]) + b[c])}, renormalised. */
  public record Platt(double[] a, double[] b) implements Calibrator {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public double[] apply(double[] p) {
      double[] q = new double[p.length];
      for (int c = 0; c < p.length; c++) {
        q[c] = sigmoid(a[c] * logit(p[c]) + b[c]);
      }
      return normalise(q);
    }

    @Override
    public String describe() {
      StringBuilder s = new StringBuilder("platt");
      for (int c = 0; c < a.length; c++) {
        s.append(String.format(Locale.ROOT, " %d:a=%.4f,b=%.4f", c, a[c], b[c]));
      }
      return s.toString();
    }
  }

  /** Isotonic regression per label: knots {@code x[c]} (increasing) with values {@code y[c]}. */
  public record Isotonic(double[][] x, double[][] y) implements Calibrator {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public double[] apply(double[] p) {
      double[] q = new double[p.length];
      for (int c = 0; c < p.length; c++) {
        q[c] = interpolate(x[c], y[c], p[c]);
      }
      return normalise(q);
    }

    @Override
    public String describe() {
      return "isotonic " + Arrays.stream(x).mapToInt(k -> k.length).sum() + " knots";
    }
  }

  /** Temperature scaling: {@code softmax(ln(p) / t)}. */
  public record Temperature(double t) implements Calibrator {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public double[] apply(double[] p) {
      return softmax(p, 1 / t);
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "temperature %.4f", t);
    }
  }

  /**
   * Fits a calibration map.
   *
   * @param method the method ({@code NONE} gives the identity)
   * @param p out-of-fold probabilities per example (rows of length {@code numLabels})
   * @param y true label per example
   * @param w weight per example (all 1 for an unweighted learner)
   * @param numLabels labels
   */
  public static Calibrator fit(Method method, double[][] p, int[] y, double[] w, int numLabels) {
    if (p.length != y.length || y.length != w.length) {
      throw new IllegalArgumentException("p, y and w must have equal length");
    }
    if (p.length == 0) {
      return new Identity();
    }
    return switch (method) {
      case NONE -> new Identity();
      case PLATT -> platt(p, y, w, numLabels);
      case ISOTONIC -> isotonic(p, y, w, numLabels);
      case TEMPERATURE -> new Temperature(temperature(p, y, w));
    };
  }

  private static Platt platt(double[][] p, int[] y, double[] w, int numLabels) {
    double[] a = new double[numLabels];
    double[] b = new double[numLabels];
    double[] f = new double[p.length];
    boolean[] positive = new boolean[p.length];
    for (int c = 0; c < numLabels; c++) {
      for (int i = 0; i < p.length; i++) {
        f[i] = logit(p[i][c]);
        positive[i] = y[i] == c;
      }
      double[] ab = plattFit(f, positive, w);
      a[c] = ab[0];
      b[c] = ab[1];
    }
    return new Platt(a, b);
  }

  /**
   * Platt's sigmoid {@code 1 / (1 + exp(-(a f + b)))} fitted to weighted labels, the algorithm of Lin, Lin
   * and Weng, "A note on Platt's probabilistic outputs for support vector machines" (2007), written with
   * the sign convention {@code sigmoid(a f + b)}.
   *
   * @return {@code {a, b}}
   */
  static double[] plattFit(double[] f, boolean[] positive, double[] w) {
    double prior1 = 0;
    double prior0 = 0;
    for (int i = 0; i < f.length; i++) {
      if (positive[i]) {
        prior1 += w[i];
      } else {
        prior0 += w[i];
      }
    }
    double hi = (prior1 + 1) / (prior1 + 2);
    double lo = 1 / (prior0 + 2);
    int n = f.length;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = positive[i] ? hi : lo;
    }
    // Lin et al. minimise over (A, B) with p = 1 / (1 + exp(A f + B)); here a = -A, b = -B
    double aa = 0;
    double bb = Math.log((prior0 + 1) / (prior1 + 1));
    double fval = plattObjective(f, t, w, aa, bb);
    final double sigma = 1e-12;
    final double minStep = 1e-10;
    for (int it = 0; it < 100; it++) {
      double h11 = sigma;
      double h22 = sigma;
      double h21 = 0;
      double g1 = 0;
      double g2 = 0;
      for (int i = 0; i < n; i++) {
        double fApB = f[i] * aa + bb;
        double pi;
        double qi;
        if (fApB >= 0) {
          pi = Math.exp(-fApB) / (1 + Math.exp(-fApB));
          qi = 1 / (1 + Math.exp(-fApB));
        } else {
          pi = 1 / (1 + Math.exp(fApB));
          qi = Math.exp(fApB) / (1 + Math.exp(fApB));
        }
        double d2 = w[i] * pi * qi;
        h11 += f[i] * f[i] * d2;
        h22 += d2;
        h21 += f[i] * d2;
        double d1 = w[i] * (t[i] - pi);
        g1 += f[i] * d1;
        g2 += d1;
      }
      if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
        break;
      }
      double det = h11 * h22 - h21 * h21;
      double dA = -(h22 * g1 - h21 * g2) / det;
      double dB = -(-h21 * g1 + h11 * g2) / det;
      double gd = g1 * dA + g2 * dB;
      double step = 1;
      boolean moved = false;
      while (step >= minStep) {
        double na = aa + step * dA;
        double nb = bb + step * dB;
        double nf = plattObjective(f, t, w, na, nb);
        if (nf < fval + 1e-4 * step * gd) {
          aa = na;
          bb = nb;
          fval = nf;
          moved = true;
          break;
        }
        step /= 2;
      }
      if (!moved) {
        break;
      }
    }
    return new double[] {-aa, -bb};
  }

  private static double plattObjective(double[] f, double[] t, double[] w, double aa, double bb) {
    double v = 0;
    for (int i = 0; i < f.length; i++) {
      double fApB = f[i] * aa + bb;
      if (fApB >= 0) {
        v += w[i] * (t[i] * fApB + Math.log1p(Math.exp(-fApB)));
      } else {
        v += w[i] * ((t[i] - 1) * fApB + Math.log1p(Math.exp(fApB)));
      }
    }
    return v;
  }

  private static Isotonic isotonic(double[][] p, int[] y, double[] w, int numLabels) {
    double[][] xs = new double[numLabels][];
    double[][] ys = new double[numLabels][];
    int n = p.length;
    Integer[] order = new Integer[n];
    for (int c = 0; c < numLabels; c++) {
      int cc = c;
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (i, j) -> Double.compare(p[i][cc], p[j][cc])); // stable: ties keep example order
      // points: equal probabilities pooled first (weighted mean target); then blocks by pool-adjacent-violators,
      // each with the weighted mean probability and target of its points
      double[] bx = new double[n];
      double[] by = new double[n];
      double[] bw = new double[n];
      int m = 0;
      int r = 0;
      while (r < n) {
        double x = p[order[r]][c];
        double tw = 0;
        double ty = 0;
        for (; r < n && p[order[r]][c] == x; r++) {
          int i = order[r];
          tw += w[i];
          ty += w[i] * (y[i] == c ? 1 : 0);
        }
        if (!(tw > 0)) {
          continue;
        }
        bx[m] = x;
        by[m] = ty / tw;
        bw[m] = tw;
        m++;
        while (m > 1 && by[m - 2] >= by[m - 1]) {
          double sw = bw[m - 2] + bw[m - 1];
          bx[m - 2] = (bx[m - 2] * bw[m - 2] + bx[m - 1] * bw[m - 1]) / sw;
          by[m - 2] = (by[m - 2] * bw[m - 2] + by[m - 1] * bw[m - 1]) / sw;
          bw[m - 2] = sw;
          m--;
        }
      }
      xs[c] = Arrays.copyOf(bx, m);
      ys[c] = Arrays.copyOf(by, m);
    }
    return new Isotonic(xs, ys);
  }

  /** Piecewise-linear through {@code (x[j], y[j])}, constant outside; an empty map gives {@code v}. */
  static double interpolate(double[] x, double[] y, double v) {
    if (x.length == 0) {
      return v;
    }
    if (v <= x[0]) {
      return y[0];
    }
    if (v >= x[x.length - 1]) {
      return y[y.length - 1];
    }
    int j = Arrays.binarySearch(x, v);
    if (j >= 0) {
      return y[j];
    }
    int hi = -j - 1;
    int lo = hi - 1;
    double s = (v - x[lo]) / (x[hi] - x[lo]);
    return y[lo] + s * (y[hi] - y[lo]);
  }

  /** The temperature minimising the weighted negative log-likelihood of {@code softmax(ln p / T)}. */
  static double temperature(double[][] p, int[] y, double[] w) {
    double lo = -5;
    double hi = 5;
    final double g = (Math.sqrt(5) - 1) / 2;
    double x1 = hi - g * (hi - lo);
    double x2 = lo + g * (hi - lo);
    double f1 = nll(p, y, w, Math.exp(x1));
    double f2 = nll(p, y, w, Math.exp(x2));
    for (int it = 0; it < 80; it++) {
      if (f1 <= f2) {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - g * (hi - lo);
        f1 = nll(p, y, w, Math.exp(x1));
      } else {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + g * (hi - lo);
        f2 = nll(p, y, w, Math.exp(x2));
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  private static double nll(double[][] p, int[] y, double[] w, double t) {
    double v = 0;
    for (int i = 0; i < p.length; i++) {
      double[] q = softmax(p[i], 1 / t);
      v -= w[i] * Math.log(Math.max(q[y[i]], 1e-300));
    }
    return v;
  }

  private static double[] softmax(double[] p, double beta) {
    double[] z = new double[p.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < p.length; c++) {
      z[c] = beta * Math.log(clip(p[c]));
      max = Math.max(max, z[c]);
    }
    double sum = 0;
    for (int c = 0; c < p.length; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < p.length; c++) {
      z[c] /= sum;
    }
    return z;
  }

  private static double clip(double p) {
    return Math.min(1 - EPS, Math.max(EPS, p));
  }

  private static double logit(double p) {
    double q = clip(p);
    return Math.log(q / (1 - q));
  }

  private static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** {@code q} scaled to sum 1 (uniform when it sums to 0). */
  static double[] normalise(double[] q) {
    double sum = 0;
    for (double v : q) {
      sum += v;
    }
    if (!(sum > 0)) {
      Arrays.fill(q, 1.0 / q.length);
      return q;
    }
    for (int c = 0; c < q.length; c++) {
      q[c] /= sum;
    }
    return q;
  }
}
