package org.topicbench.model.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.ArffWriter;
import org.topicbench.data.Dataset;
import org.topicbench.data.Datasets;
import org.topicbench.data.Example;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/**
 * topicbench's ARFF files open in Weka as written, and Weka's own ARFF files read back in topicbench:
 * the texts and labels that go in come out (lives here because only model.weka may touch Weka).
 */
class ArffWekaInteropTest {
  @TempDir Path dir;

  private static final List<String> TEXTS =
      List.of(
          "He has put the Commissioner “on notice”, Mr Khan said.",
          "It's 100% true: {braces}, \"quotes\", a back\\slash and a\ttab",
          "two\nlines\r\nand CRLF",
          "?",
          "  spaces around  ",
          "Loading audio...");

  @Test
  void wekaReadsWhatArffWriterWrites() throws IOException {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      examples.add(new Example("s" + i, "d" + (i % 2), i % 2 == 0 ? "political_response" : "b c", TEXTS.get(i)));
    }
    Dataset d = new Dataset("interop", "interop.csv", "00", examples);
    StringWriter w = new StringWriter();
    ArffWriter.write(d, w, false);
    Instances data = new ArffLoader.ArffReader(new StringReader(w.toString())).getData();
    assertEquals(2, data.numAttributes());
    assertEquals(Attribute.STRING, data.attribute(0).type());
    assertEquals(Attribute.NOMINAL, data.attribute(1).type());
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < data.numInstances(); i++) {
      texts.add(data.instance(i).stringValue(0));
      labels.add(data.instance(i).stringValue(1));
    }
    assertEquals(TEXTS, texts);
    assertEquals(examples.stream().map(Example::label).toList(), labels);
  }

  @Test
  void topicbenchReadsWhatWekaWrites() throws IOException {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("Text", (List<String>) null));
    attributes.add(new Attribute("class-att", List.of("0", "1")));
    Instances data = new Instances("Reuters-like", attributes, TEXTS.size());
    for (int i = 0; i < TEXTS.size(); i++) {
      DenseInstance inst = new DenseInstance(2);
      inst.setDataset(data);
      inst.setValue(0, TEXTS.get(i));
      inst.setValue(1, i % 2);
      data.add(inst);
    }
    Path file = dir.resolve("weka.arff");
    Files.writeString(file, data.toString(), StandardCharsets.UTF_8);
    Dataset d = Datasets.read(file);
    assertEquals(TEXTS, d.examples().stream().map(Example::text).toList());
    assertEquals(List.of("0", "1", "0", "1", "0", "1"), d.examples().stream().map(Example::label).toList());
  }
}
