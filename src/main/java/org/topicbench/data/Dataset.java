package org.topicbench.data;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A labelled dataset as read from one file.
 *
 * @param name a short name for tables and run ids (the file name without extension)
 * @param file the file it was read from, as the user named it (relative paths stay relative)
 * @param sha256 hex SHA-256 of the file's bytes
 * @param examples the rows, in file order
 */
public record Dataset(String name, String file, String sha256, List<Example> examples) {
  public Dataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    examples = List.copyOf(examples);
  }

  /** The distinct labels, sorted. */
  public List<String> labels() {
    TreeSet<String> s = new TreeSet<>();
    for (Example e : examples) {
      s.add(e.label());
    }
    return List.copyOf(s);
  }

  public int size() {
    return examples.size();
  }
}
