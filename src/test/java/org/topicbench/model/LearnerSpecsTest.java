package org.topicbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.topicbench.data.InputException;

/** Learner specs: presets expand to full specs that build the same learner, grids, overrides, and errors. */
class LearnerSpecsTest {
  static Stream<String> presets() {
    return LearnerSpecs.presets().stream().map(LearnerSpecs.Preset::name);
  }

  /** A preset's full spec builds a learner with the same settings and the same predictions. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void everyPresetsFullSpecBuildsTheSameLearner(String name) {
    Learner preset = LearnerSpecs.learner(name);
    assertEquals(name, preset.name());
    Learner again = LearnerSpecs.learner(preset.spec());
    assertEquals(preset.spec(), again.spec(), "the full spec is a fixed point");
    assertEquals(preset.hyperparameters(), again.hyperparameters());
    assertEquals(preset.spec(), again.name(), "a spec that is not a preset's name is named by its words");
    TrainingSet train = ExternalDev.train();
    List<String> test = ExternalDev.texts(ExternalDev.test()).subList(0, 40);
    Prediction[] a = preset.fit(train, 5).predictAll(test);
    Prediction[] b = again.fit(train, 5).predictAll(test);
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i].label(), b[i].label(), name + " sentence " + i);
      assertArrayEquals(a[i].probabilities(), b[i].probabilities(), name + " sentence " + i);
    }
  }

  @Test
  void theDefaultLearnersArePresetsWithTheirOldNames() {
    assertEquals(24, Learners.all().size());
    assertEquals(List.of("baseline.majority", "baseline.stratified", "baseline.rules", "smile.nb-multinomial",
            "smile.nb-complement", "smile.logistic", "smile.svm-linear", "smile.random-forest", "smile.knn",
            "weka.nb-multinomial", "weka.smo", "weka.logistic", "weka.j48", "weka.random-forest", "weka.ibk",
            "weka.zeror", "smile.nb-complement-cues", "smile.logistic-cues", "smile.svm-linear-cues", "weka.smo-cues",
            "weka.logistic-cues", "smile.logistic-minilm", "smile.logistic-cues-minilm", "smile.svm-linear-cues-minilm"),
        Learners.all().stream().map(Learner::name).toList());
    Learner smo = LearnerSpecs.learner("weka.smo");
    assertTrue(smo.spec().startsWith("weka:weka.classifiers.functions.SMO -no-checks -C 1.0 "), smo.spec());
    assertTrue(smo.spec().contains(" -K \"weka.classifiers.functions.supportVector.PolyKernel -E 1.0 -C 0\" "),
        smo.spec());
    assertTrue(smo.spec().endsWith(" features.renorm=true features.weights=balanced features.extras=none"
        + " features.embedding=none features.text=true"),
        smo.spec());
    assertEquals("smile.logistic lambda=0.01 tolerance=1.0E-4 max_iterations=200 features.ngrams=1-2"
        + " features.chars=none features.lowercase=true features.min_length=1 features.stopwords=none features.min_df=1"
        + " features.weighting=tfidf features.sublinear=false features.norm=l2 features.hash=0 features.selection=none"
        + " features.renorm=true features.weights=none features.extras=none features.embedding=none"
        + " features.text=true",
        LearnerSpecs.learner("smile.logistic").spec());
  }

  @Test
  void aGridMakesOneLearnerPerValueNamedWithItsValue() {
    List<LearnerSpecs.Candidate> g = LearnerSpecs.grid("smile.logistic lambda=0.001|0.01|0.1", null);
    assertEquals(List.of("smile.logistic lambda=0.001", "smile.logistic lambda=0.01", "smile.logistic lambda=0.1"),
        g.stream().map(c -> c.learner().name()).toList());
    assertEquals(List.of("lambda=0.001", "lambda=0.01", "lambda=0.1"), g.stream().map(LearnerSpecs.Candidate::values)
        .toList());
    assertEquals(List.of("0.001", "0.01", "0.1"),
        g.stream().map(c -> c.learner().hyperparameters().get("lambda")).toList());
    // two grid words: their product, the first varying slowest; a given name takes the values after it
    List<Learner> two = LearnerSpecs.expand("smile.svm-linear c=0.1|1 features.ngrams=1-1|1-2|1-3", "svm");
    assertEquals(List.of("svm c=0.1 features.ngrams=1-1", "svm c=0.1 features.ngrams=1-2",
        "svm c=0.1 features.ngrams=1-3", "svm c=1 features.ngrams=1-1", "svm c=1 features.ngrams=1-2",
        "svm c=1 features.ngrams=1-3"), two.stream().map(Learner::name).toList());
    assertTrue(two.get(2).hyperparameters().get("features").startsWith("ngrams=1-3 "));
    // a Weka option's value
    List<Learner> j48 = LearnerSpecs.expand("weka:weka.classifiers.trees.J48 -C 0.1|0.25 -M 2", null);
    assertEquals(List.of("weka:weka.classifiers.trees.J48 -C 0.1 -M 2", "weka:weka.classifiers.trees.J48 -C 0.25 -M 2"),
        j48.stream().map(Learner::name).toList());
    assertEquals(List.of("-C 0.1", "-C 0.25"),
        LearnerSpecs.grid("weka:weka.classifiers.trees.J48 -C 0.1|0.25", null).stream()
            .map(LearnerSpecs.Candidate::values).toList());
    InputException e = assertThrows(InputException.class, () -> LearnerSpecs.learner("smile.knn k=1|3"));
    assertEquals("spec 'smile.knn k=1|3': it is a grid of 2 learners (a value with |); give one value", e.getMessage());
  }

  @Test
  void wordsAfterAPresetOverrideIt() {
    Learner smo = LearnerSpecs.learner("weka.smo -C 10");
    assertEquals("weka.smo -C 10", smo.name());
    String options = smo.hyperparameters().get("weka_options");
    assertTrue(options.contains("-C 10.0 ") && !options.contains("-C 1.0 "), options);
    assertTrue(options.contains("PolyKernel -E 1.0 -C 0"), "the preset's kernel stays: " + options);
    Learner cues = LearnerSpecs.learner("smile.logistic-cues lambda=1");
    assertEquals("1.0", cues.hyperparameters().get("lambda"));
    assertTrue(cues.spec().startsWith("smile.logistic lambda=1.0 "), cues.spec());
    assertTrue(cues.hyperparameters().get("extra_features").startsWith("layout"), cues.hyperparameters().toString());
    Learner counts = LearnerSpecs.learner("smile.svm-linear c=0.5 features.ngrams=1-3 features.sublinear=true"
        + " features.extras=cues features.selection=chi2:500");
    assertEquals("0.5", counts.hyperparameters().get("c"));
    assertEquals("chi2 top 500", counts.hyperparameters().get("feature_selection"));
    assertTrue(counts.hyperparameters().get("features").contains("ngrams=1-3 ")
        && counts.hyperparameters().get("features").contains("sublinear=true"), counts.hyperparameters().toString());
  }

  /** The issue's own examples build and fit. */
  @Test
  void anyWekaClassifierByClassNameWithItsOwnOptions() {
    TrainingSet train = ExternalDev.train();
    for (String spec : List.of(
        "weka:weka.classifiers.functions.SMO -C 10 -K \"weka.classifiers.functions.supportVector.PolyKernel -E 2\"",
        "weka:weka.classifiers.meta.Bagging -I 20 -W weka.classifiers.trees.REPTree",
        "weka:weka.classifiers.trees.J48 -C 0.25 -M 2 instances=dense features.selection=chi2:50",
        "weka:weka.classifiers.rules.OneR")) {
      Learner l = LearnerSpecs.learner(spec);
      Prediction p = l.fit(train, 1).predict("The Mayor put the Commissioner on notice.");
      assertTrue(p.label() >= 0 && p.label() < train.labelNames().size(), spec);
    }
    assertTrue(LearnerSpecs.learner("weka:weka.classifiers.functions.SMO -C 10 -K"
        + " \"weka.classifiers.functions.supportVector.PolyKernel -E 2\"").hyperparameters().get("weka_options")
        .contains("PolyKernel -E 2.0"));
  }

