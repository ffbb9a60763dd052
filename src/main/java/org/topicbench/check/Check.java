package org.topicbench.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.Set;
import org.topicbench.eval.Statistics;
import org.topicbench.check.CheckReport.Flips;
import org.topicbench.check.CheckReport.LearnerCheck;
import org.topicbench.check.CheckReport.MetricChange;
import org.topicbench.check.CheckReport.ProtocolCheck;
import org.topicbench.check.CheckReport.Status;
import org.topicbench.check.CheckReport.Verdict;
import org.topicbench.check.RunData.DatasetInfo;
import org.topicbench.check.RunData.Figures;
import org.topicbench.check.RunData.Key;
import org.topicbench.check.RunData.LearnerInfo;
import org.topicbench.check.RunData.Outcome;
import org.topicbench.check.RunData.ProtocolInfo;
import org.topicbench.check.RunData.Slot;

/**
 * Compares a run with the baseline: the accuracy regression check behind {@code topicbench check}.
 *
 * <p>Tracked metrics, per protocol and learner: {@code accuracy}, {@code macro_f1} (the pooled macro-F1,
 * the headline number) and {@code f1[<label>]} for every label. The check fails when
 * <ul>
 *   <li>a tracked metric drops by more than the tolerance ({@code now < baseline - tolerance});
 *   <li>a learner or a protocol of the baseline is missing (a learner left out by the filter is not);
 *   <li>a dataset's sha256 differs from the baseline's, unless that is allowed: the numbers would come
 *       from a different experiment;
 *   <li>the seed, the folds or the repetitions differ: a different experiment too.
 * </ul>
 * A metric defined on one side only (a label neither true nor predicted, so its F1 is NaN) is shown but
 * not tracked; macro-F1 already reflects it. Because the evaluation is deterministic, predictions are
 * paired by (repetition, dataset, id) and every flip is a real change; the exact McNemar test on the
 * sentences ({@link Flips#mcnemarP}) tells a two-sentence wobble from a systematic change.
 */
public final class Check {
  /**
   * Default tolerance: a tracked metric may drop by at most half a percentage point. The figures are a
   * deterministic function of the predictions, so any drop is a real change in predictions; this absorbs
   * only the smallest ones (one sentence in one repetition of kfold), and the flips are reported anyway.
   */
  public static final double DEFAULT_TOLERANCE = 0.005;

  /** Slack for comparing a change with the tolerance: figures carry 6 decimals. */
  private static final double EPS = 1e-9;

  private Check() {}

  /**
   * What to check.
   *
   * @param tolerance the largest drop of a tracked metric that passes, in [0, 1)
   * @param learners the learners to check, or null for every learner on either side
   * @param allowDatasetChange whether a dataset whose sha256 differs from the baseline's is only noted
   */
  public record Options(double tolerance, Set<String> learners, boolean allowDatasetChange) {
    public Options {
      if (!(tolerance >= 0 && tolerance < 1)) {
        throw new IllegalArgumentException("tolerance must be in [0, 1), got " + tolerance);
      }
      learners = learners == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(learners));
    }

