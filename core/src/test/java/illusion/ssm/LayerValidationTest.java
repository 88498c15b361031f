package illusion.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every layer builder, the model builder and the readout builder validate shapes, ranges and limits
 * before building, each defect refused with one {@link IllegalArgumentException} naming it; valid
 * values at the edges of each range are accepted.
 */
class LayerValidationTest {
  private static final Precision P = Precision.of(8, 4); // raw range [-128, 127], 1.0 = 16

  private static void assertRefused(Executable call, String expectedPart) {
    String message = assertThrows(IllegalArgumentException.class, call).getMessage();
    assertTrue(message.contains(expectedPart), () -> message + " should contain " + expectedPart);
  }

  private static S4Layer.Builder s4() {
    return S4Layer.builder(P).a(new long[][] {{16}}).b(new long[][] {{1, 2}}).c(new long[][] {{3}});
  }

  /** The parameters shared by every kind: B, C and D, checked in the order of the recurrence. */
  @Test
  void sharedParameters() {
    assertEquals(2, s4().build().vocabularySize());
    assertRefused(() -> s4().b(null).build(), "s4 layer: B is not set");
    assertRefused(() -> s4().c(null).build(), "s4 layer: C is not set");
    assertRefused(
        () -> s4().b(new long[0][]).build(),
        "s4 layer: state dimension (rows of B) must be at least 1, got 0");
    assertRefused(() -> s4().b(new long[1][]).build(), "s4 layer: B[0] is null");
    assertRefused(
        () -> s4().b(new long[][] {{}}).build(),
        "s4 layer: vocabulary size (columns of B) must be at least 1, got 0");
    assertRefused(
        () -> s4().c(new long[0][]).build(),
        "s4 layer: output dimension (rows of C) must be at least 1, got 0");
    assertRefused(
        () -> s4().b(new long[][] {{1, 2}, {3}}).a(new long[][] {{0, 0}, {0, 0}}).build(),
        "s4 layer: B must have 2 columns, but row 1 has 1");
    assertRefused(() -> s4().c(new long[][] {{1, 2}}).build(), "s4 layer: C must have 1 columns, but row 0 has 2");
    assertRefused(() -> s4().c(new long[][] {null}).build(), "s4 layer: C must have 1 columns, but row 0 has 0");
    assertRefused(
        () -> s4().b(new long[][] {{1, 128}}).build(),
        "s4 layer: B[0][1] = 128 (raw) does not fit 8-bit fixed point");
    assertRefused(
        () -> s4().b(new long[][] {{-129, 0}}).build(), "s4 layer: B[0][0] = -129 (raw) does not fit");
    assertEquals(-128, s4().b(new long[][] {{-128, 127}}).build().rawB()[0][0]);
    assertRefused(() -> s4().d(new long[][] {{1}}).build(), "s4 layer: D must have 2 columns, but row 0 has 1");
    assertRefused(() -> s4().d(new long[][] {{1, 1}, {1, 1}}).build(), "s4 layer: D must have 1 rows, got 2");
    assertEquals(5, s4().d(new long[][] {{0, 5}}).build().rawD()[0][1]);
    assertEquals(0, s4().build().rawD()[0][1]);
  }

  /**
   * The parameter count d|Σ| + md + m|Σ| is checked before the matrices are read (only row 0 of B
   * exists here), and the limit 2^25 itself is allowed.
   */
  @Test
  void parameterLimitIsCheckedFirstAndInclusive() {
    int d = 6000;
    int v = 6001;
    int m = 2;
    long[][] b = new long[d][];
    b[0] = new long[v];
    long count = (long) d * v + (long) m * d + (long) m * v;
    assertRefused(
        () -> S4DLayer.builder(P).a(new long[d]).b(b).c(new long[m][]).build(),
        "s4d layer would have " + count + " parameters, more than the limit " + (1L << 25));
    // 4096 * 2048 + 4096 * 4096 + 4096 * 2048 = 2^25 exactly: past the limit check, into the rows
    long[][] atLimit = new long[4096][];
    atLimit[0] = new long[2048];
    assertRefused(
        () -> S4DLayer.builder(P).a(new long[4096]).b(atLimit).c(new long[4096][]).build(),
        "B must have 2048 columns, but row 1 has 0");
  }

