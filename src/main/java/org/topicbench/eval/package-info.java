/**
 * The evaluation engine: folds shared by every learner ({@link org.topicbench.eval.FoldPlan},
 * {@link org.topicbench.data.Folds}), metrics ({@link org.topicbench.eval.Metrics}), significance tests
 * ({@link org.topicbench.eval.Statistics}), the ranking across datasets ({@link
 * org.topicbench.eval.MultiComparison}), nested cross-validation ({@link org.topicbench.eval.TunedLearner})
 * and the run itself ({@link org.topicbench.eval.Evaluation}); the package {@code run} writes its files.
 *
 * <p>Entry point for other commands: {@code Evaluation.run(EvaluationSpec.defaults(Learners.all()))}
 * runs the default evaluation in-process; {@code RunWriter.write(result, dir)} writes it.
 *
 * <p>This package knows learners only through {@code org.topicbench.model.Learner}; it imports neither
 * Smile nor Weka.
 */
package org.topicbench.eval;
