package org.topicbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.topicbench.testsupport.Cli;

class SentenceSegmenterTest {
  private static final SentenceSegmenter EN = SentenceSegmenter.english();

  private static List<String> texts(String text) {
    List<Sentence> sentences = EN.segment(text);
    SentenceCoverage.check(text, sentences);
    return sentences.stream().map(Sentence::text).toList();
  }

  @Test
  void titlesAndAbbreviationsDoNotEndSentences() {
    assertEquals(
        List.of(
            "Mr. Khan met Dr. Jones at St. Paul's on Tuesday.",
            "Mrs. Smith and Ms. Brown were at No. 10 Downing Street.",
            "Prof. Green, Sgt. Pepper and Det. Supt. Jane Doe of the U.S. embassy agreed."),
        texts(
            "Mr. Khan met Dr. Jones at St. Paul's on Tuesday. Mrs. Smith and Ms. Brown were at"
                + " No. 10 Downing Street. Prof. Green, Sgt. Pepper and Det. Supt. Jane Doe of the"
                + " U.S. embassy agreed."));
  }

  @Test
  void titleFollowedByANoBreakSpaceOrTabStillDoesNotBreak() {
    assertEquals(List.of("He met Mr.\u00a0Khan and Dr.\tJones."), texts("He met Mr.\u00a0Khan and Dr.\tJones."));
  }

  @Test
  void withoutTheTitleSuppressionsIcuBreaksAfterDr() {
    SentenceSegmenter plain = SentenceSegmenter.of(Locale.ENGLISH, Set.of());
    assertEquals(2, plain.segment("He met Dr. Jones today.").size());
    SentenceSegmenter custom = SentenceSegmenter.of(Locale.ENGLISH, Set.of("Dr."));
    assertEquals(1, custom.segment("He met Dr. Jones today.").size());
    assertEquals(Set.of("Dr."), custom.extraSuppressions());
  }

