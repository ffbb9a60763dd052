package org.topicbench.model.weka;

import java.io.Serial;
import java.util.Arrays;
import weka.core.Attribute;
import weka.core.EuclideanDistance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.RevisionUtils;
import weka.core.neighboursearch.LinearNNSearch;
import weka.core.neighboursearch.NearestNeighbourSearch;
import weka.core.neighboursearch.PerformanceStats;

/**
 * Weka's {@link LinearNNSearch} without the linear scan, for {@link EuclideanDistance} {@code -D} (no range
 * normalisation) on sparse numeric data: the same neighbours, found through an inverted index over the
 * training instances' nonzero values.
 *
 * <p>What "the same" means here: {@link LinearNNSearch} returns the {@code k} nearest instances plus every
 * instance tied with the {@code k}-th (its heap keeps them), nearest first, and Weka's distance is a sum of
 * squared differences over the union of both instances' attributes, in attribute order, whose rounding is
 * not that of {@code |q|^2 + |x|^2 - 2 q.x}. So no ranking by dot product alone can give Weka's neighbours
 * and ties exactly. This search instead:
 *
 * <ol>
 *   <li>accumulates the query's dot product with every training instance that shares a nonzero attribute
 *       with it, through the postings of the query's attributes (the others have dot product 0);
 *   <li>bounds every instance's Weka distance from below by {@code |q|^2 + |x|^2 - 2 q.x} minus a
 *       rounding-error margin ({@code 16 (n + 8) 2^-53 (|q|^2 + |x|^2)}, {@code n} the query's plus the most
 *       any training instance has nonzeros: four times a worst-case bound on both computations' errors);
 *   <li>computes Weka's distance (its {@code NormalizableDistance.distance} loop, step for step) for the
 *       instances in increasing order of that bound, untouched ones by their precomputed norm, until the
 *       next bound exceeds the {@code k}-th smallest distance computed;
 *   <li>returns every computed instance within that {@code k}-th distance: the same set, with the same
 *       distances, as the linear search.
 * </ol>
 *
 * <p>Neighbours are returned nearest first, instances at equal distance by ascending index. The linear search
 * orders equal distances by the history of its heap; {@code IBk}'s vote adds one weight per neighbour in this
 * order, so the two can differ, in the last bits of a probability, only where neighbours at exactly the same
 * distance have different instance weights (class weights); with equal weights (as {@code weka.ibk}) every
 * sum is the same sum. Instances identical (the same object) to the query are skipped, as the linear search
 * skips them for hold-one-out cross-validation.
 *
 * <p>The linear search also widens the distance function's ranges by every query ({@code addInstanceInfo}),
 * at O(attributes) a query plus O(instances x attributes) once to set them up: for EuclideanDistance -D,
 * ranges only enter distances with a missing value, so here they are kept pending in O(nonzeros) a query
 * and brought up to date, exactly, before anything else uses the distance function (the linear search for
 * a query the index does not cover, or another distance function being set).
 *
 * <p>A query tied with many instances at the {@code k}-th distance, or sharing a nonzero with fewer than
 * {@code k} instances, computes more distances (up to all of them, the linear search's cost). Any other
 * distance function, {@code EuclideanDistance} with normalisation or an attribute selection, a non-numeric
 * attribute, a missing value or a value outside {@code [1e-100, 1e100]} in magnitude is handed to a {@link
 * LinearNNSearch} with the same distance function: the same results by construction.
 */
public class InvertedIndexNNSearch extends NearestNeighbourSearch {
  @Serial private static final long serialVersionUID = 1L;

  private static final double U = 0x1p-53;
  private static final double TINY = 1e-100;
  private static final double HUGE = 1e100;

  /** The distances of the last query's neighbours, after {@code postProcessDistances}. */
  private double[] distances;
  /**
   * What the queries and updates since the distance function's ranges were last brought up to date would
   * have done to them; null when nothing is pending. Serialised with the search, so that a model read
   * back brings them up to date the same way.
   */
  private PendingRanges pending;

