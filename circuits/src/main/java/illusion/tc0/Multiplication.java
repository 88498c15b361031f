package illusion.tc0;

import illusion.circuit.CircuitBuilder;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Multiplication of two unsigned binary numbers (bits least significant first) in depth 3: the
 * partial products {@code a_i ∧ c_j} (one layer of AND gates) summed by {@link
 * IteratedAddition#columns} with column k holding the products with {@code i + j = k}.
 *
 * <p>Cost for m-bit operands (m ≥ 2): depth 3; {@code m²} AND gates; the column sum over 2m − 1
 * columns of sizes {@code min(k + 1, 2m − 1 − k)} (exact count: {@link IteratedAddition}'s rule
 * with {@code M_i = Σ_{k ≤ i} 2^k·|column k|}), which is {@code O(m²)} cuts; result width 2m.
 * Weights {@code 2^k} (2m − 1 bits) in the cut layer. (Constant-depth multiplication with
 * polynomial weights: Hofmeister, Hohberg &amp; Köhling 1991, depth 4; here weights are large and
 * lowered on request by {@link LowerWeights}.)
 */
public final class Multiplication {
  private Multiplication() {}

  /** The bits of {@code a · c}, {@code m_a + m_c} bits (at least one). */
  public static int[] multiply(CircuitBuilder b, int[] a, int[] c) {
    Objects.requireNonNull(b, "builder");
    int na = Objects.requireNonNull(a, "a").length;
    int nc = Objects.requireNonNull(c, "c").length;
    if (na == 0 || nc == 0) {
      return new int[] {b.constant(false)};
    }
    int[][] columns = new int[na + nc - 1][];
    for (int k = 0; k < columns.length; k++) {
      int lo = Math.max(0, k - (nc - 1));
      int hi = Math.min(k, na - 1);
      columns[k] = new int[hi - lo + 1];
      for (int i = lo; i <= hi; i++) {
        columns[k][i - lo] = b.and(a[i], c[k - i]);
      }
    }
    int[] bits = IteratedAddition.columns(b, columns, BigInteger.ZERO);
    if (bits.length == na + nc) {
      return bits;
    }
    int[] out = Arrays.copyOf(bits, na + nc);
    for (int i = bits.length; i < out.length; i++) {
      out[i] = b.constant(false);
    }
    return out;
  }
}
