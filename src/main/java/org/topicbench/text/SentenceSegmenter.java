package org.topicbench.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits a text into {@link Sentence}s with offsets into it. Immutable and thread-safe: one instance
 * can segment many texts from many threads.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>The text is cut into lines first (LF, CRLF, CR, NEL, LS and PS end a line); a sentence never
 *       crosses a line break, and blank lines produce nothing. Articles hold one paragraph per line.
 *   <li>A line whose last visible char is not a sentence terminator ({@code . ! ?}, an ellipsis,
 *       other Unicode sentence terminators), optionally followed by closing quotes or brackets, is
 *       one sentence as it stands: a headline, caption, byline, "Read more:" line or related
 *       headline.
 *   <li>Any other line is split by ICU's sentence {@link BreakIterator} for the locale, wrapped by
 *       {@link FilteredBreakIteratorBuilder} so that it does not break after the locale's CLDR
 *       abbreviations nor after the extra suppressions (for English {@link #TITLES}: Mr., Dr., St.,
 *       No. and so on). ICU keeps a closing quote, straight or curly, with the sentence it closes, and
 *       does not break at dashes, nor at a full stop or an ellipsis followed by a lower-case word. A line
 *       whose only terminators are those ending it is not given to ICU: its rules cannot break it, so it is
 *       one sentence as it stands.
 *   <li>A break after {@code ?} or {@code !} (and their closing quotes) is dropped when the next word
 *       starts lower-case: {@code “Why?” he asked.} is one sentence.
 *   <li>Every span is trimmed of whitespace (Java whitespace, Unicode space separators including
 *       no-break spaces, the BOM and the zero-width space).
 * </ol>
 *
 * <p>Offsets are Java {@code String} indices (UTF-16 code units) into the text given to {@link
 * #segment}.
 */
public final class SentenceSegmenter {
  /**
   * Titles and other abbreviations that precede a name or number, added to ICU's English
   * suppressions (some are there already; repeating them is harmless). Abbreviations that often end
   * a sentence (Ltd., Inc., Jr., etc.) and single initials ("Officer A.") are deliberately absent.
   */
  public static final Set<String> TITLES =
      Set.of(
          "Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Prof.", "St.", "No.", "Nos.", "Rev.", "Hon.", "Rt.",
          "Sgt.", "Insp.", "Supt.", "Det.", "Cllr.", "Gen.", "Col.", "Lt.", "Capt.", "Maj.", "Cmdr.",
          "Gov.", "Sen.", "Fr.");

  private static final SentenceSegmenter ENGLISH = new SentenceSegmenter(Locale.ENGLISH, TITLES);

  private final Locale locale;
  private final Set<String> suppressions;
  /** Never iterated itself; every call segments with its own clone. */
  private final BreakIterator prototype;

  private SentenceSegmenter(Locale locale, Collection<String> suppressions) {
    this.locale = Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(suppressions, "suppressions");
    TreeSet<String> sorted = new TreeSet<>();
    for (String s : suppressions) {
      Objects.requireNonNull(s, "suppressions must not contain null");
      if (s.length() < 2 || !s.endsWith(".") || !s.strip().equals(s)) {
        throw new IllegalArgumentException(
            "suppressions must be words ending with '.' and no surrounding whitespace, got \"" + s + "\"");
      }
      sorted.add(s);
    }
    this.suppressions = Collections.unmodifiableSet(sorted);
    ULocale ulocale = ULocale.forLocale(locale);
    FilteredBreakIteratorBuilder builder = FilteredBreakIteratorBuilder.getInstance(ulocale);
    for (String s : sorted) {
      builder.suppressBreakAfter(s);
    }
    this.prototype = builder.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(ulocale));
  }

  /** English rules with the {@link #TITLES} suppressions (the segmenter of the bundled corpus). */
  public static SentenceSegmenter english() {
    return ENGLISH;
  }

  /**
   * A segmenter for {@code locale}'s ICU rules and CLDR suppressions plus {@code extraSuppressions}.
   *
   * @param extraSuppressions abbreviations after which never to break, each a word ending with '.'
   */
  public static SentenceSegmenter of(Locale locale, Collection<String> extraSuppressions) {
    return new SentenceSegmenter(locale, extraSuppressions);
  }

  public Locale locale() {
    return locale;
  }

  /** The suppressions added to the locale's own, sorted. */
  public Set<String> extraSuppressions() {
    return suppressions;
  }

  /** The sentences of {@code text} in order; an empty or blank text has none. */
  public List<Sentence> segment(CharSequence text) {
    return segment(text, true);
  }

  /**
   * {@link #segment(CharSequence)}; {@code skipIcu}: a line that ICU cannot break (see {@link #noBreakInside})
   * is one sentence without asking it ({@code false}: every line ending with a terminator goes to ICU, what
   * the tests compare with).
   */
  List<Sentence> segment(CharSequence text, boolean skipIcu) {
    Objects.requireNonNull(text, "text");
    String s = text.toString();
    List<Sentence> out = new ArrayList<>();
    BreakIterator it = null;
    int n = s.length();
    int pos = 0;
    int line = 1;
    while (true) {
      int eol = pos;
      while (eol < n && !isLineBreak(s.charAt(eol))) {
        eol++;
      }
      int a = pos;
      int b = eol;
      while (a < b && isSpace(s.charAt(a))) {
        a++;
      }
      while (b > a && isSpace(s.charAt(b - 1))) {
        b--;
      }
      if (a < b) {
        if (!endsWithTerminal(s, a, b) || (skipIcu && noBreakInside(s, a, b))) {
          out.add(new Sentence(line, a, b, s.substring(a, b)));
        } else {
          if (it == null) {
            synchronized (prototype) {
              it = prototype.clone();
            }
          }
          splitLine(it, s, a, b, line, out);
        }
      }
      if (eol >= n) {
        return out;
      }
      pos = eol + 1;
      if (s.charAt(eol) == '\r' && pos < n && s.charAt(pos) == '\n') {
        pos++;
      }
      line++;
    }
  }

  /** Splits the trimmed line {@code s[a, b)} with ICU and adds its trimmed sentences to {@code out}. */
  private static void splitLine(BreakIterator it, String s, int a, int b, int line, List<Sentence> out) {
    // ICU's suppression filter only steps back over an ASCII space, so hand it other horizontal
    // spaces (no-break, thin, tab) as ' '; every one is a single UTF-16 unit, so offsets hold.
    char[] chars = new char[b - a];
    for (int i = a; i < b; i++) {
      char c = s.charAt(i);
      chars[i - a] = isSpace(c) ? ' ' : c;
    }
    String lineText = new String(chars);
    it.setText(lineText);
    int from = 0;
    for (int cut = it.next(); cut != BreakIterator.DONE; cut = it.next()) {
      if (cut < lineText.length() && Character.isLowerCase(lineText.codePointAt(cut))) {
        continue; // "“Why?” he asked." stays one sentence
      }
      addTrimmed(s, a + from, a + cut, line, out);
      from = cut;
    }
    if (from < lineText.length()) {
      addTrimmed(s, a + from, b, line, out);
    }
  }

  private static void addTrimmed(String s, int a, int b, int line, List<Sentence> out) {
    while (a < b && isSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && isSpace(s.charAt(b - 1))) {
      b--;
    }
    if (a < b) {
      out.add(new Sentence(line, a, b, s.substring(a, b)));
    }
  }

  /**
   * Whether the trimmed span {@code s[a, b)} ends with a sentence terminator (Unicode
   * Sentence_Break STerm or ATerm, or an ellipsis), optionally followed by closing punctuation.
   */
  static boolean endsWithTerminal(String s, int a, int b) {
    int i = b;
    while (i > a) {
      int cp = s.codePointBefore(i);
      int sb = UCharacter.getIntPropertyValue(cp, UProperty.SENTENCE_BREAK);
      if (sb == UCharacter.SentenceBreak.CLOSE) {
        i -= Character.charCount(cp);
        continue;
      }
      return sb == UCharacter.SentenceBreak.STERM || sb == UCharacter.SentenceBreak.ATERM || cp == '\u2026';
    }
    return false;
  }

  /**
   * Whether ICU's sentence rules cannot break the trimmed line {@code s[a, b)} anywhere but at its end. Within a
   * line (no paragraph separator: those end lines) Unicode's rules (UAX #29, SB4 to SB11) break only after a
   * terminator (Sentence_Break STerm or ATerm), its closing punctuation and spaces, and never before another
   * terminator or closing char nor inside "terminator closing*". So a line whose terminators all sit in its
   * final run of terminators and closing chars has no break before its end: the one sentence it is. Any
   * char outside the Basic Multilingual Plane sends the line to ICU.
   */
  static boolean noBreakInside(String s, int a, int b) {
    byte[] kind = SentenceBreakKind.KIND;
    int t = b;
    while (t > a && (kind[s.charAt(t - 1)] == SentenceBreakKind.TERM || kind[s.charAt(t - 1)] == SentenceBreakKind.CLOSE)) {
      t--; // the final run of terminators and closing chars
    }
    for (int i = a; i < t; i++) {
      byte k = kind[s.charAt(i)];
      if (k == SentenceBreakKind.TERM || k == SentenceBreakKind.SURROGATE) {
        return false;
      }
    }
    return true;
  }

  /** Each BMP char's Sentence_Break class as {@link #noBreakInside} needs it, from ICU's data (built on first use). */
  static final class SentenceBreakKind {
    static final byte OTHER = 0; // every other char: the array's default
    static final byte TERM = 1;
    static final byte CLOSE = 2;
    static final byte SURROGATE = 3;
    static final byte[] KIND = new byte[65536];

    static {
      // from the properties' ranges, not a lookup per char (65,536 of those took about 20 ms at start-up)
      mark(new UnicodeSet("[[:Sentence_Break=STerm:][:Sentence_Break=ATerm:]]"), TERM);
      mark(new UnicodeSet("[:Sentence_Break=Close:]"), CLOSE);
      Arrays.fill(KIND, Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1, SURROGATE);
    }

    private static void mark(UnicodeSet set, byte kind) {
      for (int r = 0; r < set.getRangeCount(); r++) {
        for (int c = set.getRangeStart(r); c <= set.getRangeEnd(r) && c < KIND.length; c++) {
          KIND[c] = kind;
        }
      }
    }
  }

  /** The chars that end a line: LF, CR (alone or before LF), NEL, LINE and PARAGRAPH SEPARATOR. */
  static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** Whitespace trimmed from sentences: Java whitespace, space separators, BOM, zero-width space. */
  static boolean isSpace(char c) {
    if (c < 128) { // ASCII: Java whitespace is 9-13 and 28-32; the only ASCII space separator is 32
      return c <= ' ' && (c == ' ' || (c >= '\t' && c <= '\r') || c >= '\u001C');
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
  }
}
