package illusion.tc0;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.CircuitBuilder;
import illusion.circuit.CircuitStats;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PrefixNetworkProperties {

  /**
   * Every network computes all prefixes of a non-commutative operator (segment concatenation,
   * which fails unless each step combines adjacent segments, earlier one left) for every n up to
   * 300.
   */
  @Test
  void prefixesOfSegmentsForEveryLength() {
    for (PrefixNetwork p : PrefixNetwork.values()) {
      for (int n = 0; n <= 300; n++) {
        List<int[]> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          items.add(new int[] {i, i});
        }
        List<int[]> y =
            p.scan(
                items,
                (l, r) -> {
                  assertEquals(l[1] + 1, r[0], p + ": combined non-adjacent segments");
                  return new int[] {l[0], r[1]};
                });
        for (int i = 0; i < n; i++) {
          assertArrayEquals(new int[] {0, i}, y.get(i), p + " n=" + n);
        }
      }
    }
  }

  /**
   * The stated costs in combines and levels: Sklansky ⌈log2 n⌉ levels and Σ_l #{i : bit l of i}
   * combines; Brent–Kung at most 2⌈log2 n⌉ − 2 levels (n ≥ 3) and 2n − 2 − ⌊log2 n⌋ combines, with
   * equality 2k − 2 and 2n − 2 − k at n = 2^k (k ≥ 2); Ladner–Fischer ⌈log2 n⌉ levels and fewer than
   * 4n combines.
   */
  @Property(tries = 200)
  void combinesAndLevels(@ForAll @IntRange(min = 1, max = 5000) int n) {
    int lg = Harness.log2Ceil(n);
    int floorLg = 31 - Integer.numberOfLeadingZeros(n);
    long sk = 0;
    for (int l = 0; (1L << l) < n; l++) {
      for (int i = 0; i < n; i++) {
        sk += i >>> l & 1;
      }
    }
    assertEquals(lg, PrefixNetwork.SKLANSKY.levels(n));
    assertEquals(sk, PrefixNetwork.SKLANSKY.combines(n));
    int bkLevels = PrefixNetwork.BRENT_KUNG.levels(n);
    long bkCombines = PrefixNetwork.BRENT_KUNG.combines(n);
    assertTrue(bkCombines <= 2L * n - 2 - floorLg || n == 1);
    if (n >= 3) {
      assertTrue(bkLevels <= 2 * lg - 2, "BK levels " + bkLevels);
    }
    if (n >= 4 && Integer.bitCount(n) == 1) {
      assertEquals(2 * lg - 2, bkLevels);
      assertEquals(2L * n - 2 - lg, bkCombines);
    }
    assertEquals(lg, PrefixNetwork.LADNER_FISCHER.levels(n));
    assertTrue(PrefixNetwork.LADNER_FISCHER.combines(n) < 4L * n);
  }

  /**
   * Built as a circuit with a one-gate combine (AND on 1-wide vectors), the scan has exactly
   * combines(n) gates and depth levels(n), and computes the prefix ANDs.
   */
  @Property(tries = 60)
  void circuitCostEqualsCombinesAndLevels(
      @ForAll @IntRange(min = 1, max = 200) int n, @ForAll @IntRange(min = 0, max = 2) int which, @ForAll long seed) {
    PrefixNetwork p = PrefixNetwork.values()[which];
    Harness h = new Harness();
    int[][] x = new int[n][];
    for (int i = 0; i < n; i++) {
      x[i] = h.inputs(1);
    }
    int[][] y = p.scan(h.b, x, (b, l, r) -> new int[] {b.and(l[0], r[0])});
    assertSame(x[0], y[0]);
    for (int[] v : y) {
      h.outputs(v);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] in = new long[n];
    for (int i = 0; i < n; i++) {
      in[i] = rnd.nextLong() | rnd.nextLong() | rnd.nextLong(); // mostly ones: long prefixes
    }
    long[] out = h.simulate(in);
    long acc = -1L;
    for (int i = 0; i < n; i++) {
      acc &= in[i];
      assertEquals(acc, out[i], "prefix " + i);
    }
    CircuitStats st = h.stats();
    assertEquals(p.combines(n), st.gates());
    assertEquals(p.levels(n), st.depth());
  }

  /**
   * Prefix products of Boolean d×d matrices (the IDS4 combine, h_t = A_t h_{t−1}, so the combine
   * is right·left) equal the sequential products, for every network.
   */
  @Property(tries = 30)
  void booleanMatrixPrefixProducts(
      @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll @IntRange(min = 1, max = 3) int d,
      @ForAll @IntRange(min = 0, max = 2) int which,
      @ForAll long seed) {
    PrefixNetwork p = PrefixNetwork.values()[which];
    Harness h = new Harness();
    int[][] x = new int[n][];
    for (int i = 0; i < n; i++) {
      x[i] = h.inputs(d * d);
    }
    Combine product = (b, l, r) -> BooleanMatrixProduct.multiply(b, r, l, d, d, d);
    int[][] y = p.scan(h.b, x, product);
    for (int[] v : y) {
      h.outputs(v);
    }
    long[] in = Harness.randomWords(new SplittableRandom(seed), n * d * d);
    long[] out = h.simulate(in);
    long[] acc = java.util.Arrays.copyOfRange(in, 0, d * d);
    for (int t = 0; t < n; t++) {
      if (t > 0) {
        long[] next = new long[d * d];
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
              next[i * d + j] |= in[t * d * d + i * d + k] & acc[k * d + j];
            }
          }
        }
        acc = next;
      }
      for (int e = 0; e < d * d; e++) {
        assertEquals(acc[e], out[t * d * d + e], "t=" + t + " entry " + e);
      }
    }
    assertTrue(h.stats().depth() <= 2 * p.levels(n));
  }

  /** Large scans stay cheap: n = 4096 with 3×3 matrix combines under every network. */
  @Test
  void largeScan() {
    for (PrefixNetwork p : PrefixNetwork.values()) {
      CircuitBuilder b = new CircuitBuilder();
      int n = 4096;
      int[][] x = new int[n][9];
      for (int i = 0; i < n; i++) {
        for (int e = 0; e < 9; e++) {
          x[i][e] = b.input("x" + i + "_" + e);
        }
      }
      int[][] y = p.scan(b, x, (bb, l, r) -> BooleanMatrixProduct.multiply(bb, r, l, 3, 3, 3));
      assertEquals(n, y.length);
      assertEquals(36 * p.combines(n) + 9L * n, b.nodeCount());
    }
  }

  /** Network names parse case-insensitively; unknown names are one clear error. */
  @Test
  void byId() {
    assertSame(PrefixNetwork.BRENT_KUNG, PrefixNetwork.byId("Brent_Kung"));
    assertSame(PrefixNetwork.LADNER_FISCHER, PrefixNetwork.byId("ladner-fischer"));
    assertThrows(IllegalArgumentException.class, () -> PrefixNetwork.byId("kogge-stone"));
  }
}
