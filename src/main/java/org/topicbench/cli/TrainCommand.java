package org.topicbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.Dataset;
import org.topicbench.data.InputException;
import org.topicbench.model.Learner;
import org.topicbench.model.ModelFile;
import org.topicbench.model.TrainedModel;
import org.topicbench.model.TrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code topicbench train}: trains a learner and saves the model in a file ({@link ModelFile}). */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Trains a learner on labelled sentences and saves the model for 'topicbench label --model'.",
      "Default data: datasets/sentences.csv and datasets/external-dev.csv together. Default learner: the"
          + " one that carries over best to unseen articles (results/carry-over.csv; see README).",
      "The model file holds a JSON header (learner, hyperparameters, features, labels, the training files'"
          + " SHA-256, topicbench version) and the model; 'head -2 MODEL' shows the header."
    })
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DatasetOptions columns;

  @Option(names = "--learner", paramLabel = "NAME", description = "Learner to train (see 'topicbench learners'; default: see above).")
  String learner;

  @Option(names = "--train", paramLabel = "FILE", arity = "1..*",
      description = "Labelled datasets to train on, CSV/TSV/ARFF (default: the two bundled datasets).")
  List<Path> train;

  @Option(names = "--seed", paramLabel = "S", description = "Training seed (default: ${DEFAULT-VALUE}).")
  long seed = Training.SEED;

  @Option(names = "--save", paramLabel = "MODEL", required = true, description = "Model file to write (replaced atomically).")
  Path save;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (Files.isDirectory(save)) {
      throw InputException.of(save, "is a directory; name a model file to write");
    }
    AtomicFile.writableTarget(save); // a device or FIFO fails before training
    Learner l = learner != null ? Training.learner("--learner", learner) : null;
    List<Dataset> data = new ArrayList<>();
    for (Path p : train != null ? train : Training.bundled()) {
      data.add(Training.read(p, columns));
    }
    if (l == null) {
      l = Training.chooseDefault(err);
    }
    TrainingSet set = Training.trainingSet(data);
    TrainedModel model = l.fit(set, seed);
    ModelFile.Header header = ModelFile.header(l, seed, data, model);
    ModelFile.write(save, header, model, set.texts());
    out.printf("saved %s trained on %s, labels %s, to %s (%d bytes)%n",
        l.name(), Training.describe(data), String.join(" ", model.labelNames()), save, sizeOf(save));
    out.flush();
    return Main.OK;
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
