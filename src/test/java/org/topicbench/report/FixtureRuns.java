package org.topicbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SequencedMap;
import org.topicbench.data.Dataset;
import org.topicbench.data.Rng;
import org.topicbench.data.Datasets;
import org.topicbench.data.Example;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationResult;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.eval.TunedLearner;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerSpecs;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;
import org.topicbench.model.baseline.MajorityClass;
import org.topicbench.run.Run;
import org.topicbench.run.RunWriter;
import org.topicbench.testsupport.Fixtures;

/**
 * Run directories for report tests, made by the real evaluation and {@link RunWriter}: the real labelled
 * corpus, several learners of very different quality and speed (test doubles: naive Bayes, first word,
 * random guesses, the majority baseline), kfold, loo-doc and a split of the corpus by article (so
 * near-duplicates cross the split, and the run has two datasets: a ranking across them); and a small run
 * of two synthetic datasets with a tuned learner.
 *
 * <p>{@code main(dir)} writes the first with 10x10 folds for looking at the report by eye.
 */
final class FixtureRuns {
  private FixtureRuns() {}

  /** The first word's learner name: a spec string, with characters no file name or id may hold. */
  static final String FIRST_WORD = "weka:test.FirstWord -W 1 -label \"first word\"";

  /** Evaluates the fixture learners and writes the run (with its report) to {@code dir}. */
  static EvaluationResult write(Path dir, int folds, int repeats, Path jmhDir) {
    Dataset all = Datasets.read(Datasets.SENTENCES);
    List<String> docs = all.examples().stream().map(Example::group).distinct().toList();
    List<Example> first = new ArrayList<>();
    List<Example> rest = new ArrayList<>();
    for (Example e : all.examples()) {
      (docs.indexOf(e.group()) < 3 ? first : rest).add(e);
    }
    Dataset train = new Dataset("articles-0-2", all.file(), all.sha256(), first);
    Dataset test = new Dataset("articles-3-4", all.file(), all.sha256(), rest);
    EvaluationSpec spec = new EvaluationSpec(
        List.of(ProtocolSpec.kfold(all, folds, repeats), ProtocolSpec.looDoc(all), ProtocolSpec.split(train, test)),
        learners(), 2022, 200, 2);
    EvaluationResult result = Evaluation.run(spec);
    RunWriter.write(result, dir, ReportWriter.extra(jmhDir));
    return result;
  }

  /** The tuned learner of {@link #twoDatasets}: naive Bayes choosing its smoothing. */
  static final String TUNED = "smile.nb-multinomial smoothing=0.01|1";

  /**
   * Two synthetic datasets {@code a} and {@code b}, kfold 3x2 on each (blocks of a ranking across
   * datasets), four learners, one of them {@link #TUNED} on 3 inner folds; written with its report.
   */
  static Run twoDatasets(Path dir, Path jmhDir) {
    Dataset a = Fixtures.dataset("a", 8, 6, 1);
    Dataset b = Fixtures.dataset("b", 8, 6, 2);
    TunedLearner tuned = new TunedLearner(TUNED, TUNED, LearnerSpecs.grid(TUNED, TUNED), 3, "macro_f1");
    EvaluationSpec spec = new EvaluationSpec(List.of(ProtocolSpec.kfold("a", a, 3, 2), ProtocolSpec.kfold("b", b, 3, 2)),
        List.of(new NaiveBayes("test.nb", false), tuned, new FirstWord(), new MajorityClass()), 7, 50, 2);
    return RunWriter.write(Evaluation.run(spec), dir, ReportWriter.extra(jmhDir));
  }

  /** Documents of {@link #many}: more than {@link HtmlReport#FOLD_ROWS}, so loo-doc has more folds than listed. */
  static final int MANY_DOCS = HtmlReport.FOLD_ROWS + 20;
  /** Sentences per document of {@link #many}. */
  static final int MANY_PER_DOC = 8;

