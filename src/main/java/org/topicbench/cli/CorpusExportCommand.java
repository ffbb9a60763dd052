package org.topicbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.topicbench.data.ArffWriter;
import org.topicbench.data.AtomicFile;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.Example;
import org.topicbench.data.SafeCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topicbench corpus export}: a dataset as Weka ARFF (or plain CSV). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Writes a labelled dataset as Weka ARFF (a string attribute 'text' and a nominal 'class', the shape of"
          + " Weka's Reuters examples: open it in the Weka Explorer and apply StringToWordVector) or as CSV"
          + " (id,doc,label,text).",
      "Writes to standard output, or with -o to a file (through a temporary file, so it is never left"
          + " half-written)."
    })
public final class CorpusExportCommand implements Callable<Integer> {
  /** Export formats. */
  enum Format {
    arff,
    csv
  }

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "DATASET",
      description = "The labelled dataset (default: ${DEFAULT-VALUE}).")
  Path dataset = Datasets.SENTENCES;

  @Mixin DatasetOptions columns;

  @Option(names = "--format", paramLabel = "FORMAT", description = "arff (default) or csv.")
  Format format = Format.arff;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Option(
      names = "--with-ids",
      description = "ARFF: also write the string attributes 'id' and 'doc' first, so that reading the file back"
          + " restores every field (remove them in Weka before training).")
  boolean withIds;

  @Option(
      names = "--raw",
      description = "CSV: write cells exactly as they are; by default a cell a spreadsheet would run as a formula"
          + " (starting with = + - @, a tab or a carriage return, and not a number) gets a leading ' (see"
          + " results/FORMAT.md).")
  boolean raw;

  @Override
  public Integer call() throws Exception {
    Dataset d = columns.read(dataset);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      write(d, out);
      out.flush();
    } else {
      AtomicFile.write(output, w -> write(d, w));
      spec.commandLine().getErr().println("topicbench: wrote " + d.size() + " sentences to " + output);
    }
    return Main.OK;
  }

  private void write(Dataset d, Writer w) throws IOException {
    switch (format) {
      case arff -> ArffWriter.write(d, w, withIds);
      case csv -> {
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        p.printRecord("id", "doc", "label", "text");
        for (Example e : d.examples()) {
          SafeCsv.print(p, List.of(e.id(), e.group(), e.label(), e.text()), raw);
        }
        p.flush();
      }
    }
  }
}
