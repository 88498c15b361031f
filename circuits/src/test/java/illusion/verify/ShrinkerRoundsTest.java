package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.compile.Outputs;
import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import illusion.ssm.S4DLayer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Each pass's progress is followed by another round, in which earlier passes may use it: for a
 * failure that needs either a second layer or one simplification that only pass X can make (every
 * other feature of the first layer, its readout, the tokens and the outputs pinned to the start),
 * the shrinker first makes that simplification and then, in the next round, drops the second
 * layer. It reaches that fixpoint long before its probe budget, and never hands the probe a
 * missing model or an empty sequence.
 */
class ShrinkerRoundsTest {

  /** The features of a counterexample that passes other than dropping layers change. */
  private static Map<String, Object> features(Counterexample c) {
    Map<String, Object> f = new LinkedHashMap<>();
    Layer l = c.model().layer(0);
    f.put("length", c.tokens().length);
    f.put("maxToken", Arrays.stream(c.tokens()).max().getAsInt());
    f.put("outputs", c.outputs());
    f.put("vocab", c.model().inputVocabulary());
    f.put("d", l.stateDim());
    f.put("m", l.outputDim());
    f.put("moduli", Arrays.toString(c.model().readout(0).moduli()));
    f.put("params", LayerParts.of(l).rows().stream().map(Arrays::toString).toList().toString());
    f.put("precision", l.precision());
    return f;
  }

  /**
   * A model of two layers: an S4D layer over {@code vocab} tokens with the given B (zeros when
   * null), d states, m outputs and precision, read by {@code moduli} onto three tokens (so that the
   * second layer alone, over three tokens, never passes for the first), then a one-state layer over
   * those tokens.
   */
  private static Model model(int vocab, int d, int m, long[][] b, Precision p, int... moduli) {
    Layer first =
        S4DLayer.builder(p).a(new long[d]).b(b != null ? b : new long[d][vocab]).c(new long[m][d]).build();
    Layer second = S4DLayer.builder(Precision.of(2, 0)).a(new long[1]).b(new long[1][3]).c(new long[1][1]).build();
    return Model.builder("rounds", vocab)
        .add(first, Readout.tabulate(moduli, 3, res -> 0))
        .add(second, Readout.tabulate(new int[] {1}, 1, res -> 0))
        .build();
  }

  private static final Precision MIN = Precision.of(2, 0);

  /**
   * Shrinks {@code start} under "every feature outside {@code free} as at the start, {@code
   * extra} holds, and two layers or {@code reduced}"; returns the result after checking the
   * fixpoint came before the budget and the probe only saw real candidates.
   */
  private static Counterexample shrink(
      Counterexample start, Set<String> free, Predicate<Counterexample> extra, Predicate<Counterexample> reduced) {
    Map<String, Object> pinned = features(start);
    pinned.keySet().removeAll(free);
    boolean[] bad = {false};
    Shrinker.Probe probe =
        (m, t, o) -> {
          if (m == null || t.length == 0) {
            bad[0] = true;
            return null;
          }
          Counterexample c = new Counterexample(m, t, o, Counterexample.Failure.MISMATCH, "synthetic");
          Map<String, Object> f = features(c);
          f.keySet().removeAll(free);
          return f.equals(pinned) && extra.test(c) && (m.depth() == 2 || reduced.test(c)) ? c : null;
        };
    Shrinker.Result r = Shrinker.shrink(probe, start, 20_000, TimeUnit.SECONDS.toNanos(20));
    assertFalse(bad[0], "the probe was given no model or no tokens");
    assertTrue(r.probes < 2_000, "a fixpoint, not the budget: " + r.probes + " probes");
    return r.counterexample;
  }

  private static Counterexample start(Model m, Outputs outputs, int... tokens) {
    return new Counterexample(m, tokens, outputs, Counterexample.Failure.MISMATCH, "synthetic");
  }

  private static void assertShrunk(Counterexample s, Predicate<Counterexample> reduced) {
    assertEquals(1, s.model().depth(), s.toString());
    assertTrue(reduced.test(s), s.toString());
  }

  @Test
  void shorteningToOneTokenIsFollowedByAnotherRound() {
    Predicate<Counterexample> reduced = c -> c.tokens().length < 4;
    Counterexample s =
        shrink(start(model(1, 1, 1, null, MIN, 1), Outputs.LAST, 0, 0, 0, 0), Set.of("length"), c -> true, reduced);
    assertShrunk(s, reduced);
    assertEquals(1, s.tokens().length);
  }

  @Test
  void shorteningToTwoTokensIsFollowedByAnotherRound() {
    Predicate<Counterexample> reduced = c -> c.tokens().length < 5;
    Counterexample s =
        shrink(
            start(model(1, 1, 1, null, MIN, 1), Outputs.LAST, 0, 0, 0, 0, 0),
            Set.of("length"),
            c -> c.tokens().length >= 2,
            reduced);
    assertShrunk(s, reduced);
    assertEquals(2, s.tokens().length);
  }

