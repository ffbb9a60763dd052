package org.topicbench.feature;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.topicbench.text.LowerCase;

/**
 * A small fixed block of binary features describing a sentence's shape rather than its words: what page
 * furniture (bylines, dates and show times, captions, "Read more:" lines, headlines, navigation labels)
 * looks like on a page. Written from the first labelling rule of the corpus ({@code boilerplate}: page
 * furniture, see {@code datasets/GUIDELINES.md}), not from any labelled sentence; learners weigh the
 * features themselves.
 *
 * <p>Every feature is 0 or 1 (so count-based learners such as naive Bayes can use them too), in the order
 * of {@link #NAMES}:
 *
 * <ol start="0">
 *   <li>{@code no_final_punctuation}: the last visible char, after closing quotes and brackets, is not
 *       {@code . ! ?} or an ellipsis (headlines, captions, labels, bylines);
 *   <li>{@code words_1_3}, {@code words_4_8}, {@code words_9_20}, {@code words_21_plus}: sentence length in
 *       whitespace-separated words, one-hot;
 *   <li>{@code title_case}: at least two words with letters and at least 60% of them start with an upper-case
 *       letter (headlines, names, navigation);
 *   <li>{@code upper_case}: at least half of the letters are upper-case ("MOST READ");
 *   <li>{@code digits}: at least 10% of the visible chars are digits (dates, times, counters);
 *   <li>{@code date}: a day and a month name, a month and a year, or a weekday;
 *   <li>{@code clock_time}: a time of day ({@code 14:05}, {@code 6am}, {@code GMT});
 *   <li>{@code byline}: "By" followed by a capitalised name, in at most eight words;
 *   <li>{@code label_prefix}: it starts with one to three words and a colon ("Read more:", "Pictured:");
 *   <li>{@code separator}: it holds a layout separator ({@code |}, a bullet, or a slash between spaces);
 *   <li>{@code link}: a web address, an e-mail address or an {@code @handle};
 *   <li>{@code quote}: it holds a double quotation mark, an opening single curly quote or a guillemet
 *       (quoted speech is story text, not furniture; {@code '} and {@code ’} are also apostrophes).
 * </ol>
 *
 * <p>Stateless and thread-safe; nothing is fitted.
 */
public final class LayoutFeatures {
  /** Feature names, in index order. */
  public static final List<String> NAMES =
      List.of(
          "no_final_punctuation",
          "words_1_3",
          "words_4_8",
          "words_9_20",
          "words_21_plus",
          "title_case",
          "upper_case",
          "digits",
          "date",
          "clock_time",
          "byline",
          "label_prefix",
          "separator",
          "link",
          "quote");

  private static final String MONTH =
      "(january|february|march|april|may|june|july|august|september|october|november|december|"
          + "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
  private static final Pattern DATE =
      Pattern.compile(
          "\\b\\d{1,2}(st|nd|rd|th)?\\s+" + MONTH + "\\b|\\b" + MONTH + "\\s+\\d{1,2}(st|nd|rd|th)?\\b|\\b"
              + MONTH + ",?\\s+\\d{4}\\b|\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b|"
              + "\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b");
  private static final Pattern TIME =
      Pattern.compile("\\b\\d{1,2}[:.]\\d{2}\\s*(am|pm)?\\b|\\b\\d{1,2}\\s*(am|pm)\\b|\\b(gmt|bst|utc)\\b");
  private static final Pattern BYLINE = Pattern.compile("^(?i:by)\\s+\\p{Lu}");
  private static final Pattern LABEL_PREFIX = Pattern.compile("^[\\p{L}'’]+(\\s+[\\p{L}'’]+){0,2}\\s*:");
  private static final Pattern SEPARATOR = Pattern.compile("[|•·▪►]|\\s/\\s");
  private static final Pattern LINK = Pattern.compile("https?://|www\\.|\\S@\\S+\\.\\S|(^|\\s)@\\w");
  private static final String CLOSING = "\"'”’)]»›";
  private static final String QUOTES = "\"“”‘«»"; // not ’ nor ', which are also apostrophes

  private LayoutFeatures() {}

  /** Number of features. */
  public static int dimension() {
    return NAMES.size();
  }

  /** The features of {@code text} as indices {@code offset + i} with value 1, in increasing order. */
  public static SparseVector extract(String text, int offset) {
    boolean[] on = flags(text);
    int n = 0;
    for (boolean b : on) {
      n += b ? 1 : 0;
    }
    int[] idx = new int[n];
    double[] val = new double[n];
    int k = 0;
    for (int i = 0; i < on.length; i++) {
      if (on[i]) {
        idx[k] = offset + i;
        val[k++] = 1.0;
      }
    }
    return new SparseVector(idx, val);
  }

