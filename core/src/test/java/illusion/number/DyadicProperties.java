package illusion.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link Dyadic} arithmetic is exact: every operation agrees with a reference on BigInteger
 * fractions, on the long fast path, at its overflow boundary and on the BigInteger path.
 */
class DyadicProperties {

  @Provide
  Arbitrary<Dyadic> dyadics() {
    Arbitrary<BigInteger> unscaled =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-50, 50).map(BigInteger::valueOf),
            Arbitraries.longs().map(BigInteger::valueOf),
            Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 1L << 62, -(1L << 62))
                .map(BigInteger::valueOf),
            Arbitraries.bigIntegers()
                .between(BigInteger.ONE.shiftLeft(130).negate(), BigInteger.ONE.shiftLeft(130)));
    Arbitrary<Integer> scale = Arbitraries.integers().between(-70, 70);
    return Combinators.combine(unscaled, scale).as(Dyadic::of);
  }

  /** Construction normalizes: scale >= 0, odd unscaled value when scale > 0, value preserved. */
  @Property(tries = 300)
  void normalizedAndValuePreserving(@ForAll("dyadics") Dyadic x) {
    assertTrue(x.scale() >= 0);
    assertTrue(x.scale() == 0 || x.unscaledValue().testBit(0));
    assertEquals(x, Dyadic.of(x.unscaledValue().shiftLeft(3), x.scale() + 3));
  }

  /** x + y, x - y, x * y and -x are the exact rational results. */
  @Property(tries = 500)
  void arithmeticIsExact(@ForAll("dyadics") Dyadic x, @ForAll("dyadics") Dyadic y) {
    Rational rx = Rational.of(x);
    Rational ry = Rational.of(y);
    assertEquals(rx.add(ry), Rational.of(x.add(y)));
    assertEquals(rx.add(ry.negate()), Rational.of(x.subtract(y)));
    assertEquals(rx.multiply(ry), Rational.of(x.multiply(y)));
    assertEquals(rx.negate(), Rational.of(x.negate()));
  }

  /** compareTo, equals and hashCode agree with the rational order. */
  @Property(tries = 500)
  void orderIsExact(@ForAll("dyadics") Dyadic x, @ForAll("dyadics") Dyadic y) {
    int expected = Integer.signum(Rational.of(x).compareTo(Rational.of(y)));
    assertEquals(expected, Integer.signum(x.compareTo(y)));
    assertEquals(expected == 0, x.equals(y));
    if (expected == 0) {
      assertEquals(x.hashCode(), y.hashCode());
    }
    assertEquals(x, x.add(y).subtract(y));
  }

  /** floor(x * 2^f) is the BigInteger floor of the exact product. */
  @Property(tries = 500)
  void floorIsExact(@ForAll("dyadics") Dyadic x, @ForAll @IntRange(min = 0, max = 70) int f) {
    Rational scaled = Rational.of(x).multiply(Rational.dyadic(BigInteger.ONE, -f));
    assertEquals(scaled.floor(), x.floorTimesPowerOfTwo(f));
  }

  /** x^e is the exact power, with x^0 = 1 even for x = 0. */
  @Property(tries = 200)
  void powerIsExact(@ForAll("dyadics") Dyadic x, @ForAll @IntRange(min = 0, max = 6) int e) {
    Rational expected = Rational.dyadic(BigInteger.ONE, 0);
    for (int i = 0; i < e; i++) {
      expected = expected.multiply(Rational.of(x));
    }
    assertEquals(expected, Rational.of(x.pow(e)));
  }

  /** The decimal text is exact: as a BigDecimal d, d * 2^scale equals the unscaled value. */
  @Property(tries = 300)
  void decimalTextIsExact(@ForAll("dyadics") Dyadic x) {
    BigDecimal d = new BigDecimal(x.toString());
    BigDecimal scaled = d.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(x.scale())));
    assertEquals(0, scaled.compareTo(new BigDecimal(x.unscaledValue())));
  }

  /** Longs of every magnitude: a random long shifted right by a random amount. */
  @Provide
  Arbitrary<Long> longsOfEveryMagnitude() {
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 63))
            .as((x, k) -> x >> k),
        Arbitraries.integers().between(0, 63).map(k -> 1L << k),
        Arbitraries.integers().between(0, 63).map(k -> -(1L << k)),
        Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE + 1, 0L));
  }

  /**
   * {@code Dyadic.of(u, s)} from a long is the rational u * 2^-s for every scale, the negative ones
   * (a left shift that may leave the long range) included, and it is the same normalized value,
   * with the same hash, as the one built from {@code BigInteger.valueOf(u)}.
   */
  @Property(tries = 500)
  void ofLongIsTheValue(
      @ForAll("longsOfEveryMagnitude") long u, @ForAll @IntRange(min = -70, max = 70) int s) {
    Dyadic x = Dyadic.of(u, s);
    Dyadic viaBig = Dyadic.of(BigInteger.valueOf(u), s);
    assertEquals(Rational.dyadic(BigInteger.valueOf(u), s), Rational.of(x));
    assertEquals(viaBig, x);
    assertEquals(viaBig.hashCode(), x.hashCode());
    assertTrue(x.scale() >= 0);
    assertTrue(x.scale() == 0 || x.unscaledValue().testBit(0));
    if (s == 0) {
      assertEquals(x, Dyadic.of(u));
      assertEquals(x, Dyadic.of(BigInteger.valueOf(u)));
    }
  }

  /** {@code Dyadic.of(U, s)} from a BigInteger is the rational U * 2^-s for every scale. */
  @Property(tries = 300)
  void ofBigIntegerIsTheValue(
      @ForAll("bigs") BigInteger u, @ForAll @IntRange(min = -70, max = 70) int s) {
    Dyadic x = Dyadic.of(u, s);
    assertEquals(Rational.dyadic(u, s), Rational.of(x));
    assertTrue(x.scale() >= 0);
    assertTrue(x.scale() == 0 || x.unscaledValue().testBit(0));
  }

  @Provide
  Arbitrary<BigInteger> bigs() {
    return Combinators.combine(
            Arbitraries.bigIntegers()
                .between(BigInteger.ONE.shiftLeft(130).negate(), BigInteger.ONE.shiftLeft(130)),
            Arbitraries.integers().between(0, 130))
        .as(BigInteger::shiftRight);
  }

  /** {@code x.shiftLeft(k)} is x * 2^k for positive and negative k. */
  @Property(tries = 300)
  void shiftLeftMultipliesByAPowerOfTwo(
      @ForAll("dyadics") Dyadic x, @ForAll @IntRange(min = -70, max = 70) int k) {
    assertEquals(
        Rational.of(x).multiply(Rational.dyadic(BigInteger.ONE, -k)), Rational.of(x.shiftLeft(k)));
  }

  /**
   * {@code toDouble} is the double nearest the exact value: scaling a correctly rounded double by a
   * power of two is exact in this range.
   */
  @Property(tries = 200)
  void toDoubleIsTheNearestDouble(@ForAll("dyadics") Dyadic x) {
    assertEquals(Math.scalb(x.unscaledValue().doubleValue(), -x.scale()), x.toDouble());
  }

  /**
   * Arithmetic is exact on every pair of boundary values: zero, ±1, ±2^k around the long range and
   * the long extremes, at scales 0, 1, 31 and 62, where the long fast paths must give way to
   * BigInteger.
   */
  @Test
  void arithmeticIsExactOnBoundaryValues() {
    List<Long> unscaled = new ArrayList<>(List.of(0L, 1L, -1L, 3L, Long.MAX_VALUE, Long.MIN_VALUE));
    for (int k : new int[] {31, 32, 61, 62, 63}) {
      unscaled.add(1L << k);
      unscaled.add(-(1L << k));
      unscaled.add((1L << k) - 1);
      unscaled.add(-(1L << k) + 1);
    }
    List<Dyadic> values = new ArrayList<>();
    for (long u : unscaled) {
      for (int s : new int[] {0, 1, 31, 62}) {
        values.add(Dyadic.of(u, s));
      }
    }
    for (Dyadic x : values) {
      Rational rx = Rational.of(x);
      assertEquals(rx.negate(), Rational.of(x.negate()));
      for (Dyadic y : values) {
        Rational ry = Rational.of(y);
        assertEquals(rx.add(ry), Rational.of(x.add(y)), () -> x + " + " + y);
        assertEquals(rx.add(ry.negate()), Rational.of(x.subtract(y)), () -> x + " - " + y);
        assertEquals(rx.multiply(ry), Rational.of(x.multiply(y)), () -> x + " * " + y);
        assertEquals(Integer.signum(rx.compareTo(ry)), Integer.signum(x.compareTo(y)));
      }
    }
  }

  /** Equality is by value only, never with another type; bad exponents and scales are refused. */
  @Test
  void equalityAndRefusals() {
    assertFalse(Dyadic.ONE.equals(BigInteger.ONE));
    assertFalse(Dyadic.ONE.equals(null));
    assertFalse(Dyadic.of(1, 1).equals(Dyadic.of(1, 2)));
    assertFalse(Dyadic.of(3, 1).equals(Dyadic.of(5, 1)));
    assertThrows(IllegalArgumentException.class, () -> Dyadic.ONE.pow(-1));
    assertThrows(IllegalArgumentException.class, () -> Dyadic.of(3, 1).floorTimesPowerOfTwo(-1));
    assertThrows(IllegalArgumentException.class, () -> Dyadic.ONE.floorTimesPowerOfTwo(-1));
    assertThrows(
        IllegalArgumentException.class, () -> Dyadic.of(BigInteger.ONE, Integer.MIN_VALUE));
    assertThrows(
        IllegalArgumentException.class, () -> Dyadic.of(BigInteger.ONE, -Integer.MAX_VALUE));
  }
}
