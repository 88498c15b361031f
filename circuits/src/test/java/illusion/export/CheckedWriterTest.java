package illusion.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import illusion.circuit.Circuit;
import illusion.circuit.RandomCircuits;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CheckedWriter} keeps the first error of the writer it wraps and passes flushes through
 * without closing; the graph exporters built on it flush their target, as documented ("flushed,
 * not closed").
 */
class CheckedWriterTest {
  /** A writer that records what happens to it and fails the n-th write or flush with error n. */
  private static final class Recording extends Writer {
    final StringBuilder text = new StringBuilder();
    final List<IOException> errors = new ArrayList<>();
    final int failFrom;
    int calls;
    int flushes;
    boolean closed;

    Recording(int failFrom) {
      this.failFrom = failFrom;
    }

    private void maybeFail() throws IOException {
      if (++calls >= failFrom) {
        IOException e = new IOException("failure " + calls);
        errors.add(e);
        throw e;
      }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      maybeFail();
      text.append(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
      maybeFail();
      flushes++;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void flushAndClosePassFlushesThroughWithoutClosing() throws IOException {
    Recording target = new Recording(Integer.MAX_VALUE);
    CheckedWriter w = new CheckedWriter(target);
    w.write("abc");
    w.flush();
    assertEquals(1, target.flushes);
    w.close();
    assertEquals(2, target.flushes);
    assertFalse(target.closed, "the wrapped writer stays open");
    assertEquals("abc", target.text.toString());
    w.rethrow(); // nothing failed
  }

  @Test
  void keepsTheFirstErrorOfWritesAndFlushes() {
    Recording target = new Recording(2);
    CheckedWriter w = new CheckedWriter(target);
    assertThrows(IOException.class, () -> {
      w.write("a"); // call 1 succeeds
      w.write("b"); // call 2 fails
    });
    assertThrows(IOException.class, w::flush); // call 3 fails too
    assertThrows(IOException.class, w::close); // and call 4
    assertEquals(3, target.errors.size());
    assertSame(target.errors.get(0), assertThrows(IOException.class, w::rethrow));

    Recording flushFirst = new Recording(1);
    CheckedWriter f = new CheckedWriter(flushFirst);
    IOException thrown = assertThrows(IOException.class, f::close);
    assertSame(thrown, flushFirst.errors.get(0));
    assertThrows(IOException.class, () -> f.write("x"));
    assertSame(flushFirst.errors.get(0), assertThrows(IOException.class, f::rethrow));
  }

  /**
   * A target that fails every write but flushes fine: the exporters still report the write's
   * error, although the library they use swallows or wraps it.
   */
  @Test
  void graphExportersReportAFailedWriteEvenIfFlushWorks() {
    Circuit c = RandomCircuits.generate(4, 4, 10).circuit();
    IOException error = new IOException("disk full");
    Writer writesFail = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw error;
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    assertSame(error, assertThrows(IOException.class, () -> DotExporter.create().write(c, writesFail)));
    assertSame(error, assertThrows(IOException.class, () -> GraphMlExporter.create().write(c, writesFail)));
  }

  /**
   * DOT and GraphML written through a large buffer that only a flush empties reach the target as
   * completely as when written straight to it.
   */
  @Test
  void graphExportersFlushTheirTarget() throws IOException {
    Circuit c = RandomCircuits.generate(3, 6, 30).circuit();
    StringWriter direct = new StringWriter();
    DotExporter.create().write(c, direct);
    StringWriter behind = new StringWriter();
    DotExporter.create().write(c, new BufferedWriter(behind, 1 << 20));
    assertEquals(direct.toString(), behind.toString());

    direct = new StringWriter();
    GraphMlExporter.create().write(c, direct);
    behind = new StringWriter();
    GraphMlExporter.create().write(c, new BufferedWriter(behind, 1 << 20));
    assertEquals(direct.toString(), behind.toString());
  }
}
