package org.topicbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.topicbench.model.baseline.KeywordRules;
import org.topicbench.model.baseline.MajorityClass;
import org.topicbench.model.baseline.StratifiedRandom;
import org.topicbench.model.smile.SmileKnn;
import org.topicbench.model.smile.SmileLinearSvm;
import org.topicbench.model.smile.SmileLogisticRegression;
import org.topicbench.model.smile.SmileNaiveBayes;
import org.topicbench.model.smile.SmileRandomForest;
import org.topicbench.model.weka.WekaLearners;

/** Every learner topicbench knows, in a fixed order, by stable name. */
public final class Learners {
  private Learners() {}

  /** All learners, in the order tables list them: baselines, then Smile, then Weka. */
  public static List<Learner> all() {
    List<Learner> l = new ArrayList<>();
    l.add(new MajorityClass());
    l.add(new StratifiedRandom());
    l.add(new KeywordRules());
    l.add(new SmileNaiveBayes(SmileNaiveBayes.Variant.MULTINOMIAL));
    l.add(new SmileNaiveBayes(SmileNaiveBayes.Variant.COMPLEMENT));
    l.add(new SmileLogisticRegression());
    l.add(new SmileLinearSvm());
    l.add(new SmileRandomForest());
    l.add(new SmileKnn());
    l.addAll(WekaLearners.all());
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
