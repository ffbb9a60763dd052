package org.topicbench.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of {@link Check#compare}: per protocol and learner, each tracked metric in the baseline and
 * now, the predictions that flipped, and the verdict.
 *
 * @param baseline the baseline that was compared against
 * @param now the run that was checked
 * @param tolerance the largest drop of a tracked metric that still passes
 * @param protocols per protocol present in the baseline or now (baseline order, new ones last)
 * @param problems one line each: what fails the check besides metric drops (a removed learner or
 *     protocol, a changed dataset or experiment)
 * @param notes other differences a reader should know about (new learners, changed hyperparameters,
 *     learners left out by a filter, a dataset change that was allowed)
 */
public record CheckReport(
    RunData baseline,
    RunData now,
    double tolerance,
    List<ProtocolCheck> protocols,
    List<String> problems,
    List<String> notes) {

  public CheckReport {
    protocols = List.copyOf(protocols);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /** Whether the check passes (exit 0): no problem and no metric dropped beyond the tolerance. */
  public boolean passed() {
    return problems.isEmpty() && drops().isEmpty();
  }

  /** Whether anything differs from the baseline: a figure, a prediction, a learner, a dataset. */
  public boolean changed() {
    if (!problems.isEmpty() || !notes.isEmpty()) {
      return true;
    }
    for (ProtocolCheck p : protocols) {
      for (LearnerCheck l : p.learners()) {
        if (l.status() != Status.UNCHANGED) {
          return true;
        }
      }
    }
    return false;
  }

  /** Tracked metrics that dropped by more than the tolerance: each fails the check. */
  public List<Moved> drops() {
    return moved(Verdict.DROP);
  }

  /**
   * One phrase per learner that fails the check, in report order: {@code "t.words (dropped: kfold, split)"}
   * or {@code "t.gone (removed)"}.
   */
  public List<String> failingLearners() {
    Map<String, Set<String>> dropped = new LinkedHashMap<>();
    Set<String> removed = new LinkedHashSet<>();
    for (ProtocolCheck p : protocols) {
      for (LearnerCheck l : p.learners()) {
        if (l.status() == Status.DROPPED) {
          dropped.computeIfAbsent(l.learner(), k -> new LinkedHashSet<>()).add(p.protocol());
        } else if (l.status() == Status.REMOVED) {
          removed.add(l.learner());
        }
      }
    }
    List<String> out = new ArrayList<>();
    dropped.forEach((l, ps) -> out.add(l + " (dropped: " + String.join(", ", ps) + ")"));
    removed.forEach(l -> out.add(l + " (removed)"));
    return out;
  }

  /** Tracked metrics that went up. */
  public List<Moved> improvements() {
    return moved(Verdict.UP);
  }

  private List<Moved> moved(Verdict v) {
    return protocols.stream()
        .flatMap(p -> p.learners().stream())
        .flatMap(l -> l.metrics().stream().filter(m -> m.verdict() == v).map(m -> new Moved(l, m)))
        .toList();
  }

  /** A tracked metric of a learner under a protocol that moved. */
  public record Moved(LearnerCheck learner, MetricChange metric) {}

  /** One protocol's comparison. */
  public record ProtocolCheck(String protocol, String description, List<LearnerCheck> learners) {
    public ProtocolCheck {
      learners = List.copyOf(learners);
    }
  }

  /**
   * One learner under one protocol.
   *
   * @param protocol the protocol id
   * @param learner the learner's name
   * @param status the verdict for this learner
   * @param metrics the tracked metrics: accuracy, macro-F1 (pooled), then F1 per label
   * @param flips how its predictions changed; null for a learner on one side only
   */
  public record LearnerCheck(String protocol, String learner, Status status, List<MetricChange> metrics, Flips flips) {
    public LearnerCheck {
      metrics = List.copyOf(metrics);
    }
  }

  /** A learner's verdict under one protocol. */
  public enum Status {
    /** Every figure and every prediction as in the baseline. */
    UNCHANGED("unchanged"),
    /** Something differs, but no metric went up and none dropped beyond the tolerance. */
    CHANGED("changed, within tolerance"),
    /** A metric went up and none dropped beyond the tolerance. */
    IMPROVED("improved"),
    /** A metric dropped by more than the tolerance. */
    DROPPED("DROPPED"),
    /** Not in the baseline. */
    NEW("new: not in the baseline"),
    /** In the baseline but not now. */
    REMOVED("REMOVED: in the baseline, not in this run");

    private final String text;

    Status(String text) {
      this.text = text;
    }

    /** How tables show it. */
    public String text() {
      return text;
    }
  }

  /** How one metric moved. */
  public enum Verdict {
    /** Equal (or NaN in both). */
    SAME(""),
    /** Went up. */
    UP("up"),
    /** Went down by at most the tolerance. */
    DOWN("down, within tolerance"),
    /** Went down by more than the tolerance: fails the check. */
    DROP("DROP"),
    /** Defined on one side only (a label neither true nor predicted on the other): not tracked. */
    UNDEFINED("undefined on one side"),
    /** Present on one side only (new or removed learner or label). */
    ONE_SIDED("");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    /** How tables mark it. */
    public String text() {
      return text;
    }
  }

  /**
   * A tracked metric in the baseline and now.
   *
   * @param metric {@code accuracy}, {@code macro_f1} (pooled) or {@code f1[<label>]}
   * @param baseline the baseline's value, NaN when undefined or absent
   * @param now the value now, NaN when undefined or absent
   * @param verdict how it moved
   */
  public record MetricChange(String metric, double baseline, double now, Verdict verdict) {
    /** {@code now - baseline}; NaN when either is. */
    public double change() {
      return now - baseline;
    }
  }

  /**
   * How a learner's out-of-fold predictions changed between the baseline and now, paired by (repetition,
   * dataset, id).
   *
   * @param paired predictions present on both sides
   * @param sentences distinct sentences among them
   * @param repetitions repetitions of the protocol (now)
   * @param unpaired predictions present on one side only (only when a dataset changed)
   * @param rightToWrong predictions right in the baseline and wrong now
   * @param wrongToRight predictions wrong in the baseline and right now
   * @param otherChanges predictions that changed from one wrong label to another
   * @param sentencesWorse sentences predicted right in fewer repetitions now than in the baseline
   * @param sentencesBetter sentences predicted right in more repetitions now
   * @param mcnemarP the exact McNemar p-value on the sentences: {@code Statistics.mcnemarExactP(worse,
   *     better)}; with one repetition, the textbook exact McNemar test on the paired predictions
   */
  public record Flips(
      int paired,
      int sentences,
      int repetitions,
      int unpaired,
      int rightToWrong,
      int wrongToRight,
      int otherChanges,
      int sentencesWorse,
      int sentencesBetter,
      double mcnemarP) {
    /** Whether any prediction differs. */
    public boolean any() {
      return rightToWrong + wrongToRight + otherChanges + unpaired > 0;
    }
  }
}
