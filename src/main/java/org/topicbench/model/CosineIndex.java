package org.topicbench.model;

import java.util.Arrays;

/**
 * An exact inverted index over sparse vectors for nearest neighbours by the distance {@code 1 - x.q}
 * (the cosine distance of unit vectors): the same neighbours, in the same order, as computing that
 * distance to every vector, at the cost of the postings of the query's features instead of the whole
 * training set.
 *
 * <p>Exact by construction: a vector that shares no feature with the query has dot product exactly
 * {@code 0} and distance exactly {@code 1}; for a vector that shares features, the products are added in
 * ascending feature order starting from {@code 0}, the order in which a merge over the two sorted index
 * arrays adds them, so the distance is bit-for-bit the brute-force one. Neighbours are the {@code k}
 * smallest by (distance, index): ties go to the lower index, as in Smile's linear search (its heap
 * orders neighbours by distance, then index, and only takes a vector strictly nearer than the worst
 * kept). Distances that are NaN or not below {@link Double#MAX_VALUE} are never neighbours (Smile's heap
 * never takes them either).
 *
 * <p>Build cost: one pass over the nonzeros and a sort of the distinct features. Query cost: for each of
 * the query's features, a binary search over the distinct features and a pass over its postings, plus a
 * heap of size {@code k} over the vectors touched. Not thread-safe (the accumulators are reused).
 */
public final class CosineIndex {
  private final int size;
  /** The distinct features, ascending. */
  private final int[] features;
  /** Postings of {@code features[f]}: {@code docs[start[f] .. start[f + 1])}, ascending. */
  private final int[] start;
  private final int[] docs;
  private final double[] weights;

  private final double[] dot;
  private final boolean[] touched;
  private final int[] touchedList;

  /**
   * @param indices each vector's feature indices, strictly increasing
   * @param values each vector's values, same lengths
   * @throws IllegalArgumentException if lengths differ or indices are not strictly increasing
   */
  public CosineIndex(int[][] indices, double[][] values) {
    if (indices.length != values.length) {
      throw new IllegalArgumentException(indices.length + " index arrays but " + values.length + " value arrays");
    }
    size = indices.length;
    long total = 0;
    for (int i = 0; i < size; i++) {
      if (indices[i].length != values[i].length) {
        throw new IllegalArgumentException("vector " + i + ": " + indices[i].length + " indices but "
            + values[i].length + " values");
      }
      for (int j = 1; j < indices[i].length; j++) {
        if (indices[i][j] <= indices[i][j - 1]) {
          throw new IllegalArgumentException("vector " + i + ": indices not strictly increasing at " + j);
        }
      }
      total += indices[i].length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many nonzeros: " + total);
    }
    int[] all = new int[(int) total];
    int p = 0;
    for (int[] ix : indices) {
      System.arraycopy(ix, 0, all, p, ix.length);
      p += ix.length;
    }
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    features = Arrays.copyOf(all, distinct);
    int[] count = new int[distinct + 1];
    int[][] slot = new int[size][];
    for (int i = 0; i < size; i++) {
      slot[i] = new int[indices[i].length];
      for (int j = 0; j < indices[i].length; j++) {
        int f = Arrays.binarySearch(features, indices[i][j]);
        slot[i][j] = f;
        count[f + 1]++;
      }
    }
    for (int f = 0; f < distinct; f++) {
      count[f + 1] += count[f];
    }
    start = count.clone();
    int[] next = Arrays.copyOf(count, distinct);
    docs = new int[(int) total];
    weights = new double[(int) total];
    for (int i = 0; i < size; i++) { // ascending i: each posting list is in ascending document order
      for (int j = 0; j < indices[i].length; j++) {
        int t = next[slot[i][j]]++;
        docs[t] = i;
        weights[t] = values[i][j];
      }
    }
    dot = new double[size];
    touched = new boolean[size];
    touchedList = new int[size];
  }

  /** Number of indexed vectors. */
  public int size() {
    return size;
  }

