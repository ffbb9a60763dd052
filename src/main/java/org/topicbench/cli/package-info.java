/**
 * The command line (picocli): wiring only. Each command parses its options, calls the packages that do
 * the work, prints, and returns an exit code (0 success, 1 a check failed, 2 usage or input error).
 * Nothing imports this package.
 */
package org.topicbench.cli;
