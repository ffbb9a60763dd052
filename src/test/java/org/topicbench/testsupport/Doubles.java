package org.topicbench.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SequencedMap;
import org.topicbench.data.Dataset;
import org.topicbench.data.Example;
import org.topicbench.eval.Evaluation;
import org.topicbench.eval.EvaluationResult;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.run.RunWriter;
import org.topicbench.model.Learner;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;

/**
 * Test doubles for the regression check: a small synthetic corpus whose label is given away by one cue word
 * at a random position, a learner that finds the cue (and so is right on every sentence), and two degraded
 * versions of it under the same name: one that ignores half its features (the tokens at odd positions) and
 * one that wraps it and flips some of its predictions.
 */
public final class Doubles {
  private Doubles() {}

  /** Cue word of each label. */
  private static final Map<String, String> CUE = Map.of("alpha", "apple", "beta", "banana", "gamma", "grape");

  private static final List<String> LABELS = List.of("alpha", "beta", "gamma");

  /** 48 made-up filler words: "bako", "bame", ... */
  private static final List<String> FILLER = filler();

  private static List<String> filler() {
    List<String> out = new ArrayList<>();
    for (String a : List.of("ba", "ko", "mi", "tu", "le", "su")) {
      for (String b : List.of("ko", "me", "ri", "to", "nu", "la", "di", "vo")) {
        out.add(a + b);
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code docs} documents of {@code perDoc} sentences of nine tokens: the label's cue word at a random
   * position among eight filler words. The sha256 is {@code sha} repeated (a stand-in for the file's).
   */
  public static Dataset dataset(String name, int docs, int perDoc, long seed, char sha) {
    Random rng = new Random(seed);
    List<Example> ex = new ArrayList<>();
    for (int d = 0; d < docs; d++) {
      for (int s = 0; s < perDoc; s++) {
        String label = LABELS.get(rng.nextInt(LABELS.size()));
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
          words.add(FILLER.get(rng.nextInt(FILLER.size())));
        }
        words.add(rng.nextInt(9), CUE.get(label));
        ex.add(new Example(name + "-" + d + "-" + s, "doc" + d, label, String.join(" ", words)));
      }
    }
    return new Dataset(name, name + ".csv", String.valueOf(sha).repeat(64), ex);
  }

  /** The training corpus of the tests (sha256 all zeros). */
  public static Dataset train() {
    return dataset("train", 4, 12, 1, '0');
  }

  /** The test corpus of the tests. */
  public static Dataset test() {
    return dataset("test", 2, 10, 2, '0');
  }

  /** kfold 3x2 and loo-doc on {@code train}, split from {@code train} to {@code test}. */
  public static List<ProtocolSpec> protocols(Dataset train, Dataset test) {
    return List.of(ProtocolSpec.kfold(train, 3, 2), ProtocolSpec.looDoc(train), ProtocolSpec.split(train, test));
  }

  /** Evaluates {@code learners} on the test protocols (seed 2022, no bootstrap) and writes the run to {@code dir}. */
  public static Path run(Path dir, List<? extends Learner> learners) {
    return run(dir, protocols(train(), test()), learners, 2022);
  }

  /** Evaluates {@code learners} on {@code protocols} and writes the run to {@code dir}. */
  public static Path run(Path dir, List<ProtocolSpec> protocols, List<? extends Learner> learners, long seed) {
    EvaluationResult r = Evaluation.run(new EvaluationSpec(protocols, List.copyOf(learners), seed, 0, 2));
    RunWriter.write(r, dir);
    return dir;
  }

  /**
   * Votes with the tokens seen with one label only in training, each weighted by how often it was seen;
   * the most frequent training label when no such token occurs. Finds the cue word, so is always right here.
   */
  public static class Words implements Learner {
    private final String name;

    public Words(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public SequencedMap<String, String> hyperparameters() {
      SequencedMap<String, String> h = new LinkedHashMap<>();
      h.put("features", features());
      return h;
    }

    /** Describes which tokens are used. */
    String features() {
      return "all tokens";
    }

    /** Whether the token at {@code position} is used. */
    boolean uses(int position) {
      return true;
    }

    @Override
    public TrainedModel fit(TrainingSet train, long seed) {
      int k = train.labelNames().size();
      Map<String, int[]> counts = new HashMap<>();
      int[] prior = new int[k];
      for (int i = 0; i < train.size(); i++) {
        int y = train.labels()[i];
        prior[y]++;
        for (String t : tokens(train.texts().get(i))) {
          counts.computeIfAbsent(t, x -> new int[k])[y]++;
        }
      }
      List<String> labels = train.labelNames();
      return new TrainedModel() {
        @Override
        public List<String> labelNames() {
          return labels;
        }

        @Override
        public Prediction predict(String text) {
          int[] votes = new int[k];
          for (String t : tokens(text)) {
            int[] c = counts.get(t);
            if (c == null) {
              continue;
            }
            int only = -1;
            for (int j = 0; j < k; j++) {
              if (c[j] > 0) {
                only = only == -1 ? j : -2;
              }
            }
            if (only >= 0) {
              votes[only] += c[only];
            }
          }
          int[] score = Arrays.stream(votes).sum() == 0 ? prior : votes;
          int best = 0;
          for (int j = 1; j < k; j++) {
            if (score[j] > score[best]) {
              best = j;
            }
          }
          return new Prediction(best, null);
        }
      };
    }

    private List<String> tokens(String text) {
      String[] all = text.toLowerCase(Locale.ROOT).split(" ");
      List<String> out = new ArrayList<>();
      for (int i = 0; i < all.length; i++) {
        if (uses(i)) {
          out.add(all[i]);
        }
      }
      return out;
    }
  }

  /** {@link Words} that ignores half its features: the tokens at odd positions. */
  public static final class HalfBlind extends Words {
    public HalfBlind(String name) {
      super(name);
    }

    @Override
    String features() {
      return "tokens at even positions";
    }

    @Override
    boolean uses(int position) {
      return position % 2 == 0;
    }
  }

  /** Wraps a learner and moves every third prediction (by the text's hash) to the next label. */
  public static final class Flipping implements Learner {
    private final Learner inner;

    public Flipping(Learner inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public SequencedMap<String, String> hyperparameters() {
      return inner.hyperparameters();
    }

    @Override
    public TrainedModel fit(TrainingSet train, long seed) {
      TrainedModel m = inner.fit(train, seed);
      return new TrainedModel() {
        @Override
        public List<String> labelNames() {
          return m.labelNames();
        }

        @Override
        public Prediction predict(String text) {
          Prediction p = m.predict(text);
          if (Math.floorMod(text.hashCode(), 3) != 0) {
            return p;
          }
          return new Prediction((p.label() + 1) % m.labelNames().size(), null);
        }
      };
    }
  }
}