  /**
   * A run (in memory, not written) with more of everything than the report lists: {@link #MANY_DOCS}
   * documents of {@link #MANY_PER_DOC} sentences, kfold 2x1 and loo-doc; the last sentence of every
   * document is one boilerplate line (a cluster of {@code MANY_DOCS} members), the first is a quote shared
   * by two documents (half as many clusters of two); the sentence's first word tells its label only half the time, so every learner gets
   * hundreds wrong;
   * {@link #TUNED} on 2 inner folds is tuned in each of loo-doc's folds.
   */
  static Run many() {
    Rng rng = new Rng(11);
    String[] labels = {"alpha", "beta", "gamma"};
    List<Example> ex = new ArrayList<>();
    for (int d = 0; d < MANY_DOCS; d++) {
      for (int s = 0; s < MANY_PER_DOC; s++) {
        String label;
        String text;
        if (s == MANY_PER_DOC - 1) {
          label = "gamma";
          text = "All rights reserved, cookies policy.";
        } else if (s == 0) {
          label = labels[(d / 2) % 3];
          Rng quote = new Rng(1000 + d / 2);
          text = Fixtures.WORDS.get((d / 2) % 3) + " quoted " + word(quote) + " " + word(quote) + " " + word(quote) + ".";
        } else {
          int y = rng.nextInt(3);
          label = labels[y];
          int cue = rng.nextInt(10) < 3 ? y : rng.nextInt(3);
          text = Fixtures.WORDS.get(cue) + " said " + Fixtures.WORDS.get(3 + rng.nextInt(5)) + " " + word(rng) + " "
              + word(rng) + " " + word(rng) + " number " + d + "-" + s;
        }
        ex.add(new Example("m" + d + "-" + s, "doc" + d, label, text));
      }
    }
    Dataset data = Fixtures.of("many", ex);
    TunedLearner tuned = new TunedLearner(TUNED, TUNED, LearnerSpecs.grid(TUNED, TUNED), 2, "macro_f1");
    EvaluationSpec spec = new EvaluationSpec(List.of(ProtocolSpec.kfold(data, 2, 1), ProtocolSpec.looDoc(data)),
        List.of(new FirstWord(), tuned, new MajorityClass()), 5, 20, 2);
    return RunWriter.of(Evaluation.run(spec));
  }