  /** Which features are on for {@code text}, in the order of {@link #NAMES}. */
  public static boolean[] flags(String text) {
    String s = text.strip();
    return flags(s, LowerCase.root(s));
  }

  /**
   * {@link #flags(String)} of a text given stripped ({@code s}, {@link String#strip}) and lower-cased
   * ({@code lower}: {@code s.toLowerCase(Locale.ROOT)}), for callers that have them already.
   */
  public static boolean[] flags(String s, String lower) {
    boolean[] f = new boolean[NAMES.size()];
    f[0] = !s.isEmpty() && !endsWithTerminal(s);
    int words = 0;
    int wordsWithLetters = 0;
    int capitalised = 0;
    int letters = 0;
    int upper = 0;
    int digits = 0;
    int visible = 0;
    boolean inWord = false;
    boolean wordHasLetter = false;
    boolean wordCapitalised = false;
    boolean separator = false;
    boolean quote = false;
    boolean colon = false; // what LABEL_PREFIX needs
    boolean at = false; // what LINK needs: an @, a colon (https?://) or a dot after a w (www\.)
    boolean wwwDot = false;
    int len = s.length();
    char[] chars = CHARS.get();
    if (chars.length < len) {
      chars = new char[Math.max(len, chars.length * 2)];
      CHARS.set(chars);
    }
    s.getChars(0, len, chars, 0); // a char array: faster than charAt on a string that is not Latin-1
    for (int i = 0; i < len; i++) {
      char c = chars[i];
      int k = KIND[c];
      if ((k & SPACE) != 0) {
        if (inWord) {
          wordsWithLetters += wordHasLetter ? 1 : 0;
          capitalised += wordCapitalised ? 1 : 0;
        }
        inWord = false;
        continue;
      }
      visible++;
      if (!inWord) {
        words++;
        inWord = true;
        wordHasLetter = false;
        wordCapitalised = false;
      }
      if ((k & LETTER) != 0) {
        boolean up = (k & UPPER) != 0;
        if (!wordHasLetter) {
          wordCapitalised = up;
        }
        wordHasLetter = true;
        letters++;
        upper += up ? 1 : 0;
      } else if ((k & DIGIT) != 0) {
        digits++;
      } else if (c >= 128 || c == '|' || c == '/' || c == '"') {
        separator |= SEPARATORS.indexOf(c) >= 0 || (c == '/' && i > 0 && i + 1 < s.length()
            && DateTimeCues.isSpace(s.charAt(i - 1)) && DateTimeCues.isSpace(s.charAt(i + 1)));
        quote |= QUOTES.indexOf(c) >= 0;
      } else if (c == ':') {
        colon = true;
      } else if (c == '@') {
        at = true;
      } else if (c == '.') {
        wwwDot |= i > 0 && (chars[i - 1] | 0x20) == 'w';
      }
    }
    if (inWord) {
      wordsWithLetters += wordHasLetter ? 1 : 0;
      capitalised += wordCapitalised ? 1 : 0;
    }
    f[1] = words >= 1 && words <= 3;
    f[2] = words >= 4 && words <= 8;
    f[3] = words >= 9 && words <= 20;
    f[4] = words >= 21;
    f[5] = wordsWithLetters >= 2 && capitalised >= 0.6 * wordsWithLetters;
    f[6] = letters > 0 && upper * 2 >= letters;
    f[7] = visible > 0 && digits * 10 >= visible;
    // each regex runs only when what it needs is there (a digit and a month, a weekday, "14:05"...):
    // the same result, much faster; LayoutFeaturesTest compares with running every regex
    int cues = DateTimeCues.of(lower, digits > 0); // Character.isDigit counts every ASCII digit
    // a weekday word is one of DATE's alternatives, a time zone word one of TIME's: no regex needed
    // and DATE's month alternatives are matched there too: only the slash date needs the expression
    f[8] = (cues & (DateTimeCues.WEEKDAY | DateTimeCues.MONTH_DATE)) != 0
        || ((cues & DateTimeCues.SLASH_DATE) != 0 && DATE.matcher(lower).find());
    f[9] = (cues & DateTimeCues.ZONE) != 0 || ((cues & DateTimeCues.CLOCK) != 0 && TIME.matcher(lower).find());
    f[10] = words <= 8 && s.length() > 2 && (s.charAt(0) | 0x20) == 'b' && (s.charAt(1) | 0x20) == 'y'
        && BYLINE.matcher(s).find();
    f[11] = colon && labelPrefix(s);
    f[12] = separator;
    f[13] = (at || (colon && s.contains("http")) || (wwwDot && s.contains("www."))) && LINK.matcher(s).find();
    f[14] = quote;
    return f;
  }

