package illusion.tc0;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.CircuitBuilder;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Lowers a threshold gate {@code [Σ w_i l_i ≥ θ]} (or {@code ≤ θ}) with weights of any size to a
 * circuit whose weights have at most k bits, k ≥ 2 (weights polynomial in the fan-in when {@code
 * 2^k} is).
 *
 * <h2>Construction</h2>
 *
 * <ol>
 *   <li><b>Normalize.</b> Repeated nodes merge ({@code v·¬x = v − v·x}); a negative weight moves
 *       to the complemented literal ({@code w·l = |w|·¬l − |w|}), so all weights are positive,
 *       every node occurs once, and θ shifts by a constant.
 *   <li><b>Columns.</b> Split the weights into bit columns: the sum is {@code S = Σ_j 2^j·c_j}
 *       with {@code c_j} the number of true literals among those whose weight has bit j set.
 *   <li><b>Block save (stage A, depth 2).</b> With block width ℓ and columns of at most {@code
 *       2^ℓ − 1} literals, the block value {@code T_b = Σ_{j < ℓ} 2^j·c_{bℓ+j}} is below {@code
 *       2^{2ℓ}}; its bits come from {@link IteratedAddition} with weights at most {@code 2^{ℓ−1}}.
 *       The low halves of all blocks form one binary number X and the high halves (shifted by ℓ)
 *       another, Y, with {@code S = X + Y} (Hofmeister, Hohberg &amp; Köhling 1991; Siu &amp;
 *       Roychowdhury 1994). When columns are longer than {@code 2^k − 1}, they are first split
 *       into chunks of that length; each chunk yields two numbers, and the bits of all of them
 *       form new, shorter columns (a compression round, depth 2 each; needs k ≥ 2).
 *   <li><b>Compare (stage B, depth 3, unit weights).</b> {@code X + Y ≥ θ} holds iff {@code X + Y
 *       = θ} or for some position p the parts above p sum exactly to θ's part above p and {@code
 *       x_p + y_p > θ_p}. "The parts above p sum to θ's" is a conjunction of local conditions:
 *       the carry into position q is forced to {@code γ_q = θ_q ⊕ x_q ⊕ y_q}, so the sum is exact
 *       iff {@code γ_{p+1} = 0} and {@code maj(x_q, y_q, γ_q) = γ_{q+1}} for every q above p, each
 *       a function of four bits written as a few OR clauses. So the result is an OR over p of ANDs
 *       of shared clauses. {@code [X + Y ≤ θ]} is {@code [X̄ + Ȳ ≥ 2(2^P − 1) − θ]} on the
 *       complemented bits.
 * </ol>
 *
 * <h2>Cost</h2>
 *
 * For a gate whose largest column has F ≤ 2^k − 1 literals, with B the weight bit length and ℓ =
 * bitlength(F): depth at most 5 above the inputs (2 for stage A, 3 for stage B); stage A at most
 * {@code ⌈B/ℓ⌉·(2Fℓ + 2ℓ)} gates; stage B at most {@code 10P + P + 2} gates with {@code P ≤ B +
 * ℓ + 1} positions (at most 8 clauses for each position's carry condition and 2 for its
 * carry-free condition, one AND per position plus one, one OR), whose ANDs read O(P²) wires in
 * all. Weights at most {@code 2^{ℓ−1} ≤ F} in stage A's cuts, ±1 elsewhere. Longer columns add
 * compression rounds of depth 2 each; the column length shrinks from F to at most {@code
 * 2⌈F/(2^k − 1)⌉} per round.
 */
public final class ThresholdLowering {
  private ThresholdLowering() {}

  /**
   * {@code [Σ w_i l_i ≥ θ]} with weights of at most {@code maxWeightBits} bits ({@code ≥ 2}).
   * Literals may be complemented or repeat.
   */
  public static int atLeast(
      CircuitBuilder b, BigInteger[] weights, int[] literals, BigInteger theta, int maxWeightBits) {
    return Constants.resolve(b, Lowered.of(b, weights, literals, maxWeightBits).atLeast(b, theta));
  }

  /** {@code [Σ w_i l_i ≤ θ]} with weights of at most {@code maxWeightBits} bits ({@code ≥ 2}). */
  public static int atMost(
      CircuitBuilder b, BigInteger[] weights, int[] literals, BigInteger theta, int maxWeightBits) {
    return Constants.resolve(b, Lowered.of(b, weights, literals, maxWeightBits).atMost(b, theta));
  }

