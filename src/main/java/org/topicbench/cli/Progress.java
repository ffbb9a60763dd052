package org.topicbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.topicbench.eval.ProgressListener;
import org.topicbench.eval.Stages;

/** Progress of an evaluation on stderr: a bar on an interactive terminal, else a plain line every tenth. */
final class Progress {
  private Progress() {}

  /** {@code 42s}, {@code 3m07s}, {@code 1h02m}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }

  /** {@code listener}, also recording the stages' times and peak heaps in {@code stages}. */
  static ProgressListener recording(ProgressListener listener, Stages stages) {
    return new ProgressListener() {
      @Override
      public void start(int totalTasks) {
        listener.start(totalTasks);
      }

      @Override
      public void taskDone(String description) {
        listener.taskDone(description);
      }

      @Override
      public void finish() {
        listener.finish();
      }

      @Override
      public void stage(String name) {
        stages.begin(name);
        listener.stage(name);
      }
    };
  }

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
      private final long begun = System.nanoTime();
      private long tasksBegun;

      @Override
      public synchronized void start(int totalTasks) {
        total = totalTasks;
        tasksBegun = System.nanoTime();
        err.printf(Locale.ROOT, "%s: %s%d tasks (learner x fold)%n", name, what.isEmpty() ? "" : what + ", ", totalTasks);
        err.flush();
      }

      @Override
      public synchronized void taskDone(String description) {
        done++;
        if (done * 10L / total != (done - 1) * 10L / total) {
          long now = System.nanoTime();
          double perTask = (now - tasksBegun) / 1e9 / done;
          err.printf(Locale.ROOT, "%s: %d/%d tasks (%d%%), %s elapsed, about %s left, last: %s%n", name, done, total,
              done * 100L / total, duration((now - begun) / 1e9), duration(perTask * (total - done)), description);
          err.flush();
        }
      }

      @Override
      public synchronized void stage(String stage) {
        if (!stage.equals("fit and predict")) { // the task lines report that stage
          err.printf(Locale.ROOT, "%s: %s (%s elapsed)%n", name, stage, duration((System.nanoTime() - begun) / 1e9));
          err.flush();
        }
      }

      @Override
      public void finish() {}
    };
  }
}
