package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.compile.Outputs;
import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ShrinkerTest {

  /**
   * A synthetic failure: "B[0][1] of layer 0 is at least 3 raw and token 1 is later followed by
   * token 0". Whatever the start, the shrinker reaches a minimum of that condition: the sequence
   * 1 0, one layer with one state, one output and two tokens, every other parameter 0, B[0][1] in
   * 3..5 (halving stops above 2), outputs at the last position, and the narrowest precision that
   * still holds 3.
   */
  @Property(tries = 15)
  void reachesTheMinimumOfASyntheticFailure(@ForAll @IntRange(min = 0, max = 4) int kindIndex, @ForAll long seed) {
    LayerKind kind = LayerKind.values()[kindIndex];
    SplittableRandom r = new SplittableRandom(seed);
    Model start = null;
    int[] tokens = null;
    for (int tries = 0; start == null; tries++) {
      Model m = RandomCases.model(kind, 5, r);
      if (m.inputVocabulary() < 2 || m.layer(0).precision().maxRaw() < 40) {
        continue;
      }
      LayerParts parts = LayerParts.of(m.layer(0)).copyParts();
      parts.b[0][1] = 40;
      Layer layer;
      try {
        layer = parts.build();
      } catch (IllegalArgumentException e) {
        continue;
      }
      Model.Builder b = Model.builder("start", m.inputVocabulary()).add(layer, m.readout(0));
      for (int l = 1; l < m.depth(); l++) {
        b.add(m.layer(l), m.readout(l));
      }
      start = b.build();
      tokens = new int[] {0, 1, 1, m.inputVocabulary() - 1, 0, 1, 0, 0};
    }
    Shrinker.Probe probe =
        (model, t, outputs) -> {
          long b01 = model.layer(0).vocabularySize() > 1 ? model.layer(0).rawB()[0][1] : 0;
          boolean seen1 = false;
          boolean fails = false;
          for (int x : t) {
            fails |= seen1 && x == 0;
            seen1 |= x == 1;
          }
          return b01 >= 3 && fails
              ? new Counterexample(model, t, outputs, Counterexample.Failure.MISMATCH, "synthetic")
              : null;
        };
    Counterexample c =
        new Counterexample(start, tokens, Outputs.ALL, Counterexample.Failure.MISMATCH, "synthetic");
    Shrinker.Result result = Shrinker.shrink(probe, c, 10_000, 60_000_000_000L);
    Counterexample s = result.counterexample;
    assertArrayEquals(new int[] {1, 0}, s.tokens(), s.toString());
    assertEquals(Outputs.LAST, s.outputs());
    assertEquals(1, s.model().depth());
    Layer l = s.model().layer(0);
    assertEquals(1, l.stateDim(), s.toString());
    assertEquals(1, l.outputDim(), s.toString());
    assertEquals(2, l.vocabularySize(), s.toString());
    long b01 = l.rawB()[0][1];
    assertTrue(b01 >= 3 && b01 <= 5, s.toString());
    for (long[] row : LayerParts.of(l).rows()) {
      for (long v : row) {
        assertTrue(v == 0 || v == b01, () -> "a parameter left non-zero: " + s.modelJson());
      }
    }
    assertEquals(Precision.forMagnitude(b01, 0).bits(), l.precision().bits(), s.toString());
    assertTrue(result.probes <= 10_000);
  }

  /** The probe budget bounds the work, and the result still fails. */
  @Test
  void stopsAtTheProbeBudget() {
    Model m = RandomCases.model(LayerKind.S4, 4, new SplittableRandom(1));
    int[] tokens = new int[12];
    int[] calls = {0};
    Shrinker.Probe probe =
        (model, t, outputs) -> {
          calls[0]++;
          return new Counterexample(model, t, outputs, Counterexample.Failure.CRASH, "always");
        };
    Shrinker.Result r =
        Shrinker.shrink(probe, new Counterexample(m, tokens, Outputs.ALL, Counterexample.Failure.CRASH, "x"), 5, 60_000_000_000L);
    assertEquals(5, calls[0]);
    assertEquals(5, r.probes);
  }

  /**
   * Dropping readout channel j, or ignoring it (modulus 1), gives a readout that agrees with the
   * original on every output vector whose channel j is 0.
   */
  @Property(tries = 50)
  void readoutWithoutAChannelAgreesWhereTheChannelIsZero(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Layer layer = RandomCases.layer(LayerKind.S4D, 2, r);
    Readout readout = RandomCases.readout(layer, 1 + r.nextInt(4), r);
    int j = r.nextInt(readout.channels());
    Readout ignored = Shrinker.ignoring(readout, j);
    Readout dropped = readout.channels() > 1 ? Shrinker.withoutChannel(readout, j) : null;
    for (int k = 0; k < 50; k++) {
      long[] y = new long[readout.channels()];
      for (int c = 0; c < y.length; c++) {
        y[c] = c == j ? 0 : r.nextLong(-100, 100);
      }
      assertEquals(readout.apply(y), ignored.apply(y));
      if (dropped != null) {
        long[] fewer = new long[y.length - 1];
        for (int c = 0, i = 0; c < y.length; c++) {
          if (c != j) {
            fewer[i++] = y[c];
          }
        }
        assertEquals(readout.apply(y), dropped.apply(fewer));
      }
    }
  }
}
