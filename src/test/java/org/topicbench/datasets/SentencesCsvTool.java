package org.topicbench.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Developer tool: rewrites {@code datasets/sentences.csv} from the segmenter's output for the five
 * articles, keeping the hand-given label and note of every sentence whose span (doc, start, end) is
 * unchanged. New or moved sentences come out with an empty label, which {@code SentencesCsvTest}
 * rejects until someone labels them by hand.
 *
 * <p>With {@code --labels FILE}, labels and notes are also taken from a UTF-8 TSV of lines {@code
 * id<TAB>label[<TAB>note]} (blank lines and lines starting with {@code #} are skipped), overriding the
 * CSV's. Run from the repository root:
 *
 * <pre>
 * bin/mvn -q -f app.pom.xml test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.topicbench.datasets.SentencesCsvTool \
 *     [-Dexec.args="--labels labels.tsv"]
 * </pre>
 */
public final class SentencesCsvTool {
  private SentencesCsvTool() {}

  public static void main(String[] args) throws IOException {
    Map<String, String[]> byId = new HashMap<>();
    if (args.length == 2 && args[0].equals("--labels")) {
      byId = readTsv(Path.of(args[1]));
    } else if (args.length != 0) {
      throw new IllegalArgumentException("usage: SentencesCsvTool [--labels FILE.tsv], got " + List.of(args));
    }
    Map<String, Corpus.Row> old = new HashMap<>();
    if (Files.exists(Corpus.SENTENCES)) {
      for (Corpus.Row r : Corpus.readSentences(Corpus.SENTENCES)) {
        old.put(spanKey(r), r);
      }
    }
    List<Corpus.Row> rows = new ArrayList<>();
    int unlabelled = 0;
    for (Corpus.Row r : Corpus.segmentedRows()) {
      Corpus.Row kept = old.get(spanKey(r));
      Corpus.Row row = kept == null ? r : r.withLabel(kept.label(), kept.note());
      String[] given = byId.remove(r.id());
      if (given != null) {
        row = row.withLabel(given[0], given.length > 1 ? given[1] : "");
      }
      if (row.label().isEmpty()) {
        unlabelled++;
      }
      rows.add(row);
    }
    if (!byId.isEmpty()) {
      throw new IllegalArgumentException("labels given for ids that do not exist: " + byId.keySet());
    }
    Path tmp = Files.createTempFile(Corpus.SENTENCES.toAbsolutePath().getParent(), "sentences", ".tmp");
    Files.writeString(tmp, Corpus.formatSentences(rows), StandardCharsets.UTF_8);
    Files.move(tmp, Corpus.SENTENCES, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("wrote " + Corpus.SENTENCES + ": " + rows.size() + " sentences, " + unlabelled + " unlabelled");
  }

  private static String spanKey(Corpus.Row r) {
    return r.doc() + ":" + r.start() + ":" + r.end();
  }

  private static Map<String, String[]> readTsv(Path file) throws IOException {
    Map<String, String[]> out = new HashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 2 || f.length > 3 || !Corpus.LABELS.contains(f[1])) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": want id<TAB>label[<TAB>note] with a known label, got " + line);
      }
      if (out.put(f[0], f.length == 3 ? new String[] {f[1], f[2]} : new String[] {f[1]}) != null) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": duplicate id " + f[0]);
      }
    }
    return out;
  }
}
