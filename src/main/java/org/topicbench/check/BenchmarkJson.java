package org.topicbench.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.topicbench.check.RunData.Figures;
import org.topicbench.check.RunData.Key;
import org.topicbench.check.RunData.LearnerInfo;
import org.topicbench.check.RunData.ProtocolInfo;

/**
 * A run's headline figures in the {@code customBiggerIsBetter} format of github-action-benchmark, so that
 * accuracy can be charted over commits: a JSON array of {@code {"name", "unit", "value"}}, one entry per
 * protocol, learner and metric, named {@code <protocol>/<learner>/<metric>} with metric {@code accuracy}
 * or {@code macro_f1} (pooled). Undefined (NaN) figures are left out; JSON has no NaN.
 */
public final class BenchmarkJson {
  private BenchmarkJson() {}

  /**
   * The JSON text, ending with a line break.
   *
   * @param run the run whose figures to chart
   * @param learners the learners to include, or null for all
   */
  public static String render(RunData run, Set<String> learners) {
    List<Entry> out = new ArrayList<>();
    for (ProtocolInfo p : run.protocols()) {
      for (LearnerInfo l : run.learners()) {
        if (learners != null && !learners.contains(l.name())) {
          continue;
        }
        Figures f = run.figures().get(new Key(p.id(), l.name()));
        add(out, p.id() + "/" + l.name() + "/accuracy", "accuracy", f.accuracy());
        add(out, p.id() + "/" + l.name() + "/macro_f1", "macro-F1", f.macroF1());
      }
    }
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
    DefaultIndenter ind = new DefaultIndenter("  ", "\n");
    pp.indentObjectsWith(ind);
    pp.indentArraysWith(ind);
    try {
      return new ObjectMapper().writer(pp).writeValueAsString(out) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One charted figure: {@code name}, {@code unit}, {@code value}, in that order. */
  record Entry(String name, String unit, double value) {}

  private static void add(List<Entry> out, String name, String unit, double value) {
    if (!Double.isNaN(value)) {
      out.add(new Entry(name, unit, value));
    }
  }
}
