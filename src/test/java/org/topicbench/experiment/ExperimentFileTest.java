package org.topicbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topicbench.data.InputException;
import org.topicbench.eval.EvaluationSpec;
import org.topicbench.eval.ProtocolSpec;
import org.topicbench.eval.RankingSpec;
import org.topicbench.eval.TunedLearner;
import org.topicbench.model.Learner;
import org.topicbench.model.Learners;

/** Experiment files: the issue's shape, the default experiment, the template, and every kind of bad file. */
public class ExperimentFileTest {
  @TempDir Path tmp;

  /** Two small datasets the project has never seen: a CSV with its own column names and an ARFF pair. */
  public static void writeData(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("data"));
    String[] words = {"wheat", "corn", "rates"};
    String[] labels = {"grain", "maize", "money"};
    StringBuilder csv = new StringBuilder("sentence,topic,source\n");
    StringBuilder train = new StringBuilder("@relation corn\n@attribute text string\n@attribute class {grain,maize,money}\n@data\n");
    StringBuilder test = new StringBuilder(train);
    for (int i = 0; i < 36; i++) {
      int y = i % 3;
      String s = words[y] + " report number " + i + " from desk " + (char) ('a' + i % 7) + (char) ('a' + i / 7);
      csv.append('"').append(s).append("\",").append(labels[y]).append(",doc").append(i % 4).append('\n');
      (i < 24 ? train : test).append('\'').append(s).append("',").append(labels[y]).append('\n');
    }
    Files.writeString(dir.resolve("data").resolve("wire.csv"), csv);
    Files.writeString(dir.resolve("data").resolve("one-doc.csv"), "text,label,doc\na b c,x,d1\nd e f,y,d1\n");
    Files.writeString(dir.resolve("data").resolve("corn-train.arff"), train);
    Files.writeString(dir.resolve("data").resolve("corn-test.arff"), test);
  }

  public static final String ISSUE_SHAPE = """
      seed: 7
      datasets:
        - name: wire
          file: data/wire.csv
          protocols: [kfold, loo-doc]
          folds: 3
          repeats: 2
          text-column: sentence
          label-column: topic
          group-column: source
        - name: corn
          file: data/corn-train.arff
          test: data/corn-test.arff
          protocols: [split]
      learners:
        - smile.nb-complement
        - weka:weka.classifiers.trees.J48 -C 0.25 -M 2
        - smile.logistic lambda=0.001|0.01|0.1
        - name: svm-tuned
          spec: smile.svm-linear c=0.1|1|10
          tune: {folds: 3, metric: macro_f1}
      """;

  @Test
  void theIssuesShapeReadsWithPathsRelativeToTheFile() throws IOException {
    Path dir = tmp.resolve("exp");
    writeData(dir);
    Path f = dir.resolve("experiment.yaml");
    Files.writeString(f, ISSUE_SHAPE);
    Experiment e = ExperimentFile.read(f);
    assertEquals(7, e.seed());
    assertEquals(List.of("wire/kfold", "wire/loo-doc", "corn/split"), e.tasks().stream().map(ProtocolSpec::key).toList());
    assertEquals(List.of("smile.nb-complement", "weka:weka.classifiers.trees.J48 -C 0.25 -M 2",
            "smile.logistic lambda=0.001", "smile.logistic lambda=0.01", "smile.logistic lambda=0.1", "svm-tuned"),
        e.learners().stream().map(Learner::name).toList());
    TunedLearner t = (TunedLearner) e.learners().getLast();
    assertEquals(List.of("c=0.1", "c=1", "c=10"), t.candidateValues());
    assertEquals(3, t.folds());
    assertEquals("macro_f1", t.metric());
    Experiment.DatasetEntry wire = e.datasets().getFirst();
    assertEquals(36, wire.data().size());
    assertEquals(4, wire.data().examples().stream().map(x -> x.group()).distinct().count(), "group-column read");
    assertEquals(3, wire.folds());
    assertEquals(2, wire.repeats());
    assertEquals(12, e.datasets().get(1).test().size());
    assertEquals(RankingSpec.DEFAULT, e.ranking());
    EvaluationSpec spec = e.spec(2);
    assertEquals(3, spec.protocols().size());
  }

  @Test
  void theDefaultExperimentIsTheDefaultEvaluation() {
    Experiment e = ExperimentFile.read(ExperimentFile.DEFAULT);
    assertEquals(Learners.all().stream().map(Learner::name).toList(), e.learners().stream().map(Learner::name).toList());
    EvaluationSpec fromFile = e.spec(1);
    EvaluationSpec inJava = EvaluationSpec.defaults(Learners.all()).withThreads(1);
    assertEquals(inJava.runId(), fromFile.runId(), "the same datasets, tasks, learners, seed and bootstrap");
    assertEquals("datasets/sentences.csv", fromFile.protocols().getFirst().datasets().getFirst().file(),
        "results name the file relative to the repository, not this machine");
  }

  @Test
  void theTemplateRunsAsWritten() throws IOException {
    Path f = tmp.resolve("sub").resolve("my.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, ExperimentFile.template(f));
    Experiment e = ExperimentFile.read(f);
    assertEquals(List.of("articles/kfold", "articles/loo-doc", "articles/split"),
        e.tasks().stream().map(ProtocolSpec::key).toList());
    assertEquals("svm-tuned", e.learners().getLast().name());
  }

  private void assertBad(String yaml, String expected) throws IOException {
    Path dir = tmp.resolve("bad");
    writeData(dir);
    Path f = dir.resolve("x.yaml");
    Files.writeString(f, yaml);
    InputException e = assertThrows(InputException.class, () -> ExperimentFile.read(f), yaml);
    assertEquals(f + ":" + expected, e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  private static final String LEARNERS = "learners: [baseline.majority]\n";
  private static final String DATA = "datasets:\n  - name: wire\n    file: data/wire.csv\n    text-column: sentence\n"
      + "    label-column: topic\n";

  @Test
  void everyBadFileIsOneLineNamingFileLineAndColumn() throws IOException {
    assertBad("seed: [1\n" + LEARNERS, "2:9: bad YAML: while parsing a flow sequence: expected ',' or ']', but got :");
    assertBad("seed: 7\ncolour: red\n" + DATA + LEARNERS, "2:1: the file: unknown key 'colour' (known: bootstrap,"
        + " datasets, learners, ranking, seed)");
    assertBad("seed: seven\n" + DATA + LEARNERS, "1:7: seed: expected a whole number, got a text");
    assertBad(LEARNERS, "1:1: missing key 'datasets'");
    assertBad(DATA + "    colour: red\n" + LEARNERS, "6:5: datasets[1]: unknown key 'colour' (known: file, folds,"
        + " group-column, id-column, label-column, name, protocols, repeats, test, text-column)");
    assertBad("datasets:\n  - name: wire\n    file: data/nope.csv\n" + LEARNERS,
        "3:11: datasets.wire.file: no such file: " + tmp.resolve("bad").resolve("data").resolve("nope.csv"));
    assertBad(DATA + "    protocols: [split]\n" + LEARNERS, "6:16: datasets.wire.protocols: split and pooled need a"
        + " test file: add 'test: FILE'");
    assertBad("datasets:\n  - name: one\n    file: data/one-doc.csv\n    protocols: [loo-doc]\n" + LEARNERS,
        "4:16: datasets.one.protocols: loo-doc needs at least two documents, data/one-doc.csv has 1 (name its"
            + " document column with group-column)");
    assertBad(DATA + "    protocols: [shuffle]\n" + LEARNERS, "6:17: datasets.wire.protocols: protocol must be one of"
        + " loo-doc, kfold, split, pooled; got 'shuffle'");
    assertBad(DATA + "    protocols: [loo-doc]\n    folds: 3\n    group-column: source\n" + LEARNERS,
        "7:12: datasets.wire.folds: folds applies to kfold and pooled only, not to loo-doc");
    assertBad(DATA + "learners:\n  - smile.logistic lambda=-1\n", "7:5: learners[1]: spec 'smile.logistic lambda=-1':"
        + " lambda: must be >= 0.0, got -1");
    assertBad(DATA + "learners:\n  - weka:weka.classifiers.Nope\n", "7:5: learners[1]: spec 'weka:weka.classifiers.Nope':"
        + " no class weka.classifiers.Nope on the class path");
    assertBad(DATA + "learners:\n  - name: t\n    spec: smile.knn k=3\n    tune: {folds: 3}\n",
        "8:11: learners[1].spec: a tuned learner needs a grid to choose from (a value with |)");
    assertBad(DATA + "learners:\n  - name: t\n    spec: smile.knn k=1|3\n    tune: {metric: auc}\n",
        "9:20: learners[1].tune.metric: must be one of macro_f1, accuracy, kappa, log_loss, got 'auc'");
    assertBad(DATA + "learners:\n  - smile.knn\n  - smile.knn\n", "8:5: learners[2]: a second learner named"
        + " 'smile.knn'; give it a name");
    assertBad(DATA + LEARNERS + "ranking: {control: smile.knn}\n", "7:20: ranking.control: 'smile.knn' is not the name"
        + " of a learner of this experiment");
    assertBad("a: &x [1]\nb: *x\n", "1:4: a YAML anchor (&x): experiment files use no anchors or aliases");
    assertBad("seed: 1\nseed: 2\n", "2:1: the key 'seed' appears twice");
    assertBad("seed: 1\n---\nseed: 2\n", "3:1: a second YAML document (---): an experiment file holds one");
    assertBad("", "1:1: empty: an experiment needs datasets and learners ('topicbench experiment init' writes a"
        + " template)");
  }

  @Test
  void nonUtf8AndUtf16FilesAreRefusedInOneLine() throws IOException {
    Path f = tmp.resolve("u.yaml");
    Files.write(f, new byte[] {(byte) 0xFF, (byte) 0xFE, 's', 0});
    InputException e = assertThrows(InputException.class, () -> ExperimentFile.read(f));
    assertEquals(f + ": is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8", e.getMessage());
    Files.write(f, new byte[] {'s', ':', ' ', (byte) 0xC3});
    assertTrue(assertThrows(InputException.class, () -> ExperimentFile.read(f)).getMessage().endsWith("not valid UTF-8;"
        + " save it as UTF-8"));
  }
}
