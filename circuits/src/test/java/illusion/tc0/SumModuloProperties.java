package illusion.tc0;

import static org.junit.jupiter.api.Assertions.assertEquals;

import illusion.circuit.CircuitBuilder;
import illusion.circuit.CircuitStats;
import java.math.BigInteger;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SumModuloProperties {

  /**
   * The residue one-hot of Σ w_i x_i mod K (weights of any sign, complemented literals) is exact,
   * has depth 2, and costs M cuts plus min(M + 1, K) residue gates with M = Σ (w_i mod K) (distinct
   * literals; K ≥ 2, M ≥ 1).
   */
  @Property(tries = 50)
  void residueOneHot(
      @ForAll @IntRange(min = 1, max = 12) int n,
      @ForAll @IntRange(min = 2, max = 9) int modulus,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Harness h = new Harness();
    int[] x = h.inputs(n);
    long[] w = new long[n];
    int[] lits = new int[n];
    long m = 0;
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextLong(-1000, 1000);
      lits[i] = rnd.nextBoolean() ? CircuitBuilder.negate(x[i]) : x[i];
      m += Math.floorMod(w[i], modulus);
    }
    int[] r = SumModulo.residues(h.b, w, lits, modulus);
    h.outputs(r);
    long[] in = Harness.randomWords(rnd, n);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      BigInteger s = BigInteger.ZERO;
      for (int i = 0; i < n; i++) {
        if (h.inputBit(in, lits[i], lane)) {
          s = s.add(BigInteger.valueOf(w[i]));
        }
      }
      int expected = s.mod(BigInteger.valueOf(modulus)).intValueExact();
      for (int k = 0; k < modulus; k++) {
        assertEquals(k == expected, Harness.bit(out[k], lane), "residue " + k + ", lane " + lane);
      }
    }
    CircuitStats st = h.stats();
    if (m >= 1) {
      assertEquals(m + Math.min(m + 1, modulus), st.gates());
      assertEquals(2, st.depth());
    } else {
      assertEquals(0, st.gates());
    }
  }

  /** A single congruence [Σ w_i x_i ≡ r (mod K)] is exact for every r, with depth at most 2. */
  @Property(tries = 30)
  void congruence(
      @ForAll @IntRange(min = 1, max = 10) int n,
      @ForAll @IntRange(min = 1, max = 12) int modulus,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Harness h = new Harness();
    int[] x = h.inputs(n);
    long[] w = new long[n];
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextLong(-50, 50);
    }
    int[] r = new int[modulus + 1];
    for (int k = 0; k <= modulus; k++) {
      r[k] = SumModulo.congruent(h.b, w, x, modulus, k - 1); // residue −1 ≡ K − 1
    }
    h.outputs(r);
    long[] in = Harness.randomWords(rnd, n);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      long s = 0;
      for (int i = 0; i < n; i++) {
        s += h.inputBit(in, x[i], lane) ? w[i] : 0;
      }
      for (int k = 0; k <= modulus; k++) {
        assertEquals(Math.floorMod(s - (k - 1), modulus) == 0, Harness.bit(out[k], lane));
      }
    }
    assertEquals(true, h.stats().depth() <= 2);
  }

  /**
   * Residues of a stored prefix sum with negative and positive weights over a declared range
   * [min, max] are exact at every prefix.
   */
  @Property(tries = 30)
  void residuesOfStoredSum(
      @ForAll @IntRange(min = 1, max = 6) int n,
      @ForAll @IntRange(min = 2, max = 5) int modulus,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Harness h = new Harness();
    int[] x = h.inputs(n);
    long[] w = new long[n];
    CircuitBuilder.Sum prefix = null;
    long min = 0;
    long max = 0;
    int[] first = new int[n];
    for (int t = 0; t < n; t++) {
      w[t] = rnd.nextInt(-4, 5);
      prefix =
          prefix == null
              ? h.b.sum(new long[] {w[t]}, new int[] {x[t]})
              : h.b.extend(prefix, new long[] {w[t]}, new int[] {x[t]});
      min += Math.min(0, w[t]);
      max += Math.max(0, w[t]);
      first[t] = h.outputs(SumModulo.residues(h.b, prefix, min, max, modulus));
    }
    long[] in = Harness.randomWords(rnd, n);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      long acc = 0;
      for (int t = 0; t < n; t++) {
        acc += h.inputBit(in, x[t], lane) ? w[t] : 0;
        for (int k = 0; k < modulus; k++) {
          assertEquals(Math.floorMod(acc, modulus) == k, Harness.bit(out[first[t] + k], lane));
        }
      }
    }
  }
}
