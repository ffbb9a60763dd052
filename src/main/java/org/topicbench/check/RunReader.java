package org.topicbench.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.topicbench.check.RunData.DatasetInfo;
import org.topicbench.check.RunData.Figures;
import org.topicbench.check.RunData.Key;
import org.topicbench.check.RunData.LearnerInfo;
import org.topicbench.check.RunData.Outcome;
import org.topicbench.check.RunData.ProtocolInfo;
import org.topicbench.check.RunData.Slot;
import org.topicbench.data.InputException;
import org.topicbench.run.Manifest;
import org.topicbench.run.Rows;
import org.topicbench.run.Run;
import org.topicbench.run.RunFormat;

/**
 * What {@code check} needs of a run directory, read through the run format's reader ({@link
 * org.topicbench.run.RunReader}, which checks every file): per task ({@code dataset/protocol}) and
 * learner, the tracked figures of summary.csv and per-class.csv and every prediction; and that nothing of
 * them is missing (a truncated file).
 */
public final class RunReader {
  private RunReader() {}

  /** Reads the run directory {@code dir}. */
  public static RunData read(Path dir) {
    Run run = org.topicbench.run.RunReader.read(dir);
    Manifest m = run.manifest();
    for (String f : List.of("summary.csv", "per-class.csv", "predictions.csv")) {
      if (RunFormat.stored(m.files(), f) == null) {
        throw InputException.of(dir.resolve("manifest.json"), "files: does not list " + f + ", which check compares");
      }
    }
    List<ProtocolInfo> tasks = new ArrayList<>();
    for (Manifest.Task t : m.tasks()) {
      List<DatasetInfo> files = t.files().stream()
          .map(d -> new DatasetInfo(d.role(), d.name(), d.file(), d.sha256(), d.examples())).toList();
      tasks.add(new ProtocolInfo(t.key(), t.description(), t.folds(), t.repeats(), files, t.labels()));
    }
    List<LearnerInfo> learners =
        m.learners().stream().map(l -> new LearnerInfo(l.name(), new LinkedHashMap<>(l.hyperparameters()))).toList();
    Map<Key, Figures> figures = new HashMap<>();
    Path perClassFile = dir.resolve("per-class.csv");
    for (Manifest.Task t : m.tasks()) {
      Map<String, SequencedMap<String, Double>> f1 = new HashMap<>();
      for (Rows.PerClass r : run.perClass(t)) {
        if (f1.computeIfAbsent(r.learner(), x -> new LinkedHashMap<>()).put(r.label(), r.f1Mean()) != null) {
          throw InputException.of(perClassFile, "second row for " + t.key() + ", learner " + r.learner() + ", label "
              + r.label());
        }
      }
      for (String l : m.learnerNames()) {
        Rows.Summary s = run.summary(t, l);
        SequencedMap<String, Double> perLabel = f1.getOrDefault(l, new LinkedHashMap<>());
        for (String label : t.labels()) {
          if (!perLabel.containsKey(label)) {
            throw InputException.of(perClassFile, "no row for " + t.key() + ", learner " + l + ", label " + label
                + " (truncated?)");
          }
        }
        figures.put(new Key(t.key(), l), new Figures(s.repetitions(), s.sentences(), s.accuracy().mean(),
            s.macroF1Pooled().mean(), perLabel));
      }
    }
    Map<Key, SequencedMap<Slot, Outcome>> predictions = new HashMap<>();
    Path predictionsFile = dir.resolve(run.file("predictions.csv"));
    for (Rows.Prediction p : run.predictions()) {
      Key k = new Key(p.dataset() + "/" + p.protocol(), p.learner());
      Slot s = new Slot(p.repetition(), p.source(), p.id());
      if (predictions.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(s, new Outcome(p.truth(), p.predicted()))
          != null) {
        throw InputException.of(predictionsFile, "second prediction for " + k.protocol() + ", learner " + k.learner()
            + ", repetition " + s.repetition() + ", " + s.dataset() + " " + s.id());
      }
    }
    for (Map.Entry<Key, Figures> e : figures.entrySet()) {
      Key k = e.getKey();
      long want = (long) e.getValue().repetitions() * e.getValue().sentences();
      int got = predictions.getOrDefault(k, new LinkedHashMap<>()).size();
      if (got != want) {
        throw InputException.of(predictionsFile, got + " predictions for " + k.protocol() + ", learner " + k.learner()
            + ", expected " + want + " (summary.csv: " + e.getValue().repetitions() + " repetitions x "
            + e.getValue().sentences() + " sentences)" + (got < want ? " (truncated?)" : ""));
      }
    }
    return new RunData(dir, m.runId(), m.topicbench().gitCommit(), m.seed(), tasks, learners, figures, predictions);
  }
}
