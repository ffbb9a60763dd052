package org.topicbench.eval;

import java.util.List;
import java.util.Objects;
import org.topicbench.data.Dataset;

/**
 * One protocol of an evaluation and the data it runs on.
 *
 * @param protocol the protocol
 * @param datasets {@code kfold}, {@code loo-doc}: one dataset; {@code split}: the training then the test
 *     dataset; {@code pooled}: two or more datasets evaluated together
 * @param folds k for {@code kfold} and {@code pooled}; ignored (0) otherwise
 * @param repeats repetitions for {@code kfold} and {@code pooled}; 1 otherwise
 */
public record ProtocolSpec(Protocol protocol, List<Dataset> datasets, int folds, int repeats) {
  /** Default number of folds of {@code kfold} and {@code pooled}. */
  public static final int DEFAULT_FOLDS = 10;
  /** Default number of repetitions of {@code kfold} and {@code pooled}. */
  public static final int DEFAULT_REPEATS = 10;

  public ProtocolSpec {
    Objects.requireNonNull(protocol, "protocol");
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

  public static ProtocolSpec kfold(Dataset data, int folds, int repeats) {
    return new ProtocolSpec(Protocol.KFOLD, List.of(data), folds, repeats);
  }

  public static ProtocolSpec looDoc(Dataset data) {
    return new ProtocolSpec(Protocol.LOO_DOC, List.of(data), 0, 1);
  }

  public static ProtocolSpec split(Dataset train, Dataset test) {
    return new ProtocolSpec(Protocol.SPLIT, List.of(train, test), 0, 1);
  }

  public static ProtocolSpec pooled(List<Dataset> data, int folds, int repeats) {
    return new ProtocolSpec(Protocol.POOLED, data, folds, repeats);
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