  /** The index; null (with {@code built}) when it does not cover the data or the distance function. */
  private transient Index index;
  /** Whether {@code index} is up to date with {@code m_Instances}: false after reading, setting or adding. */
  private transient boolean built;
  /** The linear search for what the index does not cover, made when first needed. */
  private transient LinearNNSearch linear;
  /** Weka distances the last query computed (-1: it went to the linear search); for tests. */
  transient int lastComputed;

  public InvertedIndexNNSearch() {}

  public InvertedIndexNNSearch(Instances insts) throws Exception {
    setInstances(insts);
  }

  @Override
  public String globalInfo() {
    return "Exact nearest neighbours for EuclideanDistance -D on sparse numeric data through an inverted index:"
        + " the neighbours (k nearest and every tie with the k-th) and distances of LinearNNSearch.";
  }

  @Override
  public void setInstances(Instances insts) throws Exception {
    m_Instances = insts;
    m_DistanceFunction.setInstances(insts); // ranges reset: what was pending no longer applies
    pending = null;
    built = false;
    index = null;
    linear = null;
  }

  @Override
  public void setDistanceFunction(weka.core.DistanceFunction df) throws Exception {
    flushRanges();
    super.setDistanceFunction(df);
    built = false;
    index = null;
    linear = null;
  }

  /** As {@link LinearNNSearch#update}: the distance function's ranges; the index is rebuilt when next used. */
  @Override
  public void update(Instance ins) throws Exception {
    if (m_Instances == null) {
      throw new Exception("No instances supplied yet. Cannot update without supplying a set of instances first.");
    }
    widenRanges(ins);
    built = false; // the instance is in m_Instances already (the same object as the classifier's)
    index = null;
  }

  /** As {@link LinearNNSearch#addInstanceInfo}: the query's values widen the distance function's ranges. */
  @Override
  public void addInstanceInfo(Instance ins) {
    if (m_Instances != null) {
      try {
        widenRanges(ins);
      } catch (RuntimeException ex) {
        ex.printStackTrace();
      }
    }
  }

  /**
   * {@code m_DistanceFunction.update(ins)}, as the linear search does for every query and added instance,
   * deferred when the distance function is one the index covers. Weka's update walks every attribute up to
   * the instance's last (O(attributes) per query, and O(instances x attributes) the first time, to set up
   * the ranges from the training data), for ranges that EuclideanDistance -D only reads for missing values,
   * which the index never computes a distance for. Deferred, it costs O(nonzeros) and is brought up to date
   * exactly ({@link #flushRanges}) before the distance function is used for anything else.
   */
  private void widenRanges(Instance ins) {
    if (!covered(m_DistanceFunction) || ins.numAttributes() != m_Instances.numAttributes()) {
      flushRanges();
      m_DistanceFunction.update(ins);
      return;
    }
    if (pending == null) {
      pending = new PendingRanges(m_Instances.numAttributes());
    }
    pending.add(ins);
  }

  /** Applies the pending range updates to the distance function's ranges, as Weka would have made them. */
  void flushRanges() {
    if (pending != null) {
      PendingRanges p = pending;
      pending = null;
      try {
        p.applyTo(((EuclideanDistance) m_DistanceFunction).getRanges());
      } catch (Exception e) {
        throw new IllegalStateException("cannot bring the distance function's ranges up to date", e);
      }
    }
  }

  /** Whether the index covers this distance function: exactly EuclideanDistance -D -R first-last. */
  private static boolean covered(weka.core.DistanceFunction f) {
    return f != null && f.getClass() == EuclideanDistance.class && ((EuclideanDistance) f).getDontNormalize()
        && !((EuclideanDistance) f).getInvertSelection()
        && "first-last".equals(((EuclideanDistance) f).getAttributeIndices());
  }

  @Override
  public Instance nearestNeighbour(Instance target) throws Exception {
    return kNearestNeighbours(target, 1).instance(0);
  }

