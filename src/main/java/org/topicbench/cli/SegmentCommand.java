package org.topicbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.topicbench.data.SafeCsv;
import org.topicbench.text.Sentence;
import org.topicbench.text.SentenceSegmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topicbench segment FILE}: the sentences of an article with their line and offsets. */
@Command(
    name = "segment",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Splits an article (UTF-8 text, one paragraph per line) into sentences, as the corpus was split.",
      "Prints each sentence's number, line, start and end offsets (Java String indices, i.e. UTF-16"
          + " code units, into the file's text; end exclusive) and text.",
    })
public final class SegmentCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    table,
    csv,
    jsonl
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The article to split; '-' reads standard input.")
  String file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws IOException {
    String text = TextInput.read(file, System.in);
    List<Sentence> sentences = SentenceSegmenter.english().segment(text);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case table -> printTable(sentences, out);
      case csv -> printCsv(sentences, out);
      case jsonl -> printJsonLines(sentences, out);
    }
    out.flush();
    return Main.OK;
  }

  private static void printTable(List<Sentence> sentences, PrintWriter out) {
    int last = sentences.isEmpty() ? 0 : sentences.getLast().end();
    int w = Math.max(5, Integer.toString(last).length());
    String row = "%" + w + "s %" + w + "s %" + w + "s %" + w + "s  %s%n";
    out.printf(row, "#", "line", "start", "end", "text");
    int n = 0;
    for (Sentence s : sentences) {
      out.printf(row, ++n, s.line(), s.start(), s.end(), s.text());
    }
  }

  private static void printCsv(List<Sentence> sentences, PrintWriter out) throws IOException {
    CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180);
    p.printRecord("n", "line", "start", "end", "text");
    int n = 0;
    for (Sentence s : sentences) {
      SafeCsv.print(p, ++n, s.line(), s.start(), s.end(), s.text());
    }
    p.flush();
  }

  /** One line of {@code --format jsonl}, its keys in this order. */
  record JsonLine(int n, int line, int start, int end, String text) {}

  private static void printJsonLines(List<Sentence> sentences, PrintWriter out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    int n = 0;
    for (Sentence s : sentences) {
      out.print(json.writeValueAsString(new JsonLine(++n, s.line(), s.start(), s.end(), s.text())));
      out.print('\n');
    }
  }

}
