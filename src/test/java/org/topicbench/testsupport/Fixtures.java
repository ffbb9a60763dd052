package org.topicbench.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.topicbench.data.Dataset;
import org.topicbench.data.Example;
import org.topicbench.data.Rng;
import org.topicbench.data.Seeds;
import org.topicbench.model.Learner;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;

/** Small in-memory datasets and transparent learners for evaluation tests. */
public final class Fixtures {
  private Fixtures() {}

  public static final List<String> WORDS =
      List.of("police", "mayor", "party", "copyright", "officer", "khan", "lockdown", "cookies");

  /**
   * {@code docs} documents of {@code perDoc} sentences; label i of 3 is signalled by word i (mostly),
   * and the last sentence of every document is the same boilerplate line (one near-duplicate cluster).
   */
  public static Dataset dataset(String name, int docs, int perDoc, long seed) {
    Rng rng = new Rng(seed);
    String[] labels = {"alpha", "beta", "gamma"};
    List<Example> ex = new ArrayList<>();
    int id = 0;
    for (int d = 0; d < docs; d++) {
      for (int s = 0; s < perDoc; s++) {
        String label;
        String text;
        if (s == perDoc - 1) {
          label = "gamma";
          text = "All rights reserved, cookies policy.";
        } else {
          int y = rng.nextInt(3);
          label = labels[y];
          int cue = rng.nextInt(10) < 8 ? y : rng.nextInt(3);
          // three random filler words keep unrelated sentences far apart for near-duplicate detection
          text = WORDS.get(cue) + " said " + WORDS.get(3 + rng.nextInt(5)) + " " + filler(rng) + " " + filler(rng)
              + " " + filler(rng) + " number " + name + d + "-" + s;
        }
        ex.add(new Example(name + id++, "doc" + d, label, text));
      }
    }
    return new Dataset(name, name + ".csv", "0".repeat(64), ex);
  }

  private static String filler(Rng rng) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      b.append((char) ('a' + rng.nextInt(26)));
    }
    return b.toString();
  }

  public static Dataset of(String name, List<Example> examples) {
    return new Dataset(name, name + ".csv", "0".repeat(64), examples);
  }

  /** Predicts the label most often seen with the sentence's first word in training; no probabilities. */
  public static final class FirstWord implements Learner {
    @Override
    public String name() {
      return "test.first-word";
    }

    @Override
    public SequencedMap<String, String> hyperparameters() {
      SequencedMap<String, String> h = new LinkedHashMap<>();
      h.put("rule", "first word");
      return h;
    }

    @Override
    public TrainedModel fit(TrainingSet train, long seed) {
      Map<String, int[]> counts = new HashMap<>();
      int k = train.labelNames().size();
      int[] all = new int[k];
      for (int i = 0; i < train.size(); i++) {
        counts.computeIfAbsent(first(train.texts().get(i)), w -> new int[k])[train.labels()[i]]++;
        all[train.labels()[i]]++;
      }
      return new TrainedModel() {
        @Override
        public List<String> labelNames() {
          return train.labelNames();
        }

        @Override
        public Prediction predict(String text) {
          int[] c = counts.getOrDefault(first(text), all);
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

    private static String first(String s) {
      return s.split("[^\\p{L}]+")[0].toLowerCase(Locale.ROOT);
    }
  }

  /** Random guesses with probabilities, from the seed and the text only: shows seeds are per task. */
  public static final class SeededGuess implements Learner {
    @Override
    public String name() {
      return "test.guess";
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
          Rng r = new Rng(seed ^ Seeds.hash(text));
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

  /** Always predicts {@code label} with probability 1 when it knows it; records every training set. */
  public static final class Recording implements Learner {
    final String name;
    final String label;
    /** Every training set it was fitted on, sorted. */
    public final List<List<String>> seen = Collections.synchronizedList(new ArrayList<>());

    public Recording(String name, String label) {
      this.name = name;
      this.label = label;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public SequencedMap<String, String> hyperparameters() {
      return new LinkedHashMap<>();
    }

    @Override
    public TrainedModel fit(TrainingSet train, long seed) {
      List<String> sorted = new ArrayList<>(train.texts());
      Collections.sort(sorted);
      seen.add(sorted);
      int y = train.labelNames().indexOf(label);
      int k = train.labelNames().size();
      return new TrainedModel() {
        @Override
        public List<String> labelNames() {
          return train.labelNames();
        }

        @Override
        public Prediction predict(String text) {
          double[] p = new double[k];
          p[y] = 1;
          return new Prediction(y, p);
        }
      };
    }
  }

  /**
   * Records what every fit saw, by seed: the sentences trained on and those it was asked about. Predicts a
   * fixed label ({@code answer} modulo the labels) with probability {@code confidence}, the rest spread
   * evenly over the other labels.
   */
  public static final class Spy implements Learner {
    public final String name;
    public final int answer;
    private final double confidence;
    public final Map<Long, List<String>> trained = new ConcurrentHashMap<>();
    public final Map<Long, Set<String>> asked = new ConcurrentHashMap<>();

    public Spy(String name, int answer, double confidence) {
      this.name = name;
      this.answer = answer;
      this.confidence = confidence;
    }

    /** A spy sure of its answer. */
    public Spy(String name, int answer) {
      this(name, answer, 1);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public SequencedMap<String, String> hyperparameters() {
      SequencedMap<String, String> h = new LinkedHashMap<>();
      h.put("answer", Integer.toString(answer));
      return h;
    }

    @Override
    public TrainedModel fit(TrainingSet train, long seed) {
      trained.put(seed, train.texts());
      Set<String> seen = ConcurrentHashMap.newKeySet();
      asked.put(seed, seen);
      int k = train.labelNames().size();
      return new TrainedModel() {
        @Override
        public List<String> labelNames() {
          return train.labelNames();
        }

        @Override
        public Prediction predict(String text) {
          seen.add(text);
          double[] p = new double[k];
          if (k > 1) {
            java.util.Arrays.fill(p, (1 - confidence) / (k - 1));
          }
          p[answer % k] = k > 1 ? confidence : 1;
          return new Prediction(answer % k, p);
        }
      };
    }
  }
}
