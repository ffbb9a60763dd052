package org.topicbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private static List<String> terms(String text) {
    return TokenizerConfig.DEFAULT.newTokenizer().tokenize(text);
  }

  @Test
  void documentedExamples() {
    assertEquals(List.of(), terms(""));
    assertEquals(List.of(), terms("  \t\n "));
    assertEquals(List.of("sadiq", "khan's", "on", "notice", "warning"), terms("Sadiq Khan's “on notice” warning"));
    assertEquals(List.of("don't", "co", "operate"), terms("Don’t co-operate!"));
    assertEquals(List.of("1,000", "and", "2.5", "at", "10pm", "3.14"), terms("£1,000 and 2.5% at 10pm, 3.14."));
    assertEquals(List.of("quoted", "officers", "1990's"), terms("'quoted' officers' 1990's"));
    assertEquals(List.of("café", "café", "cafe\u0301", "æsir", "i\u0307"), terms("Café CAFÉ Cafe\u0301 ÆSIR İ"));
    assertEquals(List.of("東京で", "2022年", "𝐀𝐁", "naïve"), terms("東京で 2022年 𝐀𝐁 🙂👍 naïve"));
    assertEquals(List.of("οδυσσευς"), terms("ΟΔΥΣΣΕΥΣ"));
    assertEquals(List.of("u", "s", "end", "next", "rock'n'roll"), terms("U.S. end.Next rock'n'roll"));
  }

  @Test
  void keepCaseMinLengthAndStopWords() {
    assertEquals(List.of("Khan's", "Met", "Police"),
        new TokenizerConfig(false, 1, Set.of()).newTokenizer().tokenize("Khan’s Met Police"));
    assertEquals(List.of("khan's", "commissioner"),
        new TokenizerConfig(true, 4, Set.of("police")).newTokenizer().tokenize("Khan's the Met Police commissioner"));
    assertThrows(IllegalArgumentException.class, () -> new TokenizerConfig(true, 0, Set.of()));
  }

  @Test
  void offsetsReproduceTheTokenAndResetRepeats() throws IOException {
    Tokenizer t = TokenizerConfig.DEFAULT.newTokenizer();
    for (Path f : articles()) {
      String text = Files.readString(f);
      List<String> first = new ArrayList<>();
      t.reset(text);
      int n = 0;
      while (t.next()) {
        String token = text.substring(t.start(), t.end());
        assertEquals(token.toLowerCase(Locale.ROOT).replace('’', '\''), t.term(), f + ": " + token);
        assertEquals(Tokenizer.hash(t.term()), t.termHash());
        assertTrue(t.termEquals(t.term()));
        first.add(t.start() + ":" + t.term());
        n++;
      }
      assertTrue(n > 300, f + " has " + n + " tokens");
      List<String> again = new ArrayList<>();
      t.reset(text);
      while (t.next()) {
        again.add(t.start() + ":" + t.term());
      }
      assertEquals(first, again, "reset gives the same tokens");
      char[] chars = text.toCharArray();
      List<String> viaArray = new ArrayList<>();
      t.reset(chars, 0, chars.length);
      while (t.next()) {
        viaArray.add(t.start() + ":" + t.term());
      }
      assertEquals(first, viaArray, "reset(char[]) gives the same tokens");
    }
  }

  @Test
  void tenMegabytesOfText() throws IOException {
    StringBuilder b = new StringBuilder();
    for (Path f : articles()) {
      b.append(Files.readString(f)).append('\n');
    }
    String one = b.toString();
    int perCopy = terms(one).size();
    int copies = 10_000_000 / one.length() + 1;
    String big = one.repeat(copies);
    Tokenizer t = TokenizerConfig.DEFAULT.newTokenizer().reset(big);
    int n = 0;
    int lastEnd = 0;
    while (t.next()) {
      assertTrue(t.start() >= lastEnd, "offsets increase");
      lastEnd = t.end();
      n++;
    }
    assertEquals((long) perCopy * copies, n);
    assertTrue(lastEnd > big.length() - 100, "reached the end of the 10 MB text");
    // and in batches: the same count and last offset
    t.reset(big);
    long batched = 0;
    int batchEnd = 0;
    for (int k; (k = t.nextBatch()) > 0; ) {
      assertTrue(t.batchStart(0) >= batchEnd, "offsets increase across batches");
      batchEnd = t.batchEnd(k - 1);
      batched += k;
    }
    assertEquals(n, batched, "nextBatch gives as many tokens as next()");
    assertEquals(lastEnd, batchEnd);
  }

  @Test
  void emptyAndSeparatorOnlyInputsGiveNoTokens() {
    Tokenizer t = TokenizerConfig.DEFAULT.newTokenizer();
    for (String s : List.of("", " ", "\n\n\t", " ".repeat(1000), "— – … “ ” ‘ ’ ' . , - !?", "🙂👍\uD800", "\u0301\u0301")) {
      assertFalse(t.reset(s).next(), s);
    }
    assertFalse(t.reset(new char[10], 3, 3).next());
  }

  @Test
  void asciiLowerCasingMatchesTheGeneralRule() {
    // every ASCII letter/digit alone, inside a short (fast path) and a long (loop) token
    for (char c = 0; c < 128; c++) {
      if (Character.isLetterOrDigit(c)) {
        String lower = String.valueOf(Character.toLowerCase(c));
        assertEquals(List.of(lower), terms(String.valueOf(c)));
        assertEquals(List.of("x" + lower + "y"), terms("x" + c + "y"));
        assertEquals(List.of("abcdefghij" + lower + "klm"), terms("abcdefghij" + c + "klm"));
      }
    }
  }

  @Test
  void longTokensGrowTheTermBuffer() {
    Tokenizer t = TokenizerConfig.DEFAULT.newTokenizer();
    for (int len : new int[] {63, 64, 65, 127, 128, 129, 200, 5000}) {
      String word = "Ab1".repeat(len).substring(0, len);
      for (String text : List.of(word, " " + word + " x", word + ".", word + "’s", "x " + word)) {
        assertEquals(ReferenceTokenizer.tokens(text, TokenizerConfig.DEFAULT),
            TokenizerAgreementTest.collect(t.reset(text)), len + ": " + text.length());
      }
    }
  }

  /** Each batch as "start-end:term" strings, in order. */
  private static List<List<String>> batches(Tokenizer t) {
    List<List<String>> out = new ArrayList<>();
    for (int n; (n = t.nextBatch()) > 0; ) {
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        batch.add(t.batchStart(i) + "-" + t.batchEnd(i) + ":"
            + new String(t.batchTermBuffer(), t.batchTermOffset(i), t.batchTermLength(i)));
      }
      out.add(batch);
    }
    return out;
  }

  @Test
  void nextBatchHandsOutAWindowsTokensAtOnce() {
    Tokenizer t = TokenizerConfig.DEFAULT.newTokenizer();
    assertEquals(List.of(), batches(t.reset("")));
    assertEquals(List.of(List.of("0-5:sadiq", "6-12:khan's", "14-16:on", "17-23:notice")),
        batches(t.reset("Sadiq Khan’s “on notice”")));
    // a token lower-cased by String.toLowerCase (İ: i + U+0307) comes alone, and so does every later
    // token of its window; the term of the batch of one is the contextual one
    assertEquals(List.of(List.of("0-1:a"), List.of("2-10:i\u0307stanbul"), List.of("11-12:b")),
        batches(t.reset("A \u0130stanbul B")));
    // a minimum length or stop words: every token alone (each is checked), and the skipped ones are absent
    Tokenizer min = new TokenizerConfig(true, 3, Set.of("the")).newTokenizer();
    assertEquals(List.of(List.of("0-5:sadiq"), List.of("13-17:khan")), batches(min.reset("Sadiq is the KHAN")));
    // 1,300 chars: one batch per 512-char window, a token across a window boundary in the later one
    String text = "abc ".repeat(127) + "longword " + "xy ".repeat(260);
    List<List<String>> b = batches(t.reset(text));
    assertEquals(ReferenceTokenizer.tokens(text, TokenizerConfig.DEFAULT).size(),
        b.stream().mapToInt(List::size).sum());
    assertEquals(3, b.size(), "batches of a 1,300-char text");
    assertTrue(b.get(1).get(0).endsWith(":longword"), b.get(1).get(0));
  }

  @Test
  void badRangeIsRejectedWithTheValues() {
    Tokenizer t = TokenizerConfig.DEFAULT.newTokenizer();
    var e = assertThrows(IndexOutOfBoundsException.class, () -> t.reset(new char[4], 3, 2));
    assertTrue(e.getMessage().contains("from=3, to=2"), e.getMessage());
  }

  private static List<Path> articles() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("datasets/articles"))) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }

  @Test
  void tokensStraddlingBlockBoundariesAgreeWithTheReference() {
    // the tokenizer reads 64-char blocks: put every kind of token at every position around the first two
    // block boundaries, after ASCII filler or after a token that runs up to it
    List<String> pieces = List.of("ab'cd", "Khan’s", "1,000", "2.5.7", "x.5", "e\u0301\u0301x", "\u0301e",
        "\uD835\uDC00\uD835\uDC01", "a\uD835\uDC00", "\uD801\uDC00x", "\u0130stanbul", "\u039F\u0394\u03A3",
        "caf\u00C9", "\uD800 x", "a\uDC00", "don''t", "'tis", "12,", "\u0661,\u0662");
    for (boolean kernel : TokenizerAgreementTest.kernels()) {
      for (TokenizerConfig config : List.of(TokenizerConfig.DEFAULT, new TokenizerConfig(false, 2, Set.of("ab'cd")))) {
        Tokenizer t = new Tokenizer(config, kernel);
        for (String piece : pieces) {
          for (String filler : List.of(" ", "w", "\u00E9")) {
            for (int at = 50; at < 140; at++) {
              String text = filler.repeat(at) + piece + " " + piece + filler.repeat(70);
              List<ReferenceTokenizer.Token> expected = ReferenceTokenizer.tokens(text, config);
              assertEquals(expected, TokenizerAgreementTest.collect(t.reset(text)),
                  () -> (kernel ? "vector" : "scalar") + " kernel, " + config + ": " + TokenizerAgreementTest.escape(text));
              assertEquals(expected, TokenizerAgreementTest.collectBatches(t.reset(text), new java.util.Random(at)),
                  () -> "nextBatch, " + (kernel ? "vector" : "scalar") + " kernel, " + config + ": "
                      + TokenizerAgreementTest.escape(text));
            }
          }
        }
      }
    }
  }
}
