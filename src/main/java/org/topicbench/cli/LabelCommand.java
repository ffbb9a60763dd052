package org.topicbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.topicbench.data.Dataset;
import org.topicbench.data.InputException;
import org.topicbench.label.BundledModel;
import org.topicbench.label.LabelOutput;
import org.topicbench.label.Labelling.Document;
import org.topicbench.label.Labelling.Labelled;
import org.topicbench.label.StreamingLabeller;
import org.topicbench.label.Labelling;
import org.topicbench.model.Learner;
import org.topicbench.model.ModelFile;
import org.topicbench.model.TrainedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topicbench label}: the label and label probabilities of every sentence of new articles. */
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Splits articles (UTF-8 text, one paragraph per line, or free text) into sentences and labels each"
          + " one, with the probability of every label.",
      "With --model, a model saved by 'topicbench train'; with --learner, that learner trained on"
          + " datasets/sentences.csv and datasets/external-dev.csv first; otherwise the default model that the"
          + " build trained and put into the jar (the calibrated learner that carries over best to unseen"
          + " articles, see README), so it works from any folder; --train (or another --seed) trains the default"
          + " learner afresh. Which model and why goes to standard error.",
      "Offsets are Java String indices (UTF-16 code units) into the file's text, end exclusive;"
          + " 'sentence' counts from 1 in each file."
    })
