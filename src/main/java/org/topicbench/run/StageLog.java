package org.topicbench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.topicbench.data.AtomicFile;
import org.topicbench.eval.EvaluationResult;
import org.topicbench.eval.LearnerResult;
import org.topicbench.eval.ProtocolResult;
import org.topicbench.eval.Stages;

/**
 * The stage log ({@code evaluate --stages FILE}): what one run cost, stage by stage, and each learner's fit
 * and predict time, for the scaling measurements ({@code benchmarks/scaling.sh}, {@code results/scaling/}).
 * JSON, snake-case keys; this class writes and reads it.
 */
public final class StageLog {
  private StageLog() {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).enable(SerializationFeature.INDENT_OUTPUT);

  /** Reads a stage log. */
  public static Log read(Path file) {
    try {
      return JSON.readValue(file.toFile(), Log.class);
    } catch (IOException e) {
      throw org.topicbench.data.InputException.of(file, "not a stage log: " + Csv.cut(e.getMessage()));
    }
  }

  /** One stage: seconds and the peak heap in MiB. */
  public record StageEntry(String name, double seconds, double peakHeapMib) {}

  /** One learner's fit and predict time over every fold of every task. */
  public record LearnerEntry(String name, double fitSeconds, double predictSeconds) {}

  /** The file's content. */
  public record Log(String runId, long sentences, long maxHeapBytes, List<StageEntry> stages, List<LearnerEntry> learners,
      long runDirectoryBytes, long reportBytes) {}

  /** Writes the stage log of a finished run in {@code dir}. */
  public static void write(Path file, EvaluationResult result, Stages stages, Path dir) {
    long sentences = 0;
    for (ProtocolResult pr : result.protocols()) {
      sentences += pr.plan().examples().size();
    }
    List<StageEntry> st = new ArrayList<>();
    for (Stages.Stage s : stages.stages()) {
      st.add(new StageEntry(s.name(), s.nanos() / 1e9, s.peakHeapBytes() / 1048576.0));
    }
    List<LearnerEntry> ls = new ArrayList<>();
    for (int l = 0; l < result.spec().learners().size(); l++) {
      double fit = 0;
      double predict = 0;
      for (ProtocolResult pr : result.protocols()) {
        LearnerResult lr = pr.learners().get(l);
        fit += lr.totalTrainNanos() / 1e9;
        predict += lr.totalPredictNanos() / 1e9;
      }
      ls.add(new LearnerEntry(result.spec().learners().get(l).name(), fit, predict));
    }
    long bytes = 0;
    try (Stream<Path> s = Files.walk(dir)) {
      bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      bytes = -1;
    }
    long report = dir.resolve("report.html").toFile().length();
    Log log = new Log(result.runId(), sentences, Runtime.getRuntime().maxMemory(), st, ls, bytes, report);
    AtomicFile.write(file, w -> w.write(JSON.writeValueAsString(log) + "\n"));
  }
}
