package org.topicbench.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML document read into a small tree that remembers where each node starts (line and column), so
 * that every error can name them. Only what experiment files need: mappings with string keys, lists and
 * scalars. Anchors and aliases, several documents, duplicate keys, nesting deeper than {@value
 * #MAX_DEPTH} and more than {@value #MAX_NODES} nodes are refused: a hostile file costs an error, never
 * a blow-up.
 */
final class YamlTree {
  static final int MAX_DEPTH = 20;
  static final int MAX_NODES = 100_000;

  /** A node and where it starts. */
  sealed interface Node permits Scalar, Mapping, Sequence {
    int line();

    int column();

    /** What it is, for messages: a text, a number, a list, a mapping. */
    String kind();
  }

  /** A scalar; {@code token} says how YAML typed it. */
  record Scalar(String text, JsonToken token, int line, int column) implements Node {
    @Override
    public String kind() {
      return switch (token) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
        case VALUE_TRUE, VALUE_FALSE -> "true/false";
        case VALUE_NULL -> "nothing (null)";
        default -> "a text";
      };
    }
  }

  /** A key of a mapping, with where it is. */
  record Key(String name, int line, int column) {}

  /** A mapping, keys in file order. */
  record Mapping(Map<Key, Node> entries, int line, int column) implements Node {
    @Override
    public String kind() {
      return "a mapping (key: value)";
    }
  }

  /** A list. */
  record Sequence(List<Node> items, int line, int column) implements Node {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A syntax or structure problem at a place. */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    Problem(int line, int column, String message) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  private final YAMLParser parser;
  private int nodes;

  private YamlTree(YAMLParser parser) {
    this.parser = parser;
  }

  /** Parses {@code text}: one YAML document. An empty document is null. */
  static Node parse(String text) throws Problem {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(text.length() + 16);
    YAMLFactory factory = YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();
    try (YAMLParser p = (YAMLParser) factory.createParser(text)) {
      YamlTree t = new YamlTree(p);
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      Node root = t.node(first, 0);
      if (p.nextToken() != null) {
        JsonLocation l = p.currentTokenLocation();
        throw new Problem(l.getLineNr(), l.getColumnNr(), "a second YAML document (---): an experiment file holds one");
      }
      return root;
    } catch (StreamReadException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
          String what = (m.getContext() == null ? "" : m.getContext() + ": ") + m.getProblem();
          throw new Problem(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1,
              "bad YAML: " + oneLine(what));
        }
      }
      JsonLocation l = e.getLocation();
      String message = e.getOriginalMessage() == null ? "bad YAML" : e.getOriginalMessage();
      throw new Problem(l == null ? 1 : Math.max(1, l.getLineNr()), l == null ? 1 : Math.max(1, l.getColumnNr()),
          "bad YAML: " + oneLine(message));
    } catch (IOException e) {
      throw new Problem(1, 1, "bad YAML: " + oneLine(e.getMessage()));
    }
  }

  private Node node(JsonToken token, int depth) throws IOException, Problem {
    JsonLocation l = parser.currentTokenLocation();
    int line = l.getLineNr();
    int column = l.getColumnNr();
    if (++nodes > MAX_NODES) {
      throw new Problem(line, column, "more than " + MAX_NODES + " YAML nodes");
    }
    if (depth > MAX_DEPTH) {
      throw new Problem(line, column, "nested deeper than " + MAX_DEPTH + " levels");
    }
    if (parser.isCurrentAlias()) {
      throw new Problem(line, column, "a YAML alias (*" + parser.getText() + "): experiment files use no anchors or"
          + " aliases");
    }
    if (parser.getObjectId() != null) {
      throw new Problem(line, column, "a YAML anchor (&" + parser.getObjectId() + "): experiment files use no anchors"
          + " or aliases");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<Key, Node> entries = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          JsonLocation kl = parser.currentTokenLocation();
          String name = parser.currentName();
          if (names.contains(name)) {
            throw new Problem(kl.getLineNr(), kl.getColumnNr(), "the key '" + name + "' appears twice");
          }
          names.add(name);
          Key key = new Key(name, kl.getLineNr(), kl.getColumnNr());
          entries.put(key, node(parser.nextToken(), depth + 1));
        }
        return new Mapping(entries, line, column);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(node(t, depth + 1));
        }
        return new Sequence(items, line, column);
      }
      default -> {
        return new Scalar(token == JsonToken.VALUE_NULL ? null : parser.getText(), token, line, column);
      }
    }
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 199) + "…" : one;
  }
}
