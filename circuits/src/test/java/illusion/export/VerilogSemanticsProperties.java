package illusion.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.NodeKind;
import illusion.circuit.RandomCircuits;
import illusion.circuit.Simulator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The exported module computes the circuit's function, checked without a Verilog simulator: {@link
 * ExportedVerilog} reads the module strictly (declared types, no wrapping, define before use) and
 * evaluates it, and every gate's wire {@code n<k>} and every output port must equal the {@link
 * Simulator}'s value. Also the module's structural contracts: no net read more than {@link
 * VerilogExporter#FANOUT} times, buffer copies only where needed, at most {@link
 * VerilogExporter#CHUNK} operands per expression, and a header that counts the circuit.
 */
class VerilogSemanticsProperties {
  private static final int FANOUT = VerilogExporter.FANOUT;
  private static final int CHUNK = VerilogExporter.CHUNK;
  private static final Pattern COPY = Pattern.compile("[ns]\\d+_f\\d+_\\d+");
  private static final Pattern SUM = Pattern.compile("s\\d+");

  static String module(VerilogExporter e) throws IOException {
    StringWriter out = new StringWriter();
    e.writeModule(out);
    return out.toString();
  }

  /**
   * Every node kind (AND, OR, NOT, MAJ with complemented and repeated literals, constants, [s ≥ θ]
   * and [s ≤ θ] over shared and prefix sums, weights beyond 2^70 or small ones so that sums often
   * equal θ): on all vectors of up to 8 inputs, every gate wire and output of the exported module
   * equals the simulator's node value.
   */
  @Property(tries = 60)
  void moduleComputesEveryNodeOfRandomCircuits(@ForAll long seed) throws IOException {
    Circuit c =
        (seed % 2 == 0
                ? RandomCircuits.generate(seed, 8, 60)
                : RandomCircuits.generateSmallWeights(seed, 8, 60))
            .circuit();
    assertComputes(c, VerilogSimulationProperties.vectors(c.inputCount(), 64, new SplittableRandom(seed)));
  }

  /**
   * Splitting of AND / OR / MAJ fan-ins and of sums beyond CHUNK operands into partial wires, and
   * prefix-sum chains with weights beyond 2^64: on random vectors and on vectors making each wide
   * AND / OR gate's literals all true or all but one, every gate wire equals the simulator's node
   * value, and no expression has more than CHUNK operands (a sum's base aside).
   */
  @Property(tries = 4)
  void moduleComputesWideCircuits(@ForAll long seed) throws IOException {
    WideCircuits wide = WideCircuits.generate(seed);
    assertComputes(wide.circuit(), wide.vectors(seed, 40));
  }

  /**
   * The header's counts are the circuit's: nodes, gates (nodes other than inputs and constants),
   * inputs, outputs and weighted sums, counted here from the node kinds.
   */
  @Property(tries = 20)
  void headerCountsTheCircuit(@ForAll long seed) throws IOException {
    Circuit c = RandomCircuits.generate(seed, 8, 40).circuit();
    String text = module(VerilogExporter.of(c));
    Matcher m =
        Pattern.compile(
                "^// Threshold circuit exported by illusion: (\\d+) nodes \\((\\d+) gates\\), (\\d+)"
                    + " inputs, (\\d+) outputs, (\\d+) weighted sums\\.\n")
            .matcher(text);
    assertTrue(m.find(), text);
    int gates = 0;
    for (int node = 0; node < c.nodeCount(); node++) {
      NodeKind k = c.kind(node);
      gates += k == NodeKind.INPUT || k == NodeKind.CONSTANT ? 0 : 1;
    }
    assertEquals(c.nodeCount(), Integer.parseInt(m.group(1)));
    assertEquals(gates, Integer.parseInt(m.group(2)));
    assertEquals(c.inputCount(), Integer.parseInt(m.group(3)));
    assertEquals(c.outputCount(), Integer.parseInt(m.group(4)));
    assertEquals(c.sumCount(), Integer.parseInt(m.group(5)));
  }

  /**
   * Fan-out at its limit and one past it, for every kind of read the exporter counts: a net read
   * exactly FANOUT times is read directly, one read FANOUT + 1 times through exactly two buffer
   * copies {@code _f1_0, _f1_1} (⌈(FANOUT+1)/FANOUT⌉). Reads by AND / OR, by MAJ (a repeated
   * literal is one read), as a sum term (also of sum 0), as a sum's base (sum 0), by thresholds,
   * and by outputs; a constant read by many outputs is written as a literal, never copied. The
   * module still computes the circuit.
   */
  @Example
  void netsReadPastTheLimitAreCopiedOnceAndOnlyThen() throws IOException {
    CircuitBuilder b = new CircuitBuilder();
    int[] y = new int[FANOUT + 2];
    for (int i = 0; i < y.length; i++) {
      y[i] = b.input("y" + i);
    }
    int d = b.input("d"); // sum terms
    int a = b.input("a"); // AND / OR, one past the limit
    int f = b.input("f"); // AND, at the limit
    int m = b.input("m"); // MAJ, with a repeated literal
    // sum 0: d + y0, extended by FANOUT sums and read by one threshold: FANOUT + 1 reads as a base
    CircuitBuilder.Sum base = b.sum(new long[] {1, 1}, new int[] {d, y[0]});
    assertEquals(0, base.index());
    int first = b.atLeast(base, 1);
    for (int i = 1; i <= FANOUT; i++) {
      b.output("e" + i, b.atLeast(b.extend(base, new long[] {-2}, new int[] {y[i]}), 0));
      // d is a term of sum 0 and of FANOUT more sums
      b.output("t" + i, b.atMost(b.sum(new long[] {3, -1}, new int[] {d, y[i]}), 1));
    }
    for (int i = 0; i <= FANOUT; i++) {
      int g = i % 2 == 0 ? b.and(a, y[i]) : b.or(a, CircuitBuilder.negate(y[i]));
      b.output("a" + i, g);
      if (i < FANOUT) {
        b.output("f" + i, b.and(CircuitBuilder.negate(f), y[i]));
      }
      b.output("m" + i, b.maj(m, m, y[i], CircuitBuilder.negate(y[i + 1])));
    }
    // one sum read by FANOUT + 1 thresholds, another by FANOUT
    // (thresholds a sum's range decides fold to constants, so every θ here lies inside it)
    int[] lits = {y[0], y[1], y[2], y[3], y[4], y[5]};
    CircuitBuilder.Sum wide = b.sum(new long[] {1, 2, 4, 8, 16, 32}, lits);
    CircuitBuilder.Sum limit = b.sum(new long[] {1, 2, 4, 8, 16, -32}, lits);
    for (int t = 0; t <= FANOUT; t++) {
      b.output("w" + t, b.atLeast(wide, t + 1));
      if (t < FANOUT) {
        b.output("l" + t, b.atMost(limit, t - 16));
      }
    }
    // a gate read by FANOUT + 1 outputs (and nothing else), a gate read by FANOUT
    int g = b.or(y[0], CircuitBuilder.negate(y[1]), y[2]);
    int h = b.and(y[3], CircuitBuilder.negate(y[4]), y[5]);
    int one = b.constant(true);
    for (int i = 0; i <= FANOUT; i++) {
      b.output("g" + i, g);
      b.output("c" + i, one);
      if (i < FANOUT) {
        b.output("h" + i, h);
      }
    }
    b.output("first", first);
    b.output("zero", b.constant(false));
    Circuit c = b.build();
    ExportedVerilog v = assertComputes(c, VerilogSimulationProperties.vectors(c.inputCount(), 128, new SplittableRandom(5)));

    for (int node : new int[] {d, a, m, g}) {
      assertCopies(v, "n" + node, FANOUT + 1);
    }
    assertCopies(v, "s" + base.index(), FANOUT + 1);
    assertCopies(v, "s" + wide.index(), FANOUT + 1);
    for (int node : new int[] {f, h}) {
      assertCopies(v, "n" + node, FANOUT);
    }
    assertCopies(v, "s" + limit.index(), FANOUT);
    assertEquals(FANOUT, v.reads("s" + limit.index()));
    assertEquals(FANOUT, v.reads(VerilogExporter.of(c).inputPort(c.inputOrdinal(f))));
    assertFalse(v.declares("n" + one + "_f1_0"), "constants are literals, never copied");
  }

  /**
   * Copy trees grow a level exactly when one level would leave more than FANOUT copies: a sum and
   * an input read FANOUT^2 times get one level of FANOUT copies; read FANOUT^2 + 1 times, two
   * levels, the top one of ⌈(FANOUT + 1) / FANOUT⌉ = 2 copies. The module still computes the
   * circuit.
   */
  @Example
  void copyTreesGrowALevelPastFanOutSquared() throws IOException {
    int limit = FANOUT * FANOUT;
    CircuitBuilder b = new CircuitBuilder();
    int[] x = new int[12];
    long[] weights = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = b.input("x" + i);
      weights[i] = (i % 3 == 0 ? -1L : 1L) << i;
    }
    int[] y = new int[48];
    for (int i = 0; i < y.length; i++) {
      y[i] = b.input("y" + i);
    }
    CircuitBuilder.Sum atLimit = b.sum(weights, x);
    CircuitBuilder.Sum past = b.extend(atLimit, new long[] {1}, new int[] {y[0]});
    int a = x[0];
    int made = 0;
    for (int i = 0; i < y.length && made <= limit; i++) {
      for (int j = i + 1; j < y.length && made <= limit; j++, made++) {
        int gate = b.and(a, y[i], CircuitBuilder.negate(y[j]));
        if (made % 97 == 0) {
          b.output("a" + made, gate);
        }
      }
    }
    // x0 is read by limit + 1 AND gates and one sum term (sum 0 only: the extension adds y0)
    int readsOfA = limit + 2;
    for (int t = 0; t < limit; t++) {
      int gate = b.atLeast(t < limit - 1 ? atLimit : past, t - limit / 2); // atLimit: limit - 1 + 1 extension
      if (t % 97 == 0) {
        b.output("s" + t, gate);
      }
    }
    for (int t = 0; t <= limit; t++) {
      int gate = b.atMost(past, t - limit / 2);
      if (t % 89 == 0) {
        b.output("p" + t, gate);
      }
    }
    Circuit c = b.build();
    ExportedVerilog v = assertComputes(c, VerilogSimulationProperties.vectors(c.inputCount(), 64, new SplittableRandom(9)));
    assertCopies(v, "s" + atLimit.index(), limit);
    assertCopies(v, "s" + past.index(), limit + 2);
    assertCopies(v, "n" + a, readsOfA);
  }

  /**
   * Fan-ins at the chunk limit and one past it: an AND over exactly CHUNK literals is one
   * expression; over CHUNK + 1, 2 CHUNK and 2 CHUNK + 1 literals, ⌈k / CHUNK⌉ partial wires of at
   * most CHUNK operands and sizes differing by at most one, and the same for a sum extending a base
   * by k terms, whose top expression then reads its base and the partial wires.
   */
  @Example
  void longFanInsSplitIntoTheFewestPartialWires() throws IOException {
    int[] sizes = {CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 1};
    CircuitBuilder b = new CircuitBuilder();
    int[] x = new int[2 * CHUNK + 1];
    for (int i = 0; i < x.length; i++) {
      x[i] = b.input("x" + i);
    }
    CircuitBuilder.Sum base = b.sum(new long[] {1}, new int[] {x[0]});
    int[] gates = new int[sizes.length];
    int[] sums = new int[sizes.length];
    for (int s = 0; s < sizes.length; s++) {
      int[] lits = new int[sizes[s]];
      long[] w = new long[sizes[s]];
      for (int i = 0; i < lits.length; i++) {
        lits[i] = i % 5 == 0 ? CircuitBuilder.negate(x[i]) : x[i];
        w[i] = i % 2 == 0 ? i + 1 : -i;
      }
      gates[s] = b.and(lits);
      b.output("g" + s, gates[s]);
      CircuitBuilder.Sum sum = b.extend(base, w, java.util.Arrays.copyOf(x, sizes[s]));
      sums[s] = sum.index();
      b.output("t" + s, b.atLeast(sum, s));
    }
    Circuit c = b.build();
    // vectors making each AND true, and one literal false
    List<boolean[]> rows = new ArrayList<>();
    for (int s = 0; s < sizes.length; s++) {
      boolean[] row = new boolean[x.length];
      for (int i = 0; i < x.length; i++) {
        row[i] = i >= sizes[s] || i % 5 != 0;
      }
      rows.add(row.clone());
      row[sizes[s] - 1] = !row[sizes[s] - 1];
      rows.add(row);
    }
    rows.addAll(List.of(VerilogSimulationProperties.vectors(x.length, 40, new SplittableRandom(3))));
    ExportedVerilog v = assertComputes(c, rows.toArray(new boolean[0][]));
    for (int s = 0; s < sizes.length; s++) {
      assertPartials(v, "n" + gates[s], sizes[s], 0);
      assertPartials(v, "s" + sums[s], sizes[s], 1);
    }
  }

  /** k operands split into ⌈k/CHUNK⌉ partial wires of near-equal size (when k > CHUNK). */
  private static void assertPartials(ExportedVerilog v, String name, int k, int base) {
    int groups = k <= CHUNK ? 0 : (k + CHUNK - 1) / CHUNK;
    assertFalse(v.declares(name + "_" + (groups + 1)), name + ": more than " + groups + " partials");
    if (groups == 0) {
      assertEquals(k + base, v.operands(name), name);
      return;
    }
    assertEquals(groups + base, v.operands(name), name);
    for (int p = 1; p <= groups; p++) {
      int size = v.operands(name + "_" + p);
      assertTrue(size == k / groups || size == (k + groups - 1) / groups, name + "_" + p + ": " + size);
    }
  }

  /**
   * The sum of reads of {@code net} through its copies is {@code reads}; copies exist exactly when
   * reads > FANOUT, in ⌈log_FANOUT reads⌉ levels, each of ⌈reads / FANOUT^l⌉ copies.
   */
  private static void assertCopies(ExportedVerilog v, String net, int reads) {
    int level = 0;
    long copies = reads;
    while (copies > FANOUT) {
      level++;
      copies = (copies + FANOUT - 1) / FANOUT;
      String last = net + "_f" + level + "_" + (copies - 1);
      assertTrue(v.declares(last), "missing copy " + last);
      assertFalse(v.declares(net + "_f" + level + "_" + copies), "extra copy at level " + level);
    }
    assertFalse(v.declares(net + "_f" + (level + 1) + "_0"), net + ": more than " + level + " levels");
    int leafReads = 0;
    if (level == 0) {
      String read = v.declares(net) ? net : null;
      if (read != null) {
        leafReads = v.reads(read);
      }
    } else {
      for (int j = 0; v.declares(net + "_f1_" + j); j++) {
        leafReads += v.reads(net + "_f1_" + j);
      }
    }
    if (level > 0 || v.declares(net)) {
      assertEquals(reads, leafReads, net + " reads");
    }
  }

  /**
   * Parses the module of {@code c}, checks its ports and structural contracts, and checks that every
   * gate wire and output port equals the simulator on every vector.
   */
  static ExportedVerilog assertComputes(Circuit c, boolean[][] vectors) throws IOException {
    VerilogExporter e = VerilogExporter.of(c);
    ExportedVerilog v = ExportedVerilog.parse(module(e));
    assertEquals(e.moduleName(), v.moduleName());
    List<String> in = new ArrayList<>();
    for (int i = 0; i < c.inputCount(); i++) {
      in.add(e.inputPort(i));
    }
    List<String> out = new ArrayList<>();
    for (int o = 0; o < c.outputCount(); o++) {
      out.add(e.outputPort(o));
    }
    assertEquals(in, v.inputs());
    assertEquals(out, v.outputs());
    for (String net : v.nets()) {
      assertTrue(v.reads(net) <= FANOUT, net + " read " + v.reads(net) + " times");
      if (COPY.matcher(net).matches()) {
        assertTrue(v.reads(net) >= 1, "unread copy " + net);
      } else if (!v.inputs().contains(net) && !v.outputs().contains(net)) {
        int limit = CHUNK + (SUM.matcher(net).matches() ? 1 : 0); // a sum's base is one more
        assertTrue(v.operands(net) <= limit, net + " has " + v.operands(net) + " operands");
      }
    }
    for (int node = 0; node < c.nodeCount(); node++) {
      if (c.kind(node) == NodeKind.MAJ) {
        // the count wire is just wide enough for the fan-in
        int k = c.literalCount(node);
        assertEquals(new ExportedVerilog.Type(BigInteger.valueOf(k).bitLength(), false),
            v.type("n" + node + "_count"), "count of MAJ " + node);
      }
    }
    Simulator sim = Simulator.of(c);
    for (int from = 0; from < vectors.length; from += 64) {
      int lanes = Math.min(64, vectors.length - from);
      long[] words = new long[c.inputCount()];
      for (int lane = 0; lane < lanes; lane++) {
        for (int i = 0; i < words.length; i++) {
          words[i] |= vectors[from + lane][i] ? 1L << lane : 0;
        }
      }
      long[] nodes = sim.simulateNodes(words);
      for (int lane = 0; lane < lanes; lane++) {
        boolean[] vector = vectors[from + lane];
        BigInteger[] env = v.evaluate(vector);
        for (int node = 0; node < c.nodeCount(); node++) {
          if (c.kind(node).isGate()) {
            boolean expected = (nodes[node] >>> lane & 1) != 0;
            assertEquals(expected, env[v.indexOf("n" + node)].signum() != 0,
                "node " + node + " (" + c.kind(node) + ") on vector " + (from + lane));
          }
        }
        for (int o = 0; o < c.outputCount(); o++) {
          boolean expected = (nodes[c.outputNode(o)] >>> lane & 1) != 0;
          assertEquals(expected, env[v.indexOf(out.get(o))].signum() != 0,
              "output " + c.outputName(o) + " on vector " + (from + lane));
        }
      }
    }
    return v;
  }

  /** A circuit without outputs still has a well-formed port list (no trailing comma). */
  @Example
  void portListOfInputsOnly() throws IOException {
    CircuitBuilder b = new CircuitBuilder();
    b.input("x");
    b.input("y");
    Circuit c = b.build();
    ExportedVerilog v = ExportedVerilog.parse(module(VerilogExporter.of(c)));
    assertEquals(List.of("in_x", "in_y"), v.inputs());
    assertEquals(List.of(), v.outputs());
  }

  /**
   * Sums without terms of their own: an empty sum is the constant 0 (here the base of a chain, so
   * it is emitted), and an empty extension equals its base; thresholds over them compare 0, the
   * base, and the chain over the empty sum with θ as the simulator does.
   */
  @Example
  void sumsWithoutTermsOfTheirOwn() throws IOException {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    int y = b.input("y");
    CircuitBuilder.Sum empty = b.sum(new long[0], new int[0]);
    CircuitBuilder.Sum onEmpty = b.extend(empty, new long[] {3, -2}, new int[] {x, y});
    CircuitBuilder.Sum base = b.sum(new long[] {2, -1}, new int[] {x, y});
    CircuitBuilder.Sum same = b.extend(base, new long[0], new int[0]);
    b.output("zeroAtLeast0", b.atLeast(empty, 0));
    b.output("zeroAtLeast1", b.atLeast(empty, 1));
    b.output("sameAtLeast1", b.atLeast(same, 1));
    b.output("sameAtMost0", b.atMost(same, 0));
    b.output("onEmptyAtLeast1", b.atLeast(onEmpty, 1));
    b.output("onEmptyAtMost-1", b.atMost(onEmpty, -1));
    Circuit c = b.build();
    ExportedVerilog v = assertComputes(c, VerilogSimulationProperties.vectors(2, 4, new SplittableRandom(1)));
    assertTrue(v.declares("s" + empty.index()), "the empty base is emitted");
  }

  /**
   * Weights at the ends of the long range (Long.MIN_VALUE has no positive long counterpart) are
   * written as exact literals: thresholds at and around them compute as in the simulator.
   */
  @Example
  void longRangeExtremesAreExact() throws IOException {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    int y = b.input("y");
    CircuitBuilder.Sum min = b.sum(new long[] {Long.MIN_VALUE, 1}, new int[] {x, y});
    CircuitBuilder.Sum max = b.sum(new long[] {Long.MAX_VALUE, -1}, new int[] {x, y});
    b.output("min", b.atMost(min, Long.MIN_VALUE));
    b.output("minPlus", b.atLeast(min, Long.MIN_VALUE + 1));
    b.output("max", b.atLeast(max, Long.MAX_VALUE));
    b.output("maxMinus", b.atMost(max, Long.MAX_VALUE - 1));
    Circuit c = b.build();
    assertComputes(c, VerilogSimulationProperties.vectors(2, 4, new SplittableRandom(1)));
  }

  /**
   * Sized signed literals read back exactly: {@code -?W'sdV} with value ±V, no minus sign on 0,
   * and the long overload writes what the BigInteger one writes, Long.MIN_VALUE included.
   */
  @Property(tries = 200)
  void signedLiteralsReadBackExactly(@ForAll long value) {
    long[] values = {value, 0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE};
    for (long v : values) {
      BigInteger big = BigInteger.valueOf(v);
      String text = VerilogExporter.signedLiteral(70, v);
      assertEquals(VerilogExporter.signedLiteral(70, big), text);
      Matcher m = Pattern.compile("(-?)70'sd(\\d+)").matcher(text);
      assertTrue(m.matches(), text);
      BigInteger magnitude = new BigInteger(m.group(2));
      assertEquals(big, m.group(1).isEmpty() ? magnitude : magnitude.negate(), text);
      assertEquals(v < 0, !m.group(1).isEmpty(), "minus sign exactly for negatives: " + text);
    }
  }

  /** The reader itself refuses what it does not understand, so a malformed module cannot pass. */
  @Example
  void readerRefusesMalformedModules() {
    String ok = "module m (\n  input wire a,\n  output wire b\n);\n  wire n1 = ~a;\n  assign b = n1;\nendmodule\n";
    assertEquals(List.of(false), List.of(ExportedVerilog.parse(ok).outputs(new boolean[] {true})[0]));
    String[] bad = {
      ok.replace("output wire b", "output wire b,"), // trailing comma
      ok.replace("~a", "~b2"), // undeclared
      ok.replace("~a", "a +"), // dangling operator
      ok.replace("  assign b = n1;\n", ""), // output never assigned
      ok.replace("wire n1 = ~a;", "wire [1:0] n1 = 2'd3;"), // type mismatch at assign
      ok.replace("wire n1 = ~a;", "wire [1:0] n1 = 2'd4;\n  wire n2 = ~a;").replace("= n1", "= n2"),
      ok.replace("endmodule", "endmodule\nwire"),
    };
    for (String text : bad) {
      assertThrows(IllegalArgumentException.class, () -> ExportedVerilog.parse(text), text);
    }
    String overflow =
        "module m (\n  input wire a,\n  output wire b\n);\n"
            + "  wire signed [2:0] s = (a ? 3'sd3 : 3'sd0) + (a ? 3'sd3 : 3'sd0);\n"
            + "  wire n1 = s >= 3'sd1;\n  assign b = n1;\nendmodule\n";
    ExportedVerilog v = ExportedVerilog.parse(overflow);
    assertEquals(false, v.outputs(new boolean[] {false})[0]);
    assertThrows(IllegalStateException.class, () -> v.outputs(new boolean[] {true}));
  }
}
