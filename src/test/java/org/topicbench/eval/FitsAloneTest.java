package org.topicbench.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerSpecs;
import org.topicbench.model.StackedLearner;
import org.topicbench.model.smile.SmileMetaLogistic;

/**
 * A learner that wraps others (calibrated, tuned, stacked) fits alone when a learner it fits does, so an
 * evaluation runs smile.logistic inside a calibration, a grid or a stack one fold at a time as it runs it bare.
 */
class FitsAloneTest {
  @Test
  void wrappersFitAloneWhenALearnerTheyFitDoes() {
    Learner logistic = LearnerSpecs.learner("smile.logistic");
    Learner knn = LearnerSpecs.learner("smile.knn");
    assertTrue(logistic.fitsAlone());
    assertFalse(knn.fitsAlone());
    assertTrue(LearnerSpecs.learner("smile.logistic-cues-platt").fitsAlone(), "calibrated logistic");
    assertFalse(LearnerSpecs.learner("smile.svm-linear-cues-platt").fitsAlone(), "calibrated svm");
    String metric = TunedLearner.METRICS.get(0);
    assertTrue(new TunedLearner("t", "smile.logistic lambda=0.01|0.1",
        LearnerSpecs.grid("smile.logistic lambda=0.01|0.1", null), 2, metric).fitsAlone(), "tuned logistic");
    assertFalse(new TunedLearner("t", "smile.knn k=1|3", LearnerSpecs.grid("smile.knn k=1|3", null), 2, metric)
        .fitsAlone(), "tuned knn");
    assertTrue(new StackedLearner("st", List.of(knn, logistic), 3, new SmileMetaLogistic(0.01)).fitsAlone(),
        "stack with a logistic base");
    assertFalse(new StackedLearner("st", List.of(knn, knn), 3, new SmileMetaLogistic(0.01)).fitsAlone(),
        "stack of knn");
  }
}
