package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.CircuitStats;
import illusion.circuit.Simulator;
import java.util.BitSet;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PrefixResiduesProperties {

  /**
   * Iterated addition modulo K of one-hot choices is in TC0: for random weights of any sign,
   * random positions and 64 random choice sequences, the circuit's one-hot residue at every
   * requested t equals {@code floorMod(c + Σ_{i<t} w(σ_i) + u(σ_t), K)} computed directly, in depth
   * at most 6, whatever block size the plan chose.
   */
  @Property(tries = 60)
  void residuesOfEveryPrefix(
      @ForAll @IntRange(min = 1, max = 120) int n,
      @ForAll @IntRange(min = 1, max = 6) int vocabulary,
      @ForAll @IntRange(min = 2, max = 16) int modulus,
      @ForAll boolean every,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] w = new long[vocabulary];
    long[] u = new long[vocabulary];
    for (int s = 0; s < vocabulary; s++) {
      w[s] = rnd.nextLong(-40, 40);
      u[s] = rnd.nextLong(-40, 40);
    }
    long c = rnd.nextLong(-100, 100);
    BitSet positions = new BitSet();
    for (int t = 0; t < n; t++) {
      if (every || t == n - 1 || rnd.nextInt(4) == 0) {
        positions.set(t);
      }
    }
    PrefixResidues plan = PrefixResidues.of(w, u, c, modulus, positions);
    CircuitBuilder b = new CircuitBuilder();
    int[][] choices = choices(b, n, vocabulary);
    int[][] residues = plan.build(b, choices);
    for (int t = positions.nextSetBit(0); t >= 0; t = positions.nextSetBit(t + 1)) {
      for (int r = 0; r < modulus; r++) {
        b.output("r" + t + "_" + r, residues[t][r]);
      }
    }
    Circuit circuit = b.build();
    int[][] sigma = new int[64][n];
    long[] in = new long[n * vocabulary];
    for (int lane = 0; lane < 64; lane++) {
      for (int t = 0; t < n; t++) {
        sigma[lane][t] = rnd.nextInt(vocabulary);
        in[t * vocabulary + sigma[lane][t]] |= 1L << lane;
      }
    }
    long[] out = Simulator.of(circuit).simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      long prefix = c;
      int k = 0;
      for (int t = 0; t < n; t++) {
        if (positions.get(t)) {
          long expected = Math.floorMod(prefix + u[sigma[lane][t]], (long) modulus);
          for (int r = 0; r < modulus; r++) {
            assertEquals(
                r == expected,
                (out[k++] >>> lane & 1) == 1,
                "t = " + t + ", residue " + r + ", block " + plan.blockSize() + ", lane " + lane);
          }
        }
        prefix += w[sigma[lane][t]];
      }
    }
    assertTrue(CircuitStats.of(circuit).depth() <= 6, "depth " + CircuitStats.of(circuit).depth());
  }

  /**
   * With outputs at every position the plan uses blocks and grows like n^{4/3}, not n^2: from n =
   * 512 to 4096 (8×) the projected cuts grow by less than 8^{1.5}, while one block (the direct
   * prefix sums) would grow by 8^2.
   */
  @Test
  void blocksKeepEveryPositionSubquadratic() {
    long[] w = {0, 3, 7, 11, 14};
    long[] u = {1, 0, 5, 2, 9};
    long small = everyPosition(w, u, 512).estimate().gates();
    PrefixResidues big = everyPosition(w, u, 4096);
    assertTrue(big.blockSize() > 1 && big.blockSize() < 4096, "block " + big.blockSize());
    double growth = (double) big.estimate().gates() / small;
    assertTrue(growth < Math.pow(8, 1.5), "gates grew " + growth + "x");
  }

  /** The projection bounds what is built. */
  @Property(tries = 30)
  void estimateBoundsTheBuiltSize(
      @ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 2, max = 12) int modulus,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] w = new long[4];
    long[] u = new long[4];
    for (int s = 0; s < 4; s++) {
      w[s] = rnd.nextLong(0, 100);
      u[s] = rnd.nextLong(0, 100);
    }
    BitSet all = new BitSet();
    all.set(0, n);
    PrefixResidues plan = PrefixResidues.of(w, u, 0, modulus, all);
    CircuitBuilder b = new CircuitBuilder();
    int[][] choices = choices(b, n, 4);
    int[][] residues = plan.build(b, choices);
    for (int t = 0; t < n; t++) {
      for (int r = 0; r < modulus; r++) {
        b.output("r" + t + "_" + r, residues[t][r]);
      }
    }
    CircuitStats stats = CircuitStats.of(b.build());
    assertTrue(
        stats.gates() <= plan.estimate().gates(),
        stats.gates() + " gates built, " + plan.estimate().gates() + " projected");
  }

  /** The input literals {@code x[t][σ]} of n one-hot positions. */
  private static int[][] choices(CircuitBuilder b, int n, int vocabulary) {
    int[][] choices = new int[n][vocabulary];
    for (int t = 0; t < n; t++) {
      for (int s = 0; s < vocabulary; s++) {
        choices[t][s] = b.input("x" + t + "_" + s);
      }
    }
    return choices;
  }

  private static PrefixResidues everyPosition(long[] w, long[] u, int n) {
    BitSet all = new BitSet();
    all.set(0, n);
    return PrefixResidues.of(w, u, 0, 15, all);
  }
}
