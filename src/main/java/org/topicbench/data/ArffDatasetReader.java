package org.topicbench.data;

import static org.topicbench.data.InputException.excerpt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a Weka ARFF file that holds one string attribute (the text) and a nominal class: the shape of
 * Weka's Reuters examples ({@code @attribute Text string}, {@code @attribute class-att {0,1}}).
 *
 * <p>Supported: {@code %} comments, quoted names and values ({@code '...'} or {@code "..."} with Weka's
 * backslash escapes), the {@code ?} missing value, dense rows, sparse rows ({@code {index value, ...}},
 * where an absent nominal value is its first value and an absent string is empty) and instance weights
 * ({@code ,{w}} after a row, ignored). Other attributes (numeric, date, more strings) are allowed and
 * skipped; relational attributes are not supported.
 *
 * <p>Which attribute is which: the text is the string attribute named by the column spec, else one named
 * {@code text}, else the only string attribute not named id/doc/source/group. The class is the nominal
 * attribute named by the spec, else the last attribute when it is nominal, else the only nominal
 * attribute left. The group and id follow {@link ColumnSpec}'s names.
 */
final class ArffDatasetReader {
  private ArffDatasetReader() {}

  private enum Type {
    NUMERIC,
    STRING,
    NOMINAL,
    DATE
  }

  private record Attribute(String name, Type type, List<String> values, int line) {}

