package illusion.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PrecisionTest {

  @Test
  void parsesDecimalsAndFractions() {
    Precision p = Precision.of(8, 4);
    assertEquals(6, p.parse("0.375"));
    assertEquals(6, p.parse("3/8"));
    assertEquals(-16, p.parse("-1"));
    assertEquals(-16, p.parse("-16/16"));
    assertEquals(24, p.parse("1.5e0"));
    assertEquals(p.maxRaw(), p.parse("7.9375"));
    assertEquals(p.minRaw(), p.parse("-8"));
    assertEquals(-48, p.rawOf(-3));
    assertThrows(IllegalArgumentException.class, () -> p.rawOf(8));
    assertThrows(IllegalArgumentException.class, () -> Precision.of(63, 62).rawOf(Long.MAX_VALUE));
  }

  @Test
  void rejectsValuesNotRepresentable() {
    Precision p = Precision.of(8, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.parse("0.1"));
    assertEquals(
        "0.1 is not representable with 4 fraction bits (not a multiple of 2^-4; nearest: 0.0625 and"
            + " 0.125)",
        e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> p.parse("1/3")).getMessage().contains("not representable"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> p.parse("8")).getMessage().contains("out of range"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> p.parse("-8.0625")).getMessage().contains("out of range"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> p.parse("abc")).getMessage().contains("malformed number"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> p.parse("1/0")).getMessage().contains("zero denominator"));
  }

  @Test
  void validatesWidths() {
    assertThrows(IllegalArgumentException.class, () -> Precision.of(1, 0));
    assertThrows(IllegalArgumentException.class, () -> Precision.of(64, 0));
    assertThrows(IllegalArgumentException.class, () -> Precision.of(8, 8));
    assertThrows(IllegalArgumentException.class, () -> Precision.of(8, -1));
    assertEquals(Precision.of(63, 62).minRaw(), Long.MIN_VALUE / 2);
  }

  /** forMagnitude gives the narrowest p whose range holds ±n at f fraction bits. */
  @Property(tries = 200)
  void forMagnitudeIsNarrowest(
      @ForAll @LongRange(min = 0, max = 1L << 40) long n, @ForAll @IntRange(min = 0, max = 20) int f) {
    Precision p = Precision.forMagnitude(n, f);
    assertEquals(f, p.fractionBits());
    BigInteger raw = BigInteger.valueOf(n).shiftLeft(f);
    assertTrue(p.fits(raw.longValueExact()) && p.fits(-raw.longValueExact()));
    if (p.bits() - 1 > f && p.bits() > 2) {
      Precision narrower = Precision.of(p.bits() - 1, f);
      assertTrue(!narrower.fits(raw.longValueExact()) || !narrower.fits(-raw.longValueExact()));
    }
  }

  /** format and parse are inverse on every raw value. */
  @Property(tries = 300)
  void formatParsesBack(
      @ForAll @IntRange(min = 2, max = 63) int bits, @ForAll @IntRange(min = 0, max = 62) int f, @ForAll long seed) {
    if (f >= bits) {
      return;
    }
    Precision p = Precision.of(bits, f);
    long raw = seed >> (64 - bits); // a uniformly random p-bit value
    assertEquals(raw, p.parse(p.format(raw)));
  }

  /** round(v) = clamp(floor(v * 2^f)) computed on BigInteger fractions. */
  @Property(tries = 300)
  void roundIsFloorThenSaturate(
      @ForAll long unscaled, @ForAll @IntRange(min = 0, max = 40) int scale,
      @ForAll @IntRange(min = 2, max = 20) int bits) {
    Precision p = Precision.of(bits, bits / 2);
    Dyadic v = Dyadic.of(unscaled, scale);
    BigInteger floor = Rational.of(v).multiply(Rational.dyadic(BigInteger.ONE, -p.fractionBits())).floor();
    long expected =
        floor.max(BigInteger.valueOf(p.minRaw())).min(BigInteger.valueOf(p.maxRaw())).longValueExact();
    assertEquals(expected, p.round(v));
  }
}