  @Override
  public double[] getDistances() throws Exception {
    if (distances == null) {
      throw new Exception("No distances available. Please call either kNearestNeighbours or nearestNeighbours first.");
    }
    return distances;
  }

  @Override
  public Instances kNearestNeighbours(Instance target, int kNN) throws Exception {
    if (m_Instances == null) {
      throw new Exception("No instances supplied yet.");
    }
    if (!built || (index != null && index.size != m_Instances.numInstances())) {
      index = Index.of(m_Instances, m_DistanceFunction);
      built = true;
    }
    double[] q = index == null ? null : index.query(target);
    if (q == null) {
      flushRanges();
      if (linear == null) {
        linear = new Linear(m_Instances, m_DistanceFunction);
      }
      Instances out = linear.kNearestNeighbours(target, kNN);
      distances = linear.getDistances();
      lastComputed = -1;
      return out;
    }
    if (m_Stats != null) {
      m_Stats.searchStart();
    }
    Result r = index.search(target, q, kNN, m_Stats);
    if (m_Stats != null) {
      m_Stats.searchFinish();
    }
    lastComputed = r.computed;
    Instances neighbours = new Instances(m_Instances, r.docs.length);
    for (int d : r.docs) {
      neighbours.add(m_Instances.instance(d));
    }
    distances = r.distances;
    m_DistanceFunction.postProcessDistances(distances);
    return neighbours;
  }

  /**
   * The linear search on the same instances and the same distance function object, without {@code
   * setInstances} (which would reset the ranges the queries have widened).
   */
  private static final class Linear extends LinearNNSearch {
    @Serial private static final long serialVersionUID = 1L;

    Linear(Instances instances, weka.core.DistanceFunction distance) {
      m_Instances = instances;
      m_DistanceFunction = distance;
    }
  }

  private record Result(int[] docs, double[] distances, int computed) {}

  /** Postings of the training instances' nonzero values, their squared norms, and query scratch space. */
  private static final class Index {
    final int size;
    final int classIndex;
    final int numAttributes;
    final int[] start;
    final int[] docs;
    final double[] weights;
    final double[] norm2;
    /** Documents by ascending {@code norm2}, ties by index. */
    final int[] byNorm;
    final int maxNonzeros;
    final Instance[] rows;

    final double[] dot;
    final boolean[] touched;
    final int[] touchedList;

    private Index(Instances data, int[] start, int[] docs, double[] weights, double[] norm2, int maxNonzeros) {
      this.size = data.numInstances();
      this.classIndex = data.classIndex();
      this.numAttributes = data.numAttributes();
      this.start = start;
      this.docs = docs;
      this.weights = weights;
      this.norm2 = norm2;
      this.maxNonzeros = maxNonzeros;
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> {
        int c = Double.compare(norm2[a], norm2[b]);
        return c != 0 ? c : Integer.compare(a, b);
      });
      this.byNorm = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
      this.rows = new Instance[size];
      for (int i = 0; i < size; i++) {
        rows[i] = data.instance(i);
      }
      this.dot = new double[size];
      this.touched = new boolean[size];
      this.touchedList = new int[size];
    }

