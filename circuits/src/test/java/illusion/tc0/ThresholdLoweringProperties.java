package illusion.tc0;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.CircuitStats;
import illusion.circuit.Simulator;
import java.math.BigInteger;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ThresholdLoweringProperties {

  private static BigInteger randomWeight(SplittableRandom rnd, int bits) {
    BigInteger w = new BigInteger(bits, new java.util.Random(rnd.nextLong()));
    return rnd.nextInt(3) == 0 ? w.negate() : w;
  }

  /**
   * Lowering a threshold gate with weights up to 2^48 (both signs, complemented and repeated
   * literals) to k-bit weights preserves its function on random lanes, for θ near the interesting
   * region and both [≥ θ] and [≤ θ]; the result has at most k weight bits, and depth at most 5
   * when every column fits (at most 2^k − 1 literals).
   */
  @Property(tries = 40)
  void loweredGateIsEquivalent(
      @ForAll @IntRange(min = 1, max = 10) int n,
      @ForAll @IntRange(min = 1, max = 48) int bits,
      @ForAll @IntRange(min = 2, max = 6) int k,
      @ForAll boolean atMost,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Harness h = new Harness();
    int[] x = h.inputs(Math.max(1, n - 2));
    BigInteger[] w = new BigInteger[n];
    int[] lits = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = randomWeight(rnd, bits);
      int l = x[rnd.nextInt(x.length)];
      lits[i] = rnd.nextBoolean() ? CircuitBuilder.negate(l) : l;
    }
    long[] in = Harness.randomWords(rnd, x.length);
    // θ: the value of the sum in a random lane, nudged, so that both outcomes occur
    BigInteger[] values = new BigInteger[64];
    for (int lane = 0; lane < 64; lane++) {
      BigInteger s = BigInteger.ZERO;
      for (int i = 0; i < n; i++) {
        if (h.inputBit(in, lits[i], lane)) {
          s = s.add(w[i]);
        }
      }
      values[lane] = s;
    }
    BigInteger theta = values[rnd.nextInt(64)].add(BigInteger.valueOf(rnd.nextInt(3) - 1));
    int y =
        atMost
            ? ThresholdLowering.atMost(h.b, w, lits, theta, k)
            : ThresholdLowering.atLeast(h.b, w, lits, theta, k);
    h.outputs(y);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      int cmp = values[lane].compareTo(theta);
      assertEquals(atMost ? cmp <= 0 : cmp >= 0, Harness.bit(out[0], lane), "lane " + lane);
    }
    CircuitStats st = h.stats();
    assertTrue(st.maxWeightBits() <= k, "weight bits " + st.maxWeightBits());
    if (n < (1 << k)) {
      assertTrue(st.depth() <= 5, "depth " + st.depth());
    }
  }

  /**
   * Every threshold function of up to 4 literals with weights in [−9, 9] and θ in [−20, 20],
   * lowered to 2-bit weights, agrees with the gate on all 16 assignments (exhaustive).
   */
  @Property(tries = 150)
  void smallGatesExhaustively(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Harness h = new Harness();
    int[] x = h.inputs(4);
    int n = 1 + rnd.nextInt(4);
    BigInteger[] w = new BigInteger[n];
    int[] lits = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = BigInteger.valueOf(rnd.nextInt(-9, 10));
      lits[i] = x[rnd.nextInt(4)];
    }
    BigInteger theta = BigInteger.valueOf(rnd.nextInt(-20, 21));
    h.outputs(
        ThresholdLowering.atLeast(h.b, w, lits, theta, 2),
        ThresholdLowering.atMost(h.b, w, lits, theta, 2));
    long[] in = new long[4];
    for (int lane = 0; lane < 16; lane++) {
      for (int i = 0; i < 4; i++) {
        in[i] |= (long) (lane >>> i & 1) << lane;
      }
    }
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 16; lane++) {
      BigInteger s = BigInteger.ZERO;
      for (int i = 0; i < n; i++) {
        if (h.inputBit(in, lits[i], lane)) {
          s = s.add(w[i]);
        }
      }
      assertEquals(s.compareTo(theta) >= 0, Harness.bit(out[0], lane));
      assertEquals(s.compareTo(theta) <= 0, Harness.bit(out[1], lane));
    }
  }

  /**
   * The stated size bound for one round: a gate over n distinct literals with B-bit weights and
   * columns of F ≤ 2^k − 1 literals costs at most ⌈B/ℓ⌉(2Fℓ + 2ℓ) + 11P + 2 gates, ℓ =
   * bitlength(F), P = B + ℓ + 1.
   */
  @Property(tries = 20)
  void sizeBound(
      @ForAll @IntRange(min = 2, max = 30) int n, @ForAll @IntRange(min = 8, max = 64) int bits, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Harness h = new Harness();
    int[] x = h.inputs(n);
    BigInteger[] w = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      w[i] = randomWeight(rnd, bits).abs().setBit(bits - 1);
    }
    BigInteger theta = BigInteger.ONE.shiftLeft(bits - 1);
    h.outputs(ThresholdLowering.atLeast(h.b, w, x, theta, 5));
    int f = n; // a column holds at most n literals
    int ell = 32 - Integer.numberOfLeadingZeros(f);
    long p = bits + ell + 1;
    long bound = ((bits + ell - 1) / ell) * (2L * f * ell + 2L * ell) + 11 * p + 2;
    if (n <= 31) {
      assertTrue(h.stats().gates() <= bound, h.stats().gates() + " > " + bound);
    }
  }

  /** Lowering to a single weight bit is refused with a clear message. */
  @Test
  void refusesOneBit() {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ThresholdLowering.atLeast(b, new BigInteger[] {BigInteger.TEN}, new int[] {x}, BigInteger.ONE, 1));
    assertTrue(e.getMessage().contains("2 bits"), e.getMessage());
  }

  /** A random circuit with large weights, prefix sums, atMost gates, MAJ, AND, OR and NOT. */
  static Circuit randomCircuit(SplittableRandom rnd, int inputs, int gates, int weightBits) {
    CircuitBuilder b = new CircuitBuilder();
    it.unimi.dsi.fastutil.ints.IntArrayList lits = new it.unimi.dsi.fastutil.ints.IntArrayList();
    for (int i = 0; i < inputs; i++) {
      lits.add(b.input("x" + i));
    }
    CircuitBuilder.Sum prefix = null;
    for (int g = 0; g < gates; g++) {
      int pick = rnd.nextInt(6);
      int l;
      if (pick <= 2) {
        int m = 1 + rnd.nextInt(6);
        BigInteger[] w = new BigInteger[m];
        int[] ls = new int[m];
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < m; i++) {
          w[i] = randomWeight(rnd, 1 + rnd.nextInt(weightBits));
          ls[i] = lits.getInt(rnd.nextInt(lits.size()));
          if (rnd.nextBoolean()) {
            ls[i] = CircuitBuilder.negate(ls[i]);
          }
          total = total.add(w[i].abs());
        }
        CircuitBuilder.Sum s =
            pick == 2 && prefix != null ? b.extend(prefix, w, ls) : b.sum(w, ls);
        if (pick == 2) {
          prefix = s;
        }
        BigInteger theta = new BigInteger(Math.max(1, total.bitLength()), new java.util.Random(rnd.nextLong()))
            .subtract(total.shiftRight(1));
        l = rnd.nextBoolean() ? b.atLeast(s, theta) : b.atMost(s, theta);
      } else if (pick == 3) {
        l = b.maj(lits.getInt(rnd.nextInt(lits.size())), lits.getInt(rnd.nextInt(lits.size())),
            CircuitBuilder.negate(lits.getInt(rnd.nextInt(lits.size()))));
      } else if (pick == 4) {
        l = rnd.nextBoolean()
            ? b.and(lits.getInt(rnd.nextInt(lits.size())), CircuitBuilder.negate(lits.getInt(rnd.nextInt(lits.size()))))
            : b.or(lits.getInt(rnd.nextInt(lits.size())), lits.getInt(rnd.nextInt(lits.size())));
      } else {
        l = b.not(lits.getInt(rnd.nextInt(lits.size())));
      }
      lits.add(l);
      b.output("g" + g, l);
    }
    return b.build();
  }

  /**
   * The pass LowerWeights preserves the function of random circuits with weights up to 2^70
   * (simulated outputs equal on random lanes), keeps input and output names, and brings the
   * largest weight down to at most k bits.
   */
  @Property(tries = 15)
  void passPreservesFunction(@ForAll @IntRange(min = 2, max = 5) int k, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Circuit c = randomCircuit(rnd, 6, 20, 70);
    Circuit lowered = LowerWeights.lower(c, k);
    assertEquals(c.inputNames(), lowered.inputNames());
    assertEquals(c.outputNames(), lowered.outputNames());
    long[] in = Harness.randomWords(rnd, c.inputCount());
    assertArrayEquals(Simulator.of(c).simulate(in), Simulator.of(lowered).simulate(in));
    int before = CircuitStats.of(c).maxWeightBits();
    int after = CircuitStats.of(lowered).maxWeightBits();
    assertTrue(after <= k, "after " + after);
    assertTrue(before <= k || after < before);
  }
}
