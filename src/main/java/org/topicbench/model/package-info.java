/**
 * Learners: the {@link org.topicbench.model.Learner} contract, learner specs ({@link
 * org.topicbench.model.LearnerSpecs}: presets, algorithms with named settings, {@code weka:CLASS},
 * feature settings, grids), the shared vector pipeline fitted on the training fold ({@link
 * org.topicbench.model.VectorLearner}), out-of-fold predictions on inner folds of a training set ({@link
 * org.topicbench.model.OutOfFold}, shared by tuning and calibration), probability calibration ({@link
 * org.topicbench.model.Calibration}, {@link org.topicbench.model.CalibratedLearner}) and model files
 * ({@link org.topicbench.model.ModelFile}). Only the
 * subpackages {@code smile} and {@code weka} import Smile and Weka.
 */
package org.topicbench.model;