  @Test
  void suppressionsMustBeWordsEndingWithAFullStop() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SentenceSegmenter.of(Locale.ENGLISH, List.of("Mr")));
    assertTrue(e.getMessage().contains("\"Mr\""), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SentenceSegmenter.of(Locale.ENGLISH, List.of(" Dr.")));
  }

  @Test
  void aSentenceNeverCrossesALineBreak() {
    List<Sentence> s = EN.segment("The first line has no end\nand the second line does.");
    assertEquals(2, s.size());
    assertEquals(1, s.get(0).line());
    assertEquals(2, s.get(1).line());
    assertEquals("and the second line does.", s.get(1).text());
  }

  @Test
  void aLineWithoutFinalPunctuationIsOneSentence() {
    assertEquals(
        List.of("Met chief: 'I won't quit. I'm staying' as row grows"),
        texts("Met chief: 'I won't quit. I'm staying' as row grows"));
    assertEquals(
        List.of(
            "Ben Kentish 10pm - 1am",
            "Read more: Boris Johnson 'faces 12k fines' as three more Tories call for him to go. See",
            "Read more:",
            "Police chief admits errors. Review ordered",
            "Photo by J. Smith on Unsplash"),
        texts(
            "Ben Kentish 10pm - 1am\n"
                + "Read more: Boris Johnson 'faces 12k fines' as three more Tories call for him to go. See\n"
                + "Read more:\n"
                + "Police chief admits errors. Review ordered\n"
                + "Photo by J. Smith on Unsplash"));
  }

  @Test
  void aLineEndingInAClosingBracketOrQuoteAfterATerminalIsSplit() {
    assertEquals(List.of("It rained.", "(It stopped.)"), texts("It rained. (It stopped.)"));
    assertEquals(List.of("It rained.", "It stopped ('briefly')"), texts("It rained.\nIt stopped ('briefly')"));
  }

  @Test
  void closingQuotesStayWithTheSentenceTheyClose() {
    assertEquals(
        List.of(
            "He said “it is bad.”",
            "Then he left.",
            "She said \"no.\"",
            "Then 'yes.'",
            "And ‘maybe.’",
            "“Really?”",
            "The end!\""),
        texts(
            "He said “it is bad.” Then he left. She said \"no.\" Then 'yes.' And ‘maybe.’ “Really?”"
                + " The end!\""));
  }

  @Test
  void anOpeningQuoteStartsTheNextSentence() {
    assertEquals(
        List.of("\"The mayor will not put up with this.", "“He has put the commissioner on notice.\""),
        texts("\"The mayor will not put up with this. “He has put the commissioner on notice.\""));
  }

  @Test
  void aQuestionOrExclamationFollowedByALowerCaseWordDoesNotBreak() {
    assertEquals(
        List.of("“Why?” he asked.", "“Go!” she said, and left.", "Nobody knew why?"),
        texts("“Why?” he asked. “Go!” she said, and left. Nobody knew why?"));
  }

  @Test
  void dashesNeitherBreakNorBlockABreak() {
    assertEquals(
        List.of(
            "Mr Khan - who acts as commissioner - spoke.",
            "Nine of those officers – you mentioned Charing Cross – are still serving.",
            "Then — quite suddenly — it ended.",
            "It was over–done."),
        texts(
            "Mr Khan - who acts as commissioner - spoke. Nine of those officers – you mentioned"
                + " Charing Cross – are still serving. Then — quite suddenly — it ended. It was over–done."));
  }

  @Test
  void ellipses() {
    assertEquals(
        List.of("Listen to this article", "Loading audio...", "Loading audio…", "He paused... and went on.", "It ended..."),
        texts(
            "Listen to this article\nLoading audio...\nLoading audio…\nHe paused... and went on. It"
                + " ended..."));
    assertEquals(List.of("Wait...", "The report came."), texts("Wait... The report came."));
  }

  @Test
  void spansAreTrimmedAndBlankLinesProduceNothing() {
    String text = "  \t\n  First one.   Second one.  \n\n \u00a0 \n\uFEFFThird.\u2003";
    List<Sentence> s = EN.segment(text);
    SentenceCoverage.check(text, s);
    assertEquals(
        List.of(new Sentence(2, 6, 16, "First one."), new Sentence(2, 19, 30, "Second one."), new Sentence(5, 39, 45, "Third.")),
        s);
  }

  @Test
  void crlfAndLoneCrAndUnicodeSeparatorsEndLines() {
    String text = "One.\r\nTwo. Three.\r\n\r\nFour\rFive\u2028Six\u2029Seven\u0085Eight.";
    List<Sentence> s = EN.segment(text);
    SentenceCoverage.check(text, s);
    assertEquals(
        List.of(
            new Sentence(1, 0, 4, "One."),
            new Sentence(2, 6, 10, "Two."),
            new Sentence(2, 11, 17, "Three."),
            new Sentence(4, 21, 25, "Four"),
            new Sentence(5, 26, 30, "Five"),
            new Sentence(6, 31, 34, "Six"),
            new Sentence(7, 35, 40, "Seven"),
            new Sentence(8, 41, 47, "Eight.")),
        s);
  }

  @Test
  void emptyAndBlankTextsHaveNoSentences() {
    assertEquals(List.of(), EN.segment(""));
    assertEquals(List.of(), EN.segment(" \n\r\n\t \u00a0\n"));
    assertEquals(List.of(new Sentence(1, 0, 1, "x")), EN.segment("x"));
  }

  @Test
  void sentenceRejectsInconsistentSpans() {
    assertThrows(IllegalArgumentException.class, () -> new Sentence(0, 0, 1, "x"));
    assertThrows(IllegalArgumentException.class, () -> new Sentence(1, 2, 2, ""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sentence(1, 0, 3, "x"));
    assertTrue(e.getMessage().contains("end - start = 3"), e.getMessage());
  }

  /** Random texts built from article-like pieces: every span reproduces the text and covers it once. */
  @Test
  void randomTextsAreCoveredExactlyOnce() {
    long seed = Cli.seed("SentenceSegmenterTest.randomTextsAreCoveredExactlyOnce");
    Random rnd = new Random(seed);
    String[] pieces = {
      "Mr.", "Dr.", "No.", "Khan", "said", "the", "Met", "police", "U.S.", "10", "2022,", ".", "!", "?", "...", "…",
      "\"", "“", "”", "'", "’", "(", ")", "–", "—", "-", ":", "é", "😀", "\u00a0", "\t", " ", " ", " ", " ", " ",
      "\n", "\r\n", "\r", "\u2029", "\uFEFF"
    };
    for (int round = 0; round < 2000; round++) {
      StringBuilder b = new StringBuilder();
      int n = rnd.nextInt(40);
      for (int i = 0; i < n; i++) {
        b.append(pieces[rnd.nextInt(pieces.length)]);
        if (rnd.nextInt(3) == 0) {
          b.append(' ');
        }
      }
      String text = b.toString();
      try {
        SentenceCoverage.check(text, EN.segment(text));
      } catch (AssertionError e) {
        throw new AssertionError("seed=" + seed + " round=" + round + " text=" + SentenceCoverage.escape(text), e);
      }
    }
  }

  /**
   * Lines ICU cannot break skip it ({@link SentenceSegmenter#noBreakInside}): the same sentences as asking ICU
   * about every line, on the articles and on random lines of terminators (ASCII, CJK, Arabic, double marks,
   * one outside the BMP), closing chars, spaces and words.
   */
  @Test
  void skippingIcuWhereItCannotBreakGivesWhatIcuGives() throws IOException {
    for (Path f : articles()) {
      String text = Files.readString(f);
      assertEquals(EN.segment(text, false), EN.segment(text, true), f.toString());
    }
    long seed = Cli.seed("SentenceSegmenterTest.skippingIcuWhereItCannotBreakGivesWhatIcuGives");
    Random rnd = new Random(seed);
    String[] pieces = {
      "Mr.", "Dr.", "No.", "U.S.", "e.g.", "3.5", "Khan", "said", "the", "police", "he", "It", ".", "!", "?", "...",
      "\u2026", "\u3002", "\u203C", "\u2047", "\u061F", "\u0964", "\uFF0E", "\uD804\uDC47", "\"", "\u201C", "\u201D",
      "'", "\u2019", "(", ")", "]", "\u00BB", "\u300D", "\u2013", "-", ":", ",", "\u00E9", "\uD83D\uDE00", "\u00A0",
      "\t", "\u000B", "\f", "\u200B", "\uFEFF", " ", " ", " ", "\n", "\u2029"
    };
    int skipped = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + rnd.nextInt(12);
      for (int i = 0; i < n; i++) {
        b.append(pieces[rnd.nextInt(pieces.length)]);
        if (rnd.nextInt(3) == 0) {
          b.append(' ');
        }
      }
      String text = b.toString();
      assertEquals(EN.segment(text, false), EN.segment(text, true),
          () -> "seed=" + seed + " text=" + SentenceCoverage.escape(text));
      String line = text.strip();
      if (!line.isEmpty() && line.indexOf('\n') < 0 && line.indexOf('\u2029') < 0
          && SentenceSegmenter.endsWithTerminal(line, 0, line.length()) && SentenceSegmenter.noBreakInside(line, 0, line.length())) {
        skipped++;
      }
    }
    assertTrue(skipped > 1000, skipped + " random lines skipped ICU");
  }

  /** The fast path's table of terminators and closing chars is ICU's Sentence_Break property, char by char. */
  @Test
  void theTerminatorTableIsIcusPropertyForEveryChar() {
    for (int c = 0; c < 65536; c++) {
      int sb = com.ibm.icu.lang.UCharacter.getIntPropertyValue(c, com.ibm.icu.lang.UProperty.SENTENCE_BREAK);
      byte expected = Character.isSurrogate((char) c) ? SentenceSegmenter.SentenceBreakKind.SURROGATE
          : sb == com.ibm.icu.lang.UCharacter.SentenceBreak.STERM || sb == com.ibm.icu.lang.UCharacter.SentenceBreak.ATERM
              ? SentenceSegmenter.SentenceBreakKind.TERM
          : sb == com.ibm.icu.lang.UCharacter.SentenceBreak.CLOSE ? SentenceSegmenter.SentenceBreakKind.CLOSE
          : SentenceSegmenter.SentenceBreakKind.OTHER;
      assertEquals(expected, SentenceSegmenter.SentenceBreakKind.KIND[c], "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void theFiveArticlesAreCoveredExactlyOnce() throws IOException {
    List<Path> files = articles();
    assertEquals(5, files.size(), "articles in datasets/articles");
    for (Path f : files) {
      String text = Files.readString(f);
      List<Sentence> s = EN.segment(text);
      SentenceCoverage.check(text, s);
      assertTrue(s.size() >= 10, f + " has only " + s.size() + " sentences");
    }
  }

  @Test
  void segmentingConcurrentlyGivesTheSameSentences() throws Exception {
    List<String> texts = new ArrayList<>();
    for (Path f : articles()) {
      texts.add(Files.readString(f));
    }
    List<List<Sentence>> expected = texts.stream().map(EN::segment).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Sentence>>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String t = texts.get(i % texts.size());
        futures.add(pool.submit(() -> EN.segment(t)));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(expected.get(i % texts.size()), futures.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void isSpaceIsItsDefinitionForEveryChar() {
    // the ASCII fast path must answer as the definition does
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      boolean expected = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
      assertEquals(expected, SentenceSegmenter.isSpace(c), () -> "U+" + Integer.toHexString(c));
    }
  }

  static List<Path> articles() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("datasets", "articles"))) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }
}