  /**
   * A weighted sum rewritten as {@code X + Y − C} with X, Y binary numbers computed by stage A;
   * thresholds on it are stage B. Stage A is built once and shared by every threshold on the sum.
   */
  static final class Lowered {
    /** Bits of X and Y, least significant first, literals or {@link Constants} sentinels. */
    private final int[] x;
    private final int[] y;
    /** The sum of the negative weights: the original sum is X + Y − shift. */
    private final BigInteger shift;
    /** The largest value of X + Y. */
    private final BigInteger max;

    private Lowered(int[] x, int[] y, BigInteger shift, BigInteger max) {
      this.x = x;
      this.y = y;
      this.shift = shift;
      this.max = max;
    }

    static Lowered of(CircuitBuilder b, BigInteger[] weights, int[] literals, int maxWeightBits) {
      Objects.requireNonNull(b, "builder");
      Objects.requireNonNull(weights, "weights");
      Objects.requireNonNull(literals, "literals");
      checkArgument(
          weights.length == literals.length,
          "%s weights for %s literals",
          weights.length,
          literals.length);
      checkArgument(maxWeightBits >= 2, "weights can be lowered to 2 bits at least, not %s", maxWeightBits);
      // merge repeated nodes (x and ¬x included: v·¬x = v − v·x), then move negative weights to
      // the complemented literal: w·x = |w|·¬x − |w|
      Int2ObjectOpenHashMap<BigInteger> merged = new Int2ObjectOpenHashMap<>();
      BigInteger shift = BigInteger.ZERO;
      for (int i = 0; i < literals.length; i++) {
        BigInteger w = Objects.requireNonNull(weights[i], "weight");
        int l = literals[i];
        if (l < 0) {
          shift = shift.subtract(w); // w·¬x = w − w·x: the sum is (Σ over nodes) + w
          w = w.negate();
          l = ~l;
        }
        merged.merge(l, w, BigInteger::add);
      }
      int[] nodes = merged.keySet().toIntArray();
      Arrays.sort(nodes);
      BigInteger max = BigInteger.ZERO;
      int bits = 0;
      int[] lits = new int[nodes.length];
      BigInteger[] ws = new BigInteger[nodes.length];
      for (int i = 0; i < nodes.length; i++) {
        BigInteger w = merged.get(nodes[i]);
        lits[i] = nodes[i];
        if (w.signum() < 0) {
          w = w.negate();
          lits[i] = ~nodes[i];
          shift = shift.add(w);
        }
        ws[i] = w;
        max = max.add(w);
        bits = Math.max(bits, w.bitLength());
      }
      IntArrayList[] cols = new IntArrayList[bits];
      for (int j = 0; j < bits; j++) {
        cols[j] = new IntArrayList();
      }
      for (int i = 0; i < nodes.length; i++) {
        for (int j = 0; j < ws[i].bitLength(); j++) {
          if (ws[i].testBit(j)) {
            cols[j].add(lits[i]);
          }
        }
      }
      int[][] columns = new int[bits][];
      for (int j = 0; j < bits; j++) {
        columns[j] = cols[j].toIntArray();
      }
      int[][] xy = compress(b, columns, maxWeightBits);
      return new Lowered(trim(xy[0]), trim(xy[1]), shift, max);
    }

    /** {@code [sum ≥ θ]} for the original (signed) sum. */
    int atLeast(CircuitBuilder b, BigInteger theta) {
      BigInteger t = theta.add(shift);
      if (t.signum() <= 0) {
        return Constants.TRUE;
      }
      if (t.compareTo(max) > 0) {
        return Constants.FALSE;
      }
      return compareAtLeast(b, x, y, t);
    }

