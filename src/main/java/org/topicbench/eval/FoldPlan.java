package org.topicbench.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.topicbench.data.Dataset;
import org.topicbench.data.Example;
import org.topicbench.data.Folds;
import org.topicbench.data.InputException;
import org.topicbench.data.NearDuplicates;
import org.topicbench.data.Seeds;

/**
 * The examples of one protocol and every fold they are split into, computed once so that every learner
 * sees exactly the same folds.
 *
 * <p>Near-duplicate clusters come from {@link NearDuplicates#clusters} over all examples of the
 * protocol (every dataset, in order). The rules:
 * <ul>
 *   <li>{@code kfold}: {@link Folds#stratifiedGroupKFold} with the near-duplicate cluster as the group,
 *       so sentences of one article may sit on both sides but a repeated sentence never does; a fresh
 *       shuffle per repetition, seeded {@code Seeds.derive(seed, "folds", "kfold", repetition)}.
 *   <li>{@code loo-doc}: one fold per document, in order of first appearance; training sentences that
 *       nearly repeat a held-out sentence are left out of that fold's training set ({@link Fold#purged}).
 *   <li>{@code split}: one fold, training on the first dataset and testing on the second; nothing is
 *       purged (a published train/test pair stays as published), but the test sentences with a
 *       near-duplicate in training are counted in {@link #testNearDuplicatesOfTrain}.
 *   <li>{@code pooled}: as {@code kfold} over all datasets, but grouped by document (keyed by dataset and
 *       group), and, as in {@code loo-doc}, training sentences that nearly repeat a test sentence are
 *       purged. (Grouping by "document or cluster" instead would let one shared boilerplate line chain
 *       every document into a single group.)
 * </ul>
 *
 * @param spec what was asked for
 * @param examples every example of every dataset, in dataset then file order
 * @param datasetIndex for each example, the index of its dataset in {@code spec.datasets()}
 * @param labels for each example, its index into {@code labelNames}
 * @param labelNames the labels, sorted; for {@code split} those of the training set
 * @param clusters near-duplicate cluster per example, dense from 0 in order of first appearance
 * @param clusterSizes size of each example's cluster
 * @param folds every fold, by repetition then fold index
 * @param scored examples that are predicted (every example, or the test set of {@code split}), ascending
 * @param testNearDuplicatesOfTrain test examples having a near-duplicate in their fold's training set
 * @param warnings messages for the user about the data (never silently changed settings)
 */
