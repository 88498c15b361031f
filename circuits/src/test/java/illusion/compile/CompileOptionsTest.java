package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Dyadic;
import illusion.tc0.PrefixNetwork;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Compile options are values (equal exactly when every setting is, rebuilt unchanged by their
 * builder) whose setters refuse bad bounds; size estimates add and multiply exactly below 2^63
 * and saturate above; the convolution compiler refuses kernels too large for the heap, naming the
 * bits its entries grow by per step.
 */
class CompileOptionsTest {

  private static void assertRefused(Executable call, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void optionsAreValues() {
    CompileOptions o =
        CompileOptions.builder()
            .prefixNetwork(PrefixNetwork.SKLANSKY)
            .lowerWeights(true)
            .maxWeightBits(3)
            .maxStates(7)
            .wireLimit(1000)
            .build();
    assertEquals(PrefixNetwork.SKLANSKY, o.prefixNetwork());
    assertTrue(o.lowerWeights());
    assertEquals(3, o.maxWeightBits());
    assertEquals(7, o.maxStates());
    assertEquals(1000, o.wireLimit());
    assertEquals(o, o.toBuilder().build());
    assertEquals(o.hashCode(), o.toBuilder().build().hashCode());
    assertNotEquals(o, o.toBuilder().prefixNetwork(PrefixNetwork.BRENT_KUNG).build());
    assertNotEquals(o, o.toBuilder().lowerWeights(false).build());
    assertNotEquals(o, o.toBuilder().maxWeightBits(4).build());
    assertNotEquals(o, o.toBuilder().maxStates(8).build());
    assertNotEquals(o, o.toBuilder().wireLimit(1001).build());
    assertNotEquals(o, "options");
    assertEquals(
        String.format(
            "prefix network sklansky, weight lowering to 3 bits, at most %,d states, at most %,d stored wires", 7, 1000),
        o.toString());
    assertEquals(
        String.format("prefix network brent-kung, weight lowering off, at most %,d states, at most %,d stored wires", 4096, 5),
        CompileOptions.builder().wireLimit(5).build().toString());
    CompileOptions d = CompileOptions.defaults();
    assertEquals(PrefixNetwork.BRENT_KUNG, d.prefixNetwork());
    assertEquals(CompileOptions.DEFAULT_MAX_STATES, d.maxStates());
    assertEquals(CompileOptions.DEFAULT_MAX_WEIGHT_BITS, d.maxWeightBits());
    assertEquals(CompileOptions.defaultWireLimit(), d.wireLimit());
    assertTrue(CompileOptions.defaultWireLimit() > 1000 && CompileOptions.defaultWireLimit() < Runtime.getRuntime().maxMemory());
  }

  @Test
  void builderRefusals() {
    assertRefused(() -> CompileOptions.builder().maxWeightBits(1), "weights can be lowered to 2 bits at least, not 1");
    assertEquals(2, CompileOptions.builder().maxWeightBits(2).build().maxWeightBits());
    assertRefused(() -> CompileOptions.builder().maxStates(0), "the state bound must be at least 1, got 0");
    assertEquals(1, CompileOptions.builder().maxStates(1).build().maxStates());
    assertRefused(() -> CompileOptions.builder().wireLimit(0), "the wire limit must be at least 1, got 0");
    assertEquals(1, CompileOptions.builder().wireLimit(1).build().wireLimit());
    assertThrows(NullPointerException.class, () -> CompileOptions.builder().prefixNetwork(null));
  }

  /** Sums and multiples are exact below 2^63 (compared with BigInteger) and saturate at it. */
  @Test
  void estimatesAddAndMultiplyExactlyOrSaturate() {
    long[] values = {0, 1, 2, 3, 1L << 31, (1L << 32) + 7, (1L << 62) - 1, 1L << 62, Long.MAX_VALUE - 1, Long.MAX_VALUE};
    BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
    for (long a : values) {
      for (long b : values) {
        SizeEstimate x = SizeEstimate.of(a, b, a);
        SizeEstimate y = SizeEstimate.of(b, a, 1);
        BigInteger sum = BigInteger.valueOf(a).add(BigInteger.valueOf(b)).min(max);
        BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).min(max);
        SizeEstimate plus = x.plus(y);
        assertEquals(sum.longValueExact(), plus.gates());
        assertEquals(sum.longValueExact(), plus.wires());
        assertEquals(BigInteger.valueOf(a).add(BigInteger.ONE).min(max).longValueExact(), plus.storedWires());
        SizeEstimate times = x.times(b);
        assertEquals(product.longValueExact(), times.gates());
        assertEquals(
            BigInteger.valueOf(b).multiply(BigInteger.valueOf(b)).min(max).longValueExact(), times.wires());
      }
    }
    assertRefused(() -> SizeEstimate.of(-1, 0, 0), "negative size estimate: -1 gates, 0 wires, 0 stored");
    assertRefused(() -> SizeEstimate.of(0, -1, 0), "negative size estimate: 0 gates, -1 wires, 0 stored");
    assertRefused(() -> SizeEstimate.of(0, 0, -1), "negative size estimate: 0 gates, 0 wires, -1 stored");
    assertRefused(() -> SizeEstimate.of(1, 1, 1).times(-1), "negative multiplier -1");
    assertEquals(SizeEstimate.of(0, 0, 0), SizeEstimate.of(4, 5, 6).times(0));
    assertEquals(SizeEstimate.of(4, 5, 6), SizeEstimate.of(4, 5, 6));
    assertEquals(SizeEstimate.of(4, 5, 6).hashCode(), SizeEstimate.of(4, 5, 6).hashCode());
    assertNotEquals(SizeEstimate.of(4, 5, 6), SizeEstimate.of(3, 5, 6));
    assertNotEquals(SizeEstimate.of(4, 5, 6), SizeEstimate.of(4, 4, 6));
    assertNotEquals(SizeEstimate.of(4, 5, 6), SizeEstimate.of(4, 5, 7));
    assertNotEquals(SizeEstimate.of(4, 5, 6), "4 gates");
    assertEquals(String.format("%,d gates, %,d wires (%,d stored)", 12345, 1234567, 45678), SizeEstimate.of(12345, 1234567, 45678).toString());
  }

