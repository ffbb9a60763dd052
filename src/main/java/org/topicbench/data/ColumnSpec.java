package org.topicbench.data;

/**
 * Which columns of a CSV/TSV hold what. A {@code null} column means "detect": text {@code text};
 * label {@code label}; id {@code id} (else the row number); group {@code doc}, then {@code source},
 * then {@code group} (else every row is its own group).
 *
 * @param text the text column
 * @param label the label column
 * @param group the grouping (document) column, optional
 * @param id the id column, optional
 */
public record ColumnSpec(String text, String label, String group, String id) {
  public static final ColumnSpec DETECT = new ColumnSpec(null, null, null, null);
}
