package org.topicbench.model;

import java.util.List;

/** A trained classifier. Not required to be thread-safe. */
public interface TrainedModel {
  /** The labels it predicts into, in index order (the training set's {@code labelNames}). */
  List<String> labelNames();

  Prediction predict(String text);

  default Prediction[] predictAll(List<String> texts) {
    Prediction[] out = new Prediction[texts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = predict(texts.get(i));
    }
    return out;
  }
}
