/**
 * Sentences to feature vectors: the configuration ({@link org.topicbench.feature.FeatureConfig}), the
 * vectorizer fitted on a training fold ({@link org.topicbench.feature.Vectorizer}), sparse vectors, and the
 * fixed layout features.
 */
package org.topicbench.feature;
