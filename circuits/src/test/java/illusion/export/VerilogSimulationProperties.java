package illusion.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import illusion.circuit.Circuit;
import illusion.circuit.RandomCircuits;
import illusion.circuit.Simulator;
import java.io.IOException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The exported Verilog computes the circuit's function: Icarus Verilog, running the module through
 * its generated testbench, and the {@link Simulator} agree on every output bit. Each try compiles
 * one circuit and simulates all its vectors in one {@code vvp} run. Skipped, with a message, when
 * Icarus Verilog is missing, unless {@code ILLUSION_REQUIRE_TOOLS} contains {@code iverilog}.
 */
@AddLifecycleHook(RequiredTools.SkipWithoutIcarus.class)
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
