package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.CircuitStats;
import illusion.number.Precision;
import illusion.ssm.Model;
import illusion.ssm.SelectiveLayer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The special cases of the selective-diagonal construction (Thm 4.4) are exact and as small as
 * their algebra allows: a power {@code a^e} that depends only on a reduction of e builds the
 * circuit of the reduced exponents, channels with one window structure share their indicators, and
 * plain prefix sums (no exponents, no RESET) extend one another, so storage grows linearly in n.
 */
class SelectiveShapesTest {
  private static final Precision P = Precision.of(8, 2);
  private static final long ONE = 1L << P.fractionBits();
  private static final int R = SelectiveLayer.RESET;

  private static SelectiveLayer layer(long[] base, int[][] e, long[][] b, long[][] c, long[][] d) {
    return SelectiveLayer.builder(P).base(base).exponents(e).b(b).c(c).d(d).build();
  }

  private static Model model(SelectiveLayer layer) {
    return Layers.model(new Random(5), layer); // the readout depends on the output count only
  }

  private static CompiledModel compileAndCheck(SelectiveLayer layer, int n, Outputs outputs) {
    Model model = model(layer);
    CompiledModel compiled = ModelCompiler.compile(model, n, outputs);
    CircuitAgreement.Result result =
        CircuitAgreement.check(
            compiled, Layers.sequences(new Random(n), 80, n, layer.vocabularySize()));
    assertTrue(result.agrees(), () -> layer + ": " + result);
    return compiled;
  }

  /** Asserts that two layers compile, for ALL and LAST outputs, to circuits of equal metrics. */
  private static void assertSameCircuit(SelectiveLayer reduced, SelectiveLayer full, int n) {
    for (Outputs outputs : Outputs.values()) {
      CompiledModel a = compileAndCheck(reduced, n, outputs);
      CompiledModel b = compileAndCheck(full, n, outputs);
      CircuitStats sa = a.stats();
      CircuitStats sb = b.stats();
      assertEquals(sa, sb, () -> reduced + " vs " + full);
      assertEquals(a.projected(), b.projected());
      assertEquals(a.strategies(), b.strategies());
    }
  }

  /**
   * {@code 1^e = 1}, {@code 0^e = [e = 0]}, {@code (-1)^e = (-1)^(e mod 2)}: random exponents
   * (with RESETs) build the same circuit as their reductions, and both agree with the evaluator.
   */
  @Test
  void reducibleBasesBuildTheCircuitOfTheReducedExponents() {
    Random r = new Random(21);
    for (int trial = 0; trial < 6; trial++) {
      int vocab = 2 + r.nextInt(3);
      long a = new long[] {ONE, 0, -ONE}[trial % 3];
      int[][] e = new int[1][vocab];
      int[][] reduced = new int[1][vocab];
      for (int s = 0; s < vocab; s++) {
        e[0][s] = r.nextInt(5) == 0 ? R : r.nextInt(6);
        reduced[0][s] =
            e[0][s] == R ? R : a == ONE ? 0 : a == 0 ? Math.min(e[0][s], 1) : e[0][s] & 1;
      }
      long[][] b = Layers.matrix(r, P, 1, vocab, P.maxRaw());
      b[0][0] = ONE; // B is not zero: the channel contributes
      long[][] c = {{ONE}};
      long[][] d = Layers.matrix(r, P, 1, vocab, P.maxRaw());
      assertSameCircuit(
          layer(new long[] {a}, reduced, b, c, d), layer(new long[] {a}, e, b, c, d), 5);
    }
  }

  /**
   * Channels whose exponents are all 0 or RESET hold {@code a^0 = 1} in every RESET-free window
   * whatever their base, so two of them with different bases build the circuit of one channel with
   * base 1 carrying the sum of their inputs.
   */
  @Test
  void resetOnlyChannelsShareTheirIndicatorsWhateverTheirBase() {
    int[] pattern = {0, R, 0, R};
    long[][] b2 = {{ONE, 2, -3, 4}, {5, -ONE, 1, 0}};
    long[][] sum = {{ONE + 5, 2 - ONE, -2, 4}};
    long[][] d = {{1, 0, -1, 2}};
    SelectiveLayer two =
        layer(new long[] {ONE / 2, 3 * ONE / 4}, new int[][] {pattern, pattern}, b2, new long[][] {{ONE, ONE}}, d);
    SelectiveLayer one = layer(new long[] {ONE}, new int[][] {pattern}, sum, new long[][] {{ONE}}, d);
    assertSameCircuit(one, two, 6);
    assertEquals(
        "selective diagonal: window exponent sums (Thm 4.4)",
        compileAndCheck(two, 3, Outputs.LAST).strategies().get(0));
  }