  @Test
  void transitionParametersOfEachKind() {
    assertRefused(() -> s4().a(null).build(), "s4 layer: A is not set");
    assertRefused(() -> s4().a(new long[][] {{16, 0}}).build(), "s4 layer: A must have 1 columns");
    assertRefused(() -> s4().a(new long[][] {{200}}).build(), "s4 layer: A[0][0] = 200 (raw) does not fit");

    Supplier<S4DLayer.Builder> s4d =
        () -> S4DLayer.builder(P).a(new long[] {16}).b(new long[][] {{1, 2}}).c(new long[][] {{3}});
    assertEquals(16, s4d.get().build().rawA()[0]);
    assertRefused(() -> s4d.get().a(new long[] {16, 16}).build(), "s4d layer: A (diagonal) must have length 1, got 2");

    Supplier<RnnLayer.Builder> rnn =
        () -> RnnLayer.builder(P).a(new long[][] {{16}}).b(new long[][] {{1, 2}}).c(new long[][] {{3}});
    assertEquals(16, rnn.get().build().rawA()[0][0]);
    assertRefused(() -> rnn.get().a(new long[][] {{1}, {1}}).build(), "rnn layer: A must have 1 rows, got 2");

    Supplier<Ids4Layer.Builder> ids4 =
        () ->
            Ids4Layer.builder(P)
                .a(new long[][][] {{{16}}, {{-16}}})
                .b(new long[][] {{1, 2}})
                .c(new long[][] {{3}});
    assertEquals(-16, ids4.get().build().rawA(1)[0][0]);
    assertRefused(() -> ids4.get().a(null).build(), "ids4 layer: A is not set");
    assertRefused(
        () -> ids4.get().a(new long[][][] {{{16}}}).build(),
        "ids4 layer: A must have one d x d matrix per token (2), got 1");
    assertRefused(
        () -> ids4.get().a(new long[][][] {{{16}}, {{16, 0}}}).build(), "ids4 layer: A(1) must have 1 columns");
    // |Σ| d^2 transition entries: 8193 * 64 * 64 is over 2^25, 8192 * 64 * 64 is the limit itself
    assertRefused(
        () -> Ids4Layer.builder(P).b(new long[64][8193]).c(new long[1][64]).build(),
        "ids4 layer would have " + 8193L * 64 * 64 + " parameters, more than the limit");
    assertRefused(
        () -> Ids4Layer.builder(P).b(new long[64][8192]).c(new long[1][64]).build(),
        "ids4 layer: A is not set");
  }

  /** Bases lie in [-1, 1] (both ends allowed); exponents in 0..64 or RESET. */
  @Test
  void selectiveRanges() {
    Supplier<SelectiveLayer.Builder> sel =
        () ->
            SelectiveLayer.builder(P)
                .base(new long[] {16, -16})
                .exponents(new int[][] {{0, SelectiveLayer.MAX_EXPONENT}, {SelectiveLayer.RESET, 1}})
                .b(new long[][] {{1, 2}, {3, 4}})
                .c(new long[][] {{1, 1}});
    SelectiveLayer ok = sel.get().build();
    assertEquals(-16, ok.rawBase()[1]);
    assertEquals(SelectiveLayer.RESET, ok.exponents()[1][0]);
    assertRefused(() -> sel.get().base(new long[] {17, 0}).build(), "base a[0] = 1.0625 is outside [-1, 1]");
    assertRefused(() -> sel.get().base(new long[] {0, -17}).build(), "base a[1] = -1.0625 is outside [-1, 1]");
    assertRefused(() -> sel.get().base(new long[] {0}).build(), "base a must have length 2, got 1");
    assertRefused(() -> sel.get().exponents(null).build(), "selective layer: exponents are not set");
    assertRefused(
        () -> sel.get().exponents(new int[][] {{0, 0}}).build(),
        "exponents must have 2 rows (one per channel), got 1");
    assertRefused(
        () -> sel.get().exponents(new int[][] {{0, 0}, null}).build(),
        "exponents must have 2 columns (one per token), but row 1 has 0");
    assertRefused(
        () -> sel.get().exponents(new int[][] {{0, 0}, {0}}).build(),
        "exponents must have 2 columns (one per token), but row 1 has 1");
    assertRefused(
        () -> sel.get().exponents(new int[][] {{0, 65}, {0, 0}}).build(),
        "exponent[0][1] = 65 is out of range: expected 0..64 or RESET");
    assertRefused(
        () -> sel.get().exponents(new int[][] {{0, 0}, {-2, 0}}).build(),
        "exponent[1][0] = -2 is out of range");
  }

