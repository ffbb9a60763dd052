/**
 * The run directory format ({@code results/FORMAT.md}), its one owner: the format id and version and the
 * files ({@link org.topicbench.run.RunFormat}), a record per file's row ({@link org.topicbench.run.Rows})
 * and for the manifest ({@link org.topicbench.run.Manifest}), the writer ({@link
 * org.topicbench.run.RunWriter}: an {@code EvaluationResult} to files, under the directory's lock) and the
 * validated reader ({@link org.topicbench.run.RunReader}), which reads predictions.csv and examples.csv plain
 * or gzip-compressed ({@link org.topicbench.run.RunFormat.Compression}). The report, {@code check} and
 * {@code carry-over} read runs only through it.
 */
package org.topicbench.run;
