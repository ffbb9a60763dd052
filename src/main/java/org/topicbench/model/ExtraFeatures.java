package org.topicbench.model;

import java.util.Arrays;
import org.topicbench.feature.LayoutFeatures;
import org.topicbench.feature.SparseVector;
import org.topicbench.model.baseline.KeywordRules;
import org.topicbench.text.LowerCase;

/**
 * Features a {@link VectorLearner} can append to each sentence's text vector, after feature selection and
 * normalisation (they are never selected away nor rescaled): a fixed block of 0/1 values at indices
 * {@code [textDimension, textDimension + dimension())}. Nothing in them is fitted; the learner weighs them.
 */
public enum ExtraFeatures {
  /** Text features only. */
  NONE(0),
  /** The sentence's shape: {@link LayoutFeatures} (15 features). */
  LAYOUT(LayoutFeatures.NAMES.size()),
  /**
   * {@link LayoutFeatures} and the three cues of the keyword baseline's rules, each on its own
   * ({@link KeywordRules#cues}: furniture, the partygate vocabulary, the political-response vocabulary),
   * all written from the labelling rules; 18 features.
   */
  LAYOUT_AND_RULES(LayoutFeatures.NAMES.size() + 3);

  private final int dimension;

  ExtraFeatures(int dimension) {
    this.dimension = dimension;
  }

  /** Number of appended features. */
  public int dimension() {
    return dimension;
  }

  /** What a learner's name gets after a dash: {@code layout}, {@code cues} ({@code NONE}: nothing). */
  public String suffix() {
    return switch (this) {
      case NONE -> "";
      case LAYOUT -> "layout";
      case LAYOUT_AND_RULES -> "cues";
    };
  }

  /** As written in hyperparameters. */
  public String describe() {
    return switch (this) {
      case NONE -> "none";
      case LAYOUT -> "layout (" + LayoutFeatures.NAMES.size() + " binary: " + String.join(" ", LayoutFeatures.NAMES) + ")";
      case LAYOUT_AND_RULES ->
          "layout (" + LayoutFeatures.NAMES.size() + " binary: " + String.join(" ", LayoutFeatures.NAMES)
              + ") + baseline.rules cues (3 binary: furniture partygate political_response)";
    };
  }

  /** {@code v} (of dimension {@code offset}) with this block of {@code text}'s features appended. */
  SparseVector append(SparseVector v, int offset, String text) {
    if (this == NONE) {
      return v;
    }
    String s = text.strip();
    String lower = LowerCase.root(s);
    boolean[] layout = LayoutFeatures.flags(s, lower);
    boolean[] cues;
    if (this != LAYOUT_AND_RULES) {
      cues = NO_CUES;
    } else if (s.indexOf('\u2019') < 0 && s.indexOf('\u2018') < 0) {
      cues = KeywordRules.cues(s, lower); // the rules' text is this one
    } else if (s.indexOf('\u03A3') < 0 && s.indexOf('\u0130') < 0) {
      // the rules read curly single quotes as '; lower-casing maps both to themselves char by char (no
      // final sigma nor dotted I, the two that look at more than their char), so it commutes
      cues = KeywordRules.cues(s.replace('\u2019', '\'').replace('\u2018', '\''),
          lower.replace('\u2019', '\'').replace('\u2018', '\''));
    } else {
      cues = KeywordRules.cues(text);
    }
    int n = v.size();
    for (boolean b : layout) {
      n += b ? 1 : 0;
    }
    for (boolean c : cues) {
      n += c ? 1 : 0;
    }
    int[] idx = Arrays.copyOf(v.indices(), n);
    double[] val = Arrays.copyOf(v.values(), n);
    int k = v.size();
    for (int i = 0; i < layout.length; i++) {
      if (layout[i]) {
        idx[k] = offset + i;
        val[k++] = 1.0;
      }
    }
    int base = offset + layout.length;
    for (int i = 0; i < cues.length; i++) {
      if (cues[i]) {
        idx[k] = base + i;
        val[k++] = 1.0;
      }
    }
    return new SparseVector(idx, val);
  }

  private static final boolean[] NO_CUES = new boolean[0];
}