public record FoldPlan(
    ProtocolSpec spec,
    List<Example> examples,
    int[] datasetIndex,
    int[] labels,
    List<String> labelNames,
    int[] clusters,
    int[] clusterSizes,
    List<Fold> folds,
    int[] scored,
    int testNearDuplicatesOfTrain,
    List<String> warnings) {

  public FoldPlan {
    examples = List.copyOf(examples);
    labelNames = List.copyOf(labelNames);
    folds = List.copyOf(folds);
    warnings = List.copyOf(warnings);
  }

  public Protocol protocol() {
    return spec.protocol();
  }

  /** Number of repetitions. */
  public int repeats() {
    return spec.repeats();
  }

  /** Folds per repetition. */
  public int foldsPerRepetition() {
    return folds.size() / spec.repeats();
  }

  /** Examples whose near-duplicate cluster has two or more members. */
  public int multiMemberSentences() {
    int n = 0;
    for (int s : clusterSizes) {
      n += s > 1 ? 1 : 0;
    }
    return n;
  }

  /** Near-duplicate clusters with two or more members. */
  public int multiMemberClusters() {
    Set<Integer> c = new HashSet<>();
    for (int i = 0; i < clusters.length; i++) {
      if (clusterSizes[i] > 1) {
        c.add(clusters[i]);
      }
    }
    return c.size();
  }

  /**
   * The name of the dataset example {@code i} comes from; when two datasets of the protocol share a
   * name, the second is called {@code name#2}, and so on, so that (dataset, id) stays a key.
   */
  public String datasetName(int i) {
    List<Dataset> ds = spec.datasets();
    int d = datasetIndex[i];
    String name = ds.get(d).name();
    int same = 0;
    for (int j = 0; j < d; j++) {
      same += ds.get(j).name().equals(name) ? 1 : 0;
    }
    return same == 0 ? name : name + "#" + (same + 1);
  }

  /** The seed that shuffles repetition {@code r} of a repeated protocol. */
  public static long foldSeed(long seed, Protocol protocol, int repetition) {
    return Seeds.derive(seed, "folds", protocol.id(), repetition);
  }

  /**
   * Builds the folds of {@code spec}.
   *
   * @throws InputException when the data cannot support the protocol (an empty dataset, more folds than
   *     groups, test labels the training set lacks)
   */
  public static FoldPlan of(ProtocolSpec spec, long seed) {
    for (Dataset d : spec.datasets()) {
      if (d.examples().isEmpty()) {
        throw new InputException(d.file() + ": no labelled examples");
      }
    }
    List<Example> examples = new ArrayList<>();
    List<Integer> dsIndex = new ArrayList<>();
    for (int d = 0; d < spec.datasets().size(); d++) {
      for (Example e : spec.datasets().get(d).examples()) {
        examples.add(e);
        dsIndex.add(d);
      }
    }
    int n = examples.size();
    int[] datasetIndex = dsIndex.stream().mapToInt(Integer::intValue).toArray();
    List<String> warnings = new ArrayList<>();

    TreeSet<String> labelSet = new TreeSet<>();
    if (spec.protocol() == Protocol.SPLIT) {
      Dataset train = spec.datasets().get(0);
      Dataset test = spec.datasets().get(1);
      labelSet.addAll(train.labels());
      TreeSet<String> missing = new TreeSet<>(test.labels());
      missing.removeAll(labelSet);
      if (!missing.isEmpty()) {
        throw new InputException(
            test.file() + ": test labels absent from the training set " + train.file() + ": "
                + String.join(", ", missing));
      }
    } else {
      for (Example e : examples) {
        labelSet.add(e.label());
      }
    }
    List<String> labelNames = List.copyOf(labelSet);
    Map<String, Integer> labelIndex = new LinkedHashMap<>();
    for (String l : labelNames) {
      labelIndex.put(l, labelIndex.size());
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = labelIndex.get(examples.get(i).label());
    }
    if (labelNames.size() < 2) {
      warnings.add(
          spec.datasets().getFirst().file() + ": only one label (" + labelNames.getFirst()
              + "): every learner predicts it");
    }

    int[] clusters = NearDuplicates.clusters(examples);
    int[] clusterCount = new int[Folds.count(clusters)];
    for (int c : clusters) {
      clusterCount[c]++;
    }
    int[] clusterSizes = new int[n];
    for (int i = 0; i < n; i++) {
      clusterSizes[i] = clusterCount[clusters[i]];
    }
    List<String> docKeys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      docKeys.add(datasetIndex[i] + "\u0000" + examples.get(i).group());
    }
    int[] docs = Folds.dense(docKeys);

    List<Fold> folds = new ArrayList<>();
    int[] scored;
    switch (spec.protocol()) {
      case SPLIT -> {
        int nTrain = spec.datasets().get(0).size();
        int[] train = range(0, nTrain);
        scored = range(nTrain, n);
        folds.add(new Fold(0, 0, train, scored, "", 0));
      }
      case LOO_DOC -> {
        int g = Folds.count(docs);
        if (g < 2) {
          throw new InputException(
              spec.datasets().getFirst().file() + ": loo-doc needs at least 2 documents (groups), found " + g);
        }
        String[] names = new String[g];
        for (int i = n - 1; i >= 0; i--) {
          names[docs[i]] = examples.get(i).group();
        }
        folds.addAll(foldsOf(0, docs, g, clusters, names));
        scored = range(0, n);
        warnSingleDocumentLabels(spec, labelNames, labels, docs, warnings);
      }
      case KFOLD, POOLED -> {
        int[] groups = spec.protocol() == Protocol.KFOLD ? clusters : docs;
        int g = Folds.count(groups);
        int k = spec.folds();
        String unit = spec.protocol() == Protocol.KFOLD ? "near-duplicate clusters" : "documents";
        String files = String.join(" + ", spec.datasets().stream().map(Dataset::file).toList());
        if (k < 2) {
          throw new InputException("--folds must be at least 2, got " + k);
        }
        if (spec.repeats() < 1) {
          throw new InputException("--repeats must be at least 1, got " + spec.repeats());
        }
        if (k > g) {
          throw new InputException(
              files + ": --folds " + k + " is more than the " + g + " " + unit + " of its " + n + " sentences");
        }
        int[] perLabel = new int[labelNames.size()];
        for (int y : labels) {
          perLabel[y]++;
        }
        for (int c = 0; c < perLabel.length; c++) {
          if (perLabel[c] < k) {
            warnings.add(
                String.format(
                    Locale.ROOT,
                    "%s: label '%s' has %d sentences, fewer than the %d folds: %d test folds per repetition"
                        + " hold none of it (folds and k unchanged; see macro_f1_fold_mean)",
                    files, labelNames.get(c), perLabel[c], k, k - perLabel[c]));
          }
        }
        for (int r = 0; r < spec.repeats(); r++) {
          int[] foldOf =
              Folds.stratifiedGroupKFold(labels, labelNames.size(), groups, k, foldSeed(seed, spec.protocol(), r));
          folds.addAll(foldsOf(r, foldOf, k, clusters, null));
        }
        scored = range(0, n);
      }
      default -> throw new AssertionError(spec.protocol());
    }

    int overlap = 0;
    for (Fold f : folds) {
      Set<Integer> trainClusters = new HashSet<>();
      for (int i : f.train()) {
        trainClusters.add(clusters[i]);
      }
      for (int i : f.test()) {
        overlap += trainClusters.contains(clusters[i]) ? 1 : 0;
      }
    }
    return new FoldPlan(
        spec, examples, datasetIndex, labels, labelNames, clusters, clusterSizes, folds, scored, overlap, warnings);
  }

  /** Folds {@code 0..k-1} of one repetition: test = fold members; train = the rest minus test clusters. */
  private static List<Fold> foldsOf(int repetition, int[] foldOf, int k, int[] clusters, String[] groupNames) {
    List<Fold> out = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      Set<Integer> testClusters = new HashSet<>();
      int nTest = 0;
      for (int i = 0; i < foldOf.length; i++) {
        if (foldOf[i] == f) {
          testClusters.add(clusters[i]);
          nTest++;
        }
      }
      int[] test = new int[nTest];
      int[] train = new int[foldOf.length - nTest];
      int t = 0;
      int s = 0;
      int purged = 0;
      for (int i = 0; i < foldOf.length; i++) {
        if (foldOf[i] == f) {
          test[t++] = i;
        } else if (testClusters.contains(clusters[i])) {
          purged++;
        } else {
          train[s++] = i;
        }
      }
      out.add(
          new Fold(
              repetition, f, Arrays.copyOf(train, s), test, groupNames == null ? "" : groupNames[f], purged));
    }
    return out;
  }

  private static void warnSingleDocumentLabels(
      ProtocolSpec spec, List<String> labelNames, int[] labels, int[] docs, List<String> warnings) {
    for (int c = 0; c < labelNames.size(); c++) {
      Set<Integer> in = new HashSet<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          in.add(docs[i]);
        }
      }
      if (in.size() == 1) {
        warnings.add(
            spec.datasets().getFirst().file() + ": label '" + labelNames.get(c)
                + "' occurs in one document only: when it is held out, no training sentence has that label");
      }
    }
  }

  private static int[] range(int from, int to) {
    int[] a = new int[to - from];
    for (int i = 0; i < a.length; i++) {
      a[i] = from + i;
    }
    return a;
  }
}