public final class LabelCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    table,
    csv,
    jsonl
  }

  /** --model and --learner exclude each other. */
  static final class Source {
    @Option(names = "--model", paramLabel = "MODEL", description = "A model file written by 'topicbench train'.")
    Path model;

    @Option(names = "--learner", paramLabel = "NAME", description = "Train this learner on the bundled data first.")
    String learner;
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR|-",
      description = "Text files, folders (their *.txt files, by name) or '-' for standard input.")
  List<String> inputs;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--train", description = "Without --model or --learner: choose the default learner and train it on"
      + " the bundled datasets now (needs the repository's files), instead of using the model bundled in the jar.")
  boolean train;

  @Option(names = "--seed", paramLabel = "S", description = "Training seed without --model (default: ${DEFAULT-VALUE}).")
  long seed = Training.SEED;

  @Option(names = "--width", paramLabel = "N",
      description = "Table width in characters; long sentences wrap (default: $COLUMNS, else 120).")
  Integer width;

  @Option(names = "--stream", description = "One FILE or '-' of any size, labelled in bounded memory with output"
      + " written as it goes (csv or jsonl; the same rows as without --stream). An input error found after output"
      + " began still exits 2 with one line naming the file, line and byte.")
  boolean stream;

  @Option(
      names = "--raw",
      description = "csv: write cells exactly as they are; by default a cell a spreadsheet would run as a formula"
          + " (starting with = + - @, a tab or a carriage return, and not a number) gets a leading ' (see"
          + " results/FORMAT.md).")
  boolean raw;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (width != null && width < 40) {
      throw new InputException("--width must be >= 40, got " + width);
    }
    if (stream) {
      return stream(out, err);
    }
    List<Document> docs = read(inputs);
    TrainedModel model = model(err);
    List<String> labels = model.labelNames();
    List<Labelled> labelled = new ArrayList<>();
    for (Document d : docs) {
      labelled.add(new Labelled(d, Labelling.predict(model, d, source != null && source.model != null ? source.model.toString() : null)));
    }
    switch (format) {
      case table -> LabelOutput.printTable(labelled, labels, width, out);
      case csv -> LabelOutput.printCsv(labelled, labels, raw, out);
      case jsonl -> LabelOutput.printJsonLines(labelled, labels, out);
    }
    out.flush();
    return Main.OK;
  }

  /** {@code --stream}: one input, labelled as it is read. */
  private int stream(PrintWriter out, PrintWriter err) throws IOException {
    if (inputs.size() != 1) {
      throw new InputException("--stream labels one FILE or '-', got " + inputs.size() + " inputs");
    }
    if (format == Format.table) {
      throw new InputException("--stream writes csv or jsonl: add --format csv or --format jsonl");
    }
    String in = inputs.getFirst();
    java.io.InputStream input;
    if (in.equals("-")) {
      input = System.in;
    } else {
      Path file;
      try {
        file = Path.of(in);
      } catch (java.nio.file.InvalidPathException e) {
        throw new InputException(in + ": not a valid file name (" + e.getReason() + ")", e);
      }
      if (Files.isDirectory(file)) {
        throw new InputException(in + ": is a directory; --stream labels one file");
      }
      try {
        input = Files.newInputStream(file);
      } catch (java.nio.file.NoSuchFileException e) {
        throw new InputException(in + ": no such file", e);
      } catch (java.nio.file.AccessDeniedException e) {
        throw new InputException(in + ": permission denied", e);
      }
    }
    TrainedModel model = model(err);
    long size = -1;
    if (!in.equals("-")) {
      try {
        size = Files.size(Path.of(in));
      } catch (IOException e) {
        size = -1;
      }
    }
    long begun = System.nanoTime();
    long total = size;
    long[] last = {begun, 0}; // time of the last line, tenths reported
    StreamingLabeller.Progress progress = (bytes, sentences) -> {
      long now = System.nanoTime();
      double elapsed = (now - begun) / 1e9;
      boolean tenth = total > 0 && bytes * 10 / total > last[1];
      if (tenth || (total <= 0 && now - last[0] > 30_000_000_000L)) {
        last[0] = now;
        String where = total > 0 ? String.format(Locale.ROOT, "%d%% of %s, ", bytes * 100 / total, in) : "";
        String left = total > 0 && bytes > 0 ? ", about " + Progress.duration(elapsed * (total - bytes) / bytes)
            + " left" : "";
        if (total > 0) {
          last[1] = bytes * 10 / total;
        }
        err.printf(Locale.ROOT, "label: %s%,d sentences, %s elapsed%s%n", where, sentences, Progress.duration(elapsed),
            left);
        err.flush();
      }
    };
    try (java.io.InputStream i = input) {
      long n = StreamingLabeller.label(i, in, model,
          format == Format.csv ? StreamingLabeller.Format.csv : StreamingLabeller.Format.jsonl, raw, out, progress);
      double elapsed = (System.nanoTime() - begun) / 1e9;
      err.printf(Locale.ROOT, "topicbench: labelled %,d sentences in %s (%,.0f a second)%n", n,
          Progress.duration(elapsed), n / Math.max(elapsed, 1e-9));
    }
    return Main.OK;
  }

  /** Every input, read and segmented; any bad input fails the whole call before anything is printed. */
  static List<Document> read(List<String> inputs) {
    List<Document> docs = new ArrayList<>();
    boolean stdin = false;
    for (String in : inputs) {
      if (in.equals("-")) {
        if (stdin) {
          throw new InputException("-: standard input can be read only once");
        }
        stdin = true;
        docs.add(Labelling.document(in, TextInput.read(in, System.in)));
      } else if (isDirectory(in)) {
        List<Path> files = textFiles(Path.of(in));
        for (Path f : files) {
          docs.add(Labelling.document(f.toString(), TextInput.read(f.toString(), System.in)));
        }
      } else {
        docs.add(Labelling.document(in, TextInput.read(in, System.in)));
      }
    }
    return docs;
  }

  private static boolean isDirectory(String name) {
    try {
      return Files.isDirectory(Path.of(name));
    } catch (java.nio.file.InvalidPathException e) {
      return false; // TextInput reports the bad name
    }
  }

  /** The {@code *.txt} files of {@code dir} (not its subfolders), by name. */
  static List<Path> textFiles(Path dir) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw InputException.of(dir, "cannot list the folder: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw InputException.of(dir, "folder holds no text files (*.txt)");
    }
    return files;
  }

  private TrainedModel model(PrintWriter err) {
    if (source != null && source.model != null) {
      ModelFile.Loaded m = ModelFile.read(source.model);
      ModelFile.Header h = m.header();
      err.println("topicbench: model " + source.model + ": " + h.learner() + " trained on "
          + String.join(" + ", h.training().stream().map(ModelFile.TrainingFile::file).toList())
          + " (seed " + h.seed() + ")");
      return m.model();
    }
    Learner l = source != null && source.learner != null ? Training.learner("--learner", source.learner) : null;
    if (l == null && !train && seed == Training.SEED) {
      java.util.Optional<ModelFile.Loaded> bundled = BundledModel.load();
      if (bundled.isPresent()) {
        ModelFile.Header h = bundled.get().header();
        err.println("topicbench: " + BundledModel.NAME + ": " + h.learner() + " trained on "
            + String.join(" + ", h.training().stream().map(ModelFile.TrainingFile::file).toList()) + " (seed "
            + h.seed() + "); --train trains the default learner afresh instead");
        return bundled.get().model();
      }
    }
    List<Dataset> data = new ArrayList<>();
    for (Path p : Training.bundled()) {
      data.add(Training.read(p));
    }
    if (l == null) {
      l = Training.chooseDefault(err);
    }
    err.println("topicbench: training " + l.name() + " on " + Training.describe(data) + ", seed " + seed
        + " (save a model with 'topicbench train --save MODEL' to skip this)");
    return l.fit(Training.trainingSet(data), seed);
  }

}
