package org.topicbench.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.InputException;
import org.topicbench.model.Learner;
import org.topicbench.model.LearnerSpecs;
import org.topicbench.model.ModelFile;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;

/** The model bundled in the jar is found on the class path and read as any model file is. */
class BundledModelTest {
  private static ClassLoader loaderWith(Path root) throws Exception {
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
  }

  @Test
  void aBundledModelIsReadFromTheClassPath(@TempDir Path dir) throws Exception {
    TrainingSet train = new TrainingSet(List.of("police officers messages", "mayor khan said", "party lockdown",
        "police misconduct report", "khan mayor notice", "downing street party"), new int[] {0, 1, 2, 0, 1, 2},
        List.of("misconduct", "partygate", "political_response").stream().sorted().toList());
    Learner l = LearnerSpecs.learner("smile.nb-complement");
    TrainedModel m = l.fit(train, 1);
    Path file = dir.resolve(BundledModel.RESOURCE);
    Files.createDirectories(file.getParent());
    ModelFile.write(file, new ModelFile.Header("0.1.0", l.name(), l.hyperparameters(), "", train.labelNames(), 1,
        List.of()), m, train.texts());
    ModelFile.Loaded back = BundledModel.load(loaderWith(dir)).orElseThrow();
    assertEquals("smile.nb-complement", back.header().learner());
    assertArrayEquals(m.predict("the police report").probabilities(),
        back.model().predict("the police report").probabilities(), 0);
  }

  @Test
  void noBundledModelIsEmptyAndADamagedOneIsAnInputError(@TempDir Path dir) throws Exception {
    assertTrue(BundledModel.load(loaderWith(dir)).isEmpty());
    Path file = dir.resolve(BundledModel.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "not a model\n");
    InputException e = assertThrows(InputException.class, () -> BundledModel.load(loaderWith(dir)));
    assertTrue(e.getMessage().startsWith(BundledModel.NAME + ": "), e.getMessage());
  }
}
