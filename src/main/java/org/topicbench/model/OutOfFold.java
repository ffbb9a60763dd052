package org.topicbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.topicbench.data.Example;
import org.topicbench.data.Folds;
import org.topicbench.data.NearDuplicates;

/**
 * Out-of-fold predictions on a training set: inner folds drawn inside it (stratified, near-duplicates kept
 * together, as the outer kfold draws them), each fold predicted by the learner fitted on the others. What
 * tuning, calibration and stacking learn from, so they never see the data they are scored on.
 */
public final class OutOfFold {
  private OutOfFold() {}

  /**
   * Inner folds of a training set.
   *
   * @param k folds used: at most the folds asked for and the number of near-duplicate groups; below 2, no
   *     inner folds can be drawn and {@code foldOf} is null
   * @param foldOf the fold of each training example
   */
  public record Plan(int k, int[] foldOf) {}

  /** Predictions of every training example by a model that did not see it. */
  public record Predictions(int[] predicted, double[][] probabilities) {}

  /** Draws up to {@code folds} inner folds of {@code train} with seed {@code seed}. */
  public static Plan plan(TrainingSet train, int folds, long seed) {
    int n = train.size();
    List<Example> examples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      examples.add(new Example(Integer.toString(i), "", train.labelNames().get(train.labels()[i]), train.texts().get(i)));
    }
    int[] groups = NearDuplicates.clusters(examples);
    int k = Math.min(folds, Folds.count(groups));
    if (k < 2) {
      return new Plan(k, null);
    }
    return new Plan(k, Folds.stratifiedGroupKFold(train.labels(), train.labelNames().size(), groups, k, seed));
  }

  /**
   * Fits {@code learner} once per inner fold, on the other folds, and predicts the fold.
   *
   * @param fitSeed the seed of the fit that predicts fold f
   * @return per training example its prediction; probabilities rows null when the model gives none
   */
  public static Predictions predict(Learner learner, TrainingSet train, Plan plan, IntToLongFunction fitSeed) {
    int n = train.size();
    int[] predicted = new int[n];
    double[][] probabilities = new double[n][];
    for (int f = 0; f < plan.k(); f++) {
      List<String> texts = new ArrayList<>();
      List<Integer> labels = new ArrayList<>();
      List<Integer> held = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (plan.foldOf()[i] == f) {
          held.add(i);
        } else {
          texts.add(train.texts().get(i));
          labels.add(train.labels()[i]);
        }
      }
      TrainingSet inner = new TrainingSet(texts, labels.stream().mapToInt(Integer::intValue).toArray(),
          train.labelNames());
      TrainedModel m = learner.fit(inner, fitSeed.applyAsLong(f));
      Prediction[] p = m.predictAll(held.stream().map(train.texts()::get).toList());
      for (int j = 0; j < held.size(); j++) {
        predicted[held.get(j)] = p[j].label();
        probabilities[held.get(j)] = p[j].hasProbabilities() ? p[j].probabilities() : null;
      }
    }
    return new Predictions(predicted, probabilities);
  }
}
