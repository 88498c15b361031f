package illusion.tc0;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.CircuitBuilder;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The binary representation of a count {@code Σ x_i} (or of any stored sum with a small range),
 * in depth 2.
 *
 * <p>Construction: the n cuts {@code t_v = [Σ x_i ≥ v]}, v = 1..n, over one shared sum; bit j is
 * the alternating sum {@code t_{2^j} − t_{2·2^j} + t_{3·2^j} − ...} ∈ {0, 1} (one unit-weight
 * gate), the parity of {@code ⌊Σ x_i / 2^j⌋}. This is {@link IteratedAddition} with one column.
 *
 * <p>Cost for n ≥ 2 literals: depth 2, width {@code B = bitlength(n)}, size {@code n + B − 1}
 * gates (n cuts; one alternating gate per bit except the top one, which is the single cut {@code
 * t_{2^{B−1}}}), wires {@code n² + Σ_{j < B−1} ⌊n/2^j⌋}, unit weights. For n = 1 the result is
 * one gate {@code [x ≥ 1]}.
 */
public final class CountToBinary {
  private CountToBinary() {}

  /** The bits of {@code Σ literals} (true literals counted), least significant first. */
  public static int[] of(CircuitBuilder b, int... literals) {
    Objects.requireNonNull(literals, "literals");
    return IteratedAddition.columns(b, new int[][] {literals}, BigInteger.ZERO);
  }

  /**
   * The bits of a stored sum's value, least significant first, in {@code bitlength(maxValue)} bits
   * (at least one). The caller guarantees that every value of {@code sum} lies in {@code [0,
   * maxValue]} (for example a prefix count of one-hot inputs with small non-negative weights); cost
   * as above with n = maxValue: {@code maxValue} cuts over the shared sum.
   */
  public static int[] of(CircuitBuilder b, CircuitBuilder.Sum sum, long maxValue) {
    Objects.requireNonNull(b, "builder");
    Objects.requireNonNull(sum, "sum");
    checkArgument(maxValue >= 0, "maxValue must be non-negative: %s", maxValue);
    LinearForm form = LinearForm.over(sum, BigInteger.ZERO);
    BigInteger max = BigInteger.valueOf(maxValue);
    int bits = Math.max(1, max.bitLength());
    int[] out = new int[bits];
    for (int i = 0; i < bits; i++) {
      out[i] = Constants.resolve(b, IteratedAddition.bit(b, form, max, BigInteger.ZERO, i));
    }
    return out;
  }
}