  private static void assertBad(String spec, String why) {
    InputException e = assertThrows(InputException.class, () -> LearnerSpecs.expand(spec, null), spec);
    assertEquals("spec '" + spec + "': " + why, e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void badSpecsAreOneLineErrorsNamingTheBadPart() {
    assertBad("nope", "unknown learner 'nope' (not a preset, an algorithm or weka:CLASS; 'topicbench learners' lists"
        + " them)");
    assertBad("weka:weka.classifiers.Nope", "no class weka.classifiers.Nope on the class path");
    assertBad("weka:java.lang.String", "java.lang.String is not a Weka classifier (weka.classifiers.Classifier)");
    assertBad("weka:weka.classifiers.AbstractClassifier", "weka.classifiers.AbstractClassifier is abstract; name a"
        + " concrete classifier");
    assertBad("weka:weka.classifiers.trees.J48 -Z 3", "weka.classifiers.trees.J48 rejects its options: Illegal options:"
        + " -Z 3");
    assertBad("weka:weka.classifiers.trees.J48 -M many", "weka.classifiers.trees.J48 rejects its options: For input"
        + " string: \"many\"");
    assertBad("weka:weka.classifiers.misc.SerializedClassifier -model /tmp/x.model",
        "weka.classifiers.misc.SerializedClassifier reads a serialised model from a file; topicbench does not run it");
    assertBad("weka:weka.classifiers.rules.OneR features.weights=balanced", "weka.classifiers.rules.OneR takes no"
        + " instance weights: features.weights=balanced cannot apply");
    assertBad("weka:weka.classifiers.trees.J48 instances=wide", "must be one of sparse, dense, got 'wide'");
    assertBad("smile.logistic lambda=abc", "lambda: not a number: 'abc'");
    assertBad("smile.logistic lambda=-1", "lambda: must be >= 0.0, got -1");
    assertBad("smile.knn k=0", "k: must be >= 1, got 0");
    assertBad("smile.knn k=2.5", "k: not a whole number: '2.5'");
    assertBad("smile.logistic lamda=1", "unknown setting 'lamda' of smile.logistic (known: lambda, tolerance,"
        + " max_iterations, features.*)");
    assertBad("smile.logistic 1", "'1' is not a setting key=value of smile.logistic");
    assertBad("baseline.majority features.ngrams=1-2", "baseline.majority reads the raw text and takes no feature"
        + " settings (features.ngrams)");
    assertBad("smile.logistic features.ngrams=0-5", "features.ngrams: must be a range a-b with 1 <= a <= b <= 3, got"
        + " '0-5'");
    assertBad("smile.logistic features.colour=red", "features.colour: unknown feature setting (known: features.chars,"
        + " features.embedding, features.extras, features.hash, features.lowercase, features.min_df, features.min_length, features.ngrams,"
        + " features.norm, features.renorm, features.selection, features.stopwords, features.sublinear,"
        + " features.text, features.weighting, features.weights)");
    assertBad("smile.logistic features.weights=balanced",
        "smile.logistic does not support class weights, got classWeights=BALANCED");
    assertBad("weka:weka.classifiers.trees.J48 -K \"open", "a quote is not closed");
    assertBad("smile.knn k=1|2|3|4|5|6|7|8|9|10 features.min_df=1|2|3|4|5|6|7|8|9|10"
        + " features.ngrams=1-1|1-2|1-3|2-2|2-3|3-3|1-1|1-2|1-3|2-2|2-3", "the grid makes more than 1000 learners");
    InputException nul = assertThrows(InputException.class, () -> LearnerSpecs.expand("smile.knn k=1\u0000", null));
    // InputException shows the quoted control character as a space, so the message stays one printable line
    assertEquals("spec 'smile.knn k=1 ': a control character U+0000", nul.getMessage());
    InputException empty = assertThrows(InputException.class, () -> LearnerSpecs.learner("  "));
    assertEquals("an empty learner spec", empty.getMessage());
  }
}
