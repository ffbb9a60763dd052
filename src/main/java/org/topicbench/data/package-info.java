/**
 * Datasets and files: the CSV/TSV and ARFF readers ({@link org.topicbench.data.Datasets}, strict UTF-8,
 * one-line errors as {@link org.topicbench.data.InputException}), near-duplicate detection, stratified
 * group k-fold assignment ({@link org.topicbench.data.Folds}), explicit seeds and the seeded random stream
 * ({@link org.topicbench.data.Seeds}, {@link org.topicbench.data.Rng}; here so that learners which resample
 * their training set, such as calibration, use the same folds as the evaluation), corpus statistics, ARFF export,
 * spreadsheet-safe CSV cells ({@link org.topicbench.data.SafeCsv}) and atomic, locked, recoverable writes of files and directories ({@link org.topicbench.data.AtomicFile}).
 */
package org.topicbench.data;
