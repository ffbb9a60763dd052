package org.topicbench.model;

import java.util.List;

/**
 * Training data handed to a {@link Learner}.
 *
 * @param texts the sentences
 * @param labels for each sentence, an index into {@code labelNames}
 * @param labelNames every label the model may predict, sorted; a label may have no training example
 */
public record TrainingSet(List<String> texts, int[] labels, List<String> labelNames) {
  public TrainingSet {
    texts = List.copyOf(texts);
    labelNames = List.copyOf(labelNames);
    if (texts.size() != labels.length) {
      throw new IllegalArgumentException(
          "texts and labels must have equal length, got " + texts.size() + " and " + labels.length);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= labelNames.size()) {
        throw new IllegalArgumentException(
            "labels[" + i + "] must be in [0, " + labelNames.size() + "), got " + labels[i]);
      }
    }
  }

  public int size() {
    return labels.length;
  }
}
