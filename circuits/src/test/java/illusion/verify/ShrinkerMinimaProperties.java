package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.compile.Outputs;
import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import illusion.ssm.SelectiveLayer;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * For a failure that depends on one feature only, every pass of the shrinker that can remove the
 * rest does: the result keeps exactly the feature's minimum (one state more than needed is
 * dropped, one more bit, one more layer, one larger exponent or token value) and nothing else
 * that a pass could remove.
 */
class ShrinkerMinimaProperties {

  /** Shrinks a random model of {@code kind} satisfying {@code start} under the failure {@code fails}. */
  private static Counterexample shrink(
      LayerKind kind, long seed, Predicate<Model> start, Predicate<Counterexample> fails) {
    SplittableRandom r = new SplittableRandom(seed);
    Model model = null;
    for (int tries = 0; model == null && tries < 10_000; tries++) {
      Model m = RandomCases.model(kind, 5, r);
      if (start.test(m)) {
        model = m;
      }
    }
    assertTrue(model != null, "no start model");
    int[] tokens = new int[6];
    for (int t = 0; t < tokens.length; t++) {
      tokens[t] = r.nextInt(model.inputVocabulary());
    }
    tokens[2] = model.inputVocabulary() - 1;
    Shrinker.Probe probe =
        (m, t, outputs) -> {
          Counterexample c = new Counterexample(m, t, outputs, Counterexample.Failure.MISMATCH, "synthetic");
          return fails.test(c) ? c : null;
        };
    Counterexample c = new Counterexample(model, tokens, Outputs.ALL, Counterexample.Failure.MISMATCH, "synthetic");
    assertTrue(fails.test(c));
    return Shrinker.shrink(probe, c, 20_000, 60_000_000_000L).counterexample;
  }

  /** "Layer 0 has at least two states": two remain, one output, one token, one layer, n = 1. */
  @Property(tries = 10)
  void statesShrinkToTwo(@ForAll long seed) {
    Counterexample s =
        shrink(LayerKind.S4, seed, m -> m.layer(0).stateDim() >= 3, c -> c.model().layer(0).stateDim() >= 2);
    Layer l = s.model().layer(0);
    assertEquals(2, l.stateDim(), s.toString());
    assertEquals(1, l.outputDim(), s.toString());
    assertEquals(1, l.vocabularySize(), s.toString());
    assertEquals(1, s.model().depth());
    assertArrayEquals(new int[] {0}, s.tokens());
    assertEquals(Outputs.LAST, s.outputs());
    assertEquals(Precision.of(2, 0), l.precision(), s.toString());
  }

  /** "Layer 0 has at least two outputs": two remain, one state, every readout modulus 1. */
  @Property(tries = 10)
  void outputsShrinkToTwo(@ForAll long seed) {
    Counterexample s =
        shrink(LayerKind.S4D, seed, m -> m.layer(0).outputDim() >= 3, c -> c.model().layer(0).outputDim() >= 2);
    Layer l = s.model().layer(0);
    assertEquals(2, l.outputDim(), s.toString());
    assertEquals(1, l.stateDim(), s.toString());
    for (int modulus : s.model().readout(0).moduli()) {
      assertEquals(1, modulus, s.toString());
    }
  }

  /** "At least two layers": two remain, each with one state and one output. */
  @Property(tries = 5)
  void layersShrinkToTwo(@ForAll long seed) {
    Counterexample s = shrink(LayerKind.S4D, seed, m -> m.depth() == 2, c -> c.model().depth() >= 2);
    assertEquals(2, s.model().depth(), s.toString());
    for (Layer l : s.model().layers()) {
      assertEquals(1, l.stateDim(), s.toString());
      assertEquals(1, l.outputDim(), s.toString());
    }
  }

  /**
   * "Exponent e_0(1) of the selective layer is at least 3": every other exponent becomes 0 and
   * e_0(1) is halved while it stays at least 3 (so 3, 4 or 5 remain).
   */
  @Property(tries = 10)
  void exponentsShrink(@ForAll long seed) {
    Counterexample s =
        shrink(
            LayerKind.SELECTIVE,
            seed,
            m -> m.inputVocabulary() >= 2 && ((SelectiveLayer) m.layer(0)).exponents()[0][1] >= 3,
            c -> c.model().layer(0) instanceof SelectiveLayer sl && sl.vocabularySize() >= 2 && sl.exponents()[0][1] >= 3);
    int[][] e = ((SelectiveLayer) s.model().layer(0)).exponents();
    assertEquals(1, e.length, s.toString());
    assertEquals(2, e[0].length, s.toString());
    assertEquals(0, e[0][0], s.toString());
    assertTrue(e[0][1] >= 3 && e[0][1] <= 5, s.toString());
  }

  /**
   * "Layer 0 has at least two fraction bits": exactly two remain, at the narrowest width holding
   * them (three bits).
   */
  @Property(tries = 10)
  void precisionNarrows(@ForAll long seed) {
    Counterexample s =
        shrink(LayerKind.RNN, seed, m -> m.layer(0).precision().fractionBits() >= 3, c -> c.model().layer(0).precision().fractionBits() >= 2);
    assertEquals(Precision.of(3, 2), s.model().layer(0).precision(), s.toString());
  }

  /** "Some token is at least 2": one token, 2, remains; lowering it or dropping 0 and 1 would pass. */
  @Property(tries = 10)
  void tokensLower(@ForAll long seed) {
    Counterexample s =
        shrink(
            LayerKind.S4D,
            seed,
            m -> m.inputVocabulary() >= 4,
            c -> java.util.Arrays.stream(c.tokens()).anyMatch(x -> x >= 2));
    assertArrayEquals(new int[] {2}, s.tokens(), s.toString());
    assertEquals(3, s.model().inputVocabulary(), s.toString());
  }
}
