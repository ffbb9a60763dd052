package org.topicbench.data;

import static org.topicbench.data.InputException.excerpt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks rows as a reader finds them and collects them as {@link Example}s. Every rule a row can break
 * is an {@link InputException} naming the file and the row's line; see {@link Datasets} for the rules.
 */
final class ExampleCollector {
  private final TextFile file;
  private final Set<String> labels;
  private final String labelSource;
  private final String groupName;
  private final List<Example> examples = new ArrayList<>();
  private final Map<String, Integer> idLines = new HashMap<>();

  /**
   * @param labels the allowed labels, or null to allow any label matching {@link Datasets#LABEL_PATTERN}
   * @param labelSource says where {@code labels} come from, for the error message
   * @param groupName the group column's name, quoted in the error message (null when rows are their own group)
   */
  ExampleCollector(TextFile file, Collection<String> labels, String labelSource, String groupName) {
    this.file = file;
    this.labels = labels == null ? null : new TreeSet<>(labels);
    this.labelSource = labelSource;
    this.groupName = groupName == null ? null : "'" + excerpt(groupName) + "'";
  }

  /**
   * Adds a row; {@code id} null means "use the row number", {@code group} null "the row is its own group".
   * Ids, groups and labels lose surrounding whitespace, the text is kept as it is.
   */
  void add(int line, String id, String group, String label, String text) {
    if (id == null) {
      id = Integer.toString(examples.size() + 1);
    } else {
      id = id.strip();
      if (id.isEmpty()) {
        throw fail(line, "empty id");
      }
    }
    Integer first = idLines.putIfAbsent(id, line);
    if (first != null) {
      throw fail(line, "duplicate id '" + excerpt(id) + "' (first used on line " + first + ")");
    }
    if (group == null) {
      group = id;
    } else {
      group = group.strip();
      if (group.isEmpty()) {
        throw fail(line, "empty " + groupName + " (the document this row belongs to)");
      }
    }
    label = label == null ? "" : label.strip();
    if (label.isEmpty()) {
      throw fail(line, "empty label");
    }
    if (labels != null) {
      if (!labels.contains(label)) {
        throw fail(line, "unknown label '" + excerpt(label) + "' (" + labelSource + " allows: "
            + excerpt(labels) + ")");
      }
    } else if (!Datasets.LABEL_PATTERN.matcher(label).matches()) {
      throw fail(line, "unknown label '" + excerpt(label, 60) + "' (" + Datasets.LABEL_RULE + ")");
    }
    if (text == null || text.isBlank()) {
      throw fail(line, "empty text");
    }
    examples.add(new Example(id, group, label, text));
  }

  /** The rows so far; an error naming the last line when there are none. */
  List<Example> examples(String where) {
    if (examples.isEmpty()) {
      throw fail(file.lineCount(), "empty dataset: no rows " + where);
    }
    return examples;
  }

  InputException fail(int line, String what) {
    return InputException.at(file.file, line, what);
  }
}
