package org.topicbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.topicbench.data.Dataset;
import org.topicbench.data.InputException;
import org.topicbench.data.SafeCsv;
import org.topicbench.label.BundledModel;
import org.topicbench.model.Learner;
import org.topicbench.model.ModelFile;
import org.topicbench.model.Prediction;
import org.topicbench.model.TrainedModel;
import org.topicbench.text.Sentence;
import org.topicbench.text.SentenceSegmenter;
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

  @Option(
      names = "--raw",
      description = "csv: write cells exactly as they are; by default a cell a spreadsheet would run as a formula"
          + " (starting with = + - @, a tab or a carriage return, and not a number) gets a leading ' (see"
          + " results/FORMAT.md).")
  boolean raw;

  /** One input text and its sentences. */
  record Document(String name, List<Sentence> sentences) {}

  /** A document with the prediction of each sentence. */
  record Labelled(Document doc, List<Prediction> predictions) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (width != null && width < 40) {
      throw new InputException("--width must be >= 40, got " + width);
    }
    List<Document> docs = read(inputs);
    TrainedModel model = model(err);
    List<String> labels = model.labelNames();
    List<Labelled> labelled = new ArrayList<>();
    for (Document d : docs) {
      labelled.add(new Labelled(d, predict(model, d)));
    }
    switch (format) {
      case table -> printTable(labelled, labels, out);
      case csv -> printCsv(labelled, labels, raw, out);
      case jsonl -> printJsonLines(labelled, labels, out);
    }
    out.flush();
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
        docs.add(document(in, TextInput.read(in, System.in)));
      } else if (isDirectory(in)) {
        List<Path> files = textFiles(Path.of(in));
        for (Path f : files) {
          docs.add(document(f.toString(), TextInput.read(f.toString(), System.in)));
        }
      } else {
        docs.add(document(in, TextInput.read(in, System.in)));
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

  private static Document document(String name, String text) {
    List<Sentence> sentences = SentenceSegmenter.english().segment(text);
    if (sentences.isEmpty()) {
      String what = name.equals("-") ? "standard input (" + TextInput.STDIN + ")" : name;
      throw new InputException(what + ": " + (text.isEmpty() ? "empty" : "holds only blank lines") + ", nothing to label");
    }
    return new Document(name, sentences);
  }

  /**
   * Every sentence's prediction. A model read from a file that fails (a crafted payload that passed the
   * allowlist but is inconsistent) is an input error naming the file; nothing has been printed yet.
   */
  private List<Prediction> predict(TrainedModel model, Document d) {
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
        if (source == null || source.model == null) {
          throw e;
        }
        throw new InputException(source.model + ": model file: the model fails on " + d.name() + " sentence " + (i + 1)
            + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")");
      }
    }
    return out;
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

  private static String probability(double p) {
    String s = String.format(Locale.ROOT, "%.6f", p);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  private static void printCsv(List<Labelled> docs, List<String> labels, boolean raw, PrintWriter out)
      throws IOException {
    CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
    List<Object> header = new ArrayList<>(List.of("file", "sentence", "line", "start", "end", "label"));
    labels.forEach(l -> header.add("p_" + l));
    header.add("text");
    p.printRecord(header);
    for (Labelled l : docs) {
      Document d = l.doc();
      for (int i = 0; i < d.sentences().size(); i++) {
        Sentence s = d.sentences().get(i);
        Prediction pr = l.predictions().get(i);
        List<Object> row = new ArrayList<>(List.of(d.name(), i + 1, s.line(), s.start(), s.end(), labels.get(pr.label())));
        for (int c = 0; c < labels.size(); c++) {
          row.add(pr.hasProbabilities() ? probability(pr.probabilities()[c]) : "");
        }
        row.add(s.text());
        SafeCsv.print(p, row, raw);
      }
    }
    p.flush();
  }

  /** One line of {@code --format jsonl}, its keys in this order. */
  record JsonLine(String file, int sentence, int line, int start, int end, String label,
      java.util.LinkedHashMap<String, Double> probabilities, String text) {}

  private static void printJsonLines(List<Labelled> docs, List<String> labels, PrintWriter out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Labelled l : docs) {
      Document d = l.doc();
      for (int i = 0; i < d.sentences().size(); i++) {
        Sentence s = d.sentences().get(i);
        Prediction pr = l.predictions().get(i);
        java.util.LinkedHashMap<String, Double> probs = null;
        if (pr.hasProbabilities()) {
          probs = new java.util.LinkedHashMap<>();
          for (int c = 0; c < labels.size(); c++) {
            probs.put(labels.get(c), pr.probabilities()[c]);
          }
        }
        out.print(json.writeValueAsString(new JsonLine(d.name(), i + 1, s.line(), s.start(), s.end(),
            labels.get(pr.label()), probs, s.text())));
        out.print('\n');
      }
    }
  }


  private void printTable(List<Labelled> docs, List<String> labels, PrintWriter out) {
    int total = width != null ? width : terminalWidth();
    int labelWidth = Math.max(5, labels.stream().mapToInt(String::length).max().orElse(5));
    List<String> shortNames = abbreviations(labels);
    StringBuilder fmt = new StringBuilder("%4s %5s %6s %6s  %-" + labelWidth + "s");
    int prefix = 4 + 1 + 5 + 1 + 6 + 1 + 6 + 2 + labelWidth;
    for (String l : shortNames) {
      int w = Math.max(4, l.length());
      fmt.append(" %").append(w).append('s');
      prefix += 1 + w;
    }
    fmt.append("  ");
    prefix += 2;
    int textWidth = Math.max(30, total - prefix);
    String rowFormat = fmt.toString();
    String indent = " ".repeat(prefix);
    if (!shortNames.equals(labels)) {
      List<String> legend = new ArrayList<>();
      for (int c = 0; c < labels.size(); c++) {
        legend.add(shortNames.get(c) + " = " + labels.get(c));
      }
      for (String line : wrap("probability of each label: " + String.join(", ", legend), total)) {
        out.print(line);
        out.print('\n');
      }
    }
    for (Labelled l : docs) {
      Document d = l.doc();
      out.printf("%n%s: %d sentences%n", d.name(), d.sentences().size());
      List<Object> head = new ArrayList<>(List.of("#", "line", "start", "end", "label"));
      head.addAll(shortNames);
      out.print(String.format(Locale.ROOT, rowFormat, head.toArray()).concat("text").stripTrailing());
      out.print('\n');
      for (int i = 0; i < d.sentences().size(); i++) {
        Sentence s = d.sentences().get(i);
        Prediction pr = l.predictions().get(i);
        List<Object> row = new ArrayList<>(List.of(i + 1, s.line(), s.start(), s.end(), labels.get(pr.label())));
        for (int c = 0; c < labels.size(); c++) {
          row.add(pr.hasProbabilities() ? String.format(Locale.ROOT, "%.2f", pr.probabilities()[c]) : "-");
        }
        List<String> lines = wrap(s.text(), textWidth);
        out.print(String.format(Locale.ROOT, rowFormat, row.toArray()));
        out.print(lines.getFirst());
        out.print('\n');
        for (String more : lines.subList(1, lines.size())) {
          out.print(indent);
          out.print(more);
          out.print('\n');
        }
      }
    }
  }

  /**
   * Short column headers: each label's shortest prefix of at least 4 chars that no other label starts
   * with (the whole label when there is none).
   */
  static List<String> abbreviations(List<String> labels) {
    List<String> out = new ArrayList<>();
    for (String l : labels) {
      String best = l;
      for (int len = 4; len < l.length(); len++) {
        String prefix = l.substring(0, len);
        if (labels.stream().filter(o -> o.startsWith(prefix)).count() == 1) {
          best = prefix;
          break;
        }
      }
      out.add(best);
    }
    return out;
  }

  private static int terminalWidth() {
    String columns = System.getenv("COLUMNS");
    if (columns != null && columns.matches("\\d{2,4}")) {
      return Math.max(40, Integer.parseInt(columns));
    }
    return 120;
  }

  /** {@code text} in lines of at most {@code width} chars, broken at spaces (a longer word is cut). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String rest = text.strip().replaceAll("\\s+", " ");
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        lines.add(rest.substring(0, width));
        rest = rest.substring(width);
      } else {
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut + 1);
      }
    }
    lines.add(rest);
    return lines;
  }
}
