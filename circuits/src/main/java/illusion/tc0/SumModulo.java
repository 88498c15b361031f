package illusion.tc0;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.CircuitBuilder;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Residues of a weighted sum: {@code [Σ w_i x_i ≡ r (mod K)]} and the one-hot vector of {@code Σ
 * w_i x_i mod K}, in depth 2.
 *
 * <p>Construction: the weights are first reduced to {@code w_i mod K ∈ [0, K)} (which does not
 * change the residue), so the reduced sum S lies in {@code [0, M]}, {@code M = Σ (w_i mod K)}. With
 * the cuts {@code t_v = [S ≥ v]} over one shared sum, {@code [S = v] = t_v − t_{v+1}}, so {@code [S
 * ≡ r] = Σ_{v ≡ r} (t_v − t_{v+1})}: one gate reading the cuts at {@code v ≡ r} (weight +1) and
 * {@code v ≡ r + 1} (weight −1).
 *
 * <p>Cost (K ≥ 2, M ≥ 1): depth 2; {@link #residues}: M cuts plus one gate per reachable residue
 * ({@code min(M + 1, K)}), the unreachable residues are the constant 0; {@link #congruent}: the
 * cuts at {@code v ≡ r, r + 1} (about 2M/K) plus one gate. Unit weights (±1) in the second layer;
 * the first layer's weights are the reduced weights (below K).
 */
public final class SumModulo {
  private SumModulo() {}

  /** {@code [Σ w_i l_i ≡ residue (mod modulus)]}; weights of any sign, {@code modulus ≥ 1}. */
  public static int congruent(
      CircuitBuilder b, long[] weights, int[] literals, long modulus, long residue) {
    Reduced r = reduce(b, weights, literals, modulus);
    return residue(b, r.form, BigInteger.ZERO, r.max, modulus, Math.floorMod(residue, modulus));
  }

  /**
   * The one-hot vector {@code [Σ w_i l_i ≡ r (mod modulus)]}, r = 0..modulus−1; weights of any
   * sign, {@code 1 ≤ modulus ≤ 2^20}.
   */
  public static int[] residues(CircuitBuilder b, long[] weights, int[] literals, long modulus) {
    checkArgument(modulus <= 1 << 20, "modulus too large for a one-hot vector: %s", modulus);
    Reduced r = reduce(b, weights, literals, modulus);
    int[] out = new int[(int) modulus];
    for (int k = 0; k < out.length; k++) {
      out[k] = residue(b, r.form, BigInteger.ZERO, r.max, modulus, k);
    }
    return out;
  }

  /**
   * The one-hot residue vector of a stored sum whose values the caller guarantees to lie in {@code
   * [min, max]} (for example prefix sums of token exponents). Cost: {@code max − min} cuts and at
   * most {@code modulus} gates; depth 2.
   */
  public static int[] residues(
      CircuitBuilder b, CircuitBuilder.Sum sum, long min, long max, long modulus) {
    Objects.requireNonNull(b, "builder");
    Objects.requireNonNull(sum, "sum");
    checkArgument(min <= max, "empty range [%s, %s]", min, max);
    checkArgument(modulus >= 1 && modulus <= 1 << 20, "modulus must be in [1, 2^20]: %s", modulus);
    LinearForm form = LinearForm.over(sum, BigInteger.ZERO);
    int[] out = new int[(int) modulus];
    for (int k = 0; k < out.length; k++) {
      out[k] =
          residue(
              b, form, BigInteger.valueOf(min), BigInteger.valueOf(max), modulus, k);
    }
    return out;
  }

  private static final class Reduced {
    final LinearForm form;
    final BigInteger max;

    Reduced(LinearForm form, BigInteger max) {
      this.form = form;
      this.max = max;
    }
  }

  private static Reduced reduce(CircuitBuilder b, long[] weights, int[] literals, long modulus) {
    Objects.requireNonNull(b, "builder");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(literals, "literals");
    checkArgument(
        weights.length == literals.length,
        "%s weights for %s literals",
        weights.length,
        literals.length);
    checkArgument(modulus >= 1, "modulus must be positive: %s", modulus);
    long[] w = new long[weights.length];
    BigInteger max = BigInteger.ZERO;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.floorMod(weights[i], modulus);
      max = max.add(BigInteger.valueOf(w[i]));
    }
    checkArgument(
        max.bitLength() < 31,
        "the reduced sum reaches %s: too many threshold gates (one per value)",
        max);
    return new Reduced(LinearForm.of(b, null, w, literals), max);
  }

  /** {@code [form ≡ r (mod K)]} for a form with values in {@code [min, max]}. */
  private static int residue(
      CircuitBuilder b, LinearForm form, BigInteger min, BigInteger max, long modulus, long r) {
    if (modulus == 1) {
      return b.constant(true);
    }
    long lo = min.longValueExact();
    long hi = max.longValueExact();
    checkArgument(hi - lo < Integer.MAX_VALUE, "range [%s, %s] too large", lo, hi);
    // [S ≡ r] = Σ_{v ≡ r} (t_v − t_{v+1}), t_lo = 1, t_{hi+1} = 0: cuts at v ≡ r weigh +1, at
    // v ≡ r + 1 weigh −1 (v in (lo, hi])
    int constant = Math.floorMod(lo, modulus) == r ? 1 : 0;
    long plusFrom = lo + 1 + Math.floorMod(r - (lo + 1), modulus);
    long minusFrom = lo + 1 + Math.floorMod(r + 1 - (lo + 1), modulus);
    long plus = plusFrom > hi ? 0 : (hi - plusFrom) / modulus + 1;
    long minus = minusFrom > hi ? 0 : (hi - minusFrom) / modulus + 1;
    int count = (int) (plus + minus);
    int[] t = new int[count];
    long[] w = new long[count];
    int k = 0;
    for (long v = plusFrom; k < plus; v += modulus) {
      t[k] = form.atLeast(b, BigInteger.valueOf(v));
      w[k++] = 1;
    }
    for (long v = minusFrom; k < count; v += modulus) {
      t[k] = form.atLeast(b, BigInteger.valueOf(v));
      w[k++] = -1;
    }
    if (count == 0) {
      return b.constant(constant == 1);
    }
    return b.atLeast(b.sum(w, t), 1 - constant);
  }
}