  private static Dyadic[][] matrix(double... diagonalOrRow) {
    Dyadic[][] m = new Dyadic[1][diagonalOrRow.length];
    for (int i = 0; i < diagonalOrRow.length; i++) {
      m[0][i] = Dyadic.of(Math.round(diagonalOrRow[i] * 1024), 10);
    }
    return m;
  }

  /**
   * A kernel that cannot fit is refused before it is computed, naming n and the bits per step:
   * log2 of A's norm (max row sum, or largest entry when diagonal) when above 1, plus A's scale.
   */
  @Test
  void oversizedKernelsAreRefusedWithTheirGrowth() {
    Dyadic[][] b = {{Dyadic.ONE}};
    Dyadic[][] c = {{Dyadic.ONE}};
    // A = [1/2]: norm below 1, scale 1 -> 1 bit per step
    assertGrowth(new Dyadic[][] {{Dyadic.of(1, 1)}}, false, b, c, "1");
    // A = [8]: norm 8 -> 3 bits per step, scale 0
    assertGrowth(new Dyadic[][] {{Dyadic.of(8)}}, false, b, c, "3");
    // A = [[4, 4], [1, 1]] dense: norm 8 -> 3 bits; as a diagonal (4, 1): largest 4 -> 2 bits
    Dyadic[][] square = {{Dyadic.of(4), Dyadic.of(4)}, {Dyadic.of(1), Dyadic.of(1)}};
    Dyadic[][] b2 = {{Dyadic.ONE}, {Dyadic.ONE}};
    Dyadic[][] c2 = {{Dyadic.ONE, Dyadic.ONE}};
    assertGrowth(square, false, b2, c2, "3");
    assertGrowth(new Dyadic[][] {{Dyadic.of(4), Dyadic.of(1)}}, true, b2, c2, "2");
    // A = [-3/4]: |A| counts, scale 2 -> 2 bits
    assertGrowth(new Dyadic[][] {{Dyadic.of(-3, 2)}}, false, b, c, "2");
    // the same kernel fits a large budget; larger n needs more
    ConvolutionCompiler.checkKernelFits(new Dyadic[][] {{Dyadic.of(1, 1)}}, false, b, c, 100, 1L << 30);
    long small = budgetNeeded(new Dyadic[][] {{Dyadic.of(1, 1)}}, b, c, 100);
    long large = budgetNeeded(new Dyadic[][] {{Dyadic.of(1, 1)}}, b, c, 200);
    assertTrue(large > 2 * small, small + " bytes for n = 100, " + large + " for n = 200");
    long integer = budgetNeeded(new Dyadic[][] {{Dyadic.ONE}}, b, c, 200);
    assertTrue(integer < large, "an integer A grows nothing per step");
    long wide = budgetNeeded(new Dyadic[][] {{Dyadic.of(1, 1)}}, matrix(1, 1, 1, 1), matrix(1), 100);
    assertTrue(wide > 3 * small, "four times the entries");
  }

  private static void assertGrowth(Dyadic[][] a, boolean diagonal, Dyadic[][] b, Dyadic[][] c, String bits) {
    String m =
        assertThrows(IllegalArgumentException.class, () -> ConvolutionCompiler.checkKernelFits(a, diagonal, b, c, 50, 1))
            .getMessage();
    assertTrue(m.startsWith("the exact convolution kernel C A^k B for n = 50 needs about "), m);
    assertTrue(m.contains("(its entries grow by " + bits + " bits per step)"), m);
  }

  /** The smallest budget, in bytes, that accepts the kernel (binary search over the refusal). */
  private static long budgetNeeded(Dyadic[][] a, Dyadic[][] b, Dyadic[][] c, int n) {
    long lo = 0;
    long hi = 1L << 40;
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      try {
        ConvolutionCompiler.checkKernelFits(a, false, b, c, n, mid);
        hi = mid;
      } catch (IllegalArgumentException e) {
        lo = mid;
      }
    }
    return hi;
  }
}
