package org.topicbench.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The token definition of {@link Tokenizer}, written as plainly as possible from {@link Character}
 * methods and {@link String#toLowerCase(Locale)}, slow on purpose: the fast path must agree with it.
 */
final class ReferenceTokenizer {
  /** A token: its offsets in the text and its term. */
  record Token(int start, int end, String term) {}

  private ReferenceTokenizer() {}

  static List<Token> tokens(String text, TokenizerConfig config) {
    int[] cps = text.codePoints().toArray();
    int[] offset = new int[cps.length + 1]; // char offset of each code point
    for (int i = 0; i < cps.length; i++) {
      offset[i + 1] = offset[i] + Character.charCount(cps[i]);
    }
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < cps.length) {
      if (!isWord(cps[i])) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < cps.length) {
        int c = cps[j];
        boolean hasNext = j + 1 < cps.length;
        if (isWord(c) || isMark(c)) {
          j++;
        } else if ((c == '\'' || c == '\u2019') && hasNext && isWord(cps[j + 1])) {
          j += 2;
        } else if ((c == '.' || c == ',') && Character.isDigit(cps[j - 1]) && hasNext && Character.isDigit(cps[j + 1])) {
          j += 2;
        } else {
          break;
        }
      }
      String token = text.substring(offset[i], offset[j]);
      String term = config.lowerCase() ? token.toLowerCase(Locale.ROOT) : token;
      term = term.replace('\u2019', '\'');
      if (term.length() >= config.minLength() && !config.stopWords().contains(term)) {
        out.add(new Token(offset[i], offset[j], term));
      }
      i = j;
    }
    return out;
  }

  private static boolean isWord(int cp) {
    return Character.isLetter(cp) || Character.isDigit(cp);
  }

  private static boolean isMark(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
  }
}
