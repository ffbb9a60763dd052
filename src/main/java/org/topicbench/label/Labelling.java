package org.topicbench.label;

import java.util.ArrayList;
import java.util.List;
import org.topicbench.data.InputException;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.text.Sentence;
import org.topicbench.text.SentenceSegmenter;

/** The label pipeline's middle: a text into sentences, and every sentence's prediction by a model. */
public final class Labelling {
  private Labelling() {}

  /** One input text and its sentences. */
  public record Document(String name, List<Sentence> sentences) {}

  /** A document with the prediction of each sentence. */
  public record Labelled(Document doc, List<Prediction> predictions) {}

  /**
   * {@code text} split into sentences as the corpus was split; {@code name} names it in messages ({@code
   * -} for standard input).
   *
   * @throws InputException when it holds no sentence
   */
  public static Document document(String name, String text) {
    List<Sentence> sentences = SentenceSegmenter.english().segment(text);
    if (sentences.isEmpty()) {
      String what = name.equals("-") ? "standard input (<stdin>)" : name;
      throw new InputException(what + ": " + (text.isEmpty() ? "empty" : "holds only blank lines") + ", nothing to label");
    }
    return new Document(name, sentences);
  }

  /**
   * Every sentence's prediction. A model read from a file that fails (a crafted payload that passed the
   * allowlist but is inconsistent) is an input error naming the file ({@code modelFile}; null for a
   * model trained now, whose failure is a bug); nothing has been printed yet.
   */
  public static List<Prediction> predict(TrainedModel model, Document d, String modelFile) {
    List<Prediction> out = new ArrayList<>(d.sentences().size());
    int k = model.labelNames().size();
    for (int i = 0; i < d.sentences().size(); i++) {
      try {
        Prediction p = model.predict(d.sentences().get(i).text());
        if (p.label() < 0 || p.label() >= k || (p.hasProbabilities() && p.probabilities().length != k)) {
          throw new IllegalStateException("a prediction outside the model's " + k + " labels");
        }
        out.add(p);
      } catch (RuntimeException e) {
        if (modelFile == null) {
          throw e;
        }
        throw new InputException(modelFile + ": model file: the model fails on " + d.name() + " sentence " + (i + 1)
            + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")");
      }
    }
    return out;
  }

}
