package org.topicbench.eval;

/** Hears how far an {@link Evaluation} has got. Methods may be called from worker threads. */
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void start(int totalTasks) {}

        @Override
        public void taskDone(String description) {}

        @Override
        public void finish() {}
      };

  /** Before the first task: the number of (protocol, learner, fold) tasks. */
  void start(int totalTasks);

  /** After each task, e.g. {@code kfold weka.smo rep 3 fold 7}. */
  void taskDone(String description);

  /** After the last task. */
  void finish();

  /**
   * A new stage of the work begins ({@code near-duplicates and folds}, {@code fit and predict},
   * {@code scoring}, {@code bootstrap}, {@code tests}, {@code ranking}, {@code writing}, {@code report}); the
   * previous one, if any, has ended.
   */
  default void stage(String name) {}
}