    /** The index of {@code data}, or null when the distance function or the data are not what it covers. */
    static Index of(Instances data, weka.core.DistanceFunction f) {
      if (data == null || !covered(f)) {
        return null;
      }
      int classIndex = data.classIndex();
      for (int a = 0; a < data.numAttributes(); a++) {
        if (a != classIndex && data.attribute(a).type() != Attribute.NUMERIC) {
          return null;
        }
      }
      int n = data.numInstances();
      int numAttributes = data.numAttributes();
      int[] count = new int[numAttributes + 1];
      double[] norm2 = new double[n];
      int maxNonzeros = 0;
      long total = 0;
      for (int i = 0; i < n; i++) {
        Instance row = data.instance(i);
        int nonzeros = 0;
        double s = 0;
        for (int p = 0; p < row.numValues(); p++) {
          int a = row.index(p);
          if (a == classIndex) {
            continue;
          }
          if (row.isMissingSparse(p)) {
            return null;
          }
          double v = row.valueSparse(p);
          if (v == 0) {
            continue;
          }
          if (!(Math.abs(v) >= TINY && Math.abs(v) <= HUGE)) {
            return null;
          }
          s += v * v;
          nonzeros++;
          count[a + 1]++;
        }
        norm2[i] = s;
        maxNonzeros = Math.max(maxNonzeros, nonzeros);
        total += nonzeros;
      }
      if (total > Integer.MAX_VALUE - 8) {
        return null;
      }
      for (int a = 0; a < numAttributes; a++) {
        count[a + 1] += count[a];
      }
      int[] start = count.clone();
      int[] next = Arrays.copyOf(count, numAttributes);
      int[] docs = new int[(int) total];
      double[] weights = new double[(int) total];
      for (int i = 0; i < n; i++) { // ascending i: every posting list in document order
        Instance row = data.instance(i);
        for (int p = 0; p < row.numValues(); p++) {
          int a = row.index(p);
          double v = row.valueSparse(p);
          if (a != classIndex && v != 0) {
            int t = next[a]++;
            docs[t] = i;
            weights[t] = v;
          }
        }
      }
      return new Index(data, start, docs, weights, norm2, maxNonzeros);
    }

    /**
     * The query's {@code {|q|^2, nonzeros}}, or null when it needs the linear search (a missing value, a
     * value out of range, an attribute outside the training data's).
     */
    double[] query(Instance target) {
      if (target.numAttributes() != numAttributes) {
        return null;
      }
      double s = 0;
      int nonzeros = 0;
      for (int p = 0; p < target.numValues(); p++) {
        int a = target.index(p);
        if (a == classIndex) {
          continue;
        }
        if (a < 0 || a >= numAttributes || target.isMissingSparse(p)) {
          return null;
        }
        double v = target.valueSparse(p);
        if (v == 0) {
          continue;
        }
        if (!(Math.abs(v) >= TINY && Math.abs(v) <= HUGE)) {
          return null;
        }
        s += v * v;
        nonzeros++;
      }
      return new double[] {s, nonzeros};
    }

