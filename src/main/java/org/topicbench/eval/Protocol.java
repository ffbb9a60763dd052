package org.topicbench.eval;

import java.util.Locale;

/** How examples are split into training and test sets; see {@link FoldPlan} for the exact rules. */
public enum Protocol {
  /** Leave one document (group) out; near-duplicates of the held-out sentences leave training too. */
  LOO_DOC("loo-doc"),
  /** Repeated stratified k-fold grouped by near-duplicate cluster. */
  KFOLD("kfold"),
  /** Train on one dataset, test on another. */
  SPLIT("split"),
  /** Several datasets together, repeated stratified k-fold grouped by document (and cluster). */
  POOLED("pooled");

  private final String id;

  Protocol(String id) {
    this.id = id;
  }

  /** The name used on the command line and in result files, e.g. {@code loo-doc}. */
  public String id() {
    return id;
  }

  /** The protocol called {@code id} (case-insensitive). */
  public static Protocol of(String id) {
    for (Protocol p : values()) {
      if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("protocol must be one of loo-doc, kfold, split, pooled; got '" + id + "'");
  }

  /** Whether it has several folds of one dataset repeated with fresh shuffles. */
  public boolean repeated() {
    return this == KFOLD || this == POOLED;
  }

  @Override
  public String toString() {
    return id;
  }
}
