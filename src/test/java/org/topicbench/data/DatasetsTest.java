package org.topicbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** The error is one line starting {@code file:line: } and containing {@code what}. */
  static void assertError(Path file, int line, String what, Runnable r) {
    InputException e = assertThrows(InputException.class, r::run);
    String prefix = file + ":" + line + ": ";
    assertTrue(e.getMessage().startsWith(prefix), () -> "expected prefix " + prefix + " in: " + e.getMessage());
    assertTrue(e.getMessage().contains(what), () -> "expected '" + what + "' in: " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), () -> "not one line: " + e.getMessage());
  }

  @Test
  void readsTheExternalDevelopmentSet() {
    Dataset d = Datasets.read(Datasets.EXTERNAL_DEV);
    assertEquals(215, d.size());
    assertEquals(List.of("boilerplate", "misconduct", "partygate", "political_response"), d.labels());
    assertEquals(22, d.examples().stream().map(Example::group).distinct().count());
    assertEquals("external-dev", d.name());
    assertTrue(d.examples().getFirst().group().startsWith("https://"), "grouped by source");
    assertEquals(64, d.sha256().length());
  }

  @Test
  void acceptsBomCrlfBlankLinesAndQuotedLineBreaks() throws IOException {
    Path p =
        write(
            "c.csv",
            "\uFEFFid,doc,label,text\r\n\r\n"
                + "a,d1,misconduct,\"He said \"\"no\"\",\r\nthen left.\"\r\n"
                + "b,d2,boilerplate,Read more:\r\n\r\n"
                + "c,d2,boilerplate,\r\n");
    assertError(p, 7, "empty text", () -> Datasets.read(p));
    Path q = write("ok.csv", "\uFEFFid,doc,label,text\r\n\r\na,d1,misconduct,\"He said \"\"no\"\",\r\nthen left.\"\r\nb,d2,boilerplate,Read more:\r\n");
    Dataset d = Datasets.read(q);
    assertEquals(
        List.of(
            new Example("a", "d1", "misconduct", "He said \"no\",\r\nthen left."),
            new Example("b", "d2", "boilerplate", "Read more:")),
        d.examples());
  }

  @Test
  void readsTsvByExtensionAndBySniffing() throws IOException {
    String tsv = "text\tlabel\tsource\nA sentence, with commas.\tx\ts1\nAnother; one.\ty\ts2\n";
    for (String name : List.of("d.tsv", "d.tab", "d.txt")) {
      Dataset d = Datasets.read(write(name, tsv));
      assertEquals(List.of(new Example("1", "s1", "x", "A sentence, with commas."), new Example("2", "s2", "y", "Another; one.")),
          d.examples(), name);
    }
    Dataset semi = Datasets.read(write("semi.csv", "text;label\n\"a, b\";x\n"));
    assertEquals(List.of(new Example("1", "1", "x", "a, b")), semi.examples());
  }

  @Test
  void detectsColumnsInOrderAndHonoursNamedOnes() throws IOException {
    Path p = write("g.csv", "group,source,doc,Label,TEXT,Sentence,id\ng,s,d,l,t,u,i1\n");
    assertEquals(new Example("i1", "d", "l", "t"), Datasets.read(p).examples().getFirst());
    Path q = write("h.csv", "group,source,Label,Sentence\ng,s,l,u\n");
    assertEquals(new Example("1", "s", "l", "u"), Datasets.read(q).examples().getFirst());
    assertEquals(
        new Example("t", "g", "s", "u"),
        Datasets.read(p, new ColumnSpec("sentence", "source", "GROUP", "text")).examples().getFirst());
    Path r = write("n.csv", "label,text\nx,one\ny,two\n");
    assertEquals(List.of(new Example("1", "1", "x", "one"), new Example("2", "2", "y", "two")), Datasets.read(r).examples());
  }

  @Test
  void missingFileAndDirectory() throws IOException {
    Path missing = dir.resolve("nope.csv");
    InputException e = assertThrows(InputException.class, () -> Datasets.read(missing));
    assertEquals(missing + ": no such file", e.getMessage());
    Path sub = Files.createDirectory(dir.resolve("sub.csv"));
    e = assertThrows(InputException.class, () -> Datasets.read(sub));
    assertEquals(sub + ": is a directory, not a dataset file", e.getMessage());
  }

  @Test
  void missingColumnNamesTheColumnsThatExist() throws IOException {
    Path p = write("m.csv", "id,doc,label,body\n1,d,x,hello\n");
    assertError(p, 1, "no text column (looked for text, sentence; the header has: id, doc, label, body)", () -> Datasets.read(p));
    assertError(p, 1, "no group column 'article' (the header has: id, doc, label, body)",
        () -> Datasets.read(p, new ColumnSpec("body", null, "article", null)));
    Path q = write("bom.csv", "\uFEFF\n\nid,text\n1,hello\n");
    assertError(q, 3, "no label column", () -> Datasets.read(q));
  }

  @Test
  void badRows() throws IOException {
    Path label = write("l.csv", "id,label,text\n1,x,fine\n2, ,hello\n");
    assertError(label, 3, "empty label", () -> Datasets.read(label));
    Path unknown = write("u.csv", "id,label,text\n1,x,fine\n\n2,Some words here,hello\n");
    assertError(unknown, 4, "unknown label 'Some words here' (a label is letters", () -> Datasets.read(unknown));
    Path set = write("s.csv", "id,label,text\n1,x,fine\n2,y,hello\n");
    assertError(set, 3, "unknown label 'y' (the given label set allows: x, z)",
        () -> Datasets.read(set, ColumnSpec.DETECT, Set.of("z", "x")));
    Path text = write("t.csv", "id,label,text\n1,x,fine\n2,x,\"  \"\n");
    assertError(text, 3, "empty text", () -> Datasets.read(text));
    Path dup = write("d.csv", "id,label,text\na,x,\"one\ntwo\"\nb,x,three\na,x,four\n");
    assertError(dup, 5, "duplicate id 'a' (first used on line 2)", () -> Datasets.read(dup));
    Path id = write("i.csv", "id,label,text\n,x,one\n");
    assertError(id, 2, "empty id", () -> Datasets.read(id));
    Path group = write("g.csv", "doc,label,text\nd1,x,one\n,x,two\n");
    assertError(group, 3, "empty 'doc'", () -> Datasets.read(group));
    Path fields = write("f.csv", "id,label,text\n1,x,one\n2,x,two, and more\n");
    assertError(fields, 3, "row has 4 fields, the header has 3", () -> Datasets.read(fields));
    Path header = write("h.csv", "id,label,text,label\n1,x,one,y\n");
    assertError(header, 1, "duplicate column 'label'", () -> Datasets.read(header));
  }

  @Test
  void brokenQuotingNamesTheLineWhereTheFieldStarted() throws IOException {
    Path p = write("q.csv", "id,label,text\n1,x,fine\n2,x,\"never closed\n3,x,more\n4,x,and more\n");
    assertError(p, 3, "unterminated quoted field", () -> Datasets.read(p));
    Path after = write("a.csv", "id,label,text\n1,x,\"multi\nline\" text\n");
    assertError(after, 3, "text after the closing quote of a quoted field that starts on line 2", () -> Datasets.read(after));
    Path header = write("hq.csv", "id,\"label,text\n1,x,y\n");
    assertError(header, 1, "unterminated quoted field", () -> Datasets.read(header));
  }

  @Test
  void invalidUtf8NamesTheLine() throws IOException {
    Path p = dir.resolve("bad.csv");
    byte[] head = "id,label,text\n1,x,caf\u00e9\n2,x,ok\n3,x,bad ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9; // Latin-1 é
    bytes[head.length + 1] = '\n';
    Files.write(p, bytes);
    assertError(p, 4, "invalid UTF-8 (byte 0xE9", () -> Datasets.read(p));
  }

  @Test
  void aNulByteIsABinaryFileNamingTheLine() throws IOException {
    Path p = dir.resolve("nul.csv");
    Files.write(p, "id,label,text\n1,x,fine\r2,x,a\u0000b\n".getBytes(StandardCharsets.UTF_8));
    assertError(p, 3, "binary file, not text (NUL byte at byte offset 28)", () -> Datasets.read(p));
    Path tsv = dir.resolve("nul.tsv");
    Files.write(tsv, "text\tlabel\n\u0000\tx\n".getBytes(StandardCharsets.UTF_8));
    assertError(tsv, 2, "binary file, not text (NUL byte at byte offset 11)", () -> Datasets.read(tsv));
  }

  @Test
  void aUtf16FileSaysSo() throws IOException {
    for (String bom : List.of("FF FE", "FE FF")) {
      Path p = dir.resolve("utf16-" + bom.replace(' ', '-') + ".csv");
      byte[] text = "id,label,text\n1,x,hi\n".getBytes(bom.equals("FF FE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
      byte[] bytes = new byte[text.length + 2];
      bytes[0] = (byte) Integer.parseInt(bom.substring(0, 2), 16);
      bytes[1] = (byte) Integer.parseInt(bom.substring(3), 16);
      System.arraycopy(text, 0, bytes, 2, text.length);
      Files.write(p, bytes);
      InputException e = assertThrows(InputException.class, () -> Datasets.read(p));
      assertEquals(p + ": is UTF-16 (byte-order mark " + bom + "); save it as UTF-8", e.getMessage());
    }
  }

  /** A huge header, column name or label is quoted cut short: the message stays one short line. */
  @Test
  void quotedInputIsCutShort() throws IOException {
    int big = 2_000_000;
    String longName = "c".repeat(big);
    String columns = String.join(",", IntStream.range(0, big / 8).mapToObj(i -> "col" + i).toList());
    Path noText = write("wide.csv", "id,label," + columns + "\n1,a,b\n");
    assertShortError(noText, 1, "no text column (looked for text, sentence; the header has: id, label, col0, col1,",
        () -> Datasets.read(noText));
    Path dup = write("dup.csv", longName + ",text,label," + longName + "\n1,2,3,4\n");
    assertShortError(dup, 1, "duplicate column 'ccc", () -> Datasets.read(dup));
    Path named = write("named.csv", "text,label\nt,x\n");
    assertShortError(named, 1, "no group column 'ccc", () -> Datasets.read(named, new ColumnSpec(null, null, longName, null)));
    Path label = write("label.csv", "text,label\nt,\"" + "bad label ".repeat(big / 10) + "\"\n");
    assertShortError(label, 2, "unknown label 'bad label bad", () -> Datasets.read(label));
    Path allowed = write("allowed.csv", "text,label\nt,y\n");
    List<String> many = IntStream.range(0, 100_000).mapToObj(i -> "label" + i).toList();
    assertShortError(allowed, 2, "unknown label 'y' (the given label set allows: label0, label1", () ->
        Datasets.read(allowed, ColumnSpec.DETECT, many));
    Path id = write("id.csv", "id,text,label\n" + longName + ",t,x\n" + longName + ",u,x\n");
    assertShortError(id, 3, "duplicate id 'ccc", () -> Datasets.read(id));
  }

  /** As {@link #assertError}, and the message is at most a few hundred chars, the quote cut with "…". */
  static void assertShortError(Path file, int line, String what, Runnable r) {
    assertError(file, line, what, r);
    String m = assertThrows(InputException.class, r::run).getMessage();
    assertTrue(m.length() < file.toString().length() + 600, () -> m.length() + " chars: " + m.substring(0, 600));
    assertTrue(m.contains("…"), m);
  }

  @Test
  void excerptKeepsOneLineAndCutsAtACodePoint() {
    assertEquals("a b c", InputException.excerpt(" a \n\t b\r\n\u2028c\u0085 "));
    assertEquals("abcd…", InputException.excerpt("abcdefgh", 5));
    assertEquals("abcde", InputException.excerpt("abcde", 5));
    assertEquals("abc…", InputException.excerpt("abc\uD83D\uDE00efgh", 5));
    assertEquals("ab…", InputException.excerpt("ab cdef", 4));
    assertEquals("a, (empty), b", InputException.excerpt(List.of("a", "", "b")));
  }

  @Test
  void emptyFileAndHeaderOnly() throws IOException {
    Path empty = write("e.csv", "");
    assertError(empty, 1, "empty file", () -> Datasets.read(empty));
    Path header = write("h.csv", "id,label,text\r\n");
    assertError(header, 1, "empty dataset: no rows below the header", () -> Datasets.read(header));
  }

  @Test
  void lineNumbersCountCharsAfterSurrogatePairs() throws IOException {
    Path p = write("emoji.csv", "id,label,text\n1,x,\"\uD83D\uDE00 a\n\uD83D\uDE00 b\"\n2,x,\n");
    assertError(p, 4, "empty text", () -> Datasets.read(p));
  }
}