    Result search(Instance target, double[] q, int k, PerformanceStats stats) {
      double qs = q[0];
      double margin = 16 * (q[1] + maxNonzeros + 8) * U;
      int nTouched = 0;
      try {
        for (int p = 0; p < target.numValues(); p++) {
          int a = target.index(p);
          double v = target.valueSparse(p);
          if (a == classIndex || v == 0) {
            continue;
          }
          for (int t = start[a], end = start[a + 1]; t < end; t++) {
            int d = docs[t];
            if (!touched[d]) {
              touched[d] = true;
              touchedList[nTouched++] = d;
              dot[d] = 0;
            }
            dot[d] += weights[t] * v;
          }
        }
        // the touched, a min-heap by lower bound
        int[] heapDoc = Arrays.copyOf(touchedList, nTouched);
        double[] heapLb = new double[nTouched];
        for (int i = 0; i < nTouched; i++) {
          int d = heapDoc[i];
          double sum = qs + norm2[d];
          heapLb[i] = (sum - 2 * dot[d]) - margin * sum;
        }
        int h = nTouched;
        for (int i = h / 2 - 1; i >= 0; i--) {
          siftDown(heapDoc, heapLb, i, h);
        }
        // the k smallest distances computed: a max-heap of distances
        double[] kth = new double[Math.max(1, k)];
        int nk = 0;
        int[] evalDoc = new int[16];
        double[] evalDist = new double[16];
        int ne = 0;
        int u = 0; // position in byNorm
        while (true) {
          while (u < size && touched[byNorm[u]]) {
            u++;
          }
          double untouchedLb = Double.POSITIVE_INFINITY;
          if (u < size) {
            double sum = qs + norm2[byNorm[u]];
            untouchedLb = sum - margin * sum;
          }
          double touchedLb = h > 0 ? heapLb[0] : Double.POSITIVE_INFINITY;
          if (u >= size && h == 0) {
            break;
          }
          double bound = nk < k ? Double.POSITIVE_INFINITY : kth[0];
          int d;
          if (touchedLb <= untouchedLb) {
            if (touchedLb > bound) {
              break;
            }
            d = heapDoc[0];
            heapDoc[0] = heapDoc[--h];
            heapLb[0] = heapLb[h];
            siftDown(heapDoc, heapLb, 0, h);
          } else {
            if (untouchedLb > bound) {
              break;
            }
            d = byNorm[u++];
          }
          if (rows[d] == target) { // the linear search skips the query itself (hold-one-out)
            continue;
          }
          if (stats != null) {
            stats.incrPointCount();
          }
          double dist = distance(target, rows[d]);
          if (ne == evalDoc.length) {
            evalDoc = Arrays.copyOf(evalDoc, 2 * ne);
            evalDist = Arrays.copyOf(evalDist, 2 * ne);
          }
          evalDoc[ne] = d;
          evalDist[ne++] = dist;
          if (nk < k) {
            kth[nk] = dist;
            siftUpMax(kth, nk++);
          } else if (dist < kth[0]) {
            kth[0] = dist;
            siftDownMax(kth, nk);
          }
        }
        double limit = nk < k ? Double.POSITIVE_INFINITY : kth[0];
        int kept = 0;
        for (int i = 0; i < ne; i++) {
          if (evalDist[i] <= limit) {
            evalDoc[kept] = evalDoc[i];
            evalDist[kept++] = evalDist[i];
          }
        }
        Integer[] order = new Integer[kept];
        for (int i = 0; i < kept; i++) {
          order[i] = i;
        }
        double[] ed = evalDist;
        int[] eo = evalDoc;
        Arrays.sort(order, (a, b) -> {
          int c = Double.compare(ed[a], ed[b]);
          return c != 0 ? c : Integer.compare(eo[a], eo[b]);
        });
        int[] outDoc = new int[kept];
        double[] outDist = new double[kept];
        for (int i = 0; i < kept; i++) {
          outDoc[i] = evalDoc[order[i]];
          outDist[i] = evalDist[order[i]];
        }
        return new Result(outDoc, outDist, ne);
      } finally {
        for (int i = 0; i < nTouched; i++) {
          touched[touchedList[i]] = false;
        }
      }
    }

    /**
     * {@code NormalizableDistance.distance(first, second, +infinity)} of EuclideanDistance -D -R first-last
     * on numeric attributes without missing values, step for step: the squared differences over the union of
     * both instances' attributes, in attribute order, the class skipped ({@code val1 - val2}, {@code 0 - val2}
     * or {@code val1 - 0}, each squared and added to the sum). The index covers only such data, so the
     * ranges Weka's version would set up first are not needed.
     */
    double distance(Instance first, Instance second) {
      double distance = 0;
      int n1 = first.numValues();
      int n2 = second.numValues();
      for (int p1 = 0, p2 = 0; p1 < n1 || p2 < n2; ) {
        int firstI = p1 >= n1 ? numAttributes : first.index(p1);
        int secondI = p2 >= n2 ? numAttributes : second.index(p2);
        if (firstI == classIndex) {
          p1++;
          continue;
        }
        if (secondI == classIndex) {
          p2++;
          continue;
        }
        double diff;
        if (firstI == secondI) {
          diff = first.valueSparse(p1) - second.valueSparse(p2);
          p1++;
          p2++;
        } else if (firstI > secondI) {
          diff = 0 - second.valueSparse(p2);
          p2++;
        } else {
          diff = first.valueSparse(p1) - 0;
          p1++;
        }
        distance = distance + diff * diff;
      }
      return distance;
    }

