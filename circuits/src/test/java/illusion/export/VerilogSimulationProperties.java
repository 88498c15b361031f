package illusion.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.RandomCircuits;
import illusion.circuit.Simulator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The exported Verilog computes the circuit's function: Icarus Verilog, running the module through
 * its generated testbench, and the {@link Simulator} agree on every output bit. Each try compiles
 * one circuit and simulates all its vectors in one {@code vvp} run. Skipped, with a message, when
 * Icarus Verilog is missing, unless {@code ILLUSION_REQUIRE_TOOLS} contains {@code iverilog}.
 */
@AddLifecycleHook(RequiredTools.SkipWithoutIcarus.class)
@Tag("external")
class VerilogSimulationProperties {
  private IcarusRunner icarus;

  @BeforeProperty
  void findIcarus() {
    icarus = RequiredTools.icarus();
  }

  /**
   * Semantics of every node kind (AND, OR, NOT, MAJ over complemented literals; constants; THRESHOLD
   * gates {@code [s ≥ θ]} and {@code [s ≤ θ]} over shared and prefix sums with weights and θ beyond
   * 2^70 and Long.MIN_VALUE, or small weights so that sums often equal θ): for random circuits and
   * 300 vectors (all vectors of up to 8 inputs first), Icarus's outputs equal the simulator's.
   */
  @Property(tries = 30)
  void icarusAgreesWithSimulatorOnRandomCircuits(@ForAll long seed) throws IOException {
    Circuit c =
        (seed % 2 == 0
                ? RandomCircuits.generate(seed, 8, 60)
                : RandomCircuits.generateSmallWeights(seed, 8, 60))
            .circuit();
    boolean[][] vectors = vectors(c.inputCount(), 300, new SplittableRandom(seed));
    assertAgree(c, vectors);
  }

  /**
   * Splitting of long expressions into chained partial wires and the shared width of prefix-sum
   * chains: for random circuits with wide AND / OR / MAJ gates and long chains of wide sums (weights
   * beyond 2^64), on random vectors plus vectors that make each wide AND / OR gate's literals all
   * true or all but one, Icarus's outputs equal the simulator's.
   */
  @Property(tries = 6)
  void icarusAgreesWithSimulatorOnWideGates(@ForAll long seed) throws IOException {
    WideCircuits wide = WideCircuits.generate(seed);
    assertAgree(wide.circuit(), wide.vectors(seed, 150));
  }

  /**
   * Fan-out trees: an input read by 1,500 distinct MAJ gates and a sum read by 1,100 threshold gates (more
   * than FANOUT^2 readers, so two levels of copies) still compute the circuit's function: Icarus's
   * outputs equal the simulator's on 200 random vectors.
   */
  @Property(tries = 1)
  void icarusAgreesWithSimulatorThroughFanOutTrees(@ForAll long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    CircuitBuilder b = new CircuitBuilder();
    int[] x = new int[16];
    long[] weights = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = b.input("x" + i);
      weights[i] = (1L << i) * (r.nextBoolean() ? 1 : -1);
    }
    int readers = VerilogExporter.FANOUT * VerilogExporter.FANOUT + 100;
    Set<Integer> gates = new HashSet<>();
    while (gates.size() < readers + 400) {
      // distinct MAJ gates over x0 and four other inputs, each reading x0 once
      int[] lits = new int[5];
      lits[0] = x[0];
      for (int j = 1; j < 5; j++) {
        int l = x[1 + (j - 1) * 4 + r.nextInt(j < 4 ? 4 : 3)]; // 8 * 8 * 8 * 6 choices
        lits[j] = r.nextBoolean() ? CircuitBuilder.negate(l) : l;
      }
      int g = b.maj(lits);
      if (gates.add(g) && gates.size() % 40 == 0) {
        b.output("g" + gates.size(), g);
      }
    }
    CircuitBuilder.Sum sum = b.sum(weights, x);
    for (int t = 0; t < readers; t++) {
      int gate = b.atLeast(sum, t - readers / 2);
      if (t % 40 == 0) {
        b.output("t" + t, gate);
      }
    }
    Circuit c = b.build();
    StringWriter module = new StringWriter();
    VerilogExporter.of(c).writeModule(module);
    assertTrue(module.toString().contains(" n0_f2_1 = in_x0;"), "two levels of copies of input x0");
    assertTrue(module.toString().contains(" s0_f2_1 = s0;"), "two levels of copies of sum 0");
    assertAgree(c, vectors(c.inputCount(), 200, r));
  }

  private void assertAgree(Circuit c, boolean[][] vectors) throws IOException {
    boolean[][] expected = Simulator.of(c).evaluate(vectors);
    boolean[][] actual = icarus.simulate(c, vectors);
    assertEquals(vectors.length, actual.length, "one output vector per input vector");
    for (int v = 0; v < vectors.length; v++) {
      for (int o = 0; o < c.outputCount(); o++) {
        int row = v;
        int out = o;
        assertEquals(
            expected[v][o],
            actual[v][o],
            () -> "output " + c.outputName(out) + " on vector " + row + " of " + c);
      }
    }
  }

  /** All 2^n vectors when n ≤ 8, then random ones up to {@code count}. */
  static boolean[][] vectors(int n, int count, SplittableRandom r) {
    int exhaustive = n <= 8 ? 1 << n : 0;
    boolean[][] rows = new boolean[Math.max(count, exhaustive)][n];
    for (int v = 0; v < rows.length; v++) {
      for (int i = 0; i < n; i++) {
        rows[v][i] = v < exhaustive ? (v >>> i & 1) != 0 : r.nextBoolean();
      }
    }
    return rows;
  }
}
