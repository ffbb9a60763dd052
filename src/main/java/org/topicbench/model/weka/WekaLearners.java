package org.topicbench.model.weka;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.topicbench.model.Preprocessing;
import weka.classifiers.Classifier;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.Randomizable;

/**
 * Weka classifiers by class name and Weka's own options, as learner specs name them
 * ({@code weka:weka.classifiers.functions.SMO -C 10}): checked once, before anything is trained, and
 * configured the same way for every fit.
 */
public final class WekaLearners {
  static {
    WekaRuntime.init();
  }

  /**
   * Classifiers that read a file named in their options (a serialised model: Java deserialisation of
   * whatever the file holds), which an experiment file must not be able to make topicbench do.
   */
  private static final Set<String> REFUSED =
      Set.of("weka.classifiers.misc.SerializedClassifier", "weka.classifiers.misc.InputMappedClassifier");

  private WekaLearners() {}

  /**
   * The learner for a spec's Weka part.
   *
   * @param name the learner's name
   * @param className the classifier's class
   * @param options its options in Weka's syntax, split into words
   * @param preprocessing the pipeline settings
   * @param dense dense rows instead of sparse ones
   * @throws IllegalArgumentException saying what is wrong: no such class, not a classifier, an option it
   *     rejects or does not know, class weights for a classifier that takes no weights
   */
  public static WekaLearner fromSpec(
      String name, String className, List<String> options, Preprocessing preprocessing, boolean dense) {
    configured(className, options); // fails here, with the reason, before any fit
    return new WekaLearner(name, preprocessing, dense, className, options);
  }

  /** A new instance of the classifier class {@code className}, checked before it is loaded. */
  static Classifier instantiate(String className) {
    if (REFUSED.contains(className)) {
      throw new IllegalArgumentException(className + " reads a serialised model from a file; topicbench does not run it");
    }
    Class<?> c;
    try {
      c = Class.forName(className, false, WekaLearners.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("no class " + className + " on the class path");
    }
    if (!Classifier.class.isAssignableFrom(c)) {
      throw new IllegalArgumentException(className + " is not a Weka classifier (weka.classifiers.Classifier)");
    }
    if (Modifier.isAbstract(c.getModifiers()) || c.isInterface()) {
      throw new IllegalArgumentException(className + " is abstract; name a concrete classifier");
    }
    try {
      return (Classifier) c.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(className + " has no public constructor without arguments");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(className + " cannot be created: " + cause);
    }
  }

  /** A new instance with {@code options} set; every option must be taken. */
  static Classifier configured(String className, List<String> options) {
    Classifier c = instantiate(className);
    if (options.isEmpty()) {
      return c;
    }
    if (!(c instanceof OptionHandler h)) {
      throw new IllegalArgumentException(className + " takes no options, got " + String.join(" ", options));
    }
    String[] given = options.toArray(String[]::new);
    try {
      h.setOptions(given);
    } catch (Exception e) {
      throw new IllegalArgumentException(className + " rejects its options: " + oneLine(e.getMessage()));
    }
    List<String> left = Arrays.stream(given).filter(o -> !o.isEmpty()).toList();
    if (!left.isEmpty()) {
      throw new IllegalArgumentException(className + " does not know the options " + String.join(" ", left));
    }
    return c;
  }

  /** Sets {@code c}'s own seed, where it has one. */
  static void seed(Classifier c, int seed) {
    if (c instanceof Randomizable r) {
      r.setSeed(seed);
      return;
    }
    try {
      Method m = c.getClass().getMethod("setRandomSeed", int.class);
      m.invoke(c, seed);
    } catch (NoSuchMethodException e) {
      // no seed: deterministic
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(c.getClass().getName() + ".setRandomSeed failed", e);
    }
  }

  /**
   * {@code base} with {@code overrides} applied: every option flag of {@code overrides} is removed from
   * {@code base} (with its argument, when the classifier's {@code listOptions} says it takes one) and
   * {@code overrides} appended. So {@code weka.smo -C 10} is the preset with C = 10.
   */
  public static List<String> merge(String className, List<String> base, List<String> overrides) {
    if (overrides.isEmpty()) {
      return base;
    }
    Map<String, Integer> arity = new HashMap<>();
    if (instantiate(className) instanceof OptionHandler h) {
      for (Enumeration<Option> e = h.listOptions(); e.hasMoreElements(); ) {
        Option o = e.nextElement();
        arity.put("-" + o.name(), o.numArguments());
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      String w = base.get(i);
      int args = arity.getOrDefault(w, 0);
      if (w.startsWith("-") && overrides.contains(w)) {
        i += args;
        continue;
      }
      out.add(w);
    }
    out.addAll(overrides);
    return out;
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "(no reason given)";
    }
    String line = s.strip().replaceAll("\\s+", " ");
    return line.length() > 300 ? line.substring(0, 299) + "…" : line;
  }
}
