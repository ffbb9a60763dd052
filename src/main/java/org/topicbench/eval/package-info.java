/**
 * The evaluation engine: folds shared by every learner ({@link org.topicbench.eval.FoldPlan},
 * {@link org.topicbench.eval.Folds}), metrics ({@link org.topicbench.eval.Metrics}), significance tests
 * ({@link org.topicbench.eval.Statistics}), the run itself ({@link org.topicbench.eval.Evaluation}) and
 * its files ({@link org.topicbench.eval.ResultWriter}; format in {@code results/FORMAT.md}).
 *
 * <p>Entry point for other commands: {@code Evaluation.run(EvaluationSpec.defaults(Learners.all()))}
 * runs the default evaluation in-process; {@code ResultWriter.write(result, dir)} writes it.
 *
 * <p>This package knows learners only through {@code org.topicbench.model.Learner}; it imports neither
 * Smile nor Weka.
 */
package org.topicbench.eval;
