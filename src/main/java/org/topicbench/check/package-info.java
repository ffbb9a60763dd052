/**
 * The accuracy regression check ({@code topicbench check}): the committed baseline ({@link
 * org.topicbench.check.Baseline}), what a run holds that the check compares ({@link
 * org.topicbench.check.RunData}, read through the run format's reader), the comparison ({@link
 * org.topicbench.check.Check}) and its reports for terminals, pull requests and benchmark charts.
 */
package org.topicbench.check;
