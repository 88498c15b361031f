package illusion.tc0;

import illusion.circuit.CircuitBuilder;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * The exact count {@code [Σ x_i = k]}: {@code [Σ x_i ≥ k] ∧ [Σ x_i ≤ k]}, two thresholds over one
 * shared unit-weight sum and an AND.
 *
 * <p>Cost for n literals: depth 2 and 3 gates (wires 2n + 2) when 0 &lt; k &lt; n; depth 1 and one
 * gate for k = 0 ({@code [Σ ≤ 0]}) or k = n ({@code [Σ ≥ n]}); the constant 0 for k outside [0,
 * n]. Unit weights.
 */
public final class ExactCount {
  private ExactCount() {}

  /** {@code [number of true literals = k]}. */
  public static int of(CircuitBuilder b, int[] literals, int k) {
    Objects.requireNonNull(b, "builder");
    long[] ones = new long[Objects.requireNonNull(literals, "literals").length];
    Arrays.fill(ones, 1);
    LinearForm s = LinearForm.of(b, null, ones, literals);
    BigInteger kk = BigInteger.valueOf(k);
    // the builder folds [s ≥ 0] and [s ≤ n] to 1, and an AND with 1 to its other literal
    return b.and(s.atLeast(b, kk), s.atMost(b, kk));
  }
}
