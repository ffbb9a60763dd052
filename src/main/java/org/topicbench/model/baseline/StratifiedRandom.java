package org.topicbench.model.baseline;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.SplittableRandom;
import org.topicbench.model.Learner;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;

/**
 * Guesses a label at random with the training class frequencies; the probabilities are those
 * frequencies. The guess for a sentence depends only on the seed and the sentence's text (not on the
 * order of calls), so predictions are reproducible however evaluation schedules them; equal texts get
 * equal guesses.
 */
public final class StratifiedRandom implements Learner {
  @Override
  public String name() {
    return "baseline.stratified";
  }

  @Override
  public SequencedMap<String, String> hyperparameters() {
    SequencedMap<String, String> h = new LinkedHashMap<>();
    h.put("draw", "training class frequencies, seeded by (seed, text)");
    return h;
  }

  @Override
  public TrainedModel fit(TrainingSet train, long seed) {
    if (train.size() == 0) {
      throw new IllegalArgumentException(name() + ": the training set must not be empty");
    }
    int k = train.labelNames().size();
    double[] p = new double[k];
    for (int y : train.labels()) {
      p[y]++;
    }
    double[] cumulative = new double[k];
    double sum = 0;
    for (int c = 0; c < k; c++) {
      p[c] /= train.size();
      sum += p[c];
      cumulative[c] = sum;
    }
    return new Model(train.labelNames(), seed, p, cumulative);
  }

  /**
   * The fitted model.
   *
   * @param labelNames every label
   * @param seed the seed the guesses derive from
   * @param p the training class frequencies
   * @param cumulative their running sums
   */
  record Model(List<String> labelNames, long seed, double[] p, double[] cumulative) implements TrainedModel, Serializable {
    Model {
      labelNames = List.copyOf(labelNames);
      if (p.length != labelNames.size() || cumulative.length != p.length || p.length == 0) {
        throw new IllegalArgumentException("p and cumulative must have one entry per label");
      }
    }

    @Override
    public Prediction predict(String text) {
      int k = p.length;
      double u = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (text.hashCode() + 1L))).nextDouble();
      int label = k - 1;
      for (int c = 0; c < k; c++) {
        if (u < cumulative[c] && p[c] > 0) {
          label = c;
          break;
        }
      }
      while (p[label] == 0) {
        label--; // rounding left u at the top: take the last class that has examples
      }
      return new Prediction(label, p.clone());
    }
  }
}
