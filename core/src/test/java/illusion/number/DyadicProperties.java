package illusion.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

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
}