    /** {@code [sum ≤ θ]} for the original (signed) sum. */
    int atMost(CircuitBuilder b, BigInteger theta) {
      BigInteger t = theta.add(shift);
      if (t.compareTo(max) >= 0) {
        return Constants.TRUE;
      }
      if (t.signum() < 0) {
        return Constants.FALSE;
      }
      int p = Math.max(x.length, y.length);
      int[] nx = new int[p];
      int[] ny = new int[p];
      for (int q = 0; q < p; q++) {
        nx[q] = CircuitBuilder.negate(q < x.length ? x[q] : Constants.FALSE);
        ny[q] = CircuitBuilder.negate(q < y.length ? y[q] : Constants.FALSE);
      }
      // X + Y ≤ θ  ⇔  (2^p − 1 − X) + (2^p − 1 − Y) ≥ 2(2^p − 1) − θ
      BigInteger ones = BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE);
      return compareAtLeast(b, nx, ny, ones.shiftLeft(1).subtract(t));
    }
  }

  /** Drops constant-0 top bits. */
  private static int[] trim(int[] bits) {
    int n = bits.length;
    while (n > 0 && bits[n - 1] == Constants.FALSE) {
      n--;
    }
    return Arrays.copyOf(bits, n);
  }

  // ---- stage A: columns to two binary numbers ----

  /** Two binary numbers X, Y (sentinels for constant bits) with X + Y = Σ_j 2^j·|columns[j]|. */
  static int[][] compress(CircuitBuilder b, int[][] columns, int k) {
    long chunk = k >= 62 ? Long.MAX_VALUE : (1L << k) - 1;
    while (true) {
      int f = 0;
      for (int[] col : columns) {
        f = Math.max(f, col.length);
      }
      if (f <= chunk) {
        int width = Math.max(1, 32 - Integer.numberOfLeadingZeros(f));
        return blocks(b, columns, width);
      }
      int groups = (int) ((f + chunk - 1) / chunk);
      List<int[]> numbers = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        int[][] part = new int[columns.length][];
        for (int j = 0; j < columns.length; j++) {
          int from = (int) Math.min(columns[j].length, g * chunk);
          int to = (int) Math.min(columns[j].length, (g + 1) * chunk);
          part[j] = Arrays.copyOfRange(columns[j], from, to);
        }
        int[][] xy = blocks(b, part, k);
        numbers.add(xy[0]);
        numbers.add(xy[1]);
      }
      columns = toColumns(numbers);
    }
  }

  /** Stage A proper: block values of width ℓ (columns shorter than 2^ℓ) split into X and Y. */
  private static int[][] blocks(CircuitBuilder b, int[][] columns, int width) {
    int n = columns.length;
    int blocks = (n + width - 1) / width;
    int[] x = new int[blocks * width];
    int[] y = new int[(blocks + 1) * width];
    Arrays.fill(x, Constants.FALSE);
    Arrays.fill(y, Constants.FALSE);
    for (int blk = 0; blk < blocks; blk++) {
      int from = blk * width;
      int to = Math.min(n, from + width);
      boolean binary = true;
      for (int j = from; j < to; j++) {
        binary &= columns[j].length <= 1;
      }
      if (binary) { // the block is already a binary number
        for (int j = from; j < to; j++) {
          if (columns[j].length == 1) {
            x[j] = columns[j][0];
          }
        }
        continue;
      }
      int[] t =
          IteratedAddition.columnBits(
              b, Arrays.copyOfRange(columns, from, to), BigInteger.ZERO, Integer.MAX_VALUE);
      if (t.length > 2 * width) {
        throw new AssertionError("block value wider than " + 2 * width + " bits");
      }
      for (int i = 0; i < t.length; i++) {
        if (i < width) {
          x[from + i] = t[i];
        } else {
          y[from + i] = t[i];
        }
      }
    }
    return new int[][] {x, y};
  }

  /** The non-constant bits of several binary numbers, gathered by position. */
  private static int[][] toColumns(List<int[]> numbers) {
    int width = 0;
    for (int[] v : numbers) {
      width = Math.max(width, v.length);
    }
    IntArrayList[] cols = new IntArrayList[width];
    for (int j = 0; j < width; j++) {
      cols[j] = new IntArrayList();
    }
    for (int[] v : numbers) {
      for (int j = 0; j < v.length; j++) {
        if (v[j] == Constants.TRUE) {
          throw new AssertionError("stage A yields no constant 1 bits");
        }
        if (v[j] != Constants.FALSE) {
          cols[j].add(v[j]);
        }
      }
    }
    int top = width;
    while (top > 0 && cols[top - 1].isEmpty()) {
      top--;
    }
    int[][] out = new int[top][];
    for (int j = 0; j < top; j++) {
      out[j] = cols[j].toIntArray();
    }
    return out;
  }

  // ---- stage B: [X + Y ≥ θ] with unit weights ----

  /** {@code [X + Y ≥ θ]} for binary X, Y (sentinels allowed) and {@code 1 ≤ θ}. */
  static int compareAtLeast(CircuitBuilder b, int[] x0, int[] y0, BigInteger theta) {
    int p = Math.max(x0.length, y0.length) + 1; // one more position: X + Y < 2^p
    if (theta.bitLength() > p) {
      return Constants.FALSE;
    }
    int[] x = new int[p + 1];
    int[] y = new int[p + 1];
    Arrays.fill(x, Constants.FALSE);
    Arrays.fill(y, Constants.FALSE);
    System.arraycopy(x0, 0, x, 0, x0.length);
    System.arraycopy(y0, 0, y, 0, y0.length);
    // carry[q]: clauses of maj(x_q, y_q, γ_q) = γ_{q+1}; zero[q]: clauses of γ_q = 0
    int[][] carry = new int[p][];
    int[][] zero = new int[p + 1][];
    for (int q = 0; q < p; q++) {
      boolean tq = theta.testBit(q);
      boolean tq1 = theta.testBit(q + 1);
      carry[q] =
          clauses(
              b,
              new int[] {x[q], y[q], x[q + 1], y[q + 1]},
              v -> majority(v[0], v[1], tq ^ v[0] ^ v[1]) == (tq1 ^ v[2] ^ v[3]));
    }
    for (int q = 0; q <= p; q++) {
      boolean tq = theta.testBit(q);
      zero[q] = clauses(b, new int[] {x[q], y[q]}, v -> !(tq ^ v[0] ^ v[1]));
    }
    IntArrayList terms = new IntArrayList();
    IntArrayList conj = new IntArrayList();
    // X + Y = θ
    conj.addElements(0, zero[0]);
    for (int q = 0; q < p; q++) {
      conj.addElements(conj.size(), carry[q]);
    }
    terms.add(b.and(conj.toIntArray()));
    // the parts above p' agree and x_p' + y_p' > θ_p'
    for (int q = 0; q < p; q++) {
      conj.clear();
      boolean tq = theta.testBit(q);
      conj.addElements(0, clauses(b, new int[] {x[q], y[q]}, v -> (v[0] ? 1 : 0) + (v[1] ? 1 : 0) > (tq ? 1 : 0)));
      conj.addElements(conj.size(), zero[q + 1]);
      for (int r = q + 1; r < p; r++) {
        conj.addElements(conj.size(), carry[r]);
      }
      terms.add(b.and(conj.toIntArray()));
    }
    return b.or(terms.toIntArray());
  }

  private static boolean majority(boolean a, boolean c, boolean d) {
    return (a ? 1 : 0) + (c ? 1 : 0) + (d ? 1 : 0) >= 2;
  }

  /** A Boolean function of a few literals, evaluated on their values. */
  @FunctionalInterface
  interface SmallFunction {
    boolean test(boolean[] values);
  }

  /**
   * The function as a conjunction of OR clauses over its literals (each clause built: an OR gate,
   * a single literal, or a constant): constants are substituted, and each falsifying assignment's
   * clause is widened greedily to a prime implicate; duplicates are dropped.
   */
  private static int[] clauses(CircuitBuilder b, int[] literals, SmallFunction f) {
    int n = literals.length;
    // distinct variable nodes among the non-constant literals
    int[] varNode = new int[n];
    int vars = 0;
    int[] varOf = new int[n];
    for (int i = 0; i < n; i++) {
      int l = literals[i];
      if (Constants.isConstant(l)) {
        varOf[i] = -1;
        continue;
      }
      int node = l < 0 ? ~l : l;
      int v = 0;
      while (v < vars && varNode[v] != node) {
        v++;
      }
      if (v == vars) {
        varNode[vars++] = node;
      }
      varOf[i] = v;
    }
    int cases = 1 << vars;
    boolean[] fails = new boolean[cases];
    boolean[] values = new boolean[n];
    for (int a = 0; a < cases; a++) {
      for (int i = 0; i < n; i++) {
        int l = literals[i];
        values[i] =
            varOf[i] < 0 ? l == Constants.TRUE : (((a >>> varOf[i]) & 1) != 0) ^ (l < 0);
      }
      fails[a] = !f.test(values);
    }
    IntArrayList out = new IntArrayList();
    List<Integer> seen = new ArrayList<>(); // (mask << 8 | assignment bits under mask)
    for (int a = 0; a < cases; a++) {
      if (!fails[a]) {
        continue;
      }
      int mask = cases - 1; // variables kept in the clause
      for (int v = 0; v < vars; v++) {
        int trial = mask & ~(1 << v);
        if (cubeFails(fails, a, trial, vars)) {
          mask = trial;
        }
      }
      Integer key = (mask << 8) | (a & mask);
      if (seen.contains(key)) {
        continue;
      }
      seen.add(key);
      IntArrayList lits = new IntArrayList();
      for (int v = 0; v < vars; v++) {
        if ((mask >>> v & 1) != 0) {
          // the clause excludes variable v's value in a
          lits.add(((a >>> v) & 1) != 0 ? ~varNode[v] : varNode[v]);
        }
      }
      out.add(lits.isEmpty() ? b.constant(false) : b.or(lits.toIntArray()));
    }
    return out.toIntArray();
  }

  /** Whether every assignment agreeing with {@code a} on {@code mask} falsifies the function. */
  private static boolean cubeFails(boolean[] fails, int a, int mask, int vars) {
    int free = ((1 << vars) - 1) & ~mask;
    for (int sub = free; ; sub = (sub - 1) & free) {
      if (!fails[(a & mask) | sub]) {
        return false;
      }
      if (sub == 0) {
        return true;
      }
    }
  }
}
