package org.topicbench.label;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.topicbench.data.Dataset;
import org.topicbench.data.Example;
import org.topicbench.model.TrainingSet;

/** The training data of a label model: datasets pooled, in order, over the union of their labels (sorted). */
public final class TrainingData {
  private TrainingData() {}

  /** {@code datasets} as one training set. */
  public static TrainingSet of(List<Dataset> datasets) {
    TreeSet<String> labels = new TreeSet<>();
    for (Dataset d : datasets) {
      labels.addAll(d.labels());
    }
    List<String> names = List.copyOf(labels);
    List<String> texts = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (Dataset d : datasets) {
      for (Example e : d.examples()) {
        texts.add(e.text());
        y.add(names.indexOf(e.label()));
      }
    }
    return new TrainingSet(texts, y.stream().mapToInt(Integer::intValue).toArray(), names);
  }
}
