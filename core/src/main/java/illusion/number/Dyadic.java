package illusion.number;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact dyadic rational {@code unscaled * 2^-scale}: the number type of exact-then-round
 * evaluation (DESIGN.md "Semantics"), closed under addition, subtraction and multiplication.
 *
 * <p>Values are normalized: {@code scale >= 0}, and the unscaled value is odd whenever {@code
 * scale > 0} (zero is {@code 0 * 2^0}), so equal values have equal representations. The unscaled
 * value is a {@code long} when it fits and a {@link BigInteger} otherwise; arithmetic stays on
 * longs while no overflow can occur. Immutable.
 */
public final class Dyadic implements Comparable<Dyadic> {
  /** Zero. */
  public static final Dyadic ZERO = new Dyadic(0, null, 0);
  /** One. */
  public static final Dyadic ONE = new Dyadic(1, null, 0);
  /** Minus one. */
  public static final Dyadic MINUS_ONE = new Dyadic(-1, null, 0);

  /** The unscaled value when it fits a long (then {@code big == null}). */
  private final long small;
  /** The unscaled value when it does not fit a long, else null. */
  private final BigInteger big;

  private final int scale;

  private Dyadic(long small, BigInteger big, int scale) {
    this.small = small;
    this.big = big;
    this.scale = scale;
  }

  /** The integer {@code n}. */
  public static Dyadic of(long n) {
    return n == 0 ? ZERO : n == 1 ? ONE : new Dyadic(n, null, 0);
  }

  /** The integer {@code n}. */
  public static Dyadic of(BigInteger n) {
    return of(n, 0);
  }

  /** The value {@code unscaled * 2^-scale}; a negative scale multiplies by {@code 2^-scale}. */
  public static Dyadic of(long unscaled, int scale) {
    if (unscaled == 0) {
      return ZERO;
    }
    if (scale <= 0) {
      if (scale == 0) {
        return of(unscaled);
      }
      return shiftLeftLong(unscaled, -scale);
    }
    int tz = Math.min(Long.numberOfTrailingZeros(unscaled), scale);
    return new Dyadic(unscaled >> tz, null, scale - tz);
  }

  /** The value {@code unscaled * 2^-scale}; a negative scale multiplies by {@code 2^-scale}. */
  public static Dyadic of(BigInteger unscaled, int scale) {
    if (unscaled.signum() == 0) {
      return ZERO;
    }
    if (scale < 0) {
      checkArgument(scale > -Integer.MAX_VALUE, "scale out of range: %s", scale);
      return fromBig(unscaled.shiftLeft(-scale), 0);
    }
    int tz = Math.min(unscaled.getLowestSetBit(), scale);
    return fromBig(unscaled.shiftRight(tz), scale - tz);
  }

  /** A normalized value from an unscaled value that is already odd or has scale 0. */
  private static Dyadic fromBig(BigInteger unscaled, int scale) {
    if (unscaled.bitLength() < 64) {
      return new Dyadic(unscaled.longValue(), null, scale);
    }
    return new Dyadic(0, unscaled, scale);
  }

  private static Dyadic shiftLeftLong(long x, int k) {
    if (k < 63 && Math.abs(x) < (1L << (62 - k)) && x != Long.MIN_VALUE) {
      return new Dyadic(x << k, null, 0);
    }
    return fromBig(BigInteger.valueOf(x).shiftLeft(k), 0);
  }

  /** The unscaled value: this equals {@code unscaledValue() * 2^-scale()}. */
  public BigInteger unscaledValue() {
    return big != null ? big : BigInteger.valueOf(small);
  }

  /** The scale, {@code >= 0}; 0 exactly when this is an integer. */
  public int scale() {
    return scale;
  }

  /** Whether this is an integer. */
  public boolean isInteger() {
    return scale == 0;
  }

  /** -1, 0 or 1 as this is negative, zero or positive. */
  public int signum() {
    return big != null ? big.signum() : Long.signum(small);
  }

  /** {@code -this}. */
  public Dyadic negate() {
    if (big == null && small != Long.MIN_VALUE) {
      return new Dyadic(-small, null, scale);
    }
    return fromBig(unscaledValue().negate(), scale);
  }

