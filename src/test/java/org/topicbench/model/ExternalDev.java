package org.topicbench.model;

import java.util.ArrayList;
import java.util.List;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.Example;

/** The bundled external development set as training data, and a fixed split of it, for model tests. */
public final class ExternalDev {
  private ExternalDev() {}

  public static Dataset dataset() {
    return Datasets.read(Datasets.EXTERNAL_DEV);
  }

  /** Every row. */
  public static TrainingSet all() {
    return of(dataset().examples(), dataset().labels());
  }

  /** Rows whose position is not a multiple of 4: the training side of the fixed split. */
  public static TrainingSet train() {
    return of(part(false), dataset().labels());
  }

  /** Rows whose position is a multiple of 4: the test side of the fixed split. */
  public static List<Example> test() {
    return part(true);
  }

  private static List<Example> part(boolean test) {
    List<Example> all = dataset().examples();
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if ((i % 4 == 0) == test) {
        out.add(all.get(i));
      }
    }
    return out;
  }

  public static TrainingSet of(List<Example> examples, List<String> labelNames) {
    List<String> texts = new ArrayList<>();
    int[] labels = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      texts.add(examples.get(i).text());
      labels[i] = labelNames.indexOf(examples.get(i).label());
    }
    return new TrainingSet(texts, labels, labelNames);
  }

  public static List<String> texts(List<Example> examples) {
    return examples.stream().map(Example::text).toList();
  }
}
