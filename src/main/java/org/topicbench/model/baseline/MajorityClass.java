package org.topicbench.model.baseline;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.topicbench.model.Learner;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;

/** Always predicts the most frequent training label (ties: the first label in sorted order). */
public final class MajorityClass implements Learner {
  @Override
  public String name() {
    return "baseline.majority";
  }

  @Override
  public SequencedMap<String, String> hyperparameters() {
    return new LinkedHashMap<>();
  }

  @Override
  public TrainedModel fit(TrainingSet train, long seed) {
    if (train.size() == 0) {
      throw new IllegalArgumentException(name() + ": the training set must not be empty");
    }
    int k = train.labelNames().size();
    int[] counts = new int[k];
    for (int y : train.labels()) {
      counts[y]++;
    }
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (counts[c] > counts[best]) {
        best = c;
      }
    }
    double[] p = new double[k];
    for (int c = 0; c < k; c++) {
      p[c] = (double) counts[c] / train.size();
    }
    return new Model(train.labelNames(), best, p);
  }

  /**
   * The fitted model: the label it always predicts and the training class frequencies.
   *
   * @param labelNames every label
   * @param label the majority label's index
   * @param p the class frequencies
   */
  record Model(List<String> labelNames, int label, double[] p) implements TrainedModel, Serializable {
    Model {
      labelNames = List.copyOf(labelNames);
      if (p.length != labelNames.size() || label < 0 || label >= p.length) {
        throw new IllegalArgumentException("label and p must fit the " + labelNames.size() + " labels");
      }
    }

    @Override
    public Prediction predict(String text) {
      return new Prediction(label, p.clone());
    }
  }
}
