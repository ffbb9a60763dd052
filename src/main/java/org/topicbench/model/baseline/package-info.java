/** Honest baselines: the majority class, a stratified random guess, and keyword rules written from the guidelines. */
package org.topicbench.model.baseline;
