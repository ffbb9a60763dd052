/**
 * Labelling new text with a trained model: the default model the build trains and ships inside the jar
 * ({@link org.topicbench.label.BundledModel}), so that {@code topicbench label} works from any folder with
 * the jar alone. (Reading, segmenting, predicting and rendering are still in {@code cli.LabelCommand}.)
 */
package org.topicbench.label;
