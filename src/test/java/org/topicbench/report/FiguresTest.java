package org.topicbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {
  @TempDir Path tmp;

  @Test
  void paretoFrontByHand() {
    // (quality, speed): A(0.9, 10) best, B(0.8, 100), C(0.7, 50) dominated by B, D(0.5, 1000), E(0.5, 1000) ties D,
    // F(NaN, 10^6) unmeasured
    double[] q = {0.9, 0.8, 0.7, 0.5, 0.5, Double.NaN};
    double[] s = {10, 100, 50, 1000, 1000, 1e6};
    boolean[] front = Figures.paretoFront(q, s);
    assertArrayEquals(new boolean[] {true, true, false, true, true, false}, front);
  }

  @Test
  void paretoFrontPropertiesOnRandomPoints() {
    long seed = new Random().nextLong();
    System.out.println("FiguresTest.paretoFrontPropertiesOnRandomPoints seed=" + seed);
    Random r = new Random(seed);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + r.nextInt(12);
      double[] q = new double[n];
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        q[i] = r.nextInt(5) / 4.0; // ties on purpose
        s[i] = 1 + r.nextInt(5);
      }
      boolean[] front = Figures.paretoFront(q, s);
      boolean any = false;
      for (int i = 0; i < n; i++) {
        any |= front[i];
        boolean dominated = false;
        for (int j = 0; j < n; j++) {
          dominated |= q[j] >= q[i] && s[j] >= s[i] && (q[j] > q[i] || s[j] > s[i]);
        }
        assertEquals(!dominated, front[i], "seed " + seed + " trial " + trial + " point " + i);
      }
      assertTrue(any, "a non-empty set has a front; seed " + seed);
    }
  }

  @Test
  void costsFromTimingsByHand() throws IOException {
    Path f = tmp.resolve("timings.csv");
    Files.writeString(f, """
        protocol,learner,repetition,fold,train_size,test_size,train_ns,predict_ns,predict_sentences_per_s
        kfold,a,0,0,90,10,2000000,1000000,10000.0
        kfold,a,0,1,90,30,4000000,1000000,30000.0
        kfold,b,0,0,90,10,1000,0,NaN
        """);
    CsvTable t = CsvTable.read(f, List.of("learner"), Set.of(), Set.of("train_ns", "predict_ns", "test_size"), x -> true);
    Map<String, Figures.Cost> c = Figures.costs(t.rows());
    assertEquals(3.0, c.get("a").trainMsPerFold(), 1e-12); // (2 + 4) ms / 2 folds
    assertEquals(20000.0, c.get("a").sentencesPerSecond(), 1e-9); // 40 sentences in 2 ms
    assertTrue(Double.isNaN(c.get("b").sentencesPerSecond()), "no prediction time measured");
  }

  @Test
  void misclassifiedMergesRepetitionsPerSentenceAndWrongLabel() throws IOException {
    Path p = tmp.resolve("predictions.csv");
    Files.writeString(p, """
        protocol,learner,repetition,fold,dataset,id,true,predicted,p_x,p_y,p_z
        kfold,a,0,0,d,s1,x,y,0.2,0.7,0.1
        kfold,a,1,2,d,s1,x,y,0.4,0.5,0.1
        kfold,a,2,1,d,s1,x,z,0.3,0.3,0.4
        kfold,a,0,1,d,s2,y,y,0.1,0.8,0.1
        kfold,a,1,0,d,s2,y,x,0.9,0.05,0.05
        kfold,a,2,0,d,s2,y,y,0.1,0.8,0.1
        kfold,a,0,0,d,s3,z,z,,,
        """);
    Path e = tmp.resolve("examples.csv");
    Files.writeString(e, """
        protocol,index,dataset,id,group,cluster,cluster_size,label,text
        kfold,0,d,s1,doc1,0,1,x,first
        kfold,1,d,s2,doc1,1,1,y,second
        kfold,2,d,s3,doc2,2,1,z,third
        """);
    var preds = CsvTable.read(p, List.of("learner"), Set.of(), Set.of("repetition"), x -> true).rows();
    var ex = CsvTable.read(e, List.of("id"), Set.of(), Set.of("index"), x -> true).rows();
    List<Figures.Misclassified> m = Figures.misclassified(preds, ex);
    assertEquals(3, m.size());
    // s1 -> y twice first; then the single errors by confidence: s2 -> x (0.9) before s1 -> z (0.4)
    assertEquals("s1", m.get(0).example().get("id"));
    assertEquals("y", m.get(0).predicted());
    assertEquals(2, m.get(0).times());
    assertEquals(3, m.get(0).of());
    assertEquals(0.6, m.get(0).confidence(), 1e-12);
    assertEquals("x", m.get(1).predicted());
    assertEquals(0.9, m.get(1).confidence(), 1e-12);
    assertEquals("z", m.get(2).predicted());
    assertFalse(m.stream().anyMatch(x -> x.example().get("id").equals("s3")));
  }
}