    private static void siftDown(int[] doc, double[] key, int i, int n) {
      while (true) {
        int l = 2 * i + 1;
        if (l >= n) {
          return;
        }
        int c = l + 1 < n && key[l + 1] < key[l] ? l + 1 : l;
        if (!(key[c] < key[i])) {
          return;
        }
        int td = doc[i];
        doc[i] = doc[c];
        doc[c] = td;
        double tk = key[i];
        key[i] = key[c];
        key[c] = tk;
        i = c;
      }
    }

    private static void siftUpMax(double[] h, int i) {
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!(h[i] > h[parent])) {
          return;
        }
        double t = h[i];
        h[i] = h[parent];
        h[parent] = t;
        i = parent;
      }
    }

    private static void siftDownMax(double[] h, int n) {
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= n) {
          return;
        }
        int c = l + 1 < n && h[l + 1] > h[l] ? l + 1 : l;
        if (!(h[c] > h[i])) {
          return;
        }
        double t = h[i];
        h[i] = h[c];
        h[c] = t;
        i = c;
      }
    }
  }

  /**
   * The effect of {@code NormalizableDistance.updateRanges(instance)} for a run of instances, kept in
   * O(nonzeros) each: for every explicit non-missing value, the attribute's min and max widen to it; every
   * attribute below the instance's last explicit one that it does not list has the value 0 (so min and max
   * widen to 0). Min and max do not depend on the order, and a width is {@code max - min} after the last
   * change, so applying them all at once gives Weka's ranges exactly.
   */
  private static final class PendingRanges implements java.io.Serializable {
    @Serial private static final long serialVersionUID = 1L;

    private final double[] min;
    private final double[] max;
    /** Instances whose last explicit attribute is {@code a}, at {@code a}. */
    private final int[] lastAt;
    /** Instances that list {@code a} explicitly and have a later explicit attribute, at {@code a}. */
    private final int[] listedBelowLast;

    PendingRanges(int numAttributes) {
      min = new double[numAttributes];
      max = new double[numAttributes];
      Arrays.fill(min, Double.POSITIVE_INFINITY);
      Arrays.fill(max, Double.NEGATIVE_INFINITY);
      lastAt = new int[numAttributes];
      listedBelowLast = new int[numAttributes];
    }

    void add(Instance ins) {
      int n = ins.numValues();
      if (n == 0) {
        return;
      }
      int last = ins.index(n - 1);
      lastAt[last]++;
      for (int p = 0; p < n; p++) {
        int a = ins.index(p);
        if (a < last) {
          listedBelowLast[a]++;
        }
        if (!ins.isMissingSparse(p)) {
          double v = ins.valueSparse(p);
          if (v < min[a]) {
            min[a] = v;
          }
          if (v > max[a]) {
            max[a] = v;
          }
        }
      }
    }

    /** Widens Weka's ranges ({@code [attribute][min, max, width]}) in place. */
    void applyTo(double[][] ranges) {
      int later = 0; // instances whose last explicit attribute is after a
      for (int a = min.length - 1; a >= 0; a--) {
        double[] r = ranges[a];
        double lo = r[EuclideanDistance.R_MIN];
        double hi = r[EuclideanDistance.R_MAX];
        boolean changed = false;
        if (later > listedBelowLast[a]) { // some instance has an implicit 0 here
          if (0 < lo) {
            lo = 0;
            changed = true;
          }
          if (0 > hi) {
            hi = 0;
            changed = true;
          }
        }
        if (min[a] < lo) {
          lo = min[a];
          changed = true;
        }
        if (max[a] > hi) {
          hi = max[a];
          changed = true;
        }
        if (changed) {
          r[EuclideanDistance.R_MIN] = lo;
          r[EuclideanDistance.R_MAX] = hi;
          r[EuclideanDistance.R_WIDTH] = hi - lo;
        }
        later += lastAt[a];
      }
    }
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }
}
