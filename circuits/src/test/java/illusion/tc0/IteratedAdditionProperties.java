package illusion.tc0;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.CircuitBuilder;
import illusion.circuit.CircuitStats;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class IteratedAdditionProperties {

  /**
   * Iterated addition is exact: the depth-2 circuit's output is the BigInteger sum of n random
   * m-bit numbers, in every one of 64 random lanes.
   */
  @Property(tries = 40)
  void sumOfNumbersIsExact(
      @ForAll @IntRange(min = 1, max = 12) int n,
      @ForAll @IntRange(min = 1, max = 9) int m,
      @ForAll long seed) {
    Harness h = new Harness();
    int[][] x = new int[n][];
    for (int k = 0; k < n; k++) {
      x[k] = h.inputs(m);
    }
    int[] s = IteratedAddition.sum(h.b, x);
    h.outputs(s);
    long[] in = Harness.randomWords(new SplittableRandom(seed), n * m);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      BigInteger expected = BigInteger.ZERO;
      for (int k = 0; k < n; k++) {
        expected = expected.add(h.inputValue(in, x[k], lane));
      }
      assertEquals(expected, Harness.value(out, 0, s.length, lane), "lane " + lane);
    }
  }

  /**
   * The stated cost of n m-bit numbers (n ≥ 2): depth 2, width bitlength(n(2^m−1)), cut gates
   * Σ_{i<m} (2n − ⌈n/2^i⌉), one alternating gate per bit with at least two cuts, m weight bits.
   */
  @Property(tries = 40)
  void costMatchesFormula(
      @ForAll @IntRange(min = 2, max = 40) int n, @ForAll @IntRange(min = 1, max = 10) int m) {
    Harness h = new Harness();
    int[][] x = new int[n][];
    for (int k = 0; k < n; k++) {
      x[k] = h.inputs(m);
    }
    int[] s = IteratedAddition.sum(h.b, x);
    h.outputs(s);
    BigInteger max = BigInteger.valueOf(n).multiply(BigInteger.ONE.shiftLeft(m).subtract(BigInteger.ONE));
    long cuts = 0;
    for (int i = 0; i < m; i++) {
      cuts += 2L * n - ((n + (1L << i) - 1) >> i);
    }
    long alternating = 0;
    for (int i = 0; i < max.bitLength(); i++) {
      long cutsOfBit =
          i < m ? 2L * n - ((n + (1L << i) - 1) >> i) : max.shiftRight(i).longValueExact();
      if (cutsOfBit >= 2) {
        alternating++;
      }
    }
    CircuitStats st = h.stats();
    assertEquals(max.bitLength(), s.length);
    assertEquals(2, st.depth());
    assertEquals(cuts + alternating, st.gates());
    assertEquals(m, st.maxWeightBits());
  }

  /**
   * The general column form is exact: Σ_j 2^j·(true literals of column j) + K for random columns
   * with complemented literals and a random offset K ≥ 0 (with {@code distinct} false, literals
   * repeat within and across columns, also as x and ¬x); with distinct literals the gate count
   * follows the stated rule (N_i = ⌊(M_i+K)/2^i⌋ − ⌊K/2^i⌋ cuts per bit, shared among bits reading
   * the same sum; one more gate for bits with two or more cuts). With repeats the builder may fold
   * cuts outside the narrower true range, so only the value is checked.
   */
  @Property(tries = 100)
  void columnsWithOffsetAreExact(
      @ForAll @IntRange(min = 0, max = 6) int columns,
      @ForAll @IntRange(min = 0, max = 300) int offset,
      @ForAll boolean distinct,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Harness h = new Harness();
    int[] pool = h.inputs(distinct ? 4 * columns : 6);
    int next = 0;
    int[][] cols = new int[columns][];
    for (int j = 0; j < columns; j++) {
      cols[j] = new int[rnd.nextInt(5)];
      for (int t = 0; t < cols[j].length; t++) {
        int l = distinct ? pool[next++] : pool[rnd.nextInt(pool.length)];
        cols[j][t] = rnd.nextBoolean() ? CircuitBuilder.negate(l) : l;
      }
    }
    BigInteger k = BigInteger.valueOf(offset);
    int[] s = IteratedAddition.columns(h.b, cols, k);
    h.outputs(s);
    long[] in = Harness.randomWords(rnd, pool.length);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      BigInteger expected = k;
      for (int j = 0; j < columns; j++) {
        for (int l : cols[j]) {
          if (h.inputBit(in, l, lane)) {
            expected = expected.add(BigInteger.ONE.shiftLeft(j));
          }
        }
      }
      assertEquals(expected, Harness.value(out, 0, s.length, lane), "lane " + lane);
    }
    if (distinct) {
      assertEquals(columnGateCount(cols, k), h.stats().gates());
    }
  }

  /** The bits of a weighted sum Σ w_i l_i (non-negative weights, complemented literals) are exact. */
  @Property(tries = 40)
  void weightedSumIsExact(@ForAll @IntRange(min = 0, max = 10) int n, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Harness h = new Harness();
    int[] x = h.inputs(n);
    long[] w = new long[n];
    int[] lits = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextLong(1L << rnd.nextInt(1, 40));
      lits[i] = rnd.nextBoolean() ? CircuitBuilder.negate(x[i]) : x[i];
    }
    int[] s = IteratedAddition.weightedSum(h.b, w, lits);
    h.outputs(s);
    long[] in = Harness.randomWords(rnd, n);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      BigInteger expected = BigInteger.ZERO;
      for (int i = 0; i < n; i++) {
        if (h.inputBit(in, lits[i], lane)) {
          expected = expected.add(BigInteger.valueOf(w[i]));
        }
      }
      assertEquals(expected, Harness.value(out, 0, s.length, lane), "lane " + lane);
    }
    assertTrue(h.stats().depth() <= 2);
  }

  /** The stated gate-count rule of {@link IteratedAddition}, evaluated independently. */
  static long columnGateCount(int[][] cols, BigInteger k) {
    int n = cols.length;
    BigInteger[] max = new BigInteger[n];
    BigInteger m = BigInteger.ZERO;
    int lastDistinct = -1; // the sum index: empty columns extend nothing
    int[] sumOf = new int[n];
    for (int j = 0; j < n; j++) {
      m = m.add(BigInteger.valueOf(cols[j].length).shiftLeft(j));
      max[j] = m;
      if (cols[j].length > 0 || j == 0) {
        lastDistinct = j;
      }
      sumOf[j] = lastDistinct;
    }
    int width = Math.max(1, m.add(k).bitLength());
    Set<String> cutGates = new HashSet<>();
    long others = 0;
    for (int i = 0; i < width && n > 0; i++) {
      int s = Math.min(i, n - 1);
      BigInteger below = k.shiftRight(i);
      BigInteger last = max[s].add(k).shiftRight(i);
      long cuts = last.subtract(below).longValueExact();
      if (cuts == 1 && below.testBit(0)) { // one atMost gate, shared like the cuts
        cutGates.add(sumOf[s] + ":le" + below.add(BigInteger.ONE).shiftLeft(i).subtract(k));
      } else if (cuts >= 1) {
        for (BigInteger c = below.add(BigInteger.ONE); c.compareTo(last) <= 0; c = c.add(BigInteger.ONE)) {
          cutGates.add(sumOf[s] + ":" + c.shiftLeft(i).subtract(k));
        }
        if (cuts >= 2) {
          others++;
        }
      }
    }
    // a cut at or below 0 of an all-empty sum is constant; the sums here always have [0, M] range
    cutGates.removeIf(key -> max[Integer.parseInt(key.substring(0, key.indexOf(':')))].signum() == 0);
    return cutGates.size() + others;
  }

  /**
   * Count to binary (one column) is exact and costs what its Javadoc states: depth 2, n + B − 1
   * gates, n² + Σ_{j<B−1} ⌊n/2^j⌋ wires, unit weights (n ≥ 2, B = bitlength(n)).
   */
  @Property(tries = 25)
  void countToBinary(@ForAll @IntRange(min = 2, max = 70) int n, @ForAll long seed) {
    Harness h = new Harness();
    int[] x = h.inputs(n);
    int[] s = CountToBinary.of(h.b, x);
    h.outputs(s);
    long[] in = Harness.randomWords(new SplittableRandom(seed), n);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      int count = 0;
      for (long w : in) {
        count += (int) (w >>> lane & 1);
      }
      assertEquals(BigInteger.valueOf(count), Harness.value(out, 0, s.length, lane));
    }
    int bits = 32 - Integer.numberOfLeadingZeros(n);
    long wires = (long) n * n;
    for (int j = 0; j < bits - 1; j++) {
      wires += n >> j;
    }
    CircuitStats st = h.stats();
    assertEquals(bits, s.length);
    assertEquals(2, st.depth());
    assertEquals(n + bits - 1, st.gates());
    assertEquals(wires, st.wires());
    assertEquals(1, st.maxWeightBits());
  }

  /**
   * Count to binary of a stored prefix sum with small non-negative weights (the exponent sums of a
   * selective layer) gives the sum's bits for every prefix.
   */
  @Property(tries = 30)
  void bitsOfStoredPrefixSums(@ForAll @IntRange(min = 1, max = 6) int n, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Harness h = new Harness();
    int[] x = h.inputs(n);
    long[] w = new long[n];
    CircuitBuilder.Sum prefix = null;
    long max = 0;
    int[][] bits = new int[n][];
    int[] first = new int[n];
    for (int t = 0; t < n; t++) {
      w[t] = rnd.nextInt(6);
      prefix =
          prefix == null
              ? h.b.sum(new long[] {w[t]}, new int[] {x[t]})
              : h.b.extend(prefix, new long[] {w[t]}, new int[] {x[t]});
      max += w[t];
      bits[t] = CountToBinary.of(h.b, prefix, max);
      first[t] = h.outputs(bits[t]);
    }
    long[] in = Harness.randomWords(rnd, n);
    long[] out = h.simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      long acc = 0;
      for (int t = 0; t < n; t++) {
        acc += h.inputBit(in, x[t], lane) ? w[t] : 0;
        assertEquals(BigInteger.valueOf(acc), Harness.value(out, first[t], bits[t].length, lane));
      }
    }
  }
}