  /**
   * Two channels with the same base and exponents build the circuit of one channel carrying the
   * sum of their contributions {@code C B}.
   */
  @Test
  void channelsWithOneWindowStructureShareTheirIndicators() {
    int[] e = {1, 0, 2};
    long[][] b2 = {{ONE, 2, -3}, {3, -ONE, 1}};
    long[][] sum = {{ONE + 3, 2 - ONE, -2}};
    long[][] d = {{0, 1, -1}};
    long half = ONE / 2;
    SelectiveLayer two =
        layer(new long[] {half, half}, new int[][] {e, e}, b2, new long[][] {{ONE, ONE}}, d);
    SelectiveLayer one = layer(new long[] {half}, new int[][] {e}, sum, new long[][] {{ONE}}, d);
    assertSameCircuit(one, two, 5);
  }

  /**
   * Two channels with one window structure whose contributions cancel ({@code C B} sums to 0 for
   * every token) build nothing but {@code D x_t}: the circuit of the layer whose C is 0.
   */
  @Test
  void cancellingChannelsBuildNothing() {
    int[][] e = {{1, 0, 2}, {1, 0, 2}};
    long[][] b = {{ONE, 2, -3}, {-ONE, -2, 3}};
    long[][] d = {{0, 1, -1}};
    long half = ONE / 2;
    SelectiveLayer cancelling = layer(new long[] {half, half}, e, b, new long[][] {{ONE, ONE}}, d);
    SelectiveLayer unread = layer(new long[] {half, half}, e, b, new long[][] {{0, 0}}, d);
    assertSameCircuit(unread, cancelling, 5);
    assertEquals(
        "selective diagonal: prefix sums (Thm 4.4, a^0 = 1)",
        compileAndCheck(cancelling, 3, Outputs.ALL).strategies().get(0));
  }

  /**
   * The strategy names the construction: prefix sums when no channel has exponents or RESETs
   * (whatever its base), window exponent sums otherwise.
   */
  @Test
  void strategyNamesTheConstruction() {
    long[][] b = {{ONE, -ONE}, {2, 3}};
    long[][] c = {{ONE, 1}, {-2, ONE}};
    long[][] d = {{0, 1}, {1, 0}};
    String prefix = "selective diagonal: prefix sums (Thm 4.4, a^0 = 1)";
    String windows = "selective diagonal: window exponent sums (Thm 4.4)";
    int[][] none = {{0, 0}, {0, 0}};
    assertEquals(prefix, strategy(layer(new long[] {ONE, ONE}, new int[][] {{3, 1}, {0, 2}}, b, c, d)));
    assertEquals(prefix, strategy(layer(new long[] {ONE / 2, -ONE}, none, b, c, d)));
    assertEquals(prefix, strategy(layer(new long[] {0, ONE / 4}, none, b, c, d)));
    assertEquals(windows, strategy(layer(new long[] {ONE / 2, ONE}, new int[][] {{1, 0}, {0, 0}}, b, c, d)));
    assertEquals(windows, strategy(layer(new long[] {ONE, ONE}, new int[][] {{0, R}, {0, 0}}, b, c, d)));
    assertEquals(windows, strategy(layer(new long[] {-ONE, ONE}, new int[][] {{1, 0}, {0, 0}}, b, c, d)));
    assertEquals(windows, strategy(layer(new long[] {0, ONE}, new int[][] {{2, 0}, {0, 0}}, b, c, d)));
  }

  private static String strategy(SelectiveLayer layer) {
    return compileAndCheck(layer, 4, Outputs.ALL).strategies().get(0);
  }

  /**
   * DESIGN.md "let a sum extend another": plain prefix sums at every position store O(n |Σ|)
   * terms. Once the output range saturates (from then on each position's thermometer has the same
   * cuts), every further position adds the same number of stored terms, in the projection and in
   * the circuit built; re-storing each prefix in full would add more at every position.
   */
  @Test
  void prefixSumsStoreLinearlyManyTerms() {
    Precision narrow = Precision.of(4, 0);
    SelectiveLayer counter =
        SelectiveLayer.builder(narrow)
            .base(new long[] {1})
            .exponents(new int[][] {{0, 0, 0}})
            .b(new long[][] {{1, 0, 1}})
            .c(new long[][] {{1}})
            .d(new long[][] {{0, 0, 0}})
            .build();
    Model model = model(counter);
    long[] built = new long[3];
    long[] projected = new long[3];
    for (int i = 0; i < 3; i++) {
      CompiledModel compiled = ModelCompiler.compile(model, 10 + 4 * i, Outputs.ALL);
      built[i] = compiled.stats().storedTerms();
      projected[i] = compiled.projected().storedWires();
    }
    assertEquals(built[1] - built[0], built[2] - built[1], () -> java.util.Arrays.toString(built));
    assertEquals(
        projected[1] - projected[0],
        projected[2] - projected[1],
        () -> java.util.Arrays.toString(projected));
    assertTrue(projected[2] >= built[2]);
  }
}
