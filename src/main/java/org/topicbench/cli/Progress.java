package org.topicbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.topicbench.eval.ProgressListener;

/** Progress of an evaluation on stderr: a bar on an interactive terminal, else a plain line every tenth. */
final class Progress {
  private Progress() {}

  /**
   * A listener for command {@code name} ({@code evaluate}, {@code check}): a progress bar when stderr is
   * a terminal, otherwise lines a CI log reads well, {@code "<name>: <what>, N tasks (learner x fold)"}
   * then {@code "<name>: i/N tasks (p%), last: ..."} at every tenth of the work.
   */
  static ProgressListener of(String name, String what, PrintWriter err) {
    if (System.console() != null && System.console().isTerminal()) {
      return new ProgressListener() {
        private ProgressBar bar;

        @Override
        public void start(int totalTasks) {
          bar =
              new ProgressBarBuilder()
                  .setTaskName(name)
                  .setInitialMax(totalTasks)
                  .setUpdateIntervalMillis(250)
                  .setConsumer(new InteractiveConsoleProgressBarConsumer(System.err))
                  .build();
        }

        @Override
        public void taskDone(String description) {
          bar.step();
        }

        @Override
        public void finish() {
          bar.close();
        }
      };
    }
    return new ProgressListener() {
      private int done;
      private int total;

      @Override
      public synchronized void start(int totalTasks) {
        total = totalTasks;
        err.printf(Locale.ROOT, "%s: %s%d tasks (learner x fold)%n", name, what.isEmpty() ? "" : what + ", ", totalTasks);
        err.flush();
      }

      @Override
      public synchronized void taskDone(String description) {
        done++;
        if (done * 10L / total != (done - 1) * 10L / total) {
          err.printf(Locale.ROOT, "%s: %d/%d tasks (%d%%), last: %s%n", name, done, total, done * 100L / total,
              description);
          err.flush();
        }
      }

      @Override
      public void finish() {}
    };
  }
}
