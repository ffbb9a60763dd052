/**
 * Experiments as data: the YAML experiment file (datasets x protocols x learners, grids, tuning, seed,
 * ranking; {@link org.topicbench.experiment.ExperimentFile}, which reads and checks it with line and
 * column in every error) and the {@link org.topicbench.experiment.Experiment} it describes, which becomes
 * an {@code EvaluationSpec}. {@code experiments/default.yaml} is the default evaluation.
 */
package org.topicbench.experiment;
