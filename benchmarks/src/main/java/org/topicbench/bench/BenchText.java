package org.topicbench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The benchmark inputs, read from the bundled articles (one paragraph per line). */
final class BenchText {
  /** Size the tokenizer benchmarks' text is repeated to: 1 MiB of chars. */
  static final int TARGET_CHARS = 1 << 20;

  private BenchText() {}

  /** The articles of {@code dir} (sorted by file name), joined by newlines. */
  static String articles(String dir) {
    StringBuilder b = new StringBuilder();
    for (Path f : files(dir)) {
      try {
        b.append(Files.readString(f, StandardCharsets.UTF_8).strip()).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return b.toString();
  }

  /** The articles repeated whole until the text has at least {@link #TARGET_CHARS} chars. */
  static String repeatedArticles(String dir) {
    String one = articles(dir);
    return one.repeat((TARGET_CHARS + one.length() - 1) / one.length());
  }

  /** Every non-blank paragraph of the articles, in file order. */
  static List<String> paragraphs(String dir) {
    List<String> out = new ArrayList<>();
    for (String line : articles(dir).split("\n")) {
      if (!line.isBlank()) {
        out.add(line);
      }
    }
    return out;
  }

  /**
   * Every sentence of the articles, as {@link java.text.BreakIterator}'s English sentence rules split
   * the paragraphs (a benchmark input, not the project's sentence splitter).
   */
  static List<String> sentences(String dir) {
    List<String> out = new ArrayList<>();
    java.text.BreakIterator it = java.text.BreakIterator.getSentenceInstance(java.util.Locale.UK);
    for (String p : paragraphs(dir)) {
      it.setText(p);
      for (int start = it.first(), end = it.next(); end != java.text.BreakIterator.DONE; start = end, end = it.next()) {
        String s = p.substring(start, end).strip();
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private static List<Path> files(String dir) {
    Path d = Path.of(dir);
    if (!Files.isDirectory(d)) {
      throw new IllegalArgumentException("articles must be a folder of *.txt files (run from the repository root"
          + " or pass -p articles=DIR), got " + d.toAbsolutePath());
    }
    try (Stream<Path> s = Files.list(d)) {
      List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalArgumentException("articles folder has no *.txt file: " + d.toAbsolutePath());
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
