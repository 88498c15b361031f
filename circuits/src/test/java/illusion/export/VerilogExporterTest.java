package illusion.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.RandomCircuits;
import illusion.circuit.Simulator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerilogExporterTest {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Inputs whose names clash once sanitized, with one output reading each. */
  private static Circuit awkwardlyNamed() {
    CircuitBuilder b = new CircuitBuilder();
    String[] names = {"x[0]", "x(0)", "x_0", "x_0_2", "a-b", "\u00fc\u00df", "module", "n5"};
    int[] in = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      in[i] = b.input(names[i]);
    }
    b.output("y[0]", b.and(in[0], CircuitBuilder.negate(in[1])));
    b.output("y(0)", b.or(in[2], in[3], in[4]));
    b.output("s0", b.maj(in[5], in[6], in[7]));
    b.output("x[0]'", in[0]);
    return b.build();
  }

  private static String module(VerilogExporter e) throws IOException {
    StringWriter out = new StringWriter();
    e.writeModule(out);
    return out.toString();
  }

  @Test
  void portsAreDistinctIdentifiersMappedInTheHeader() throws IOException {
    Circuit c = awkwardlyNamed();
    VerilogExporter e = VerilogExporter.of(c);
    Set<String> ports = new HashSet<>();
    String text = module(e);
    for (int i = 0; i < c.inputCount(); i++) {
      String p = e.inputPort(i);
      assertTrue(IDENTIFIER.matcher(p).matches(), p);
      assertTrue(p.startsWith("in_"), p);
      assertTrue(ports.add(p), "duplicate port " + p);
      assertTrue(text.contains("\n  input wire " + p + ","), p);
      assertTrue(text.contains("//   " + p + " <- " + VerilogNames.forComment(c.inputName(i)) + "\n"));
    }
    for (int o = 0; o < c.outputCount(); o++) {
      String p = e.outputPort(o);
      assertTrue(IDENTIFIER.matcher(p).matches(), p);
      assertTrue(p.startsWith("out_"), p);
      assertTrue(ports.add(p), "duplicate port " + p);
      assertTrue(text.contains("//   " + p + " <- " + c.outputName(o) + "\n"));
    }
    assertEquals("in_x_0", e.inputPort(0));
    assertEquals("in_x_0_2", e.inputPort(1)); // x(0) clashes with x[0]
    assertEquals("in_x_0_3", e.inputPort(2)); // x_0 clashes too
    assertEquals("in_x_0_2_2", e.inputPort(3)); // x_0_2 was taken by x(0)
    assertTrue(text.contains("\\u00fc\\u00df"), "non-ASCII names are escaped in comments");
  }

  @Test
  void outputIsDeterministic() throws IOException {
    Circuit c = RandomCircuits.generate(7, 8, 60).circuit();
    assertEquals(module(VerilogExporter.of(c)), module(VerilogExporter.of(c)));
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    VerilogExporter.of(c).writeTestbench(a);
    VerilogExporter.of(c).writeTestbench(b);
    assertEquals(a.toString(), b.toString());
  }

  @Test
  void moduleNameMustBeAUsableIdentifier() throws IOException {
    Circuit c = awkwardlyNamed();
    VerilogExporter e = VerilogExporter.of(c).withModuleName("s5_word_problem");
    assertEquals("s5_word_problem", e.moduleName());
    assertEquals("s5_word_problem_tb", e.testbenchName());
    assertTrue(module(e).contains("\nmodule s5_word_problem ("));
    for (String bad : new String[] {"", "2x", "a-b", "module", "wire", "logic", "a b"}) {
      IllegalArgumentException ex =
          assertThrows(IllegalArgumentException.class, () -> VerilogExporter.of(c).withModuleName(bad));
      assertTrue(ex.getMessage().contains("\"" + bad + "\""), ex.getMessage());
    }
  }

  @Test
  void testbenchNeedsInputsAndOutputs() {
    CircuitBuilder b = new CircuitBuilder();
    Circuit noInputs = b.output("one", b.constant(true)).build();
    IllegalArgumentException ex =
        assertThrows(
            IllegalArgumentException.class,
            () -> VerilogExporter.of(noInputs).writeTestbench(new StringWriter()));
    assertTrue(ex.getMessage().contains("no inputs"), ex.getMessage());
    CircuitBuilder b2 = new CircuitBuilder();
    b2.input("x");
    Circuit noOutputs = b2.build();
    ex =
        assertThrows(
            IllegalArgumentException.class,
            () -> VerilogExporter.of(noOutputs).writeTestbench(new StringWriter()));
    assertTrue(ex.getMessage().contains("no outputs"), ex.getMessage());
  }

  /**
   * Chain widths cover every value: each sum's width holds its exact range, every θ compared with
   * it, and its base's range (one width per chain), computed here from the circuit's BigInteger
   * bounds independently of the exporter's pass.
   */
  @Test
  void sumWidthsHoldEveryValueOfTheirChain() {
    for (long seed = 0; seed < 200; seed++) {
      Circuit c = RandomCircuits.generate(seed, 6, 40).circuit();
      int[] width = VerilogExporter.chainWidths(c);
      for (int s = 0; s < c.sumCount(); s++) {
        BigInteger lo = BigInteger.ONE.shiftLeft(width[s] - 1).negate();
        BigInteger hi = BigInteger.ONE.shiftLeft(width[s] - 1).subtract(BigInteger.ONE);
        for (BigInteger v : new BigInteger[] {c.sumMin(s), c.sumMax(s), c.sumMax(s).negate()}) {
          assertTrue(v.compareTo(lo) >= 0 && v.compareTo(hi) <= 0, "sum " + s + " value " + v);
        }
        if (c.sumBase(s) >= 0) {
          assertEquals(width[c.sumBase(s)], width[s], "one width per chain");
        }
      }
      for (int node = 0; node < c.nodeCount(); node++) {
        if (c.kind(node) == illusion.circuit.NodeKind.THRESHOLD) {
          BigInteger theta = c.thresholdTheta(node);
          int w = width[c.thresholdSum(node)];
          assertTrue(theta.abs().bitLength() < w, "theta " + theta + " in " + w + " bits");
        }
      }
    }
  }

  /** Names that need sanitizing still simulate correctly, and a chosen module name compiles. */
  @Test
  void awkwardNamesCompileAndSimulate(@TempDir Path dir) throws IOException {
    IcarusRunner icarus = RequiredTools.icarus();
    Circuit c = awkwardlyNamed();
    boolean[][] vectors =
        VerilogSimulationProperties.vectors(c.inputCount(), 256, new SplittableRandom(1));
    IcarusRunner.Compiled compiled =
        icarus.compile(VerilogExporter.of(c).withModuleName("awkward"), dir);
    assertTrue(Files.exists(dir.resolve("awkward.v")));
    assertTrue(Files.exists(dir.resolve("awkward_tb.v")));
    assertArrayEquals(Simulator.of(c).evaluate(vectors), compiled.run(vectors));
  }

  /** A malformed vector line stops the testbench early, which the runner reports. */
  @Test
  void runnerReportsMissingOutputVectors(@TempDir Path dir) throws IOException {
    IcarusRunner icarus = RequiredTools.icarus();
    Circuit c = awkwardlyNamed();
    IcarusRunner.Compiled compiled = icarus.compile(VerilogExporter.of(c), dir);
    Path in = dir.resolve("bad.in");
    Files.writeString(in, "01010101\nhello\n01010101\n", StandardCharsets.US_ASCII);
    IllegalStateException ex =
        assertThrows(IllegalStateException.class, () -> compiled.run(in, dir.resolve("bad.out")));
    assertTrue(ex.getMessage().contains("1 output vectors for 3 input vectors"), ex.getMessage());
  }

  /** Verilator, where installed, lints module and testbench without warnings under -Wall. */
  @Test
  void verilatorLintsCleanly(@TempDir Path dir) throws IOException, InterruptedException {
    if (!onPath("verilator")) {
      RequiredTools.missing("verilator", "verilator");
    }
    Circuit c = WideCircuits.generate(3).circuit();
    VerilogExporter e = VerilogExporter.of(c);
    Path module = dir.resolve(e.moduleName() + ".v");
    Path testbench = dir.resolve(e.testbenchName() + ".v");
    try (Writer w = Files.newBufferedWriter(module)) {
      e.writeModule(w);
    }
    try (Writer w = Files.newBufferedWriter(testbench)) {
      e.writeTestbench(w);
    }
    List<String> command = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--timing"));
    command.addAll(List.of("--top-module", e.testbenchName(), module.toString(), testbench.toString()));
    Path log = dir.resolve("verilator.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "verilator timed out");
    assertEquals(0, p.exitValue(), () -> readQuietly(log));
    assertEquals("", readQuietly(log).strip());
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
