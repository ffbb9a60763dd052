package org.topicbench.eval;

import java.util.List;
import java.util.Objects;
import org.topicbench.data.Dataset;

/**
 * One task of an evaluation: a protocol on a named dataset of the experiment. Every result is keyed by
 * {@code (dataset, protocol)}.
 *
 * @param dataset the task's dataset name in the experiment ({@code articles}), the first key of every result
 *     row; unique with {@code protocol} in an evaluation
 * @param protocol the protocol
 * @param datasets {@code kfold}, {@code loo-doc}: one dataset; {@code split}: the training then the test
 *     dataset; {@code pooled}: two or more datasets evaluated together
 * @param folds k for {@code kfold} and {@code pooled}; ignored (0) otherwise
 * @param repeats repetitions for {@code kfold} and {@code pooled}; 1 otherwise
 */
public record ProtocolSpec(String dataset, Protocol protocol, List<Dataset> datasets, int folds, int repeats) {
  /** Default number of folds of {@code kfold} and {@code pooled}. */
  public static final int DEFAULT_FOLDS = 10;
  /** Default number of repetitions of {@code kfold} and {@code pooled}. */
  public static final int DEFAULT_REPEATS = 10;

  public ProtocolSpec {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(protocol, "protocol");
    if (!NAME.matcher(dataset).matches()) {
      throw new IllegalArgumentException(
          "a dataset name must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, got '"
              + dataset + "'");
    }
    datasets = List.copyOf(datasets);
    int want =
        switch (protocol) {
          case KFOLD, LOO_DOC -> 1;
          case SPLIT -> 2;
          case POOLED -> -1;
        };
    if (want > 0 && datasets.size() != want) {
      throw new IllegalArgumentException(
          "datasets of protocol " + protocol + " must number " + want + ", got " + datasets.size());
    }
    if (protocol == Protocol.POOLED && datasets.size() < 2) {
      throw new IllegalArgumentException("datasets of protocol pooled must number at least 2, got " + datasets.size());
    }
    if (!protocol.repeated()) {
      folds = 0;
      repeats = 1;
    }
  }

  /** What a dataset name may be: it keys result rows and appears in file names. */
  public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** {@code kfold} on {@code data}, the task named after the dataset. */
  public static ProtocolSpec kfold(Dataset data, int folds, int repeats) {
    return kfold(nameOf(data), data, folds, repeats);
  }

  public static ProtocolSpec kfold(String name, Dataset data, int folds, int repeats) {
    return new ProtocolSpec(name, Protocol.KFOLD, List.of(data), folds, repeats);
  }

  /** {@code loo-doc} on {@code data}, the task named after the dataset. */
  public static ProtocolSpec looDoc(Dataset data) {
    return looDoc(nameOf(data), data);
  }

  public static ProtocolSpec looDoc(String name, Dataset data) {
    return new ProtocolSpec(name, Protocol.LOO_DOC, List.of(data), 0, 1);
  }

  /** {@code split} training on {@code train}, testing on {@code test}, the task named after {@code train}. */
  public static ProtocolSpec split(Dataset train, Dataset test) {
    return split(nameOf(train), train, test);
  }

  public static ProtocolSpec split(String name, Dataset train, Dataset test) {
    return new ProtocolSpec(name, Protocol.SPLIT, List.of(train, test), 0, 1);
  }

  /** {@code pooled} on {@code data}, the task named after the first dataset. */
  public static ProtocolSpec pooled(List<Dataset> data, int folds, int repeats) {
    return pooled(nameOf(data.getFirst()), data, folds, repeats);
  }

  public static ProtocolSpec pooled(String name, List<Dataset> data, int folds, int repeats) {
    return new ProtocolSpec(name, Protocol.POOLED, data, folds, repeats);
  }

  /** A dataset's name as a task name: its name with every other character replaced by {@code _}. */
  public static String nameOf(Dataset d) {
    String n = d.name().replaceAll("[^A-Za-z0-9._-]", "_");
    if (n.isEmpty() || !Character.isLetterOrDigit(n.charAt(0))) {
      n = "d" + n;
    }
    return n.length() > 64 ? n.substring(0, 64) : n;
  }

  /** {@code dataset/protocol}, how messages and tables name the task. */
  public String key() {
    return dataset + "/" + protocol.id();
  }

  /** A short human description, e.g. {@code kfold 10x10 on sentences}. */
  public String describe() {
    return switch (protocol) {
      case KFOLD -> "kfold " + folds + "x" + repeats + " on " + datasets.getFirst().name();
      case LOO_DOC -> "loo-doc on " + datasets.getFirst().name();
      case SPLIT -> "split train " + datasets.get(0).name() + ", test " + datasets.get(1).name();
      case POOLED ->
          "pooled " + folds + "x" + repeats + " on "
              + String.join(" + ", datasets.stream().map(Dataset::name).toList());
    };
  }
}
