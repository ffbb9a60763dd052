package org.topicbench.model;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One named setting of a learner spec ({@code lambda=0.01}, {@code features.ngrams=1-3}): its key, the
 * value it takes when the spec does not give one, what it means, and how a value is checked. Values are
 * parsed by the static helpers, which throw {@link IllegalArgumentException} with a message that names
 * what was expected ({@code "not a number: 'abc'"}, {@code "must be > 0, got -1"}).
 *
 * @param key the key, e.g. {@code lambda}
 * @param defaultValue the value when the spec gives none, as it is written
 * @param help what it sets, with its type and range, for {@code topicbench learners}
 * @param check the value as a full spec writes it ({@code 1} becomes {@code 1.0} for a number), or an
 *     {@link IllegalArgumentException} for a value it does not accept (null: checked elsewhere)
 */
public record Setting(String key, String defaultValue, String help, UnaryOperator<String> check) {
  /** A setting checked elsewhere. */
  public Setting(String key, String defaultValue, String help) {
    this(key, defaultValue, help, null);
  }

  /** A number setting, at least {@code min} ({@code strict}: greater than). */
  static Setting ofNumber(String key, String defaultValue, String help, double min, boolean strict) {
    return new Setting(key, defaultValue, help, v -> format(number(v, min, strict)));
  }

  /** A whole-number setting in {@code [min, max]}. */
  static Setting ofInteger(String key, String defaultValue, String help, int min, int max) {
    return new Setting(key, defaultValue, help, v -> Integer.toString(integer(v, min, max)));
  }

  /** A number at least {@code min} ({@code strict}: greater than). */
  static double number(String v, double min, boolean strict) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: '" + v + "'");
    }
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("must be a finite number, got '" + v + "'");
    }
    if (strict ? !(d > min) : !(d >= min)) {
      throw new IllegalArgumentException("must be " + (strict ? "> " : ">= ") + format(min) + ", got " + v);
    }
    return d;
  }

  /** A whole number in {@code [min, max]}. */
  static int integer(String v, int min, int max) {
    int i;
    try {
      i = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number: '" + v + "'");
    }
    if (i < min || i > max) {
      throw new IllegalArgumentException(
          "must be " + (max == Integer.MAX_VALUE ? ">= " + min : min + " to " + max) + ", got " + i);
    }
    return i;
  }

  /** {@code true} or {@code false}. */
  static boolean bool(String v) {
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false, got '" + v + "'");
    };
  }

  /** One of {@code choices}. */
  static String choice(String v, List<String> choices) {
    if (!choices.contains(v)) {
      throw new IllegalArgumentException("must be one of " + String.join(", ", choices) + ", got '" + v + "'");
    }
    return v;
  }

  /** A range {@code a-b} (or {@code a} for {@code a-a}) of whole numbers with {@code min <= a <= b <= max}. */
  static int[] range(String v, int min, int max) {
    String[] ab = v.split("-", -1);
    if (ab.length > 2) {
      throw new IllegalArgumentException("must be a range like " + min + "-" + max + ", got '" + v + "'");
    }
    int a;
    int b;
    try {
      a = Integer.parseInt(ab[0]);
      b = ab.length == 1 ? a : Integer.parseInt(ab[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a range like " + min + "-" + max + ", got '" + v + "'");
    }
    if (a < min || b < a || b > max) {
      throw new IllegalArgumentException("must be a range a-b with " + min + " <= a <= b <= " + max + ", got '" + v + "'");
    }
    return new int[] {a, b};
  }

  /** A double as specs write it: {@code 0.01}, {@code 1.0E-4} (Java's shortest form). */
  static String format(double d) {
    return Double.toString(d);
  }

  /** Lower case, for messages. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
