package org.topicbench.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The presets of {@link LearnerSpecs}, built: every learner topicbench knows by name, in a fixed order.
 */
public final class Learners {
  private Learners() {}

  private static final List<Learner> ALL =
      LearnerSpecs.presets().stream().filter(LearnerSpecs.Preset::inDefault).map(p -> LearnerSpecs.learner(p.name()))
          .toList();
  private static final List<Learner> VARIANTS =
      LearnerSpecs.presets().stream().filter(p -> !p.inDefault()).map(p -> LearnerSpecs.learner(p.name())).toList();

  /**
   * All learners of the default evaluation, in the order tables list them: baselines, then Smile, then
   * Weka, then the {@code -cues} variants of five text learners ({@link ExtraFeatures#LAYOUT_AND_RULES}:
   * layout features and the keyword rules' cues appended to the text features).
   */
  public static List<Learner> all() {
    return ALL;
  }

  /**
   * Learners known by name that the default evaluation leaves out: the {@code -layout} variants
   * ({@link ExtraFeatures#LAYOUT}), which show how much of the {@code -cues} variants' gain comes from
   * layout alone ({@code topicbench carry-over} reports them).
   */
  public static List<Learner> variants() {
    return VARIANTS;
  }

  /**
   * The preset called {@code name}, from {@link #all()} or {@link #variants()}.
   *
   * @throws IllegalArgumentException for a name that is not a preset
   */
  public static Learner byName(String name) {
    for (List<Learner> list : List.of(ALL, VARIANTS)) {
      for (Learner l : list) {
        if (l.name().equals(name)) {
          return l;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown learner '" + name + "'; known: "
            + LearnerSpecs.presets().stream().map(LearnerSpecs.Preset::name).collect(Collectors.joining(", ")));
  }

  /**
   * Whether {@code l}'s probabilities are fitted on out-of-fold predictions of its training data: a spec
   * with {@code calibration=} (not none), or a stack (its logistic meta-learner is fitted on the base
   * learners' out-of-fold probabilities).
   */
  public static boolean calibrated(Learner l) {
    Learner inner = l instanceof SpecLearner s ? s.inner() : l;
    return inner instanceof CalibratedLearner || inner instanceof StackedLearner;
  }
}