  /** Layers are equal exactly when kind and every parameter are. */
  @Test
  void layerEquality() {
    assertEquals(s4().build(), s4().build());
    assertEquals(s4().build().hashCode(), s4().build().hashCode());
    assertNotEquals(s4().build(), s4().a(new long[][] {{15}}).build());
    assertNotEquals(s4().build(), s4().b(new long[][] {{1, 3}}).build());
    assertNotEquals(s4().build(), s4().c(new long[][] {{4}}).build());
    assertNotEquals(s4().build(), s4().d(new long[][] {{0, 1}}).build());
    assertNotEquals(
        s4().build(), S4Layer.builder(Precision.of(9, 4)).a(new long[][] {{16}}).b(new long[][] {{1, 2}}).c(new long[][] {{3}}).build());
    RnnLayer rnn = RnnLayer.builder(P).a(new long[][] {{16}}).b(new long[][] {{1, 2}}).c(new long[][] {{3}}).build();
    assertNotEquals(s4().build(), rnn);
    assertNotEquals(rnn, s4().build());
    assertNotEquals(rnn, RnnLayer.builder(P).a(new long[][] {{15}}).b(new long[][] {{1, 2}}).c(new long[][] {{3}}).build());
    S4DLayer s4d = S4DLayer.builder(P).a(new long[] {16}).b(new long[][] {{1, 2}}).c(new long[][] {{3}}).build();
    assertNotEquals(s4d, S4DLayer.builder(P).a(new long[] {15}).b(new long[][] {{1, 2}}).c(new long[][] {{3}}).build());
    assertNotEquals(s4d, rnn);
    Ids4Layer ids4 = Ids4Layer.builder(P).a(new long[][][] {{{16}}, {{16}}}).b(new long[][] {{1, 2}}).c(new long[][] {{3}}).build();
    assertNotEquals(ids4, Ids4Layer.builder(P).a(new long[][][] {{{16}}, {{15}}}).b(new long[][] {{1, 2}}).c(new long[][] {{3}}).build());
    assertNotEquals(ids4, s4d);
    SelectiveLayer sel =
        SelectiveLayer.builder(P).base(new long[] {16}).exponents(new int[][] {{0, 1}}).b(new long[][] {{1, 2}}).c(new long[][] {{3}}).build();
    assertNotEquals(sel, SelectiveLayer.builder(P).base(new long[] {8}).exponents(new int[][] {{0, 1}}).b(new long[][] {{1, 2}}).c(new long[][] {{3}}).build());
    assertNotEquals(sel, SelectiveLayer.builder(P).base(new long[] {16}).exponents(new int[][] {{0, 2}}).b(new long[][] {{1, 2}}).c(new long[][] {{3}}).build());
    assertNotEquals(sel, s4d);
  }

  @Test
  void modelBuilder() {
    S4Layer layer = s4().build(); // 2 tokens, 1 output
    Readout readout = Readout.builder(new int[] {4}, 3).build();
    assertRefused(() -> Model.builder(null, 2), "a model needs a name");
    assertRefused(() -> Model.builder(" ", 2), "a model needs a name");
    assertRefused(() -> Model.builder("a\nb", 2), "a model name is one line");
    assertRefused(() -> Model.builder("a\rb", 2), "a model name is one line");
    assertRefused(() -> Model.builder("m", 0), "input vocabulary must be at least 1, got 0");
    assertEquals(1, Model.builder("m", 1).add(
        S4Layer.builder(P).a(new long[][] {{0}}).b(new long[][] {{1}}).c(new long[][] {{1}}).build(),
        readout).build().inputVocabulary());
    assertRefused(() -> Model.builder("m", 2).tracks("a\nb"), "a model's description is one line");
    assertRefused(() -> Model.builder("m", 2).tracks("a\rb"), "a model's description is one line");
    assertRefused(() -> Model.builder("m", 2).build(), "model m has no layers");
    assertRefused(() -> Model.builder("m", 3).add(layer, readout), "layer 0 reads 2 tokens, but the input vocabulary has 3");
    assertRefused(
        () -> Model.builder("m", 2).add(layer, Readout.builder(new int[] {2, 2}, 2).build()),
        "readout 0 reads 2 channels, but layer 0 has 1 outputs");
    assertRefused(
        () -> Model.builder("m", 2).add(layer, readout).add(layer, readout),
        "layer 1 reads 2 tokens, but readout 0 produces 3");

    Model m = Model.builder(" m ", 2).tracks(" parity ").add(layer, readout).build();
    assertEquals("m", m.name());
    assertEquals("parity", m.tracks());
    assertEquals(m, Model.builder("m", 2).tracks("parity").add(layer, readout).build());
    assertEquals(m.hashCode(), Model.builder("m", 2).tracks("parity").add(layer, readout).build().hashCode());
    assertNotEquals(m, Model.builder("n", 2).tracks("parity").add(layer, readout).build());
    assertNotEquals(m, Model.builder("m", 2).tracks("other").add(layer, readout).build());
    assertNotEquals(m, Model.builder("m", 2).tracks("parity").add(layer, Readout.builder(new int[] {4}, 3).defaultToken(1).build()).build());
    assertNotEquals(m, Model.builder("m", 2).tracks("parity").add(s4().a(new long[][] {{1}}).build(), readout).build());
    assertNotEquals(m, "m");
  }