  private static String word(Rng rng) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      b.append((char) ('a' + rng.nextInt(26)));
    }
    return b.toString();
  }

  static List<Learner> learners() {
    return List.of(
        new NaiveBayes("test.naive-bayes-multinomial-unigrams-and-bigrams", true),
        new NaiveBayes("test.naive-bayes", false),
        new FirstWord(),
        new MajorityClass(),
        new Guess());
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    write(dir, 10, 10, Path.of(args.length > 1 ? args[1] : "results/jmh"));
    System.out.println(dir.resolve(ReportWriter.REPORT));
  }

  private static List<String> words(String text, boolean bigrams) {
    String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    List<String> out = new ArrayList<>();
    String prev = null;
    for (String s : w) {
      if (s.isEmpty()) {
        continue;
      }
      out.add(s);
      if (bigrams && prev != null) {
        out.add(prev + " " + s);
      }
      prev = s;
    }
    return out;
  }

  /** Multinomial naive Bayes with add-one smoothing: good, with probabilities. */
  static final class NaiveBayes implements Learner {
    private final String name;
    private final boolean bigrams;

    NaiveBayes(String name, boolean bigrams) {
      this.name = name;
      this.bigrams = bigrams;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public SequencedMap<String, String> hyperparameters() {
      SequencedMap<String, String> h = new LinkedHashMap<>();
      h.put("alpha", "1");
      h.put("ngrams", bigrams ? "1-2" : "1");
      return h;
    }

    @Override
    public TrainedModel fit(TrainingSet train, long seed) {
      int k = train.labelNames().size();
      Map<String, int[]> counts = new HashMap<>();
      int[] totals = new int[k];
      int[] docs = new int[k];
      for (int i = 0; i < train.size(); i++) {
        int y = train.labels()[i];
        docs[y]++;
        for (String w : words(train.texts().get(i), bigrams)) {
          counts.computeIfAbsent(w, x -> new int[k])[y]++;
          totals[y]++;
        }
      }
      int vocabulary = counts.size();
      return new TrainedModel() {
        @Override
        public List<String> labelNames() {
          return train.labelNames();
        }

        @Override
        public Prediction predict(String text) {
          double[] logp = new double[k];
          for (int c = 0; c < k; c++) {
            logp[c] = Math.log((docs[c] + 1.0) / (train.size() + k));
          }
          for (String w : words(text, bigrams)) {
            int[] n = counts.get(w);
            for (int c = 0; c < k; c++) {
              logp[c] += Math.log(((n == null ? 0 : n[c]) + 1.0) / (totals[c] + vocabulary + 1.0));
            }
          }
          double max = Double.NEGATIVE_INFINITY;
          for (double v : logp) {
            max = Math.max(max, v);
          }
          double sum = 0;
          double[] p = new double[k];
          for (int c = 0; c < k; c++) {
            p[c] = Math.exp(logp[c] - max);
            sum += p[c];
          }
          int best = 0;
          for (int c = 0; c < k; c++) {
            p[c] /= sum;
            if (p[c] > p[best]) {
              best = c;
            }
          }
          return new Prediction(best, p);
        }
      };
    }
  }

  /** The label most often seen with the sentence's first word; no probabilities. */
  static final class FirstWord implements Learner {
    @Override
    public String name() {
      return FIRST_WORD;
    }

    @Override
    public SequencedMap<String, String> hyperparameters() {
      return new LinkedHashMap<>();
    }

    @Override
    public TrainedModel fit(TrainingSet train, long seed) {
      int k = train.labelNames().size();
      Map<String, int[]> counts = new HashMap<>();
      int[] all = new int[k];
      for (int i = 0; i < train.size(); i++) {
        List<String> w = words(train.texts().get(i), false);
        counts.computeIfAbsent(w.isEmpty() ? "" : w.getFirst(), x -> new int[k])[train.labels()[i]]++;
        all[train.labels()[i]]++;
      }
      return new TrainedModel() {
        @Override
        public List<String> labelNames() {
          return train.labelNames();
        }

        @Override
        public Prediction predict(String text) {
          List<String> w = words(text, false);
          int[] c = counts.getOrDefault(w.isEmpty() ? "" : w.getFirst(), all);
          int best = 0;
          for (int j = 1; j < k; j++) {
            if (c[j] > c[best]) {
              best = j;
            }
          }
          return new Prediction(best, null);
        }
      };
    }
  }

  /** Uniform random guesses from the fit seed and the text, with random probabilities. */
  static final class Guess implements Learner {
    @Override
    public String name() {
      return "test.random-guess";
    }

    @Override
    public SequencedMap<String, String> hyperparameters() {
      return new LinkedHashMap<>();
    }

    @Override
    public TrainedModel fit(TrainingSet train, long seed) {
      int k = train.labelNames().size();
      return new TrainedModel() {
        @Override
        public List<String> labelNames() {
          return train.labelNames();
        }

        @Override
        public Prediction predict(String text) {
          Random r = new Random(seed ^ text.hashCode());
          double[] p = new double[k];
          double sum = 0;
          for (int j = 0; j < k; j++) {
            p[j] = 1 + r.nextInt(100);
            sum += p[j];
          }
          int best = 0;
          for (int j = 0; j < k; j++) {
            p[j] /= sum;
            if (p[j] > p[best]) {
              best = j;
            }
          }
          return new Prediction(best, p);
        }
      };
    }
  }
}
