package org.topicbench.label;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.topicbench.data.InputException;
import org.topicbench.model.ModelFile;

/**
 * The model file the build puts into the jar: the default learner (the carry-over rule's choice among the
 * calibrated learners) trained on the bundled datasets with the default seed, by {@code topicbench train
 * --save} at Maven's {@code prepare-package} phase (see {@code app.pom.xml}), so it is the same model
 * {@code train} would make from the same sources. Read through {@link ModelFile} like any model file
 * (header digest, allowlist, cost limits).
 */
public final class BundledModel {
  /** Where the jar holds it. */
  public static final String RESOURCE = "org/topicbench/label/default.tbm";
  /** How messages name it. */
  public static final String NAME = "the model bundled in the jar (" + RESOURCE + ")";
  /** Largest bundled model read. */
  static final int MAX_BYTES = 256 << 20;

  private BundledModel() {}

  /** The bundled model, or empty when this build has none (a build that skipped it, or the tests' class path). */
  public static Optional<ModelFile.Loaded> load() {
    return load(BundledModel.class.getClassLoader());
  }

  /** The bundled model as {@code loader} finds it. */
  public static Optional<ModelFile.Loaded> load(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new InputException(NAME + ": larger than " + MAX_BYTES + " bytes");
      }
      return Optional.of(ModelFile.read(NAME, bytes));
    } catch (IOException e) {
      throw new InputException(NAME + ": cannot read: " + e.getMessage(), e);
    }
  }
}
