package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import illusion.ssm.S4Layer;
import illusion.ssm.SelectiveLayer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * When a selective layer's output is held by its residues alone (a plain prefix sum read only
 * modulo m by the next layer, which never saturates nor rounds below n, and whose residues take no
 * more cuts than its thermometer), each condition exactly at its limit and one past it. An output
 * held by residues reports 0 thermometer levels; either way the stack agrees with the native
 * evaluator.
 *
 * <p>The layer: {@code y_t = Σ_{i < t} B[x_i] + (B + D)[x_t]} with B = (b0, b1) (integers at
 * f = 0). Its range at t is {@code [min(B + D) + t min(B), max(B + D) + t max(B)]}, and its residues
 * mod m cost {@code t (max - min of B mod m) + m} cuts at t.
 */
class ResidueRouteTest {

  private static SelectiveLayer counter(Precision p, long b0, long b1, long d1, int[] exponents) {
    return SelectiveLayer.builder(p)
        .base(new long[] {1L << p.fractionBits()})
        .exponents(new int[][] {exponents})
        .b(new long[][] {{b0, b1}})
        .c(new long[][] {{1L << p.fractionBits()}})
        .d(new long[][] {{0, d1}})
        .build();
  }

  private static SelectiveLayer counter(long b0, long b1, long d1) {
    return counter(Precision.of(8, 0), b0, b1, d1, new int[] {0, 0});
  }

  /** The thermometer levels of the last output when the next stage reads it modulo m only. */
  private static long levels(SelectiveLayer layer, int n, int m) {
    return SelectiveCompiler.of(layer, n, OutputUse.of(new int[] {m}, false)).levels(n - 1, 0);
  }

  /** The counter read mod m by a memoryless layer that echoes the residue: compiled and checked. */
  private static void agrees(SelectiveLayer layer, int n, int m) {
    Precision p = Precision.of(4, 0);
    S4Layer echo =
        S4Layer.builder(p)
            .a(new long[][] {{0}})
            .b(new long[][] {new long[m]})
            .c(new long[][] {{1}})
            .d(new long[][] {rangeOf(m)})
            .build();
    Model model =
        Model.builder("counter mod " + m, 2)
            .add(layer, Readout.tabulate(new int[] {m}, m, res -> res[0]))
            .add(echo, Readout.tabulate(new int[] {16}, 2, res -> res[0] & 1))
            .build();
    for (Outputs outputs : Outputs.values()) {
      CompiledModel compiled = ModelCompiler.compile(model, n, outputs);
      CircuitAgreement.Result result =
          CircuitAgreement.check(compiled, Layers.sequences(new Random(n), 70, n, 2));
      assertTrue(result.agrees(), () -> layer + ": " + result);
    }
  }

  private static long[] rangeOf(int m) {
    long[] d = new long[m];
    for (int r = 0; r < m; r++) {
      d[r] = r;
    }
    return d;
  }

  /**
   * B = (1, 2) mod 3: residue weights (1, 2) span 1, so residues cost (n - 1) + 3 cuts at n - 1;
   * the range there is [n, max(B + D) + 2 (n - 1)], and the thermometer's level count bounds it
   * with one level of margin: max(B + D) - n + 2 (n - 1) + 1. Residues win from max(B + D) = 2 +
   * D[1] ≥ 3 on, exactly at equal cost.
   */
  @Test
  void residuesWhenTheyTakeNoMoreCutsThanTheThermometer() {
    int n = 9;
    assertEquals(0, levels(counter(1, 2, 1), n, 3));
    long exactRange = (2 + 2 * (n - 1)) - n;
    long thermometer = levels(counter(1, 2, 0), n, 3);
    assertTrue(thermometer >= exactRange && thermometer <= exactRange + 1, "" + thermometer);
    assertTrue(thermometer < (n - 1) + 3);
    agrees(counter(1, 2, 1), n, 3);
    agrees(counter(1, 2, 0), n, 3);
  }

  /**
   * With D[1] = 2 the top of the range at n - 1 is 4 + 2 (n - 1), within 8 bits (at most 127) up
   * to n = 62; from n = 63 on the output saturates and needs its thermometer. Negated, the bottom
   * -4 - 2 (n - 1) stays at or above -128 up to n = 63.
   */
  @Test
  void residuesOnlyWhileTheOutputCannotSaturate() {
    assertEquals(0, levels(counter(1, 2, 2), 62, 3));
    assertTrue(levels(counter(1, 2, 2), 63, 3) > 0);
    assertEquals(0, levels(counter(-1, -2, -2), 63, 3));
    assertTrue(levels(counter(-1, -2, -2), 64, 3) > 0);
    agrees(counter(1, 2, 2), 63, 3);
    agrees(counter(-1, -2, -2), 64, 3);
  }

  /**
   * Modulus 2 is the least that residues serve (modulus 1 reads nothing); B entries of 1/4 at
   * f = 1 would round, which residues cannot; an output read bit by bit, or a window channel (a
   * RESET), keeps its thermometer.
   */
  @Test
  void residuesOnlyForPlainIntegralSumsReadModuloTwoOrMore() {
    int n = 9;
    // B = (1, 3) mod 2: residue weights (1, 1), span 0: 2 cuts against 2 + 2 (n - 1) levels
    SelectiveLayer odd = counter(1, 3, 0);
    assertEquals(0, levels(odd, n, 2));
    assertTrue(levels(odd, n, 1) > 0);
    assertTrue(
        SelectiveCompiler.of(odd, n, OutputUse.of(new int[] {2}, true)).levels(n - 1, 0) > 0);
    Precision half = Precision.of(8, 1);
    SelectiveLayer integral = counter(half, 2, 6, 0, new int[] {0, 0}); // B = (1, 3)
    assertEquals(0, levels(integral, n, 2));
    SelectiveLayer quarters =
        SelectiveLayer.builder(half)
            .base(new long[] {2})
            .exponents(new int[][] {{0, 0}})
            .b(new long[][] {{1, 3}}) // 1/2, 3/2
            .c(new long[][] {{1}}) // 1/2: C B = 1/4, 3/4
            .d(new long[][] {{0, 0}})
            .build();
    assertTrue(levels(quarters, n, 2) > 0);
    agrees(quarters, n, 2);
    SelectiveLayer reset = counter(Precision.of(8, 0), 1, 3, 0, new int[] {0, SelectiveLayer.RESET});
    assertTrue(levels(reset, n, 2) > 0);
    agrees(reset, n, 2);
    agrees(odd, n, 2);
  }
}