  @Test
  void outputsAtTheLastPositionAreFollowedByAnotherRound() {
    Predicate<Counterexample> reduced = c -> c.outputs() == Outputs.LAST;
    assertShrunk(shrink(start(model(1, 1, 1, null, MIN, 1), Outputs.ALL, 0), Set.of("outputs"), c -> true, reduced), reduced);
  }

  /** Output channel 0 is dropped (its readout residue with it), channel 1 kept: the first channel is tried too. */
  @Test
  void droppingTheFirstOutputIsFollowedByAnotherRound() {
    Predicate<Counterexample> reduced = c -> c.model().layer(0).outputDim() == 1;
    Counterexample s =
        shrink(
            start(model(1, 1, 2, null, MIN, 2, 1), Outputs.LAST, 0),
            Set.of("m", "moduli", "params"),
            c -> Set.of("[2, 1]", "[1]").contains(Arrays.toString(c.model().readout(0).moduli())),
            reduced);
    assertShrunk(s, reduced);
    assertEquals("[1]", Arrays.toString(s.model().readout(0).moduli()));
  }

  @Test
  void droppingAStateIsFollowedByAnotherRound() {
    Predicate<Counterexample> reduced = c -> c.model().layer(0).stateDim() == 1;
    assertShrunk(
        shrink(start(model(1, 2, 1, null, MIN, 1), Outputs.LAST, 0), Set.of("d", "params"), c -> true, reduced), reduced);
  }

  /** Token 0 is unused: it is dropped and the sequence renumbered, so the first token is tried too. */
  @Test
  void droppingAnUnusedTokenIsFollowedByAnotherRound() {
    Predicate<Counterexample> reduced = c -> c.model().inputVocabulary() == 1;
    Counterexample s =
        shrink(
            start(model(2, 1, 1, null, MIN, 1), Outputs.LAST, 1, 1),
            Set.of("vocab", "params", "maxToken"),
            c -> true,
            reduced);
    assertShrunk(s, reduced);
    assertEquals("[0, 0]", Arrays.toString(s.tokens()));
  }

  @Test
  void ignoringAReadoutChannelIsFollowedByAnotherRound() {
    Predicate<Counterexample> reduced = c -> c.model().readout(0).moduli()[0] == 1;
    assertShrunk(shrink(start(model(1, 1, 1, null, MIN, 2), Outputs.LAST, 0), Set.of("moduli"), c -> true, reduced), reduced);
  }

  @Test
  void zeroingAParameterIsFollowedByAnotherRound() {
    Predicate<Counterexample> reduced = c -> c.model().layer(0).rawB()[0][0] == 0;
    assertShrunk(
        shrink(start(model(1, 1, 1, new long[][] {{1}}, MIN, 1), Outputs.LAST, 0), Set.of("params"), c -> true, reduced),
        reduced);
  }

  /** Zero is not allowed here, so the entry is halved, 4 to 2 to 1. */
  @Test
  void halvingAParameterIsFollowedByAnotherRound() {
    Predicate<Counterexample> reduced = c -> c.model().layer(0).rawB()[0][0] < 4;
    Counterexample s =
        shrink(
            start(model(1, 1, 1, new long[][] {{4}}, Precision.of(4, 0), 1), Outputs.LAST, 0),
            Set.of("params"),
            c -> c.model().layer(0).rawB()[0][0] != 0,
            reduced);
    assertShrunk(s, reduced);
    assertEquals(1, s.model().layer(0).rawB()[0][0]);
  }

  /**
   * With the integer bits and the value 1.0 of B[0][0] pinned, only the third narrowing applies:
   * one bit and one fraction bit fewer, raw values halved (p = 4, f = 1 to p = 3, f = 0).
   */
  @Test
  void narrowingBothWidthsIsFollowedByAnotherRound() {
    Predicate<Counterexample> reduced = c -> c.model().layer(0).precision().bits() < 4;
    Counterexample s =
        shrink(
            start(model(1, 1, 1, new long[][] {{2}}, Precision.of(4, 1), 1), Outputs.LAST, 0),
            Set.of("precision", "params"),
            c -> {
              Precision p = c.model().layer(0).precision();
              return p.bits() - p.fractionBits() == 3 && c.model().layer(0).rawB()[0][0] == 1L << p.fractionBits();
            },
            reduced);
    assertShrunk(s, reduced);
    assertEquals(Precision.of(3, 0), s.model().layer(0).precision());
  }

  /** At two bits with a fraction bit no narrower precision exists; the shrinker stops there. */
  @Test
  void theNarrowestPrecisionIsLeftAlone() {
    Counterexample start = start(model(1, 1, 1, null, Precision.of(2, 1), 1), Outputs.LAST, 0);
    Counterexample s = shrink(start, Set.of("precision"), c -> c.model().layer(0).precision().fractionBits() == 1, c -> false);
    assertEquals(start.model(), s.model());
  }

  @Test
  void loweringATokenIsFollowedByAnotherRound() {
    Predicate<Counterexample> reduced = c -> c.tokens()[0] == 0;
    assertShrunk(
        shrink(start(model(2, 1, 1, null, MIN, 1), Outputs.LAST, 1), Set.of("maxToken"), c -> true, reduced), reduced);
  }
}