  /**
   * The {@code k} nearest vectors to the query by {@code 1 - x.q}, nearest first, ties by lower index.
   *
   * @param qi the query's feature indices, strictly increasing
   * @param qv its values
   * @param k neighbours, {@code 1 <= k <= size()}
   * @param distances if not null, receives the neighbours' distances (length at least {@code k})
   * @return the neighbours' indices
   * @throws IllegalArgumentException if {@code k} is out of range
   * @throws IllegalStateException if fewer than {@code k} vectors are at a finite distance (a query
   *     with non-finite values)
   */
  public int[] nearest(int[] qi, double[] qv, int k, double[] distances) {
    if (k < 1 || k > size) {
      throw new IllegalArgumentException("k must be in [1, " + size + "], got " + k);
    }
    int nTouched = 0;
    try {
      for (int j = 0; j < qi.length; j++) {
        int f = Arrays.binarySearch(features, qi[j]);
        if (f < 0) {
          continue;
        }
        double w = qv[j];
        for (int t = start[f], end = start[f + 1]; t < end; t++) {
          int d = docs[t];
          if (!touched[d]) {
            touched[d] = true;
            touchedList[nTouched++] = d;
            dot[d] = 0;
          }
          dot[d] += weights[t] * w;
        }
      }
      // the k smallest (distance, index) among the touched: a max-heap of size <= k
      int[] heapDoc = new int[k];
      double[] heapDist = new double[k];
      int h = 0;
      for (int i = 0; i < nTouched; i++) {
        int d = touchedList[i];
        double dist = 1 - dot[d];
        if (!(dist < Double.MAX_VALUE)) {
          continue;
        }
        if (h < k) {
          heapDoc[h] = d;
          heapDist[h] = dist;
          siftUp(heapDoc, heapDist, h++);
        } else if (before(dist, d, heapDist[0], heapDoc[0])) {
          heapDoc[0] = d;
          heapDist[0] = dist;
          siftDown(heapDoc, heapDist, h);
        }
      }
      // heap sort: ascending (distance, index) in heapDoc[0 .. h)
      for (int last = h - 1; last > 0; last--) {
        swap(heapDoc, heapDist, 0, last);
        siftDown(heapDoc, heapDist, last);
      }
      // merged with the untouched, all at distance exactly 1 - 0 = 1, in index order
      int[] out = new int[k];
      int n = 0;
      int a = 0;
      int u = nextUntouched(0);
      while (n < k && (a < h || u < size)) {
        if (u >= size || (a < h && before(heapDist[a], heapDoc[a], 1.0, u))) {
          if (distances != null) {
            distances[n] = heapDist[a];
          }
          out[n++] = heapDoc[a++];
        } else {
          if (distances != null) {
            distances[n] = 1.0;
          }
          out[n++] = u;
          u = nextUntouched(u + 1);
        }
      }
      if (n < k) {
        throw new IllegalStateException("fewer than " + k + " vectors at a finite distance from the query");
      }
      return out;
    } finally {
      for (int i = 0; i < nTouched; i++) {
        touched[touchedList[i]] = false;
      }
    }
  }

  /** Whether (a, i) comes before (b, j): by distance as {@link Double#compare}, then by index. */
  private static boolean before(double a, int i, double b, int j) {
    int c = Double.compare(a, b);
    return c != 0 ? c < 0 : i < j;
  }

  private static void siftUp(int[] doc, double[] dist, int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(dist[parent], doc[parent], dist[i], doc[i])) {
        break;
      }
      swap(doc, dist, i, parent);
      i = parent;
    }
  }

  private static void siftDown(int[] doc, double[] dist, int n) {
    int i = 0;
    while (true) {
      int worst = i;
      int l = 2 * i + 1;
      int r = l + 1;
      if (l < n && before(dist[worst], doc[worst], dist[l], doc[l])) {
        worst = l;
      }
      if (r < n && before(dist[worst], doc[worst], dist[r], doc[r])) {
        worst = r;
      }
      if (worst == i) {
        return;
      }
      swap(doc, dist, i, worst);
      i = worst;
    }
  }

  private static void swap(int[] doc, double[] dist, int i, int j) {
    int t = doc[i];
    doc[i] = doc[j];
    doc[j] = t;
    double u = dist[i];
    dist[i] = dist[j];
    dist[j] = u;
  }

  private int nextUntouched(int from) {
    int d = from;
    while (d < size && touched[d]) {
      d++;
    }
    return d;
  }
}
