/** Smile's classifiers behind the vector pipeline; with {@code model.weka}, the only place that imports Smile. */
package org.topicbench.model.smile;
