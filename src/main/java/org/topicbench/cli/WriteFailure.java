package org.topicbench.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serial;
import java.io.UncheckedIOException;

/**
 * A write to standard output failed. {@link java.io.PrintWriter} swallows I/O errors, so standard output
 * is a {@link Stream} that turns them into this unchecked exception, which stops the command and which
 * {@link Main#run} reports in one line with exit 2.
 */
final class WriteFailure extends UncheckedIOException {
  @Serial private static final long serialVersionUID = 1L;

  WriteFailure(IOException cause) {
    super(cause);
  }

  /** An output stream whose failed writes and flushes throw {@link WriteFailure}. */
  static final class Stream extends FilterOutputStream {
    Stream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new WriteFailure(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw new WriteFailure(e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new WriteFailure(e);
      }
    }
  }
}
