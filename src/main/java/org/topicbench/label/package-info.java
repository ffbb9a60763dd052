/**
 * Labelling new text with a trained model: segmentation into sentences and every sentence's prediction
 * ({@link org.topicbench.label.Labelling}), the table, CSV and JSON-lines output ({@link
 * org.topicbench.label.LabelOutput}), the training data of a label model ({@link
 * org.topicbench.label.TrainingData}), the default learner's choice by the carry-over rule ({@link
 * org.topicbench.label.DefaultLearner}) and the default model the build trains and ships inside the jar
 * ({@link org.topicbench.label.BundledModel}), so {@code topicbench label} works from any folder with the
 * jar alone. {@code cli.LabelCommand} only reads the inputs and wires these; the JMH {@code
 * LabelThroughput} measures the same pipeline.
 */
package org.topicbench.label;
