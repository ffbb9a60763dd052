package org.topicbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topicbench.data.DatasetsTest.assertError;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.testsupport.Cli;

class ArffTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** The shape of Weka's ReutersCorn-train.arff, with its quirks. */
  static final String REUTERS =
      """
      % Reuters-21578, corn category (a comment)
      @relation 'Reuters-21578 Corn ModApte Train'

      @attribute Text string
      @attribute class-att {0,1}

      @data
      'BAHIA COCOA REVIEW\\nShowers continued throughout the week in\\nthe Bahia cocoa zone.',0
      "U.S. CORN SALES \\"STRONG\\", it\\'s said",1 % trailing comment
      '100\\% up, {braces} and a back\\\\slash' , 0
      {0 'sparse row with default class'}
      {0 'sparse row',1 1},{2.5}
      'weighted row',1,{0.5}
      """;

  @Test
  void readsTheReutersShape() throws IOException {
    Dataset d = Datasets.read(write("ReutersCorn-train.arff", REUTERS));
    assertEquals(
        List.of(
            new Example("1", "1", "0", "BAHIA COCOA REVIEW\nShowers continued throughout the week in\nthe Bahia cocoa zone."),
            new Example("2", "2", "1", "U.S. CORN SALES \"STRONG\", it's said"),
            new Example("3", "3", "0", "100% up, {braces} and a back\\slash"),
            new Example("4", "4", "0", "sparse row with default class"),
            new Example("5", "5", "1", "sparse row"),
            new Example("6", "6", "1", "weighted row")),
        d.examples());
    assertEquals("ReutersCorn-train", d.name());
  }

  @Test
  void sniffsArffWithoutTheExtensionAndHonoursNamedAttributes() throws IOException {
    String arff =
        """
        @RELATION r
        @ATTRIBUTE id STRING
        @ATTRIBUTE body string
        @attribute n numeric
        @attribute source {s1,s2}
        @attribute 'topic name' {a,'b c'}
        @attribute other {x,y}
        @DATA
        r1,'one two',3,s1,'b c',x
        r2,three,?,s2,a,y
        """;
    Dataset d = Datasets.read(write("data.txt", arff), new ColumnSpec(null, "topic name", null, null));
    assertEquals(List.of(new Example("r1", "s1", "b c", "one two"), new Example("r2", "s2", "a", "three")), d.examples());
  }

  @Test
  void arffErrorsNameFileAndLine() throws IOException {
    Path noString = write("ns.arff", "@relation r\n@attribute n numeric\n@attribute c {a,b}\n@data\n1,a\n");
    assertError(noString, 4, "no string attribute for the text", () -> Datasets.read(noString));
    Path noClass = write("nc.arff", "@relation r\n@attribute t string\n@attribute n numeric\n\n@data\n'x',1\n");
    assertError(noClass, 5, "no nominal class attribute (attributes: t string, n numeric)", () -> Datasets.read(noClass));
    Path twoStrings = write("ts.arff", "@relation r\n@attribute a string\n@attribute b string\n@attribute c {x}\n@data\n");
    assertError(twoStrings, 5, "several string attributes (a, b)", () -> Datasets.read(twoStrings));
    Path numericLabel = write("nl.arff", "@relation r\n@attribute t string\n@attribute c numeric\n@data\n'x',1\n");
    assertError(numericLabel, 3, "the class attribute 'c' is numeric, not nominal",
        () -> Datasets.read(numericLabel, new ColumnSpec(null, "c", null, null)));
    Path unknown = write("u.arff", "@relation r\n@attribute t string\n@attribute c {a,b}\n@data\n'x',a\n% note\n'y',z\n");
    assertError(unknown, 7, "unknown label 'z' (the class attribute 'c' on line 3 allows: a, b)", () -> Datasets.read(unknown));
    Path missing = write("m.arff", "@relation r\n@attribute t string\n@attribute c {a,b}\n@data\n'x',?\n");
    assertError(missing, 5, "missing label ('?')", () -> Datasets.read(missing));
    Path emptyText = write("et.arff", "@relation r\n@attribute t string\n@attribute c {a,b}\n@data\n'x',a\n' ',b\n");
    assertError(emptyText, 6, "empty text", () -> Datasets.read(emptyText));
    Path quote = write("q.arff", "@relation r\n@attribute t string\n@attribute c {a,b}\n@data\n'x,a\n");
    assertError(quote, 5, "unterminated quote", () -> Datasets.read(quote));
    Path count = write("n.arff", "@relation r\n@attribute t string\n@attribute c {a,b}\n@data\n'x',a\n'y'\n");
    assertError(count, 6, "row has 1 value, the header declares 2 attributes", () -> Datasets.read(count));
    Path more = write("mo.arff", "@relation r\n@attribute t string\n@attribute c {a,b}\n@data\n'x',a,b\n");
    assertError(more, 5, "row has more than the 2 values", () -> Datasets.read(more));
    Path empty = write("e.arff", "@relation r\n@attribute t string\n@attribute c {a,b}\n@data\n% nothing\n");
    assertError(empty, 5, "empty dataset: no rows after @data on line 4", () -> Datasets.read(empty));
    Path noData = write("nd.arff", "@relation r\n@attribute t string\n@attribute c {a,b}\n");
    assertError(noData, 3, "no @data section", () -> Datasets.read(noData));
    Path type = write("ty.arff", "@relation r\n@attribute t text\n");
    assertError(type, 2, "unknown type 'text'", () -> Datasets.read(type));
    Path garbage = write("g.arff", "id,label,text\n");
    assertError(garbage, 1, "expected @relation, @attribute or @data", () -> Datasets.read(garbage));
    Path dupId = write("di.arff", "@relation r\n@attribute id string\n@attribute t string\n@attribute c {a}\n@data\nx,'p',a\nx,'q',a\n");
    assertError(dupId, 7, "duplicate id 'x' (first used on line 6)", () -> Datasets.read(dupId));
    Path allowed = write("al.arff", "@relation r\n@attribute t string\n@attribute c {a,b,c}\n@data\n'x',a\n'y',c\n");
    assertEquals(2, Datasets.read(allowed, ColumnSpec.DETECT, List.of("a", "c")).size());
    assertError(allowed, 6, "unknown label 'c' (the given label set allows: a, b)",
        () -> Datasets.read(allowed, ColumnSpec.DETECT, List.of("a", "b")));
    Path missingId = write("mi.arff", "@relation r\n@attribute id string\n@attribute t string\n@attribute c {a}\n@data\nx,'p',a\n?,'q',a\n");
    assertError(missingId, 7, "empty id", () -> Datasets.read(missingId));
    Path missingDoc = write("md.arff", "@relation r\n@attribute doc {d1}\n@attribute t string\n@attribute c {a}\n@data\nd1,'p',a\n?,'q',a\n");
    assertError(missingDoc, 7, "empty 'doc'", () -> Datasets.read(missingDoc));
  }

  @Test
  void aNulByteOrANulEscapeIsRefused() throws IOException {
    Path nul = dir.resolve("nul.arff");
    Files.write(nul, "@relation r\n@attribute t string\n@attribute c {a}\n@data\n'x\u0000y',a\n".getBytes(StandardCharsets.UTF_8));
    assertError(nul, 5, "binary file, not text (NUL byte at byte offset 57)", () -> Datasets.read(nul));
    Path escape = write("escape.arff", "@relation r\n@attribute t string\n@attribute c {a}\n@data\n'ok',a\n'x\\u0000y',a\n");
    assertError(escape, 6, "\\u0000 at character 3: a NUL character is not allowed in a value", () -> Datasets.read(escape));
    Path label = write("label.arff", "@relation r\n@attribute t string\n@attribute c {a,'b\\u0000'}\n@data\n'x',a\n");
    assertError(label, 3, "a NUL character is not allowed", () -> Datasets.read(label));
  }

  @Test
  void longNamesAndValuesAreCutShort() throws IOException {
    String longName = "n".repeat(1_000_000);
    Path type = write("type.arff", "@relation r\n@attribute " + longName + " " + longName + "\n");
    DatasetsTest.assertShortError(type, 2, "attribute 'nnn", () -> Datasets.read(type));
    StringBuilder many = new StringBuilder("@relation r\n");
    for (int i = 0; i < 50_000; i++) {
      many.append("@attribute a").append(i).append(" numeric\n");
    }
    Path noText = write("many.arff", many + "@data\n");
    DatasetsTest.assertShortError(noText, 50_002, "no string attribute for the text", () -> Datasets.read(noText));
    Path value = write("value.arff", "@relation r\n@attribute t string\n@attribute c {" + longName + "," + longName + "}\n@data\n");
    DatasetsTest.assertShortError(value, 3, "value 'nnn", () -> Datasets.read(value));
    Path classes = write("classes.arff", "@relation r\n@attribute t string\n@attribute c {" + longName + "}\n@data\n'x',y\n");
    DatasetsTest.assertShortError(classes, 5, "unknown label 'y' (the class attribute 'c' on line 3 allows: nnn", () -> Datasets.read(classes));
  }

  @Test
  void quoteFollowsWekaRules() {
    assertEquals("boilerplate", ArffWriter.quote("boilerplate"));
    assertEquals("'a b'", ArffWriter.quote("a b"));
    assertEquals("'?'", ArffWriter.quote("?"));
    assertEquals("''", ArffWriter.quote(""));
    assertEquals("'it\\'s'", ArffWriter.quote("it's"));
    assertEquals("'50\\%'", ArffWriter.quote("50%"));
    assertEquals("'a\\nb\\tc\\\\d\\\"e'", ArffWriter.quote("a\nb\tc\\d\"e"));
    assertEquals("'{x}'", ArffWriter.quote("{x}"));
  }

  @Test
  void writesTheReutersShape() throws IOException {
    Dataset d =
        new Dataset("tiny", "tiny.csv", "00", List.of(new Example("1", "d", "b c", "It's 50%, he said."), new Example("2", "d", "a", "x")));
    StringWriter w = new StringWriter();
    ArffWriter.write(d, w, false);
    assertEquals(
        """
        % tiny: 2 examples, 2 labels, from tiny.csv (sha256 00)
        @relation tiny

        @attribute text string
        @attribute class {a,'b c'}

        @data
        'It\\'s 50\\%, he said.','b c'
        x,a
        """,
        w.toString());
  }

  /** Random texts full of the characters ARFF must escape survive a write and a read, ids and groups included. */
  @Test
  void roundTripsRandomDatasets() throws IOException {
    long seed = Cli.seed("ArffTest.roundTripsRandomDatasets");
    Random rnd = new Random(seed);
    List<String> alphabet =
        List.of("a", "b", " ", ",", "'", "\"", "\\", "%", "{", "}", "?", "\t", "\n", "\r", "\u001E", "é", "€", "\uD83D\uDE00", "@");
    for (int round = 0; round < 20; round++) {
      List<Example> examples = new ArrayList<>();
      int n = 1 + rnd.nextInt(30);
      for (int i = 0; i < n; i++) {
        StringBuilder text = new StringBuilder("t");
        int len = rnd.nextInt(40);
        for (int k = 0; k < len; k++) {
          text.append(alphabet.get(rnd.nextInt(alphabet.size())));
        }
        String label = List.of("misconduct", "partygate", "x.y", "0").get(rnd.nextInt(4));
        examples.add(new Example("id " + i + "'", "doc,%" + rnd.nextInt(3), label, text.toString()));
      }
      Dataset d = new Dataset("round " + round, "r.csv", "ff", examples);
      Path file = dir.resolve("r" + round + ".arff");
      ArffWriter.write(d, file, true);
      Dataset back = Datasets.read(file);
      assertEquals(d.examples(), back.examples(), "seed " + seed + " round " + round);
      assertEquals(Datasets.sha256(Files.readAllBytes(file)), back.sha256());
      ArffWriter.write(d, file, false);
      Dataset plain = Datasets.read(file);
      assertEquals(d.examples().stream().map(Example::text).toList(), plain.examples().stream().map(Example::text).toList());
      assertEquals(d.examples().stream().map(Example::label).toList(), plain.examples().stream().map(Example::label).toList());
    }
  }

  @Test
  void roundTripsTheExternalDevelopmentSetAndLeavesNoTemporaryFile() throws IOException {
    Dataset d = Datasets.read(Datasets.EXTERNAL_DEV);
    Path out = dir.resolve("sub/dir/external-dev.arff");
    ArffWriter.write(d, out, true);
    assertEquals(d.examples(), Datasets.read(out).examples());
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertEquals(List.of(out), files.toList());
    }
    assertFalse(Files.readString(out).contains("\r"));
    assertTrue(Files.readString(out).contains("@attribute class {boilerplate,misconduct,partygate,political_response}"));
  }
}