  /** {@link #flags} as it was written first, every regular expression run on every text: the reference it keeps to. */
  static boolean[] flagsByRegex(String text) {
    String s = text.strip();
    boolean[] f = new boolean[NAMES.size()];
    f[0] = !s.isEmpty() && !endsWithTerminal(s);
    int words = 0;
    int wordsWithLetters = 0;
    int capitalised = 0;
    int letters = 0;
    int upper = 0;
    int digits = 0;
    int visible = 0;
    boolean inWord = false;
    boolean wordHasLetter = false;
    boolean wordCapitalised = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
      if (space) {
        if (inWord) {
          wordsWithLetters += wordHasLetter ? 1 : 0;
          capitalised += wordCapitalised ? 1 : 0;
        }
        inWord = false;
        continue;
      }
      visible++;
      if (!inWord) {
        words++;
        inWord = true;
        wordHasLetter = false;
        wordCapitalised = false;
      }
      if (Character.isLetter(c)) {
        if (!wordHasLetter) {
          wordCapitalised = Character.isUpperCase(c);
        }
        wordHasLetter = true;
        letters++;
        upper += Character.isUpperCase(c) ? 1 : 0;
      } else if (Character.isDigit(c)) {
        digits++;
      }
    }
    if (inWord) {
      wordsWithLetters += wordHasLetter ? 1 : 0;
      capitalised += wordCapitalised ? 1 : 0;
    }
    f[1] = words >= 1 && words <= 3;
    f[2] = words >= 4 && words <= 8;
    f[3] = words >= 9 && words <= 20;
    f[4] = words >= 21;
    f[5] = wordsWithLetters >= 2 && capitalised >= 0.6 * wordsWithLetters;
    f[6] = letters > 0 && upper * 2 >= letters;
    f[7] = visible > 0 && digits * 10 >= visible;
    String lower = s.toLowerCase(Locale.ROOT);
    f[8] = DATE.matcher(lower).find();
    f[9] = TIME.matcher(lower).find();
    f[10] = words <= 8 && BYLINE.matcher(s).find();
    f[11] = LABEL_PREFIX.matcher(s).find();
    f[12] = SEPARATOR.matcher(s).find();
    f[13] = LINK.matcher(s).find();
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      quote = QUOTES.indexOf(s.charAt(i)) >= 0;
    }
    f[14] = quote;
    return f;
  }

  private static final int SPACE = 1;
  private static final int LETTER = 2;
  private static final int UPPER = 4;
  private static final int DIGIT = 8;
  private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[256]);
  /** {@link #kind} of every char. */
  private static final byte[] KIND = new byte[65536];
  private static final String SEPARATORS = "|•·▪►";

  static {
    for (int c = 0; c < KIND.length; c++) {
      KIND[c] = (byte) kind((char) c);
    }
  }

  /** What the per-char loop asks of {@code c}, as bits. */
  private static int kind(char c) {
    return (Character.isWhitespace(c) || Character.isSpaceChar(c) ? SPACE : 0)
        | (Character.isLetter(c) ? LETTER : 0)
        | (Character.isUpperCase(c) ? UPPER : 0)
        | (Character.isDigit(c) ? DIGIT : 0);
  }

  /**
   * {@code LABEL_PREFIX} ({@code ^[\p{L}'’]+(\s+[\p{L}'’]+){0,2}\s*:}) matched by hand: one to three maximal
   * runs of letters and apostrophes (code points) from the start, separated by {@code \s} runs, then
   * {@code \s*} and a colon. A word run and a space run share no char and neither holds the colon, so the
   * expression has one way to match, the one followed here.
   */
  private static boolean labelPrefix(String s) {
    int n = s.length();
    int i = wordRunEnd(s, 0);
    if (i == 0) {
      return false;
    }
    for (int words = 1; ; words++) {
      int j = i;
      while (j < n && DateTimeCues.isSpace(s.charAt(j))) {
        j++;
      }
      if (j < n && s.charAt(j) == ':') {
        return true;
      }
      if (words == 3 || j == i) {
        return false;
      }
      int end = wordRunEnd(s, j);
      if (end == j) {
        return false;
      }
      i = end;
    }
  }

  /** Where the run of {@code [\p{L}'’]} code points starting at {@code from} ends. */
  private static int wordRunEnd(String s, int from) {
    int i = from;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (cp != '\'' && cp != '\u2019' && !Character.isLetter(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  /** Whether {@code s} (stripped, not empty) ends with a terminator, possibly followed by closing chars. */
  private static boolean endsWithTerminal(String s) {
    int i = s.length() - 1;
    while (i > 0 && CLOSING.indexOf(s.charAt(i)) >= 0) {
      i--;
    }
    char c = s.charAt(i);
    return c == '.' || c == '!' || c == '?' || c == '…';
  }
}
