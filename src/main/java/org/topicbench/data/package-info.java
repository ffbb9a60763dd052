/**
 * Datasets and files: the CSV/TSV and ARFF readers ({@link org.topicbench.data.Datasets}, strict UTF-8,
 * one-line errors as {@link org.topicbench.data.InputException}), near-duplicate detection, corpus
 * statistics, ARFF export, spreadsheet-safe CSV cells ({@link org.topicbench.data.SafeCsv}) and atomic,
 * locked, recoverable writes of files and directories ({@link org.topicbench.data.AtomicFile}).
 */
package org.topicbench.data;