    /** Default tolerance, every learner, datasets must match. */
    public static Options defaults() {
      return new Options(DEFAULT_TOLERANCE, null, false);
    }
  }

  /**
   * Compares {@code now} with {@code baseline}.
   *
   * @throws IllegalArgumentException when the learner filter names a learner on neither side
   */
  public static CheckReport compare(RunData baseline, RunData now, Options options) {
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    experiment(baseline, now, options, problems, notes);
    List<String> learners = learners(baseline, now, options, problems, notes);

    List<ProtocolCheck> protocols = new ArrayList<>();
    List<ProtocolInfo> order = new ArrayList<>();
    for (ProtocolInfo p : baseline.protocols()) {
      if (now.protocol(p.id()) != null) {
        order.add(p);
      }
    }
    for (ProtocolInfo p : now.protocols()) {
      if (baseline.protocol(p.id()) == null) {
        order.add(p);
      }
    }
    for (ProtocolInfo p : order) {
      ProtocolInfo bp = baseline.protocol(p.id());
      ProtocolInfo np = now.protocol(p.id());
      List<LearnerCheck> checks = new ArrayList<>();
      for (String name : learners) {
        LearnerCheck c = learner(baseline, now, bp, np, name, options.tolerance());
        if (c != null) {
          checks.add(c);
        }
      }
      protocols.add(new ProtocolCheck(p.id(), np.description(), checks));
      for (LearnerCheck c : checks) {
        if (c.flips() != null && !c.flips().any()
            && c.metrics().stream().anyMatch(m -> m.verdict() != Verdict.SAME)) {
          notes.add(p.id() + " " + c.learner() + ": figures differ but no prediction changed: the metric code or the"
              + " baseline's files changed");
        }
      }
    }
    return new CheckReport(baseline, now, options.tolerance(), protocols, problems, notes);
  }

  /** Seed, protocols, folds, repetitions and datasets: is it the same experiment? */
  private static void experiment(RunData baseline, RunData now, Options options, List<String> problems,
      List<String> notes) {
    if (baseline.seed() != now.seed()) {
      problems.add("seed " + now.seed() + " differs from the baseline's " + baseline.seed() + ": a different experiment");
    }
    // dataset differences, keyed by what changed, listing the protocols it affects
    Map<String, List<String>> datasetChanges = new LinkedHashMap<>();
    for (ProtocolInfo bp : baseline.protocols()) {
      ProtocolInfo np = now.protocol(bp.id());
      if (np == null) {
        problems.add("protocol " + bp.id() + " is in the baseline but not in this run");
        continue;
      }
      if (bp.folds() != np.folds() || bp.repeats() != np.repeats()) {
        problems.add(bp.id() + " runs " + np.folds() + " folds x " + np.repeats() + " repetitions, the baseline "
            + bp.folds() + " x " + bp.repeats() + ": a different experiment");
      }
      int n = Math.max(bp.datasets().size(), np.datasets().size());
      for (int i = 0; i < n; i++) {
        DatasetInfo bd = i < bp.datasets().size() ? bp.datasets().get(i) : null;
        DatasetInfo nd = i < np.datasets().size() ? np.datasets().get(i) : null;
        if (bd != null && nd != null && bd.name().equals(nd.name()) && bd.sha256().equals(nd.sha256())) {
          continue;
        }
        String what;
        if (bd == null || nd == null || !bd.name().equals(nd.name())) {
          what = "uses dataset " + describe(nd) + " where the baseline used " + describe(bd);
        } else {
          what = "dataset " + nd.file() + " has sha256 " + shortSha(nd.sha256()) + ", the baseline's had "
              + shortSha(bd.sha256());
          if (nd.examples() != bd.examples()) {
            what += " (" + nd.examples() + " sentences, were " + bd.examples() + ")";
          }
        }
        datasetChanges.computeIfAbsent(what, k -> new ArrayList<>()).add(bp.id());
      }
    }
    for (Map.Entry<String, List<String>> e : datasetChanges.entrySet()) {
      String line = e.getKey() + " [" + String.join(", ", e.getValue()) + "]";
      if (options.allowDatasetChange()) {
        notes.add(line + ": compared anyway (--allow-dataset-change)");
      } else {
        problems.add(line + ": a different experiment; re-baseline with --update, or compare anyway with"
            + " --allow-dataset-change");
      }
    }
    for (ProtocolInfo np : now.protocols()) {
      if (baseline.protocol(np.id()) == null) {
        notes.add("protocol " + np.id() + " is new: not in the baseline");
      }
    }
  }

  private static String describe(DatasetInfo d) {
    return d == null ? "none" : d.file() + " (sha256 " + shortSha(d.sha256()) + ")";
  }

  private static String shortSha(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  /** The learners to compare, baseline order then new ones; notes and problems about the sets. */
  private static List<String> learners(RunData baseline, RunData now, Options options, List<String> problems,
      List<String> notes) {
    List<String> b = baseline.learnerNames();
    List<String> n = now.learnerNames();
    Set<String> filter = options.learners();
    if (filter != null) {
      for (String f : filter) {
        if (!b.contains(f) && !n.contains(f)) {
          throw new IllegalArgumentException(
              "learner '" + f + "' is neither in the baseline (" + String.join(", ", b) + ") nor in this run ("
                  + String.join(", ", n) + ")");
        }
      }
    }
    Set<String> all = new LinkedHashSet<>(b);
    all.addAll(n);
    List<String> order = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String name : all) {
      (filter == null || filter.contains(name) ? order : skipped).add(name);
    }
    for (String name : order) {
      LearnerInfo bl = baseline.learner(name);
      LearnerInfo nl = now.learner(name);
      if (nl == null) {
        problems.add("learner " + name + " is in the baseline but not in this run");
      } else if (bl == null) {
        notes.add("learner " + name + " is new: not in the baseline");
      } else if (!bl.hyperparameters().equals(nl.hyperparameters())) {
        notes.add("learner " + name + " has new hyperparameters: " + hyperDiff(bl.hyperparameters(), nl.hyperparameters()));
      }
    }
    if (!skipped.isEmpty()) {
      notes.add("not checked (not selected): " + String.join(", ", skipped));
    }
    return order;
  }

  private static String hyperDiff(SequencedMap<String, String> b, SequencedMap<String, String> n) {
    Set<String> keys = new LinkedHashSet<>(b.keySet());
    keys.addAll(n.keySet());
    List<String> parts = new ArrayList<>();
    for (String k : keys) {
      String bv = b.get(k);
      String nv = n.get(k);
      if (!Objects.equals(bv, nv)) {
        parts.add(k + " " + (bv == null ? "(none)" : bv) + " -> " + (nv == null ? "(none)" : nv));
      }
    }
    return String.join(", ", parts);
  }

  /** One learner under one protocol, or null when it is on neither side of this protocol. */
  private static LearnerCheck learner(RunData baseline, RunData now, ProtocolInfo bp, ProtocolInfo np, String name,
      double tolerance) {
    Figures bf = bp == null ? null : baseline.figures().get(new Key(bp.id(), name));
    Figures nf = now.figures().get(new Key(np.id(), name));
    if (bf == null && nf == null) {
      return null;
    }
    Set<String> labels = new LinkedHashSet<>();
    if (bp != null) {
      labels.addAll(bp.labels());
    }
    labels.addAll(np.labels());
    List<MetricChange> metrics = new ArrayList<>();
    metrics.add(metric("accuracy", bf == null ? null : bf.accuracy(), nf == null ? null : nf.accuracy(), tolerance));
    metrics.add(metric("macro_f1", bf == null ? null : bf.macroF1(), nf == null ? null : nf.macroF1(), tolerance));
    for (String label : labels) {
      metrics.add(metric("f1[" + label + "]", bf == null ? null : bf.f1().get(label),
          nf == null ? null : nf.f1().get(label), tolerance));
    }
    if (bf == null) {
      return new LearnerCheck(np.id(), name, Status.NEW, metrics, null);
    }
    if (nf == null) {
      return new LearnerCheck(np.id(), name, Status.REMOVED, metrics, null);
    }
    Flips flips =
        flips(baseline.predictions().get(new Key(bp.id(), name)), now.predictions().get(new Key(np.id(), name)),
            nf.repetitions());
    Set<Verdict> verdicts = new LinkedHashSet<>();
    metrics.forEach(m -> verdicts.add(m.verdict()));
    Status status;
    if (verdicts.contains(Verdict.DROP)) {
      status = Status.DROPPED;
    } else if (verdicts.contains(Verdict.UP) && !verdicts.contains(Verdict.DOWN)) {
      status = Status.IMPROVED;
    } else if (verdicts.stream().anyMatch(v -> v != Verdict.SAME) || flips.any()) {
      status = Status.CHANGED;
    } else {
      status = Status.UNCHANGED;
    }
    return new LearnerCheck(np.id(), name, status, metrics, flips);
  }

  private static MetricChange metric(String name, Double baseline, Double now, double tolerance) {
    if (baseline == null || now == null) {
      return new MetricChange(name, baseline == null ? Double.NaN : baseline, now == null ? Double.NaN : now,
          Verdict.ONE_SIDED);
    }
    Verdict v;
    if (Double.isNaN(baseline) || Double.isNaN(now)) {
      v = Double.isNaN(baseline) && Double.isNaN(now) ? Verdict.SAME : Verdict.UNDEFINED;
    } else {
      double d = now - baseline;
      if (d < -tolerance - EPS) {
        v = Verdict.DROP;
      } else if (d < 0) {
        v = Verdict.DOWN;
      } else if (d > 0) {
        v = Verdict.UP;
      } else {
        v = Verdict.SAME;
      }
    }
    return new MetricChange(name, baseline, now, v);
  }

  /** Pairs predictions by slot; see {@link Flips}. */
  static Flips flips(Map<Slot, Outcome> baseline, Map<Slot, Outcome> now, int repetitions) {
    int paired = 0;
    int unpaired = 0;
    int rightToWrong = 0;
    int wrongToRight = 0;
    int other = 0;
    Map<List<String>, int[]> correct = new LinkedHashMap<>();
    for (Map.Entry<Slot, Outcome> e : baseline.entrySet()) {
      Outcome b = e.getValue();
      Outcome n = now.get(e.getKey());
      if (n == null) {
        unpaired++;
        continue;
      }
      paired++;
      if (b.correct() && !n.correct()) {
        rightToWrong++;
      } else if (!b.correct() && n.correct()) {
        wrongToRight++;
      } else if (!b.predicted().equals(n.predicted())) {
        other++;
      }
      int[] c = correct.computeIfAbsent(List.of(e.getKey().dataset(), e.getKey().id()), k -> new int[2]);
      c[0] += b.correct() ? 1 : 0;
      c[1] += n.correct() ? 1 : 0;
    }
    for (Slot s : now.keySet()) {
      if (!baseline.containsKey(s)) {
        unpaired++;
      }
    }
    int worse = 0;
    int better = 0;
    for (int[] c : correct.values()) {
      if (c[0] > c[1]) {
        worse++;
      } else if (c[1] > c[0]) {
        better++;
      }
    }
    return new Flips(paired, correct.size(), repetitions, unpaired, rightToWrong, wrongToRight, other, worse, better,
        Statistics.mcnemarExactP(worse, better));
  }
}
