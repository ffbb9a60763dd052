package org.topicbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.topicbench.model.baseline.KeywordRules;
import org.topicbench.model.baseline.MajorityClass;
import org.topicbench.model.baseline.StratifiedRandom;
import org.topicbench.model.smile.SmileKnn;
import org.topicbench.model.smile.SmileLinearSvm;
import org.topicbench.model.smile.SmileLogisticRegression;
import org.topicbench.model.smile.SmileNaiveBayes;
import org.topicbench.model.smile.SmileRandomForest;
import org.topicbench.model.weka.WekaLearner;
import org.topicbench.model.weka.WekaLearners;

/** Every learner topicbench knows, in a fixed order, by stable name. */
public final class Learners {
  private Learners() {}

  /**
   * All learners of the default evaluation, in the order tables list them: baselines, then Smile, then
   * Weka, then the {@code -cues} variants of five text learners ({@link ExtraFeatures#LAYOUT_AND_RULES}:
   * layout features and the keyword rules' cues appended to the text features).
   */
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
    l.addAll(withExtras(ExtraFeatures.LAYOUT_AND_RULES));
    return List.copyOf(l);
  }

  /**
   * Learners known by name that the default evaluation leaves out: the {@code -layout} variants
   * ({@link ExtraFeatures#LAYOUT}), which show how much of the {@code -cues} variants' gain comes from
   * layout alone ({@code topicbench carry-over} reports them).
   */
  public static List<Learner> variants() {
    return withExtras(ExtraFeatures.LAYOUT);
  }

  /**
   * The five text learners that carry over best to unseen articles without extra features (Smile's
   * complement naive Bayes, logistic regression and linear SVM; Weka's SMO and logistic regression),
   * each with its default settings plus {@code extras}.
   */
  static List<Learner> withExtras(ExtraFeatures extras) {
    SmileNaiveBayes nb = new SmileNaiveBayes(SmileNaiveBayes.Variant.COMPLEMENT);
    SmileLogisticRegression logistic = new SmileLogisticRegression();
    SmileLinearSvm svm = new SmileLinearSvm();
    WekaLearner smo = WekaLearners.smo();
    WekaLearner wekaLogistic = WekaLearners.logistic();
    return List.of(
        new SmileNaiveBayes(SmileNaiveBayes.Variant.COMPLEMENT, nb.preprocessing().withExtras(extras), nb.smoothing()),
        new SmileLogisticRegression(logistic.preprocessing().withExtras(extras), logistic.options()),
        new SmileLinearSvm(svm.preprocessing().withExtras(extras), svm.c(), svm.tolerance(), svm.epochs()),
        smo.withPreprocessing(smo.preprocessing().withExtras(extras)),
        wekaLogistic.withPreprocessing(wekaLogistic.preprocessing().withExtras(extras)));
  }

  /** The learner called {@code name}, from {@link #all()} or {@link #variants()}. */
  public static Learner byName(String name) {
    for (Learner l : all()) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    for (Learner l : variants()) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "unknown learner '" + name + "'; known: "
            + Stream.concat(all().stream(), variants().stream()).map(Learner::name).collect(Collectors.joining(", ")));
  }
}
