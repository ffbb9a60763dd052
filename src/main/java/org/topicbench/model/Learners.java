package org.topicbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.topicbench.model.baseline.MajorityClass;

/** Every learner topicbench knows, in a fixed order, by stable name. */
public final class Learners {
  private Learners() {}

  /** All learners, in the order tables list them. */
  public static List<Learner> all() {
    List<Learner> l = new ArrayList<>();
    l.add(new MajorityClass());
    return List.copyOf(l);
  }

  /** The learner called {@code name}. */
  public static Learner byName(String name) {
    for (Learner l : all()) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "unknown learner '" + name + "'; known: " + all().stream().map(Learner::name).collect(Collectors.joining(", ")));
  }
}
