package org.topicbench.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reusable tokenizer in the spirit of Lucene's TokenStream: {@link #reset} on a text, then call
 * {@link #next()} until it returns false; after each true, {@link #start()}, {@link #end()},
 * {@link #termBuffer()}/{@link #termLength()} and {@link #termHash()} describe the current token without
 * allocating. Not thread-safe; make one per thread from a {@link TokenizerConfig}.
 *
 * <p>STUB: a simple letter-or-digit scanner to be replaced by the fast core (issue 3); the API stays.
 */
public final class Tokenizer {
  private final TokenizerConfig config;
  private char[] buf = new char[0];
  private int pos;
  private int limit;
  private int offset;
  private char[] term = new char[32];
  private int termLength;
  private int start;
  private int end;
  private int hash;

  Tokenizer(TokenizerConfig config) {
    this.config = config;
  }

  public TokenizerConfig config() {
    return config;
  }

  public Tokenizer reset(CharSequence text) {
    char[] a = text.toString().toCharArray();
    return reset(a, 0, a.length);
  }

  /** Tokenizes {@code text[from, to)}; offsets are reported relative to {@code from}. */
  public Tokenizer reset(char[] text, int from, int to) {
    this.buf = text;
    this.pos = from;
    this.limit = to;
    this.offset = from;
    return this;
  }

  public boolean next() {
    while (true) {
      while (pos < limit && !Character.isLetterOrDigit(buf[pos])) {
        pos++;
      }
      if (pos >= limit) {
        return false;
      }
      int s = pos;
      while (pos < limit && Character.isLetterOrDigit(buf[pos])) {
        pos++;
      }
      String t = new String(buf, s, pos - s);
      if (config.lowerCase()) {
        t = t.toLowerCase(Locale.ROOT);
      }
      if (t.length() < config.minLength() || config.stopWords().contains(t)) {
        continue;
      }
      if (term.length < t.length()) {
        term = new char[t.length() * 2];
      }
      t.getChars(0, t.length(), term, 0);
      termLength = t.length();
      start = s - offset;
      end = pos - offset;
      hash = t.hashCode();
      return true;
    }
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  /** The current term's chars in {@code [0, termLength())}; valid until the next call to next or reset. */
  public char[] termBuffer() {
    return term;
  }

  public int termLength() {
    return termLength;
  }

  /** {@code String.hashCode()} of the current term. */
  public int termHash() {
    return hash;
  }

  /** The current term as a new String (allocates). */
  public String term() {
    return new String(term, 0, termLength);
  }

  /** Convenience for code off the hot path: every term of {@code text}. */
  public List<String> tokenize(String text) {
    reset(text);
    List<String> out = new ArrayList<>();
    while (next()) {
      out.add(term());
    }
    return out;
  }
}