  /** {@code this + other}, exactly. */
  public Dyadic add(Dyadic other) {
    if (signum() == 0) {
      return other;
    }
    if (other.signum() == 0) {
      return this;
    }
    int s = Math.max(scale, other.scale);
    if (big == null && other.big == null) {
      int ka = s - scale;
      int kb = s - other.scale;
      if (shiftFits(small, ka) && shiftFits(other.small, kb)) {
        long a = small << ka;
        long b = other.small << kb;
        long r = a + b;
        if (((a ^ r) & (b ^ r)) >= 0) {
          return of(r, s);
        }
      }
    }
    BigInteger a = unscaledValue().shiftLeft(s - scale);
    BigInteger b = other.unscaledValue().shiftLeft(s - other.scale);
    return of(a.add(b), s);
  }

  /** {@code this - other}, exactly. */
  public Dyadic subtract(Dyadic other) {
    return add(other.negate());
  }

  /** {@code this * other}, exactly. */
  public Dyadic multiply(Dyadic other) {
    if (signum() == 0 || other.signum() == 0) {
      return ZERO;
    }
    // Both unscaled values are odd or have scale 0, so the product needs normalizing only then.
    int s = Math.addExact(scale, other.scale);
    if (big == null && other.big == null) {
      long hi = Math.multiplyHigh(small, other.small);
      long lo = small * other.small;
      if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
        return of(lo, s);
      }
    }
    return of(unscaledValue().multiply(other.unscaledValue()), s);
  }

  /** {@code this^e} for {@code e >= 0}, exactly; {@code x^0 = 1} for every x, zero included. */
  public Dyadic pow(int e) {
    checkArgument(e >= 0, "negative exponent %s", e);
    if (e == 0) {
      return ONE;
    }
    return of(unscaledValue().pow(e), Math.multiplyExact(scale, e));
  }

  /** {@code this * 2^k} ({@code k} may be negative). */
  public Dyadic shiftLeft(int k) {
    if (signum() == 0) {
      return ZERO;
    }
    if (big == null) {
      return of(small, Math.subtractExact(scale, k));
    }
    return of(big, Math.subtractExact(scale, k));
  }

  /**
   * {@code floor(this * 2^f)} for {@code f >= 0}: the integer part of the value scaled by f
   * fraction bits, rounding toward negative infinity. With {@link Precision#saturate} this is the
   * output rounding of DESIGN.md "Semantics".
   */
  public BigInteger floorTimesPowerOfTwo(int f) {
    checkArgument(f >= 0, "negative shift %s", f);
    BigInteger u = unscaledValue();
    if (f >= scale) {
      return u.shiftLeft(f - scale);
    }
    return u.shiftRight(scale - f); // arithmetic shift: floor division by 2^(scale - f)
  }

  /** The nearest double (for display only; exact arithmetic never uses it). */
  public double toDouble() {
    return new BigDecimal(unscaledValue()).divide(BigDecimal.valueOf(2).pow(scale)).doubleValue();
  }

  private static boolean shiftFits(long x, int k) {
    return k == 0 || (k < 62 && x > Long.MIN_VALUE && Math.abs(x) < (1L << (62 - k)));
  }

  @Override
  public int compareTo(Dyadic other) {
    if (big == null && other.big == null && scale == other.scale) {
      return Long.compare(small, other.small);
    }
    return subtract(other).signum();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Dyadic)) {
      return false;
    }
    Dyadic d = (Dyadic) o;
    return scale == d.scale && small == d.small && java.util.Objects.equals(big, d.big);
  }

  @Override
  public int hashCode() {
    return 31 * (big != null ? big.hashCode() : Long.hashCode(small)) + scale;
  }

  /**
   * The exact decimal expansion (every dyadic rational has a finite one), e.g. {@code "-0.375"},
   * {@code "3"}; {@link Precision#parse} reads it back.
   */
  @Override
  public String toString() {
    if (scale == 0) {
      return big != null ? big.toString() : Long.toString(small);
    }
    // u / 2^s = u * 5^s / 10^s
    BigDecimal d = new BigDecimal(unscaledValue().multiply(BigInteger.valueOf(5).pow(scale)), scale);
    return d.toPlainString();
  }
}
