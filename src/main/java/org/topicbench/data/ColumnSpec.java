package org.topicbench.data;

/**
 * Which columns of a CSV/TSV file (or attributes of an ARFF file) hold what. A {@code null} column means
 * "detect": text {@code text}, then {@code sentence}; label {@code label}, then {@code class}; id
 * {@code id} (else the row number, from 1); group {@code doc}, then {@code source}, then {@code group}
 * (else every row is its own group). Names match exactly, else the one column equal to the name ignoring
 * case. A column named here that the file lacks is an error that lists the columns the file has. In an
 * ARFF file the text must be a string attribute and the label a nominal one (see {@link Datasets}).
 *
 * @param text the text column
 * @param label the label column
 * @param group the grouping (document) column, optional
 * @param id the id column, optional
 */
public record ColumnSpec(String text, String label, String group, String id) {
  /** Detect every column. */
  public static final ColumnSpec DETECT = new ColumnSpec(null, null, null, null);
}
