package org.topicbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Fuzz tests of the dataset readers through {@link Datasets}: any bytes either read as a dataset that
 * keeps every rule of {@link Datasets} or throw an {@link InputException} with a one-line message that
 * names the file and stays short; any other exception is a bug.
 *
 * <p>Input: the first byte picks the file name (so the format and delimiter), the columns and whether a
 * label set is given; the rest is the file. The committed inputs in {@code DatasetFuzzTestInputs/csv/} and
 * {@code .../arff/} replay in every test run; {@code benchmarks/fuzz.sh} fuzzes them.
 */
class DatasetFuzzTest {
  private static final String[] CSV_NAMES = {"data.csv", "data.tsv", "data.txt", "data.tab"};
  private static final String[] ARFF_NAMES = {"data.arff", "data.txt"};
  private static final ColumnSpec[] SPECS = {
    ColumnSpec.DETECT,
    new ColumnSpec("text", "label", null, null),
    new ColumnSpec(null, null, "doc", "id"),
    new ColumnSpec("Text", "class-att", "source", null),
  };
  private static final List<String> LABELS = List.of("misconduct", "partygate", "political_response", "boilerplate", "0", "1");

  @FuzzTest
  void csv(byte[] data) {
    read(data, CSV_NAMES);
  }

  @FuzzTest
  void arff(byte[] data) {
    read(data, ARFF_NAMES);
  }

  /** The committed seeds that are well-formed read as datasets, so that the fuzzer starts from there. */
  @Test
  void theWellFormedSeedsRead() throws IOException {
    for (String seed : List.of("csv/seed-sentences", "csv/seed-external-dev", "csv/seed-tsv", "csv/seed-crlf-bom-quotes",
        "arff/seed-reuters", "arff/seed-attributes")) {
      try (InputStream in = getClass().getResourceAsStream("DatasetFuzzTestInputs/" + seed)) {
        assertNotNull(read(in.readAllBytes(), seed.startsWith("csv") ? CSV_NAMES : ARFF_NAMES), seed);
      }
    }
  }

  /** The dataset {@code data} holds, or null when it is refused as it should be. */
  private static Dataset read(byte[] data, String[] names) {
    if (data.length == 0) {
      return null;
    }
    int options = data[0] & 0xFF;
    Path file = Path.of(names[options % names.length]);
    ColumnSpec spec = SPECS[options >>> 2 & 3];
    List<String> labels = (options & 0x10) != 0 ? LABELS : null;
    byte[] bytes = Arrays.copyOfRange(data, 1, data.length);
    Dataset d;
    try {
      d = Datasets.read(file, bytes, spec, labels);
    } catch (InputException e) {
      String m = e.getMessage();
      assertTrue(m.startsWith(file + ":"), () -> "does not name the file: " + m);
      assertFalse(m.contains("\n") || m.contains("\r"), () -> "not one line: " + m);
      assertTrue(m.length() <= 1500, () -> m.length() + " chars: " + InputException.excerpt(m, 1500));
      return null;
    }
    check(d, file, bytes, labels);
    return d;
  }

  /** The rules every dataset that reads keeps. */
  static void check(Dataset d, Path file, byte[] bytes, List<String> allowed) {
    assertTrue(d.size() > 0, "a dataset has rows");
    assertEquals(d.examples().size(), d.size());
    assertEquals(Datasets.sha256(bytes), d.sha256());
    assertEquals(file.toString(), d.file());
    assertEquals(file.getFileName().toString().replaceFirst("\\.[^.]*$", ""), d.name());
    Set<String> ids = new HashSet<>();
    Set<String> labels = new TreeSet<>();
    for (Example e : d.examples()) {
      for (String field : List.of(e.id(), e.group(), e.label(), e.text())) {
        assertFalse(field.indexOf('\0') >= 0, () -> "a NUL char in " + e);
      }
      for (String field : List.of(e.id(), e.group(), e.label())) {
        assertFalse(field.isEmpty(), () -> "an empty id, group or label in " + e);
        assertEquals(field.strip(), field, () -> "id, group and label lose surrounding spaces: " + e);
      }
      assertFalse(e.text().isBlank(), () -> "a blank text in " + e);
      assertTrue(ids.add(e.id()), () -> "id " + e.id() + " twice");
      if (allowed != null) {
        assertTrue(allowed.contains(e.label()), () -> "a label outside the given set: " + e);
      }
      labels.add(e.label());
    }
    assertEquals(List.copyOf(labels), d.labels());
  }
}
