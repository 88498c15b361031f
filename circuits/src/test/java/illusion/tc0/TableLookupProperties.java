package illusion.tc0;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.CircuitStats;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TableLookupProperties {

  /** One-hot input words: lane j has exactly one of the d wires set, chosen at random. */
  private static long[] oneHotWords(SplittableRandom rnd, int d, int[] chosen) {
    long[] w = new long[d];
    for (int lane = 0; lane < 64; lane++) {
      chosen[lane] = rnd.nextInt(d);
      w[chosen[lane]] |= 1L << lane;
    }
    return w;
  }

  /**
   * From a one-hot input, table lookup returns table[d] as bits (depth ≤ 1, at most one gate per
   * output bit) and as a one-hot vector (depth ≤ 1, at most one gate per output wire).
   */
  @Property(tries = 60)
  void fromOneHot(
      @ForAll @IntRange(min = 1, max = 40) int domain,
      @ForAll @IntRange(min = 1, max = 10) int width,
      @ForAll boolean oneHotOut,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int codomain = oneHotOut ? Math.max(1, width) : 1 << width;
    int[] table = new int[domain];
    for (int d = 0; d < domain; d++) {
      table[d] = rnd.nextInt(codomain);
    }
    Harness h = new Harness();
    int[] x = h.inputs(domain);
    int[] y =
        oneHotOut
            ? TableLookup.oneHotToOneHot(h.b, x, table, codomain)
            : TableLookup.oneHotToBits(h.b, x, table, width);
    h.outputs(y);
    int[] chosen = new int[64];
    long[] out = h.simulate(oneHotWords(rnd, domain, chosen));
    for (int lane = 0; lane < 64; lane++) {
      int v = table[chosen[lane]];
      for (int j = 0; j < y.length; j++) {
        boolean expected = oneHotOut ? j == v : (v >>> j & 1) == 1;
        assertEquals(expected, Harness.bit(out[j], lane));
      }
    }
    CircuitStats st = h.stats();
    assertTrue(st.depth() <= 1);
    assertTrue(st.gates() <= y.length);
  }

  /**
   * From binary input bits (k ≤ 8), table lookup returns table[x] as bits or one-hot, in depth ≤ 2
   * with at most 2^k minterm ANDs plus one gate per output wire.
   */
  @Property(tries = 60)
  void fromBits(
      @ForAll @IntRange(min = 0, max = 8) int k,
      @ForAll @IntRange(min = 1, max = 8) int width,
      @ForAll boolean oneHotOut,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int codomain = oneHotOut ? width : 1 << width;
    int[] table = new int[1 << k];
    for (int d = 0; d < table.length; d++) {
      table[d] = rnd.nextInt(codomain);
    }
    Harness h = new Harness();
    int[] x = h.inputs(k);
    int[] y =
        oneHotOut
            ? TableLookup.bitsToOneHot(h.b, x, table, codomain)
            : TableLookup.bitsToBits(h.b, x, table, width);
    h.outputs(y);
    long[] in = Harness.randomWords(rnd, k);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      int v = table[h.inputValue(in, x, lane).intValueExact()];
      for (int j = 0; j < y.length; j++) {
        boolean expected = oneHotOut ? j == v : (v >>> j & 1) == 1;
        assertEquals(expected, Harness.bit(out[j], lane));
      }
    }
    CircuitStats st = h.stats();
    assertTrue(st.depth() <= 2);
    assertTrue(st.gates() <= (1 << k) + y.length);
  }

  /**
   * A binary operation on one-hot pairs (here a random table, and the group Z_m's addition) gives
   * the one-hot of table[a][c] in depth ≤ 2 with at most |A|·|C| ANDs and |V| ORs.
   */
  @Property(tries = 40)
  void pairs(
      @ForAll @IntRange(min = 1, max = 8) int na,
      @ForAll @IntRange(min = 1, max = 8) int nc,
      @ForAll @IntRange(min = 1, max = 8) int codomain,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[][] table = new int[na][nc];
    for (int[] row : table) {
      for (int j = 0; j < nc; j++) {
        row[j] = rnd.nextInt(codomain);
      }
    }
    Harness h = new Harness();
    int[] a = h.inputs(na);
    int[] c = h.inputs(nc);
    int[] y = TableLookup.pairToOneHot(h.b, a, c, table, codomain);
    h.outputs(y);
    int[] ca = new int[64];
    int[] cc = new int[64];
    long[] wa = oneHotWords(rnd, na, ca);
    long[] wc = oneHotWords(rnd, nc, cc);
    long[] in = new long[na + nc];
    System.arraycopy(wa, 0, in, 0, na);
    System.arraycopy(wc, 0, in, na, nc);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      for (int v = 0; v < codomain; v++) {
        assertEquals(table[ca[lane]][cc[lane]] == v, Harness.bit(out[v], lane));
      }
    }
    CircuitStats st = h.stats();
    assertTrue(st.depth() <= 2);
    assertTrue(st.gates() <= na * nc + codomain);
  }
}
