/**
 * The HTML report of a run directory ({@code results/FORMAT.md}): {@link org.topicbench.report.ReportWriter}
 * reads the run's files back and writes {@code report.html} (self-contained: inline CSS, charts as SVG data
 * URIs) and {@code charts/} (each chart as SVG and PNG). Charts are drawn with XChart, and with JFreeChart
 * where XChart cannot (horizontal grouped bars). The report reads files only; it imports neither Smile nor
 * Weka nor the evaluation engine's internals.
 */
package org.topicbench.report;
