package illusion.number;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A fixed-point format: {@code p}-bit two's complement integers ("raw" values) with {@code f}
 * fractional bits, so a raw integer {@code r} stands for the dyadic rational {@code r / 2^f}.
 *
 * <p>This is the number format of DESIGN.md "Semantics" (the paper's Def. A.1–A.3): parameters are
 * stored as raw integers, states are kept exactly, and only a layer's output is rounded, by {@link
 * #round(Dyadic)}: {@code sat_p(floor(2^f * v))}. Values: {@code 2 <= p <= 63} and {@code 0 <= f <
 * p}, so every raw value fits a {@code long}.
 *
 * <p>Immutable; equal precisions are {@link #equals equal}.
 */
public final class Precision {
  /** The largest supported total width. */
  public static final int MAX_BITS = 63;

  private static final Pattern SMALL_INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");
  private static final Pattern FRACTION = Pattern.compile("[+-]?\\d+/\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private final int bits;
  private final int fractionBits;

  private Precision(int bits, int fractionBits) {
    this.bits = bits;
    this.fractionBits = fractionBits;
  }

  /**
   * The format with {@code bits} total bits of which {@code fractionBits} are fractional.
   *
   * @throws IllegalArgumentException unless {@code 2 <= bits <= 63} and {@code 0 <= fractionBits <
   *     bits}
   */
  public static Precision of(int bits, int fractionBits) {
    checkArgument(
        bits >= 2 && bits <= MAX_BITS, "precision must have 2 to %s bits, got %s", MAX_BITS, bits);
    checkArgument(
        fractionBits >= 0 && fractionBits < bits,
        "fraction bits must be in [0, %s) for a %s-bit precision, got %s",
        bits,
        bits,
        fractionBits);
    return new Precision(bits, fractionBits);
  }

  /**
   * The narrowest format with {@code fractionBits} fractional bits whose range contains {@code
   * [-maxMagnitude, maxMagnitude]}: "enough bits for n". For example {@code
   * forMagnitude(1024, 0)} has 12 bits.
   */
  public static Precision forMagnitude(long maxMagnitude, int fractionBits) {
    checkArgument(maxMagnitude >= 0, "magnitude must be non-negative, got %s", maxMagnitude);
    checkArgument(fractionBits >= 0, "fraction bits must be non-negative, got %s", fractionBits);
    int bits = Math.max(2, integerBits(maxMagnitude) + fractionBits + 1);
    checkArgument(
        bits <= MAX_BITS,
        "magnitude %s with %s fraction bits needs %s bits, more than %s",
        maxMagnitude,
        fractionBits,
        bits,
        MAX_BITS);
    return new Precision(bits, fractionBits);
  }

  /** The number of bits of the unsigned binary representation of {@code n >= 0} (0 for 0). */
  public static int integerBits(long n) {
    checkArgument(n >= 0, "expected a non-negative number, got %s", n);
    return 64 - Long.numberOfLeadingZeros(n);
  }

  /** The total width p. */
  public int bits() {
    return bits;
  }

  /** The number f of fractional bits. */
  public int fractionBits() {
    return fractionBits;
  }

  /** The smallest raw value, {@code -2^(p-1)}. */
  public long minRaw() {
    return -(1L << (bits - 1));
  }

  /** The largest raw value, {@code 2^(p-1) - 1}. */
  public long maxRaw() {
    return (1L << (bits - 1)) - 1;
  }

  /** Whether {@code raw} is a p-bit two's complement integer. */
  public boolean fits(long raw) {
    return raw >= minRaw() && raw <= maxRaw();
  }

  /** The raw value of the integer {@code n}, i.e. {@code n * 2^f}; throws if it does not fit. */
  public long rawOf(long n) {
    checkArgument(
        ((n << fractionBits) >> fractionBits) == n && fits(n << fractionBits),
        "%s is out of range for %s",
        n,
        this);
    return n << fractionBits;
  }

  /** The exact value {@code raw / 2^f}. */
  public Dyadic value(long raw) {
    return Dyadic.of(raw, fractionBits);
  }

  /** Clamps {@code v} to {@code [minRaw, maxRaw]}: the saturation {@code sat_p}. */
  public long saturate(long v) {
    return Math.max(minRaw(), Math.min(maxRaw(), v));
  }

  /** Clamps {@code v} to {@code [minRaw, maxRaw]}: the saturation {@code sat_p}. */
  public long saturate(BigInteger v) {
    if (v.bitLength() < 64) {
      return saturate(v.longValue());
    }
    return v.signum() < 0 ? minRaw() : maxRaw();
  }

  /**
   * The output rounding of DESIGN.md "Semantics": {@code sat_p(floor(2^f * v))}, as a raw value.
   */
  public long round(Dyadic v) {
    return saturate(v.floorTimesPowerOfTwo(fractionBits));
  }

  /**
   * Parses a parameter: a decimal ({@code "0.375"}, {@code "-1"}, {@code "1e-1"}) or an exact
   * fraction ({@code "3/8"}), returning its raw value.
   *
   * @throws IllegalArgumentException if the text is malformed, the value is not a multiple of
   *     {@code 2^-f} (e.g. {@code 0.1} with f = 4), or it is out of range
   */
  public long parse(String text) {
    String s = text.strip();
    if (SMALL_INTEGER.matcher(s).matches()) { // fast path: an integer of at most 18 digits
      long n = Long.parseLong(s);
      if (((n << fractionBits) >> fractionBits) == n && fits(n << fractionBits)) {
        return n << fractionBits;
      }
      throw new IllegalArgumentException(s + " is out of range for " + this);
    }
    BigInteger num;
    BigInteger den;
    if (FRACTION.matcher(s).matches()) {
      int slash = s.indexOf('/');
      num = new BigInteger(s.substring(0, slash));
      den = new BigInteger(s.substring(slash + 1));
      checkArgument(den.signum() > 0, "zero denominator in '%s'", text);
    } else if (DECIMAL.matcher(s).matches()) {
      BigDecimal d;
      try {
        d = new BigDecimal(s);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalArgumentException("malformed number '" + text + "'");
      }
      checkArgument(
          Math.abs((long) d.scale()) <= 10_000, "number '%s' has an unreasonable exponent", text);
      if (d.scale() <= 0) {
        num = d.toBigIntegerExact();
        den = BigInteger.ONE;
      } else {
        num = d.unscaledValue();
        den = BigInteger.TEN.pow(d.scale());
      }
    } else {
      throw new IllegalArgumentException(
          "malformed number '" + text + "': expected a decimal like 0.375 or a fraction like 3/8");
    }
    BigInteger[] qr = num.shiftLeft(fractionBits).divideAndRemainder(den);
    if (qr[1].signum() != 0) {
      BigInteger lo = floorDiv(num.shiftLeft(fractionBits), den);
      throw new IllegalArgumentException(
          String.format(
              "%s is not representable with %d fraction bits (not a multiple of 2^-%d; nearest: %s"
                  + " and %s)",
              text.strip(),
              fractionBits,
              fractionBits,
              Dyadic.of(lo, fractionBits),
              Dyadic.of(lo.add(BigInteger.ONE), fractionBits)));
    }
    BigInteger raw = qr[0];
    checkArgument(
        raw.bitLength() < 64 && fits(raw.longValue()),
        "%s is out of range for %s",
        text.strip(),
        this);
    return raw.longValue();
  }

  /** The exact decimal text of {@code raw / 2^f}, which {@link #parse} reads back. */
  public String format(long raw) {
    if ((raw & ((1L << fractionBits) - 1)) == 0) {
      return Long.toString(raw >> fractionBits);
    }
    return value(raw).toString();
  }

  private static BigInteger floorDiv(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Precision
        && ((Precision) o).bits == bits
        && ((Precision) o).fractionBits == fractionBits;
  }

  @Override
  public int hashCode() {
    return 31 * bits + fractionBits;
  }

  /**
   * For example {@code "8-bit fixed point with 4 fraction bits, range [-8, 7.9375]"}.
   */
  @Override
  public String toString() {
    return bits
        + "-bit fixed point with "
        + fractionBits
        + " fraction bits, range ["
        + format(minRaw())
        + ", "
        + format(maxRaw())
        + "]";
  }
}
