package org.topicbench.feature.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pretrained encoder runs from the jar: 384 unit-length dimensions, meaning-preserving, cached. */
class MiniLmEncoderTest {
  private static double cos(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void similarSentencesAreCloserThanUnrelatedOnes() {
    MiniLmEncoder e = MiniLmEncoder.get();
    List<String> texts = List.of("The police officers sent racist messages.",
        "Officers exchanged offensive and racist messages.", "Preheat the oven and add the flour.");
    float[][] v = e.encode(texts);
    assertEquals(3, v.length);
    for (float[] x : v) {
      assertEquals(384, x.length);
      assertEquals(1, cos(x, x), 1e-4, "unit length");
    }
    assertTrue(cos(v[0], v[1]) > cos(v[0], v[2]) + 0.3, cos(v[0], v[1]) + " vs " + cos(v[0], v[2]));
  }

  @Test
  void eachDistinctTextIsEmbeddedOnceAndBatchesGiveTheSameVectors() {
    MiniLmEncoder e = MiniLmEncoder.get();
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 150; i++) { // three batches
      many.add("Sentence number " + i + " about the mayor and the commissioner.");
    }
    float[][] a = e.encode(many);
    float[][] b = e.encode(List.of(many.get(70), many.get(3)));
    assertSame(a[70], b[0], "cached");
    float[][] fresh = e.encodeUncached(List.of(many.get(70)));
    assertArrayEquals(a[70], fresh[0], 1e-5f, "a vector does not depend on its batch");
    assertEquals(64, e.sha256().length());
    assertEquals(e.encode(List.of("")).length, 1, "an empty text is embedded too");
  }

  @Test
  void theQuantisedModelAgreesWithTheFullOne() {
    List<String> texts = List.of("The police officers sent racist messages.", "Preheat the oven and add the flour.");
    float[][] a = MiniLmEncoder.get().encode(texts);
    float[][] q = MiniLmEncoder.quantized().encode(texts);
    assertEquals(MiniLmEncoder.QUANTIZED_ID, MiniLmEncoder.quantized().id());
    assertTrue(!MiniLmEncoder.get().sha256().equals(MiniLmEncoder.quantized().sha256()));
    for (int i = 0; i < texts.size(); i++) {
      assertTrue(cos(a[i], q[i]) > 0.9, "the same sentence, close vectors: " + cos(a[i], q[i]));
    }
  }
}
