package org.topicbench.data;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Deterministic synthetic corpora for scaling measurements: {@code n} sentences of four labels in
 * documents of 20, written as {@code id,doc,label,text} CSV. Each label draws most of its words from its
 * own Zipf-distributed vocabulary and the rest from a shared one, so that learners have something to
 * learn and vocabularies grow with the corpus as real ones do (Heaps' law); every document ends with one
 * of a few boilerplate lines, so near-duplicate clusters exist at every size. The same {@code n} and
 * {@code seed} give the same bytes (SplitMix64, no library randomness).
 */
public final class SyntheticCorpus {
  /** The labels, as the bundled corpus has them. */
  public static final List<String> LABELS = List.of("misconduct", "political_response", "partygate", "boilerplate");
  /** Sentences per document. */
  public static final int PER_DOCUMENT = 20;

  private static final String[] BOILERPLATE = {
    "Sign up to our daily newsletter for the latest news.",
    "Copyright 2022 all rights reserved.",
    "Follow us on social media for more updates.",
    "This article was amended on the day of publication."
  };

  private SyntheticCorpus() {}

  /** A SplitMix64 stream (the same constants as the evaluation's generator). */
  private static final class Mix {
    private long state;

    Mix(long seed) {
      state = seed;
    }

    long next() {
      long z = state += 0x9e3779b97f4a7c15L;
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      return z ^ (z >>> 31);
    }

    double unit() {
      return (next() >>> 11) * 0x1.0p-53;
    }

    int below(int bound) {
      return (int) ((next() >>> 33) % bound);
    }
  }

  /** A word: syllables from its index, so that every index gives a distinct, pronounceable token. */
  static String word(int prefix, int index) {
    String[] syl = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "po", "da", "fe", "gu", "hi", "ju", "qe"};
    StringBuilder b = new StringBuilder();
    b.append(syl[prefix % syl.length]);
    int i = index;
    do {
      b.append(syl[i % syl.length]);
      i /= syl.length;
    } while (i > 0);
    return b.toString();
  }

  /** A Zipf-like draw over {@code 1..size}: rank r with probability about 1/r. */
  private static int zipf(Mix m, int size) {
    // inverse of the continuous 1/x law on [1, size + 1)
    return (int) Math.floor(Math.exp(m.unit() * Math.log(size + 1.0))) - 1;
  }

  /**
   * Writes {@code n} sentences.
   *
   * @throws IllegalArgumentException when {@code n < 1}
   */
  public static void write(int n, long seed, Writer out) throws IOException {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    Mix m = new Mix(seed);
    // vocabularies grow with the corpus: about 30 n^0.5 words per label, as Heaps' law has it
    int labelVocabulary = Math.max(200, (int) (30 * Math.sqrt(n)));
    int sharedVocabulary = 4 * labelVocabulary;
    CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
    p.printRecord("id", "doc", "label", "text");
    List<String> words = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int doc = i / PER_DOCUMENT;
      int label;
      String text;
      if (i % PER_DOCUMENT == PER_DOCUMENT - 1) {
        label = 3;
        text = BOILERPLATE[m.below(BOILERPLATE.length)];
      } else {
        label = m.below(3);
        words.clear();
        int length = 8 + m.below(18);
        for (int w = 0; w < length; w++) {
          boolean own = m.unit() < 0.35;
          words.add(own ? word(label, zipf(m, labelVocabulary)) : word(7, zipf(m, sharedVocabulary)));
        }
        String first = words.getFirst();
        words.set(0, Character.toUpperCase(first.charAt(0)) + first.substring(1));
        text = String.join(" ", words) + ".";
      }
      p.printRecord("s" + i, "d" + doc, LABELS.get(label), text);
    }
    p.flush();
  }
}
