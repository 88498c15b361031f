package illusion.tc0;

import illusion.circuit.CircuitBuilder;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Comparison of two unsigned binary numbers (bits least significant first; widths may differ) by
 * one threshold over the difference {@code d = Σ 2^j a_j − Σ 2^j c_j}.
 *
 * <p>Cost for m-bit operands: {@link #atLeast} and {@link #greaterThan} are one gate, depth 1, 2m
 * wires; {@link #equal} is {@code [d ≥ 0] ∧ [d ≤ 0]} over the same sum: 3 gates, depth 2, 4m + 2
 * wires. Weight bits m (the exponential weights are the point: {@link ThresholdLowering} trades
 * them for depth).
 */
public final class Comparison {
  private Comparison() {}

  /** {@code [a ≥ c]}. */
  public static int atLeast(CircuitBuilder b, int[] a, int[] c) {
    return difference(b, a, c).atLeast(b, BigInteger.ZERO);
  }

  /** {@code [a > c]}. */
  public static int greaterThan(CircuitBuilder b, int[] a, int[] c) {
    return difference(b, a, c).atLeast(b, BigInteger.ONE);
  }

  /** {@code [a = c]}. */
  public static int equal(CircuitBuilder b, int[] a, int[] c) {
    LinearForm d = difference(b, a, c);
    return b.and(d.atLeast(b, BigInteger.ZERO), d.atMost(b, BigInteger.ZERO));
  }

  private static LinearForm difference(CircuitBuilder b, int[] a, int[] c) {
    Objects.requireNonNull(b, "builder");
    int na = Objects.requireNonNull(a, "a").length;
    int nc = Objects.requireNonNull(c, "c").length;
    BigInteger[] w = new BigInteger[na + nc];
    int[] lits = new int[na + nc];
    for (int j = 0; j < na; j++) {
      w[j] = BigInteger.ONE.shiftLeft(j);
      lits[j] = a[j];
    }
    for (int j = 0; j < nc; j++) {
      w[na + j] = BigInteger.ONE.shiftLeft(j).negate();
      lits[na + j] = c[j];
    }
    return LinearForm.of(b, null, w, lits);
  }
}
