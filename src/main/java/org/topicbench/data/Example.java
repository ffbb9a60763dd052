package org.topicbench.data;

import java.util.Objects;

/**
 * One labelled sentence.
 *
 * @param id unique within its dataset
 * @param group the document it comes from (an article file, or an external article's source);
 *     folds never split a group when a protocol groups by document
 * @param label one of the dataset's labels
 * @param text the sentence
 */
public record Example(String id, String group, String label, String text) {
  public Example {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(text, "text");
  }
}
