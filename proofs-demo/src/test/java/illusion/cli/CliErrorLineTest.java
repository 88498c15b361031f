package illusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import org.junit.jupiter.api.Test;

class CliErrorLineTest {

  @Test
  void wrappersKeepTheirContextAndBareWrappersGiveWay() {
    IOException io = new IOException("Is a directory");
    assertEquals(
        "cannot read model file /tmp: Is a directory",
        Cli.oneLine(new UncheckedIOException("cannot read model file /tmp: Is a directory", io)));
    assertEquals("Is a directory", Cli.oneLine(new UncheckedIOException(io)));
    assertEquals("the input is not valid UTF-8 text", Cli.oneLine(new UncheckedIOException(new MalformedInputException(1))));
  }

  @Test
  void longMessagesAreAbbreviatedToOneLine() {
    String m = Cli.oneLine(new IllegalArgumentException("unknown option '" + "(".repeat(100_000) + "'\nmore"));
    assertTrue(m.length() < Cli.MAX_MESSAGE + 40, m);
    assertTrue(m.endsWith("... (100022 characters)"), m.substring(m.length() - 40));
    assertEquals(-1, m.indexOf('\n'));
  }

  @Test
  void jvmErrorsBecomeOneLine() {
    StringWriter err = new StringWriter();
    assertEquals(Cli.BAD_INPUT, Cli.reportError(new PrintWriter(err), new StackOverflowError()));
    assertEquals("illusion: the input nests too deeply to process", err.toString().strip());
    StringWriter err2 = new StringWriter();
    assertEquals(Cli.BAD_INPUT, Cli.reportError(new PrintWriter(err2), new OutOfMemoryError("Java heap space")));
    assertTrue(err2.toString().startsWith("illusion: out of memory"), err2.toString());
    assertThrows(AssertionError.class, () -> Cli.reportError(new PrintWriter(new StringWriter()), new AssertionError("bug")));
  }
}