  /** True when the first line that is not blank or a {@code %} comment starts with {@code @relation}. */
  static boolean looksLikeArff(String text) {
    for (String line : text.lines().limit(1000).toList()) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("%")) {
        continue;
      }
      return s.toLowerCase(Locale.ROOT).startsWith("@relation");
    }
    return false;
  }

  static List<Example> read(TextFile f, ColumnSpec spec, Collection<String> allowed) {
    List<String> lines = f.text.lines().toList();
    List<Attribute> attributes = new ArrayList<>();
    int lineNo = 0;
    int dataLine = -1;
    boolean relation = false;
    for (; lineNo < lines.size() && dataLine < 0; lineNo++) {
      String s = lines.get(lineNo).strip();
      int line = lineNo + 1;
      if (s.isEmpty() || s.startsWith("%")) {
        continue;
      }
      Cursor c = new Cursor(f, line, s);
      String keyword = c.word().toLowerCase(Locale.ROOT);
      switch (keyword) {
        case "@relation" -> relation = true;
        case "@attribute" -> {
          if (!relation) {
            throw InputException.at(f.file, line, "@attribute before @relation");
          }
          attributes.add(attribute(c));
        }
        case "@data" -> {
          if (!relation) {
            throw InputException.at(f.file, line, "@data before @relation");
          }
          dataLine = line;
        }
        default ->
            throw InputException.at(
                f.file, line, "expected @relation, @attribute or @data, found '" + excerpt(s, 40) + "'");
      }
    }
    if (dataLine < 0) {
      throw InputException.at(f.file, Math.max(1, f.lineCount()), "no @data section");
    }
    Roles roles = roles(f, dataLine, attributes, spec);
    Attribute classAttr = attributes.get(roles.label);
    Collection<String> labels = allowed != null ? allowed : classAttr.values;
    String labelSource =
        allowed != null
            ? "the given label set"
            : "the class attribute '" + excerpt(classAttr.name) + "' on line " + classAttr.line;
    ExampleCollector rows =
        new ExampleCollector(f, labels, labelSource, roles.group < 0 ? null : attributes.get(roles.group).name);
    for (; lineNo < lines.size(); lineNo++) {
      String s = lines.get(lineNo).strip();
      int line = lineNo + 1;
      if (s.isEmpty() || s.startsWith("%")) {
        continue;
      }
      String[] v = row(new Cursor(f, line, s), attributes);
      if (v[roles.label] == null) {
        throw InputException.at(
            f.file, line, "missing label ('?') for class attribute '" + excerpt(classAttr.name) + "'");
      }
      // a missing id or group ('?') is an empty one, not "none"
      rows.add(
          line,
          roles.id < 0 ? null : Objects.requireNonNullElse(v[roles.id], ""),
          roles.group < 0 ? null : Objects.requireNonNullElse(v[roles.group], ""),
          v[roles.label],
          v[roles.text]);
    }
    return rows.examples("after @data on line " + dataLine);
  }

  private static Attribute attribute(Cursor c) {
    String name = c.name();
    if (name.isEmpty()) {
      throw c.fail("@attribute without a name");
    }
    c.skipSpaces();
    if (c.peek() == '{') {
      c.pos++;
      List<String> values = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      while (true) {
        c.skipSpaces();
        if (c.peek() == '}') {
          c.pos++;
          break;
        }
        String v = c.value("},");
        if (v == null || v.isEmpty()) {
          throw c.fail("empty value in the nominal attribute '" + excerpt(name) + "'");
        }
        if (!seen.add(v)) {
          throw c.fail("value '" + excerpt(v) + "' listed twice in the nominal attribute '" + excerpt(name) + "'");
        }
        values.add(v);
        c.skipSpaces();
        char d = c.peek();
        if (d == ',') {
          c.pos++;
        } else if (d != '}') {
          throw c.fail("unterminated nominal value list of attribute '" + excerpt(name) + "' (expected ',' or '}')");
        }
      }
      if (values.isEmpty()) {
        throw c.fail("the nominal attribute '" + excerpt(name) + "' lists no values");
      }
      return new Attribute(name, Type.NOMINAL, List.copyOf(values), c.line);
    }
    String type = c.word().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "numeric", "real", "integer" -> new Attribute(name, Type.NUMERIC, List.of(), c.line);
      case "string" -> new Attribute(name, Type.STRING, List.of(), c.line);
      case "date" -> new Attribute(name, Type.DATE, List.of(), c.line);
      case "relational" -> throw c.fail("relational attribute '" + excerpt(name) + "' is not supported");
      case "" -> throw c.fail("attribute '" + excerpt(name) + "' has no type");
      default -> throw c.fail("attribute '" + excerpt(name) + "' has an unknown type '" + excerpt(type) + "'");
    };
  }

  private record Roles(int text, int label, int group, int id) {}

  private static final List<String> GROUP_NAMES = List.of("doc", "source", "group");

  private static Roles roles(TextFile f, int dataLine, List<Attribute> attributes, ColumnSpec spec) {
    int id = spec.id() != null ? named(f, dataLine, attributes, spec.id(), "id") : index(attributes, "id");
    int group = -1;
    if (spec.group() != null) {
      group = named(f, dataLine, attributes, spec.group(), "group");
    } else {
      for (String g : GROUP_NAMES) {
        group = index(attributes, g);
        if (group >= 0) {
          break;
        }
      }
    }
    int text;
    if (spec.text() != null) {
      text = named(f, dataLine, attributes, spec.text(), "text");
    } else {
      text = index(attributes, "text");
      if (text < 0 || attributes.get(text).type != Type.STRING) {
        List<Integer> strings = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
          if (attributes.get(i).type == Type.STRING && i != id && i != group) {
            strings.add(i);
          }
        }
        if (strings.isEmpty()) {
          throw InputException.at(
              f.file, dataLine, "no string attribute for the text (topicbench reads ARFF files with one string attribute"
                  + " and a nominal class; attributes: " + describe(attributes) + ")");
        }
        if (strings.size() > 1) {
          List<String> names = strings.stream().map(i -> attributes.get(i).name).toList();
          throw InputException.at(
              f.file, dataLine,
              "several string attributes (" + excerpt(names) + "); name the text one with --text-column");
        }
        text = strings.getFirst();
      }
    }
    if (attributes.get(text).type != Type.STRING) {
      Attribute a = attributes.get(text);
      throw InputException.at(
          f.file, a.line, "the text attribute '" + excerpt(a.name) + "' is " + typeName(a) + ", not string");
    }
    int label;
    if (spec.label() != null) {
      label = named(f, dataLine, attributes, spec.label(), "label");
    } else if (!attributes.isEmpty() && attributes.getLast().type == Type.NOMINAL && attributes.size() - 1 != group) {
      label = attributes.size() - 1;
    } else {
      List<Integer> nominal = new ArrayList<>();
      for (int i = 0; i < attributes.size(); i++) {
        if (attributes.get(i).type == Type.NOMINAL && i != group && i != id) {
          nominal.add(i);
        }
      }
      if (nominal.size() != 1) {
        throw InputException.at(
            f.file, dataLine, (nominal.isEmpty() ? "no nominal class attribute" : "no nominal class attribute last")
                + " (attributes: " + describe(attributes) + "); name the class with --label-column");
      }
      label = nominal.getFirst();
    }
    if (attributes.get(label).type != Type.NOMINAL) {
      Attribute a = attributes.get(label);
      throw InputException.at(
          f.file, a.line,
          "the class attribute '" + excerpt(a.name) + "' is " + typeName(a) + ", not nominal ({value1,value2,...})");
    }
    return new Roles(text, label, group, id);
  }

  private static String typeName(Attribute a) {
    return a.type.name().toLowerCase(Locale.ROOT);
  }

  private static String describe(List<Attribute> attributes) {
    if (attributes.isEmpty()) {
      return "none";
    }
    Iterable<String> names = () -> attributes.stream().map(a -> a.name + " " + typeName(a)).iterator();
    return excerpt(names);
  }

  private static int index(List<Attribute> attributes, String name) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).name.equals(name)) {
        return i;
      }
    }
    int found = -1;
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).name.equalsIgnoreCase(name)) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  private static int named(TextFile f, int line, List<Attribute> attributes, String name, String role) {
    int i = index(attributes, name);
    if (i < 0) {
      throw InputException.at(
          f.file, line, "no " + role + " attribute '" + excerpt(name) + "' (attributes: " + describe(attributes) + ")");
    }
    return i;
  }

  /** One data row as strings per attribute (null for a missing value). */
  private static String[] row(Cursor c, List<Attribute> attributes) {
    String[] v = new String[attributes.size()];
    if (c.peek() == '{') {
      c.pos++;
      boolean[] set = new boolean[v.length];
      while (true) {
        c.skipSpaces();
        if (c.peek() == '}') {
          c.pos++;
          break;
        }
        String idx = c.word();
        int i;
        try {
          i = Integer.parseInt(idx);
        } catch (NumberFormatException e) {
          throw c.fail("sparse row: expected an attribute index, found '" + excerpt(idx, 20) + "'");
        }
        if (i < 0 || i >= v.length) {
          throw c.fail("sparse row: attribute index " + i + " out of range 0.." + (v.length - 1));
        }
        c.skipSpaces();
        v[i] = c.value("},");
        set[i] = true;
        c.skipSpaces();
        char d = c.peek();
        if (d == ',') {
          c.pos++;
        } else if (d != '}') {
          throw c.fail("sparse row: expected ',' or '}'" + (d == 0 ? " before the end of the line" : ", found '" + d + "'"));
        }
      }
      for (int i = 0; i < v.length; i++) {
        if (!set[i]) {
          Attribute a = attributes.get(i);
          v[i] = a.type == Type.NOMINAL ? a.values.getFirst() : a.type == Type.STRING ? "" : "0";
        }
      }
      c.weight();
      return v;
    }
    for (int n = 0; n < v.length; n++) {
      if (n > 0) {
        c.skipSpaces();
        if (c.peek() != ',') {
          throw c.fail("row has " + n + " value" + (n == 1 ? "" : "s") + ", the header declares " + v.length + " attributes");
        }
        c.pos++;
      }
      v[n] = c.value(",");
    }
    c.skipSpaces();
    if (c.peek() == ',') {
      c.pos++;
      c.skipSpaces();
      if (c.peek() != '{') {
        throw c.fail("row has more than the " + v.length + " values the header declares");
      }
    }
    c.weight();
    return v;
  }

  /** A position in one line of the file, with the ARFF lexical rules. */
  private static final class Cursor {
    final TextFile f;
    final int line;
    final String s;
    int pos;

    Cursor(TextFile f, int line, String s) {
      this.f = f;
      this.line = line;
      this.s = s;
    }

    InputException fail(String what) {
      return InputException.at(f.file, line, what);
    }

    char peek() {
      return pos < s.length() ? s.charAt(pos) : 0;
    }

    boolean atEnd() {
      skipSpaces();
      return pos >= s.length() || s.charAt(pos) == '%';
    }

    void skipSpaces() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    /** A run of non-space chars (keywords, types, sparse indices). */
    String word() {
      skipSpaces();
      int start = pos;
      while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && "{},%".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      return s.substring(start, pos);
    }

    /** An attribute name: quoted, or a run of non-space chars. */
    String name() {
      skipSpaces();
      char q = peek();
      return q == '\'' || q == '"' ? quoted() : word();
    }

    /** A value ending before one of {@code stops}: quoted, or unquoted and stripped; {@code ?} is null. */
    String value(String stops) {
      skipSpaces();
      char q = peek();
      if (q == '\'' || q == '"') {
        return quoted();
      }
      int start = pos;
      while (pos < s.length() && stops.indexOf(s.charAt(pos)) < 0 && s.charAt(pos) != '%') {
        pos++;
      }
      String v = s.substring(start, pos).strip();
      return v.equals("?") ? null : v;
    }

    /** A quoted string with Weka's escapes: \n \r \t \\ \' \" \% and \\uXXXX; any other escaped char is itself. */
    String quoted() {
      char q = s.charAt(pos);
      int open = pos;
      pos++;
      StringBuilder b = new StringBuilder();
      while (pos < s.length()) {
        char c = s.charAt(pos++);
        if (c == q) {
          return b.toString();
        }
        if (c == '\\' && pos < s.length()) {
          char e = s.charAt(pos++);
          switch (e) {
            case 'n' -> b.append('\n');
            case 'r' -> b.append('\r');
            case 't' -> b.append('\t');
            case 'u' -> {
              if (pos + 4 <= s.length() && s.substring(pos, pos + 4).matches("[0-9A-Fa-f]{4}")) {
                char u = (char) Integer.parseInt(s.substring(pos, pos + 4), 16);
                if (u == 0) {
                  // as a NUL byte is refused (Utf8): not text, and it would be copied into result files
                  throw fail("\\u0000 at character " + (pos - 1) + ": a NUL character is not allowed in a value");
                }
                b.append(u);
                pos += 4;
              } else {
                b.append('u');
              }
            }
            default -> b.append(e);
          }
        } else {
          b.append(c);
        }
      }
      throw fail("unterminated quote (the " + (q == '\'' ? "'" : "\"") + " at character " + (open + 1)
          + " is never closed on this line; ARFF values cannot span lines, write \\n)");
    }

    /** An optional instance weight {@code ,{number}} (the comma optional), ignored; then the line must end. */
    void weight() {
      skipSpaces();
      if (peek() == ',' && s.indexOf('{', pos) >= 0 && s.substring(pos + 1, s.indexOf('{', pos)).isBlank()) {
        pos = s.indexOf('{', pos);
      }
      if (peek() == '{') {
        int close = s.indexOf('}', pos);
        if (close < 0) {
          throw fail("unterminated instance weight (expected '}')");
        }
        pos = close + 1;
      }
      if (!atEnd()) {
        throw fail("unexpected '" + excerpt(s.substring(pos), 20) + "' at the end of the row");
      }
    }
  }
}
