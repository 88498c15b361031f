package illusion.export;

import java.io.IOException;
import java.io.Writer;
import org.jgrapht.Graph;
import org.jgrapht.nio.GraphExporter;

/**
 * A writer that remembers the first {@link IOException} of the writer it wraps, for libraries that
 * write through a {@link java.io.PrintWriter} (which swallows errors) or wrap errors in their own
 * exceptions: call {@link #rethrow} afterwards.
 */
final class CheckedWriter extends Writer {
  private final Writer out;
  private IOException error;

  CheckedWriter(Writer out) {
    this.out = out;
  }

  /**
   * Exports {@code graph} to {@code out} with a JGraphT exporter and flushes {@code out} (does not
   * close it), rethrowing any {@link IOException} the library swallowed or wrapped.
   */
  static <V, E> void export(GraphExporter<V, E> exporter, Graph<V, E> graph, Writer out)
      throws IOException {
    CheckedWriter checked = new CheckedWriter(out);
    try {
      exporter.exportGraph(graph, checked);
    } catch (RuntimeException e) {
      checked.rethrow(); // an I/O error the library wrapped
      throw e;
    }
    checked.rethrow(); // an I/O error the library swallowed
    checked.flush();
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    try {
      out.write(buf, off, len);
    } catch (IOException e) {
      remember(e);
      throw e;
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      remember(e);
      throw e;
    }
  }

  /** Flushes the wrapped writer; does not close it. */
  @Override
  public void close() throws IOException {
    flush();
  }

  private void remember(IOException e) {
    if (error == null) {
      error = e;
    }
  }

  /** Throws the first error the wrapped writer raised, if any. */
  void rethrow() throws IOException {
    if (error != null) {
      throw error;
    }
  }
}
