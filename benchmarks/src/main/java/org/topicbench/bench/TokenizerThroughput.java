package org.topicbench.bench;

import java.io.IOException;
import java.io.StringReader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.topicbench.text.Tokenizer;
import org.topicbench.text.TokenizerConfig;

/**
 * Question: how many chars and tokens per second does each tokenizer a Java user might pick get through
 * on our text, in one thread? Every benchmark tokenizes the same text (the five bundled articles joined
 * and repeated to 1 MiB of chars) once per operation, consumes each token (its length; and in
 * ours_lowerCase_termHash our term hash too), and counts chars and tokens in {@link Counters}, which JMH reports as rates: the {@code chars}
 * and {@code tokens} rows are chars/s and tokens/s. {@code probe_readEveryChar} only reads every char of
 * a {@code char[]} copy of the text: the ceiling for anything that looks at every char.
 *
 * <p>{@code ours_cli} is what {@code bin/topicbench} runs ({@code evaluate}, {@code label} and {@code
 * train} extract features this way): a fork with {@code --add-modules jdk.incubator.vector}, as the launcher
 * adds it (it drops the JVM's warning about it from stderr), so the vector kernel, and the feature
 * extractor's contract: {@code nextBatch()}, the term buffer, offset and length, and {@code
 * batchTermHash(i)}. Its setup fails if the module is missing. {@code ours_cli_noVectorModule} is the same
 * in a fork without the module ({@code TOPICBENCH_VECTOR=0}, or the jar run by hand): the scalar kernel.
 *
 * <p>How to run (from the repository root; {@code benchmarks/run.sh} runs the published configuration):
 *
 * <pre>
 * bin/mvn -q -pl benchmarks -am package -DskipTests
 * $JAVA_HOME/bin/java -jar benchmarks/target/benchmarks.jar TokenizerThroughput -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// ours uses its SIMD kernel when the JVM has the Vector API module (ours_lowerCase_scalarKernel shows
// what it does without); the other tokenizers ignore the flag
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class TokenizerThroughput {
  /** Folder of the articles, relative to the working directory. */
  @Param("datasets/articles")
  public String articles;

  private String text;
  private char[] chars;
  private Tokenizer ours;
  private Tokenizer oursScalar;
  private Tokenizer oursKeepCase;
  private StandardTokenizer lucene;
  private CharTermAttribute luceneTerm;
  private StandardTokenizer luceneForLower;
  private TokenStream luceneLower;
  private CharTermAttribute luceneLowerTerm;
  private weka.core.tokenizers.WordTokenizer wekaWord;
  private weka.core.tokenizers.AlphabeticTokenizer wekaAlphabetic;
  private smile.nlp.tokenizer.SimpleTokenizer smile;
  private opennlp.tools.tokenize.SimpleTokenizer openNlp;
  private Pattern nonWord;

  /** Chars and tokens seen, reported by JMH per second of measured time. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Counters {
    public long chars;
    public long tokens;

    @Setup(Level.Iteration)
    public void clear() {
      chars = 0;
      tokens = 0;
    }
  }

  @Setup
  public void setup() {
    text = BenchText.repeatedArticles(articles);
    chars = text.toCharArray();
    ours = TokenizerConfig.DEFAULT.newTokenizer();
    oursScalar = TokenizerConfig.DEFAULT.newScalarTokenizer();
    System.out.println("ours: " + Tokenizer.kernelName() + " kernel");
    oursKeepCase = new TokenizerConfig(false, 1, java.util.Set.of()).newTokenizer();
    lucene = new StandardTokenizer();
    luceneTerm = lucene.addAttribute(CharTermAttribute.class);
    luceneForLower = new StandardTokenizer();
    luceneLower = new LowerCaseFilter(luceneForLower);
    luceneLowerTerm = luceneLower.addAttribute(CharTermAttribute.class);
    wekaWord = new weka.core.tokenizers.WordTokenizer();
    wekaAlphabetic = new weka.core.tokenizers.AlphabeticTokenizer();
    smile = new smile.nlp.tokenizer.SimpleTokenizer();
    openNlp = opennlp.tools.tokenize.SimpleTokenizer.INSTANCE;
    nonWord = Pattern.compile("[^\\p{L}\\p{Nd}]+");
  }

  /** Ours, lower-casing (the default configuration), on the String through reset(CharSequence). */
  @Benchmark
  public long ours_lowerCase(Counters c) {
    return ours(ours.reset(text), c);
  }

  /**
   * Ours, lower-casing, on the String, through the batch contract {@link Tokenizer#nextBatch()} (what the
   * feature extractor uses): the same tokens and terms, each consumed by its term length.
   */
  @Benchmark
  public long ours_lowerCase_batch(Counters c) {
    Tokenizer t = ours.reset(text);
    long sum = 0;
    int n = 0;
    for (int k; (k = t.nextBatch()) > 0; ) {
      for (int i = 0; i < k; i++) {
        sum += t.batchTermLength(i);
      }
      n += k;
    }
    c.tokens += n;
    c.chars += text.length();
    return sum;
  }

  /** Ours, lower-casing, on the char[] copy through reset(char[], from, to): no copy per operation. */
  @Benchmark
  public long ours_lowerCase_charArray(Counters c) {
    return ours(ours.reset(chars, 0, chars.length), c);
  }

  /** Ours, lower-casing, also computing each term's hash (what the feature extractor asks for). */
  @Benchmark
  public long ours_lowerCase_termHash(Counters c) {
    return ours(ours.reset(text), c, true);
  }

  /** Ours, lower-casing, with the scalar block kernel (what a JVM without the Vector API module gets). */
  @Benchmark
  public long ours_lowerCase_scalarKernel(Counters c) {
    return ours(oursScalar.reset(text), c);
  }

  /** The tokenizer as {@code bin/topicbench} has it: a JVM with the Vector API module. */
  @State(Scope.Thread)
  public static class Cli {
    Tokenizer tokenizer;

    @Setup
    public void setup() {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        throw new IllegalStateException("ours_cli must run in a fork with jdk.incubator.vector, as bin/topicbench does");
      }
      tokenizer = TokenizerConfig.DEFAULT.newTokenizer();
      System.out.println("ours_cli: " + tokenizer.kernel() + " kernel");
    }
  }

  /** The tokenizer of a JVM without the Vector API module ({@code TOPICBENCH_VECTOR=0}, the jar by hand). */
  @State(Scope.Thread)
  public static class NoVectorModule {
    Tokenizer tokenizer;

    @Setup
    public void setup() {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
        throw new IllegalStateException("ours_cli_noVectorModule must run in a fork without jdk.incubator.vector");
      }
      tokenizer = TokenizerConfig.DEFAULT.newTokenizer();
      System.out.println("ours_cli_noVectorModule: " + tokenizer.kernel() + " kernel");
    }
  }

  /**
   * What the CLI runs: the default kernel of a JVM with the Vector API module (vector), through the
   * feature extractor's contract (feature.Vectorizer.wordFeatures): per batch the term buffer, per token
   * its term's offset, length and {@code batchTermHash}.
   */
  @Benchmark
  public long ours_cli(Cli cli, Counters c) {
    return batchWithHash(cli.tokenizer, c, false);
  }

  /** As ours_cli in a JVM without the Vector API module: the scalar kernel. */
  @Benchmark
  @Fork(jvmArgsAppend = {})
  public long ours_cli_noVectorModule(NoVectorModule cli, Counters c) {
    return batchWithHash(cli.tokenizer, c, false);
  }

  /**
   * As ours_cli, but each term hashed by a loop over its chars ({@code Tokenizer.hash(buf, off, len)}),
   * which is what the feature extractor did before {@code batchTermHash}.
   */
  @Benchmark
  public long ours_cli_loopHash(Cli cli, Counters c) {
    return batchWithHash(cli.tokenizer, c, true);
  }

  private long batchWithHash(Tokenizer tokenizer, Counters c, boolean loopHash) {
    Tokenizer t = tokenizer.reset(text);
    long sum = 0;
    int n = 0;
    for (int k; (k = t.nextBatch()) > 0; ) {
      char[] buf = t.batchTermBuffer();
      for (int i = 0; i < k; i++) {
        int off = t.batchTermOffset(i);
        int len = t.batchTermLength(i);
        int h = loopHash ? Tokenizer.hash(buf, off, len) : t.batchTermHash(i);
        sum += off + len + h;
      }
      n += k;
    }
    c.tokens += n;
    c.chars += text.length();
    return sum;
  }

  /** Ours, keeping case. */
  @Benchmark
  public long ours_keepCase(Counters c) {
    return ours(oursKeepCase.reset(text), c);
  }

  private long ours(Tokenizer t, Counters c) {
    return ours(t, c, false);
  }

  /** Consumes each token as the other tokenizers' tokens are (by its length), and its hash if asked. */
  private long ours(Tokenizer t, Counters c, boolean hash) {
    long sum = 0;
    int n = 0;
    while (t.next()) {
      sum += hash ? t.termHash() + t.termLength() : t.termLength();
      n++;
    }
    c.tokens += n;
    c.chars += text.length();
    return sum;
  }

  /** Lucene StandardTokenizer (UAX#29 words), reused through setReader. */
  @Benchmark
  public long lucene_standard(Counters c) throws IOException {
    lucene.setReader(new StringReader(text));
    return lucene(lucene, luceneTerm, c);
  }

  /** Lucene StandardTokenizer + LowerCaseFilter: what ours_lowerCase is compared with. */
  @Benchmark
  public long lucene_standard_lowerCase(Counters c) throws IOException {
    luceneForLower.setReader(new StringReader(text));
    return lucene(luceneLower, luceneLowerTerm, c);
  }

  private long lucene(TokenStream ts, CharTermAttribute term, Counters c) throws IOException {
    long sum = 0;
    int n = 0;
    ts.reset();
    while (ts.incrementToken()) {
      sum += term.length();
      n++;
    }
    ts.end();
    ts.close();
    c.tokens += n;
    c.chars += text.length();
    return sum;
  }

  /** Weka WordTokenizer (java.util.StringTokenizer on Weka's default delimiters). */
  @Benchmark
  public long weka_word(Counters c) {
    return weka(wekaWord, c);
  }

  /** Weka AlphabeticTokenizer (runs of ASCII letters). */
  @Benchmark
  public long weka_alphabetic(Counters c) {
    return weka(wekaAlphabetic, c);
  }

  private long weka(weka.core.tokenizers.Tokenizer t, Counters c) {
    long sum = 0;
    int n = 0;
    t.tokenize(text);
    while (t.hasMoreElements()) {
      sum += t.nextElement().length();
      n++;
    }
    c.tokens += n;
    c.chars += text.length();
    return sum;
  }

  /** Smile (smile-nlp 4.4) SimpleTokenizer. */
  @Benchmark
  public long smile_simple(Counters c) {
    return strings(smile.split(text), c);
  }

  /** OpenNLP SimpleTokenizer (character classes; punctuation are tokens too). */
  @Benchmark
  public long openNlp_simple(Counters c) {
    return strings(openNlp.tokenize(text), c);
  }

  /** JDK regex: Pattern.split on runs of non letters/digits. */
  @Benchmark
  public long jdk_patternSplit(Counters c) {
    return strings(nonWord.split(text), c);
  }

  private long strings(String[] tokens, Counters c) {
    long sum = 0;
    int n = 0;
    for (String s : tokens) {
      if (!s.isEmpty()) {
        sum += s.length();
        n++;
      }
    }
    c.tokens += n;
    c.chars += text.length();
    return sum;
  }

  /** The ceiling: read every char of a char[] copy of the text, nothing else. */
  @Benchmark
  public int probe_readEveryChar(Counters c) {
    int acc = 0;
    for (char ch : chars) {
      acc += ch;
    }
    c.chars += chars.length;
    return acc;
  }
}
