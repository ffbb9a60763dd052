package org.topicbench.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import org.topicbench.Topicbench;
import org.topicbench.data.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code topicbench} command line. Exit codes: 0 success, 1 a check failed, 2 usage or input error.
 */
@Command(
    name = "topicbench",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Labels sentences of news articles by topic and compares classifiers on that job.",
    subcommands = {
      CommandLine.HelpCommand.class,
      CorpusCommand.class,
      SegmentCommand.class,
      EvaluateCommand.class,
      ExperimentCommand.class,
      MergeCommand.class,
      LearningCurveCommand.class,
      BenchCommand.class,
      LearnersCommand.class,
      CheckCommand.class,
      ReportCommand.class,
      TrainCommand.class,
      LabelCommand.class,
      CarryOverCommand.class,
    })
public final class Main implements Runnable {
  /** Exit code for success. */
  public static final int OK = 0;
  /** Exit code when a check ran and failed (an accuracy regression, say). */
  public static final int CHECK_FAILED = 1;
  /** Exit code for a usage error or bad input. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    useLauncherStderr(System.getProperty("topicbench.stderr.fd"));
    PrintWriter out =
        new PrintWriter(
            new OutputStreamWriter(new WriteFailure.Stream(new FileOutputStream(FileDescriptor.out)), System.out.charset()),
            true);
    System.exit(run(args, out, new PrintWriter(System.err, true)));
  }

  /**
   * Points {@code System.err} at the file descriptor {@code bin/topicbench} hands over (a copy of the caller's
   * stderr, given as {@code -Dtopicbench.stderr.fd=N} with {@code --add-opens java.base/java.io=ALL-UNNAMED}):
   * the JVM's own stderr then goes through the launcher's filter for the Vector API's start-up warning, and
   * what topicbench writes does not. Without the property, or when the descriptor cannot be had, stderr stays.
   */
  static void useLauncherStderr(String fd) {
    if (fd == null || !fd.matches("[0-9]{1,4}") || !new java.io.File("/dev/fd/" + fd).exists()) {
      return;
    }
    try {
      FileDescriptor d = new FileDescriptor();
      java.lang.reflect.Field f = FileDescriptor.class.getDeclaredField("fd");
      f.setAccessible(true);
      f.setInt(d, Integer.parseInt(fd));
      System.setErr(new java.io.PrintStream(new FileOutputStream(d), true, System.err.charset()));
    } catch (ReflectiveOperationException | RuntimeException e) {
      // stays on the JVM's stderr: the same bytes, through the launcher's filter
    }
  }

  /**
   * Runs the command line with the given streams and returns its exit code (used by tests). A write to
   * {@code out} that fails (a full disk, a closed pipe) is an error like bad input: one line on {@code
   * err}, exit 2, even when it happens in the last flush.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code;
    try {
      code = cl.execute(args);
      out.flush();
    } catch (WriteFailure e) {
      return failedOutput(err, e.getCause().getMessage());
    }
    if (out.checkError()) {
      return failedOutput(err, null);
    }
    return code;
  }

  private static int failedOutput(PrintWriter err, String reason) {
    err.println("topicbench: cannot write to standard output" + (reason == null ? "" : ": " + reason)
        + "; the output is incomplete");
    err.flush();
    return BAD_INPUT;
  }

  /** A configured command line: exit codes and one-line errors for bad input. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExitCodeExceptionMapper(e -> BAD_INPUT);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("topicbench: " + ex.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
          return BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof WriteFailure w) {
              return failedOutput(c.getErr(), w.getCause().getMessage());
            }
          }
          if (ex instanceof InputException) {
            c.getErr().println("topicbench: " + ex.getMessage());
            if (System.getenv("TOPICBENCH_DEBUG") != null && ex.getCause() != null) {
              ex.getCause().printStackTrace(c.getErr());
            }
            return BAD_INPUT;
          }
          throw ex;
        });
    return cl;
  }

  /** Prints the topicbench version and the learner libraries it was built with. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "topicbench " + Topicbench.version(),
        "smile " + Topicbench.property("smile.version") + ", weka " + Topicbench.property("weka.version"),
        "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        "tokenizer kernel: " + org.topicbench.text.Tokenizer.kernelName()
            + " (the vector one needs jdk.incubator.vector, which bin/topicbench adds unless TOPICBENCH_VECTOR=0;"
            + " both give the same tokens)",
      };
    }
  }
}
