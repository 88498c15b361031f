package illusion.tc0;

import static org.junit.jupiter.api.Assertions.assertEquals;

import illusion.circuit.CircuitStats;
import java.math.BigInteger;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ArithmeticProperties {

  /**
   * Comparison is exact and costs what is stated: [a ≥ c] and [a > c] one gate of depth 1, [a = c]
   * three gates of depth 2, m weight bits. Half of the lanes compare a number with a copy of itself
   * (inputs wired equal) so that equality is exercised.
   */
  @Property(tries = 30)
  void comparison(@ForAll @IntRange(min = 1, max = 70) int m, @ForAll long seed) {
    Harness h = new Harness();
    int[] a = h.inputs(m);
    int[] c = h.inputs(m);
    h.outputs(Comparison.atLeast(h.b, a, c), Comparison.greaterThan(h.b, a, c), Comparison.equal(h.b, a, c));
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] in = Harness.randomWords(rnd, 2 * m);
    long low = 0xFFFFFFFFL; // lanes 0..31: c := a except (rarely) one flipped bit
    for (int j = 0; j < m; j++) {
      long copy = in[j];
      if (rnd.nextInt(4 * m) == 0) {
        copy ^= 1L << rnd.nextInt(32);
      }
      in[m + j] = (in[m + j] & ~low) | (copy & low);
    }
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      int cmp = h.inputValue(in, a, lane).compareTo(h.inputValue(in, c, lane));
      assertEquals(cmp >= 0, Harness.bit(out[0], lane));
      assertEquals(cmp > 0, Harness.bit(out[1], lane));
      assertEquals(cmp == 0, Harness.bit(out[2], lane));
    }
    CircuitStats st = h.stats();
    assertEquals(4, st.gates()); // [d ≥ 0], [d ≥ 1], [d ≤ 0] over one sum, and one AND
    assertEquals(2, st.depth());
    assertEquals(m, st.maxWeightBits());
  }

  /**
   * Addition is exact with depth 2 and 4m − 1 gates; subtraction gives the (m+1)-bit two's
   * complement of a − c with depth 2 and 4m gates (Javadoc of {@link Addition}).
   */
  @Property(tries = 40)
  void additionAndSubtraction(
      @ForAll @IntRange(min = 1, max = 40) int m, @ForAll boolean subtract, @ForAll long seed) {
    Harness h = new Harness();
    int[] a = h.inputs(m);
    int[] c = h.inputs(m);
    int[] r = subtract ? Addition.subtract(h.b, a, c) : Addition.add(h.b, a, c);
    h.outputs(r);
    long[] in = Harness.randomWords(new SplittableRandom(seed), 2 * m);
    long[] out = h.simulate(in);
    BigInteger mod = BigInteger.ONE.shiftLeft(m + 1);
    for (int lane = 0; lane < 64; lane++) {
      BigInteger x = h.inputValue(in, a, lane);
      BigInteger y = h.inputValue(in, c, lane);
      BigInteger expected = subtract ? x.subtract(y).mod(mod) : x.add(y);
      assertEquals(expected, Harness.value(out, 0, r.length, lane), "lane " + lane);
    }
    CircuitStats st = h.stats();
    assertEquals(m + 1, r.length);
    assertEquals(2, st.depth());
    assertEquals(subtract ? 4 * m : 4 * m - 1, st.gates());
  }

  /**
   * Multiplication is exact, depth 3, and costs m_a·m_c partial-product ANDs plus the column sum's
   * gates by {@link IteratedAddition}'s rule.
   */
  @Property(tries = 25)
  void multiplication(
      @ForAll @IntRange(min = 2, max = 12) int ma,
      @ForAll @IntRange(min = 2, max = 12) int mc,
      @ForAll long seed) {
    Harness h = new Harness();
    int[] a = h.inputs(ma);
    int[] c = h.inputs(mc);
    int[] r = Multiplication.multiply(h.b, a, c);
    h.outputs(r);
    long[] in = Harness.randomWords(new SplittableRandom(seed), ma + mc);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      BigInteger expected = h.inputValue(in, a, lane).multiply(h.inputValue(in, c, lane));
      assertEquals(expected, Harness.value(out, 0, r.length, lane), "lane " + lane);
    }
    int[][] sizes = new int[ma + mc - 1][];
    for (int k = 0; k < sizes.length; k++) {
      // the rule reads only the column sizes
      sizes[k] = new int[Math.min(k, ma - 1) - Math.max(0, k - (mc - 1)) + 1];
    }
    CircuitStats st = h.stats();
    assertEquals(ma + mc, r.length);
    assertEquals(3, st.depth());
    assertEquals(
        (long) ma * mc + IteratedAdditionProperties.columnGateCount(sizes, BigInteger.ZERO),
        st.gates());
  }

  /**
   * Exact count [Σ x = k] for every k in [−1, n+1]: exact; 3 gates of depth 2 inside (0, n), one
   * gate at k = 0 and k = n, a constant outside.
   */
  @Property(tries = 20)
  void exactCount(@ForAll @IntRange(min = 1, max = 30) int n, @ForAll long seed) {
    long[] in = Harness.randomWords(new SplittableRandom(seed), n);
    for (int k = -1; k <= n + 1; k++) {
      Harness h = new Harness();
      int[] x = h.inputs(n);
      h.outputs(ExactCount.of(h.b, x, k));
      long[] out = h.simulate(in);
      for (int lane = 0; lane < 64; lane++) {
        int count = 0;
        for (long w : in) {
          count += (int) (w >>> lane & 1);
        }
        assertEquals(count == k, Harness.bit(out[0], lane));
      }
      CircuitStats st = h.stats();
      int expectedGates = k < 0 || k > n ? 0 : (k == 0 || k == n ? 1 : 3);
      assertEquals(expectedGates, st.gates(), "k = " + k);
      assertEquals(expectedGates == 3 ? 2 : expectedGates, st.depth(), "k = " + k);
    }
  }
}
