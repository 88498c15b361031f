package illusion.number;

import java.math.BigInteger;

/** A reference rational number num/den (den > 0, lowest terms) on BigInteger, for tests. */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
  public Rational {
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger g = num.gcd(den);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      num = num.divide(g);
      den = den.divide(g);
    }
    if (num.signum() == 0) {
      den = BigInteger.ONE;
    }
  }

  /** u * 2^-scale. */
  public static Rational dyadic(BigInteger u, int scale) {
    return scale >= 0
        ? new Rational(u, BigInteger.ONE.shiftLeft(scale))
        : new Rational(u.shiftLeft(-scale), BigInteger.ONE);
  }

  public static Rational of(Dyadic d) {
    return dyadic(d.unscaledValue(), d.scale());
  }

  public Rational add(Rational o) {
    return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  public Rational multiply(Rational o) {
    return new Rational(num.multiply(o.num), den.multiply(o.den));
  }

  public Rational negate() {
    return new Rational(num.negate(), den);
  }

  /** floor(this) by BigInteger division with the remainder's sign corrected. */
  public BigInteger floor() {
    BigInteger[] qr = num.divideAndRemainder(den);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  @Override
  public int compareTo(Rational o) {
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }
}
