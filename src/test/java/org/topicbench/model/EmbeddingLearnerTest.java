package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.InputException;
import org.topicbench.feature.minilm.MiniLmEncoder;

/**
 * Embedding learners: the probe sees the embedding alone, the joined learners the text features and the
 * embedding, the model and its file's digest are recorded, and a model file keeps them.
 */
class EmbeddingLearnerTest {
  private static TrainingSet train() {
    List<String> texts = new ArrayList<>();
    int[] y = new int[24];
    String[][] topics = {
      {"Officers sent racist messages in a police WhatsApp group.", "The watchdog found misogyny among constables."},
      {"Downing Street held a party during lockdown.", "The prime minister attended a garden gathering."},
      {"The mayor said the commissioner was on notice.", "Sadiq Khan demanded answers from the Met chief."}
    };
    for (int i = 0; i < 24; i++) {
      texts.add(topics[i % 3][(i / 3) % 2] + " Item " + i + ".");
      y[i] = i % 3;
    }
    return new TrainingSet(texts, y, List.of("misconduct", "partygate", "political_response"));
  }

  @Test
  void theProbeLearnsFromTheEmbeddingAloneAndRecordsTheModel(@TempDir Path dir) throws Exception {
    Learner probe = LearnerSpecs.learner("smile.logistic-minilm");
    assertTrue(probe.spec().contains("features.embedding=all-minilm-l6-v2"), probe.spec());
    assertTrue(probe.spec().contains("features.text=false"), probe.spec());
    String recorded = probe.hyperparameters().get("embedding");
    assertTrue(recorded.startsWith("all-minilm-l6-v2: sentence-transformers/all-MiniLM-L6-v2"), recorded);
    assertTrue(recorded.endsWith("sha256 " + MiniLmEncoder.get().sha256()), recorded);
    assertEquals("none", probe.hyperparameters().get("text_features"));
    TrainingSet t = train();
    TrainedModel m = probe.fit(t, 1);
    // words it never saw in training, the same meaning: only an embedding can tell
    assertEquals(0, m.predict("Policemen exchanged sexist and racist texts.").label());
    assertEquals(1, m.predict("A drinks gathering at Number 10 broke the covid rules.").label());
    // a model file keeps it, and gives the same probabilities
    Path file = dir.resolve("probe.tbm");
    ModelFile.write(file, new ModelFile.Header("0.1.0", probe.name(), probe.hyperparameters(), "", t.labelNames(), 1,
        List.of()), m, t.texts());
    TrainedModel back = ModelFile.read(file).model();
    assertEquals(recorded, ModelFile.read(file).header().hyperparameters().get("embedding"));
    for (String s : List.of("The police report was shocking.", "Boris Johnson apologised.")) {
      assertArrayEquals(m.predict(s).probabilities(), back.predict(s).probabilities(), 1e-12);
    }
    Prediction[] batch = m.predictAll(List.of("The police report was shocking.", "Boris Johnson apologised."));
    assertArrayEquals(m.predict("Boris Johnson apologised.").probabilities(), batch[1].probabilities(), 1e-12);
  }

  @Test
  void joinedLearnersKeepTheirTextFeaturesAndAddTheEmbedding() {
    VectorLearner joined = (VectorLearner) ((SpecLearner) LearnerSpecs.learner("smile.logistic-cues-minilm")).inner();
    assertEquals(EmbeddingFeatures.MINILM, joined.preprocessing().embedding());
    assertTrue(joined.preprocessing().text());
    assertEquals(ExtraFeatures.LAYOUT_AND_RULES, joined.preprocessing().extras());
    VectorModel m = (VectorModel) joined.fit(train(), 3);
    // text block, then the 18 extras, then 384 embedding dimensions
    var v = m.vector("The mayor said the commissioner was on notice. Item 4.");
    int max = 0;
    for (int i : v.indices()) {
      max = Math.max(max, i);
    }
    assertTrue(v.size() > 384, "text and cue features besides the embedding: " + v.size());
    assertTrue(max >= 384 + 18, "the embedding sits after the text and extras");
  }

  @Test
  void noFeaturesAtAllIsAnError() {
    InputException e = assertThrows(InputException.class, () -> LearnerSpecs.learner("smile.logistic features.text=false"));
    assertEquals("spec 'smile.logistic features.text=false': features.text: features.text=false leaves no features:"
        + " add features.embedding or features.extras", e.getMessage());
    assertThrows(InputException.class, () -> LearnerSpecs.learner("smile.logistic features.embedding=bert"));
  }
}
