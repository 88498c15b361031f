package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.CircuitBuilder;
import illusion.number.Dyadic;
import illusion.number.Precision;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The output stage shared by every strategy: a value {@code v = w_0 + Σ_i w_i z_i} over indicator
 * literals z_i with exact dyadic weights, rounded exactly as {@code sat_p(floor(2^f v))} (DESIGN.md
 * "Semantics") into a {@link RoundedOutput}.
 *
 * <p>Construction: the weights are scaled to integers {@code W_i = 2^(f+s) w_i} (s the least shift
 * that makes them integral), so {@code floor(2^f v) = floor(S / 2^s)} with {@code S = Σ W_i z_i +
 * W_0}. One weighted sum holds {@code Σ W_i z_i}; the thermometer gates {@code [S ≥ k 2^s]} read it,
 * one for each k in the range S can reach (clipped to the p-bit range), at most {@code 2^p - 1}.
 * Bits and residues are then one gate above the thermometer, so the stage adds depth 2.
 */
final class OutputStage {
  private OutputStage() {}

  /**
   * The terms of a value {@code w_0 + Σ w_i z_i}, in groups: a <em>choice</em> group holds literals
   * of which at most one (or exactly one) is true, such as the one-hot wires of one token, which
   * makes the range of the value, and so the thermometer, tight. Zero weights are dropped.
   */
  static final class Terms {
    private final IntArrayList literals = new IntArrayList();
    private final List<Dyadic> weights = new ArrayList<>();
    private Dyadic constant = Dyadic.ZERO;
    private Dyadic min = Dyadic.ZERO;
    private Dyadic max = Dyadic.ZERO;

    /** Adds the constant {@code w}. */
    Terms constant(Dyadic w) {
      constant = constant.add(w);
      min = min.add(w);
      max = max.add(w);
      return this;
    }

    /** Adds {@code w z} for one literal z. */
    Terms add(int literal, Dyadic w) {
      if (w.signum() != 0) {
        literals.add(literal);
        weights.add(w);
        if (w.signum() < 0) {
          min = min.add(w);
        } else {
          max = max.add(w);
        }
      }
      return this;
    }

    /**
     * Adds {@code Σ_k w_k z_k} over literals of which at most one is true, or exactly one when
     * {@code exactlyOne} (then the range counts one of the weights for sure).
     */
    Terms addChoice(int[] choice, Dyadic[] w, boolean exactlyOne) {
      checkArgument(choice.length == w.length, "%s literals, %s weights", choice.length, w.length);
      checkArgument(!exactlyOne || choice.length > 0, "an exactly-one choice needs a literal");
      Dyadic lo = exactlyOne ? null : Dyadic.ZERO;
      Dyadic hi = lo;
      for (int k = 0; k < choice.length; k++) {
        lo = lo == null || w[k].compareTo(lo) < 0 ? w[k] : lo;
        hi = hi == null || w[k].compareTo(hi) > 0 ? w[k] : hi;
        if (w[k].signum() != 0) {
          literals.add(choice[k]);
          weights.add(w[k]);
        }
      }
      min = min.add(lo);
      max = max.add(hi);
      return this;
    }

    /**
     * Adds {@code Σ_k w_k z_k} over literals whose sum the caller knows to lie in {@code [min,
     * max]} (for instance nested indicators of one window, at most one group of which is true).
     */
    Terms addBounded(int[] lits, Dyadic[] w, Dyadic lo, Dyadic hi) {
      checkArgument(lits.length == w.length, "%s literals, %s weights", lits.length, w.length);
      checkArgument(lo.compareTo(hi) <= 0, "empty range [%s, %s]", lo, hi);
      for (int k = 0; k < lits.length; k++) {
        if (w[k].signum() != 0) {
          literals.add(lits[k]);
          weights.add(w[k]);
        }
      }
      min = min.add(lo);
      max = max.add(hi);
      return this;
    }

    /** The number of (non-zero) terms. */
    int size() {
      return literals.size();
    }

    /** The least value the terms can take, given the groups. */
    Dyadic min() {
      return min;
    }

    /** The greatest value the terms can take, given the groups. */
    Dyadic max() {
      return max;
    }
  }

