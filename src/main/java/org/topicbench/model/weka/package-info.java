/**
 * Any Weka classifier by class name and Weka's own options behind the vector pipeline ({@link
 * org.topicbench.model.weka.WekaLearners}); with {@code model.smile}, the only place that imports Weka.
 */
package org.topicbench.model.weka;
