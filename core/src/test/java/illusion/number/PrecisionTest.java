package illusion.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Assume;
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

  /** sat_p on BigIntegers of every width is the clamp to [minRaw, maxRaw]. */
  @Property(tries = 300)
  void saturateClampsBigIntegers(
      @ForAll long seed, @ForAll @IntRange(min = -8, max = 8) int shift,
      @ForAll @IntRange(min = 2, max = 63) int bits) {
    Precision p = Precision.of(bits, 0);
    BigInteger v = BigInteger.valueOf(seed).shiftLeft(shift);
    BigInteger expected =
        v.max(BigInteger.valueOf(p.minRaw())).min(BigInteger.valueOf(p.maxRaw()));
    assertEquals(expected.longValueExact(), p.saturate(v));
    if (v.bitLength() < 64) {
      assertEquals(expected.longValueExact(), p.saturate(v.longValueExact()));
    }
  }

  /** Values just outside the long range saturate and are refused by parse, never wrapped. */
  @Test
  void valuesBeyondTheLongRangeNeverWrap() {
    Precision p = Precision.of(63, 0);
    BigInteger twoTo63 = BigInteger.ONE.shiftLeft(63);
    assertEquals(p.maxRaw(), p.saturate(twoTo63));
    assertEquals(p.minRaw(), p.saturate(twoTo63.negate().subtract(BigInteger.ONE)));
    assertEquals(p.maxRaw(), p.saturate(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
    String twoTo64Minus1 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE).toString();
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> p.parse(twoTo64Minus1))
            .getMessage()
            .contains("out of range"));
    assertThrows(IllegalArgumentException.class, () -> p.parse(twoTo63.toString() + "/2"));
    assertEquals(p.maxRaw(), p.parse(BigInteger.valueOf(p.maxRaw()).toString() + ".0"));
  }

  /** Decimals with exponents of either sign parse; absurd exponents are refused before any work. */
  @Test
  void exponents() {
    Precision p = Precision.of(16, 2);
    assertEquals(100 << 2, p.parse("1e2"));
    assertEquals(25 << 2, p.parse("2.5E+1"));
    assertEquals(1, p.parse("25e-2"));
    String tooSmall =
        assertThrows(IllegalArgumentException.class, () -> p.parse("1e-10001")).getMessage();
    assertTrue(tooSmall.contains("unreasonable exponent"), tooSmall);
    String tooLarge =
        assertThrows(IllegalArgumentException.class, () -> p.parse("1e10001")).getMessage();
    assertTrue(tooLarge.contains("unreasonable exponent"), tooLarge);
    String small =
        assertThrows(IllegalArgumentException.class, () -> p.parse("1e-10000")).getMessage();
    assertTrue(small.contains("not representable"), small);
  }

  /**
   * A value that is not a multiple of 2^-f is refused naming its two neighbours floor(v 2^f) / 2^f
   * and that plus 2^-f, computed here on BigInteger fractions.
   */
  @Property(tries = 200)
  void refusalNamesTheNeighbours(
      @ForAll @IntRange(min = -5000, max = 5000) int num,
      @ForAll @IntRange(min = 1, max = 60) int den,
      @ForAll @IntRange(min = 0, max = 6) int f) {
    Assume.that(BigInteger.valueOf(num).shiftLeft(f).mod(BigInteger.valueOf(den)).signum() != 0);
    Precision p = Precision.of(24, f);
    BigInteger floor =
        new Rational(BigInteger.valueOf(num).shiftLeft(f), BigInteger.valueOf(den)).floor();
    String message =
        assertThrows(IllegalArgumentException.class, () -> p.parse(num + "/" + den)).getMessage();
    String neighbours =
        Dyadic.of(floor, f) + " and " + Dyadic.of(floor.add(BigInteger.ONE), f) + ")";
    assertTrue(message.endsWith(neighbours), message + " should end with " + neighbours);
  }

  /** integerBits is the BigInteger bit length; forMagnitude refuses what it cannot represent. */
  @Test
  void widthsAtTheLimits() {
    for (long n : new long[] {0, 1, 2, 3, 1023, 1024, Long.MAX_VALUE}) {
      assertEquals(BigInteger.valueOf(n).bitLength(), Precision.integerBits(n));
    }
    assertThrows(IllegalArgumentException.class, () -> Precision.integerBits(-1));
    assertEquals(2, Precision.forMagnitude(0, 0).bits());
    assertEquals(63, Precision.forMagnitude((1L << 62) - 1, 0).bits());
    assertEquals(63, Precision.forMagnitude((1L << 61) - 1, 1).bits());
    assertThrows(IllegalArgumentException.class, () -> Precision.forMagnitude(1L << 62, 0));
    assertEquals(
        "magnitude must be non-negative, got -1",
        assertThrows(IllegalArgumentException.class, () -> Precision.forMagnitude(-1, 0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Precision.forMagnitude(1, -1));
  }

  /** Precisions are equal exactly when both widths are. */
  @Test
  void equality() {
    assertEquals(Precision.of(8, 4), Precision.of(8, 4));
    assertEquals(Precision.of(8, 4).hashCode(), Precision.of(8, 4).hashCode());
    assertNotEquals(Precision.of(8, 4), Precision.of(8, 3));
    assertNotEquals(Precision.of(8, 4), Precision.of(9, 4));
    assertNotEquals(Precision.of(8, 4), "8-bit");
  }
}