  /** Rounds {@code terms} at {@code precision}: one shared sum and its thermometer gates. */
  static RoundedOutput round(CircuitBuilder b, Precision precision, Terms terms) {
    long lo = precision.round(terms.min);
    long hi = precision.round(terms.max);
    if (lo == hi || terms.size() == 0) {
      return RoundedOutput.constant(b, precision, lo);
    }
    int maxScale = terms.constant.scale();
    for (Dyadic w : terms.weights) {
      maxScale = Math.max(maxScale, w.scale());
    }
    int shift = shiftFor(precision, maxScale);
    CircuitBuilder.Sum sum = sum(b, null, precision, shift, terms.literals.toIntArray(), terms.weights);
    return thermometer(
        b, precision, sum, shift, integral(terms.constant, precision.fractionBits() + shift), lo, hi);
  }

  /**
   * The least s such that weights of scale {@code maxScale} become integers when multiplied by
   * {@code 2^(f+s)}.
   */
  static int shiftFor(Precision precision, int maxScale) {
    return Math.max(0, maxScale - precision.fractionBits());
  }

  /**
   * The sum {@code base + Σ W_i l_i} with {@code W_i = 2^(f+shift) w_i} (integers), for sums that
   * share one shift along a chain of extensions ({@code base} may be null).
   */
  static CircuitBuilder.Sum sum(
      CircuitBuilder b,
      CircuitBuilder.Sum base,
      Precision precision,
      int shift,
      int[] literals,
      List<Dyadic> weights) {
    int n = literals.length;
    int k = precision.fractionBits() + shift;
    BigInteger[] big = new BigInteger[n];
    boolean fitsLong = true;
    for (int i = 0; i < n; i++) {
      big[i] = integral(weights.get(i), k);
      fitsLong &= big[i].bitLength() < 63;
    }
    if (fitsLong) {
      long[] w = new long[n];
      for (int i = 0; i < n; i++) {
        w[i] = big[i].longValue();
      }
      return base == null ? b.sum(w, literals) : b.extend(base, w, literals);
    }
    return base == null ? b.sum(big, literals) : b.extend(base, big, literals);
  }

  /**
   * The thermometer of {@code y = sat_p(floor((S + w0) / 2^shift))} for an integer sum S whose
   * rounded value is known to lie in {@code [lo, hi]}: the gates {@code [S ≥ v 2^shift - w0]} for
   * {@code v} in {@code (lo, hi]}.
   */
  static RoundedOutput thermometer(
      CircuitBuilder b,
      Precision precision,
      CircuitBuilder.Sum sum,
      int shift,
      BigInteger w0,
      long lo,
      long hi) {
    checkArgument(
        hi - lo < Integer.MAX_VALUE,
        "an output ranging over [%s, %s] needs too many thermometer gates",
        lo,
        hi);
    int[] levels = new int[(int) (hi - lo)];
    for (long v = lo + 1; v <= hi; v++) {
      // floor((S + W_0) / 2^s) ≥ v  ⟺  S ≥ v 2^s - W_0
      BigInteger theta = BigInteger.valueOf(v).shiftLeft(shift).subtract(w0);
      levels[(int) (v - lo - 1)] = b.atLeast(sum, theta);
    }
    return RoundedOutput.ofThermometer(b, precision, lo, hi, levels);
  }

  /** {@code w 2^k} as an integer; k is at least the scale of w. */
  static BigInteger integral(Dyadic w, int k) {
    Dyadic d = w.shiftLeft(k);
    checkArgument(d.isInteger(), "weight %s is not integral after scaling by 2^%s", w, k);
    return d.unscaledValue();
  }

  /** The number of thermometer gates for a value in {@code [min, max]} at {@code precision}. */
  static long levels(Precision precision, Dyadic min, Dyadic max) {
    return precision.round(max) - precision.round(min);
  }

  /**
   * The projected size of {@link #round}: {@code levels} thermometer gates over a sum of {@code
   * terms} terms, plus the p - 1 bit gates and the sign bit's NOT when {@code withBits} (bit i
   * reads about {@code levels / 2^i} thermometer literals).
   */
  static SizeEstimate estimate(Precision precision, long terms, long levels, boolean withBits) {
    if (levels == 0) {
      return SizeEstimate.ZERO;
    }
    long gates = levels;
    long wires = SizeEstimate.mul(levels, terms);
    long stored = SizeEstimate.add(terms, levels);
    if (withBits) {
      long bitWires = 2 * levels + 1;
      gates += precision.bits(); // p - 1 bit gates and the sign bit's NOT
      wires = SizeEstimate.add(wires, bitWires);
      stored = SizeEstimate.add(stored, bitWires);
    }
    return SizeEstimate.of(gates, wires, stored);
  }
}