  @Test
  void readoutBuilder() {
    assertRefused(() -> Readout.builder(new int[0], 2), "a readout needs at least one channel");
    assertRefused(() -> Readout.builder(new int[] {2}, 0), "readout output vocabulary must be at least 1, got 0");
    assertRefused(() -> Readout.builder(new int[] {2}, 3).defaultToken(3), "default token 3 is outside the output vocabulary [0, 3)");
    assertRefused(() -> Readout.builder(new int[] {2}, 3).defaultToken(-1), "default token -1 is outside");
    assertEquals(2, Readout.builder(new int[] {2}, 3).defaultToken(2).build().defaultToken());
    Readout.Builder b = Readout.builder(new int[] {3, 2}, 4);
    assertRefused(() -> b.put(new int[] {3, 0}, 1), "residue 3 of channel 0 is outside [0, 3)");
    assertRefused(() -> b.put(new int[] {0, -1}, 1), "residue -1 of channel 1 is outside [0, 2)");
    assertRefused(() -> b.putIndex(6, 1), "readout index 6 outside [0, 6)");
    assertRefused(() -> b.putIndex(-1, 1), "readout index -1 outside [0, 6)");
    assertRefused(() -> b.putIndex(0, 4), "readout token 4 is outside the output vocabulary [0, 4)");
    Readout r = b.put(new int[] {2, 1}, 3).putIndex(0, 1).build();
    assertEquals(3, r.token(5));
    assertEquals(1, r.token(0));
    assertRefused(() -> r.index(new long[] {1}), "readout expects 2 channels, got 1");
    assertRefused(() -> r.residues(6), "index 6 outside [0, 6)");
    assertRefused(() -> r.residues(-1), "index -1 outside [0, 6)");
    int[] residues = r.residues(5);
    assertEquals(5, r.index(new long[] {residues[0], residues[1]}));
  }

  /** Readouts are equal exactly when moduli, vocabulary, default and table are. */
  @Test
  void readoutEquality() {
    Readout r = Readout.builder(new int[] {4}, 3).defaultToken(1).putIndex(2, 2).build();
    assertEquals(r, Readout.builder(new int[] {4}, 3).defaultToken(1).putIndex(2, 2).build());
    assertEquals(r.hashCode(), Readout.builder(new int[] {4}, 3).defaultToken(1).putIndex(2, 2).build().hashCode());
    assertNotEquals(r, Readout.builder(new int[] {4}, 4).defaultToken(1).putIndex(2, 2).build());
    assertNotEquals(r, Readout.builder(new int[] {4}, 3).defaultToken(0).putIndex(2, 2).build());
    assertNotEquals(r, Readout.builder(new int[] {5}, 3).defaultToken(1).putIndex(2, 2).build());
    assertNotEquals(r, Readout.builder(new int[] {4}, 3).defaultToken(1).putIndex(3, 2).build());
    assertNotEquals(r, Readout.builder(new int[] {4}, 3).defaultToken(1).putIndex(2, 0).build());
    assertNotEquals(r, "readout");
  }
}
