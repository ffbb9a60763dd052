package org.topicbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.topicbench.Topicbench;
import org.topicbench.data.ColumnSpec;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.InputException;
import picocli.CommandLine.Option;

/**
 * The options that say which columns of a dataset hold what, shared by every command that reads one
 * (add with {@code @Mixin DatasetOptions columns;}). Unset options are detected as {@link ColumnSpec}
 * describes.
 */
public final class DatasetOptions {
  @Option(
      names = "--text-column",
      paramLabel = "NAME",
      description = "Column (ARFF: string attribute) with the text (default: text, then sentence).")
  String text;

  @Option(
      names = "--label-column",
      paramLabel = "NAME",
      description = "Column (ARFF: nominal attribute) with the label (default: label, then class; ARFF: the last attribute).")
  String label;

  @Option(
      names = "--group-column",
      paramLabel = "NAME",
      description = "Column with the document each sentence comes from (default: doc, then source, then group; none: every sentence is its own document).")
  String group;

  @Option(
      names = "--id-column",
      paramLabel = "NAME",
      description = "Column with a unique sentence id (default: id; none: the row number).")
  String id;

  /** The columns as given (null parts are detected). */
  public ColumnSpec columns() {
    return new ColumnSpec(text, label, group, id);
  }

  /** Reads {@code file} with these columns; a missing bundled corpus gets a hint about the working folder. */
  public Dataset read(Path file) {
    if (file.equals(Datasets.SENTENCES) && !Files.exists(Topicbench.locate(file))) {
      throw InputException.of(
          file, "no such file (the default dataset, relative to the current folder: run from the repository root or name a DATASET)");
    }
    return Datasets.read(file, columns());
  }
}
