package illusion.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

/**
 * The edges of the exporters: Verilog identifiers keep exactly the characters [A-Za-z0-9_]
 * (checked against a regular expression for every ASCII character), are cut and de-duplicated as
 * documented; comments escape what is not printable; graph exporters check their limits; I/O
 * errors of the target writer reach the caller.
 */
class ExportEdgesTest {

  private static boolean identifierChar(char ch) {
    return String.valueOf(ch).matches("[A-Za-z0-9_]");
  }

  @Test
  void identifiersKeepExactlyTheIdentifierCharacters() {
    for (char ch = 0; ch < 128; ch++) {
      VerilogNames names = new VerilogNames();
      String expected = "p_a" + (identifierChar(ch) ? String.valueOf(ch) : "_") + "b";
      assertEquals(expected, names.claim("p_", "a" + ch + "b"), "character " + (int) ch);
      boolean identifier = VerilogNames.isIdentifier("a" + ch);
      assertEquals(identifierChar(ch), identifier, "isIdentifier, character " + (int) ch);
      boolean first = VerilogNames.isIdentifier(String.valueOf(ch));
      assertEquals(identifierChar(ch) && !Character.isDigit(ch), first, "first character " + (int) ch);
    }
    VerilogNames names = new VerilogNames();
    assertEquals("w_x_0_1", names.claim("w_", "x[0][1]"));
    assertEquals("w_x_0_1_2", names.claim("w_", "x(0)(1)"));
    assertEquals("w_x_0_1_3", names.claim("w_", "x 0 1"));
    assertEquals("w_a_b", names.claim("w_", "a  +  b"));
    assertEquals("w_", names.claim("w_", "++"));
    String cut = names.claim("", "y".repeat(300));
    assertEquals("y".repeat(120), cut);
    assertEquals("y".repeat(120) + "_2", names.claim("", "y".repeat(121)));
    assertTrue(VerilogNames.isIdentifier("z".repeat(120)));
    assertFalse(VerilogNames.isIdentifier("z".repeat(121)));
    assertFalse(VerilogNames.isIdentifier(""));
    assertFalse(VerilogNames.isIdentifier("module"));
    assertTrue(VerilogNames.isIdentifier("module_"));
  }

  @Test
  void commentsEscapeWhatIsNotPrintable() {
    assertEquals(" ~", VerilogNames.forComment(" ~"));
    assertEquals("a\\u001fb\\u007fc\\u00e9", VerilogNames.forComment("a\u001fb\u007fc\u00e9"));
    assertEquals("\\u000a", VerilogNames.forComment("\n"));
  }

  private static Circuit small() {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    int y = b.input("y");
    b.output("z", b.and(x, y));
    return b.build();
  }

  @Test
  void graphLimits() throws IOException {
    assertEquals("maxNodes must be positive: 0", assertThrows(IllegalArgumentException.class, () -> DotExporter.create().withLimits(0, 1)).getMessage());
    assertEquals("maxEdges must be positive: 0", assertThrows(IllegalArgumentException.class, () -> DotExporter.create().withLimits(1, 0)).getMessage());
    assertEquals("maxNodes must be positive: 0", assertThrows(IllegalArgumentException.class, () -> GraphMlExporter.create().withLimits(0, 1)).getMessage());
    assertEquals("maxEdges must be positive: 0", assertThrows(IllegalArgumentException.class, () -> GraphMlExporter.create().withLimits(1, 0)).getMessage());
    DotExporter dot = DotExporter.create().withLimits(3, 2);
    GraphMlExporter graphMl = GraphMlExporter.create().withLimits(3, 2);
    assertEquals(3, dot.maxNodes());
    assertEquals(2, dot.maxEdges());
    assertEquals(3, graphMl.maxNodes());
    assertEquals(2, graphMl.maxEdges());
    // three nodes and two wires: exactly at both limits
    StringWriter out = new StringWriter();
    dot.write(small(), out);
    assertTrue(out.toString().startsWith("strict digraph circuit {") || out.toString().contains("digraph circuit"), out.toString());
    graphMl.write(small(), new StringWriter());
    assertEquals(
        "circuit too large to draw as DOT: 3 nodes exceed the limit of 2",
        assertThrows(IllegalArgumentException.class, () -> DotExporter.create().withLimits(2, 2).write(small(), new StringWriter())).getMessage());
    assertEquals(
        "circuit too large to draw as GraphML: 2 wires exceed the limit of 1",
        assertThrows(IllegalArgumentException.class, () -> GraphMlExporter.create().withLimits(3, 1).write(small(), new StringWriter())).getMessage());
  }

  /** A writer that fails on every write and flush. */
  private static final class Broken extends Writer {
    final IOException error = new IOException("disk full");

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      throw error;
    }

    @Override
    public void flush() throws IOException {
      throw error;
    }

    @Override
    public void close() {}
  }

  @Test
  void writeErrorsReachTheCaller() throws IOException {
    Broken broken = new Broken();
    assertSame(broken.error, assertThrows(IOException.class, () -> DotExporter.create().write(small(), broken)));
    assertSame(broken.error, assertThrows(IOException.class, () -> GraphMlExporter.create().write(small(), broken)));
    CheckedWriter checked = new CheckedWriter(broken);
    assertSame(broken.error, assertThrows(IOException.class, () -> checked.write("x")));
    assertSame(broken.error, assertThrows(IOException.class, checked::rethrow));
    assertSame(broken.error, assertThrows(IOException.class, checked::close));
    CheckedWriter flushOnly = new CheckedWriter(broken);
    assertSame(broken.error, assertThrows(IOException.class, flushOnly::flush));
    assertSame(broken.error, assertThrows(IOException.class, flushOnly::rethrow));
    StringWriter sink = new StringWriter();
    CheckedWriter fine = new CheckedWriter(sink);
    fine.write("ok");
    fine.close();
    fine.rethrow();
    assertEquals("ok", sink.toString());
  }

  @Test
  void vectorWidths() throws IOException {
    assertEquals(
        "vector width must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> TestVectors.write(new boolean[0][], 0, new StringWriter())).getMessage());
    assertEquals(
        "vector width must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> TestVectors.read(new BufferedReader(new StringReader("")), 0, "v")).getMessage());
    StringWriter out = new StringWriter();
    TestVectors.write(new boolean[][] {{true}, {false}}, 1, out);
    assertEquals("1\n0\n", out.toString());
    boolean[][] back = TestVectors.read(new BufferedReader(new StringReader(out.toString())), 1, "v");
    assertTrue(back[0][0]);
    assertFalse(back[1][0]);
  }
}
