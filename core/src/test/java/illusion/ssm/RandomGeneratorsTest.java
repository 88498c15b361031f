package illusion.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The random layers and models cover what their documentation promises (shapes, precisions,
 * parameter ranges and the share of special structure), since the properties that use them rely
 * on it to reach every evaluation path. Counted over thousands of seeded draws.
 */
class RandomGeneratorsTest {

  /** A small tally of observed values. */
  private static final class Range {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;

    void add(long v) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }

    void assertIs(long lo, long hi, String what) {
      assertEquals(lo, min, what + " minimum");
      assertEquals(hi, max, what + " maximum");
    }
  }

  private static boolean isUnitMap(long[][] a, long one) {
    for (long[] row : a) {
      int ones = 0;
      for (long x : row) {
        if (x == one) {
          ones++;
        } else if (x != 0) {
          return false;
        }
      }
      if (ones != 1) {
        return false;
      }
    }
    return true;
  }

  @Test
  void randomLayersCoverTheDocumentedRanges() {
    SplittableRandom rnd = new SplittableRandom(2024);
    Set<LayerKind> kinds = EnumSet.noneOf(LayerKind.class);
    Range d = new Range();
    Range m = new Range();
    Range vocab = new Range();
    Range bits = new Range();
    Range fractionGap = new Range(); // bits - f
    Range fractionGapOfUnitKinds = new Range(); // bits - f for IDS4 and selective
    Range exponent = new Range();
    long zeros = 0;
    long entries = 0;
    int resets = 0;
    int exponentsSeen = 0;
    int linear = 0;
    int integralLinear = 0;
    int ids4 = 0;
    int ids4Maps = 0;
    boolean fullRange = false;
    boolean integralSelective = false;
    for (int i = 0; i < 3000; i++) {
      Layer layer = RandomLayers.layer(rnd);
      Precision p = layer.precision();
      long one = 1L << p.fractionBits();
      kinds.add(layer.kind());
      d.add(layer.stateDim());
      m.add(layer.outputDim());
      vocab.add(layer.vocabularySize());
      bits.add(p.bits());
      fractionGap.add(p.bits() - p.fractionBits());
      long[] cs = Arrays.stream(layer.rawC()).flatMapToLong(Arrays::stream).toArray();
      for (long x : cs) {
        zeros += x == 0 ? 1 : 0;
        entries++;
        fullRange |= x == p.minRaw() && p.bits() > 3;
      }
      switch (layer.kind()) {
        case S4:
          linear++;
          long[][] a = ((S4Layer) layer).rawA();
          boolean unit = p.fits(one) && Arrays.stream(a).flatMapToLong(Arrays::stream).allMatch(x -> x == 0 || x == one || x == -one);
          integralLinear += unit ? 1 : 0;
          break;
        case SELECTIVE:
          fractionGapOfUnitKinds.add(p.bits() - p.fractionBits());
          SelectiveLayer s = (SelectiveLayer) layer;
          for (long base : s.rawBase()) {
            assertTrue(Math.abs(base) <= one, "base within [-1, 1]");
          }
          integralSelective |= s.stateDim() >= 3 && Arrays.stream(s.rawBase()).allMatch(x -> x == 0 || x == one || x == -one)
              && Arrays.stream(s.rawBase()).anyMatch(x -> x == -one) && one > 1;
          for (int[] row : s.exponents()) {
            for (int e : row) {
              exponentsSeen++;
              if (e == SelectiveLayer.RESET) {
                resets++;
              } else {
                exponent.add(e);
              }
            }
          }
          break;
        case IDS4:
          fractionGapOfUnitKinds.add(p.bits() - p.fractionBits());
          ids4++;
          Ids4Layer l = (Ids4Layer) layer;
          boolean maps = true;
          for (int t = 0; t < l.vocabularySize(); t++) {
            maps &= isUnitMap(l.rawA(t), one);
          }
          ids4Maps += maps ? 1 : 0;
          break;
        default:
          break;
      }
    }
    assertEquals(EnumSet.allOf(LayerKind.class), kinds);
    d.assertIs(1, 4, "d");
    m.assertIs(1, 3, "m");
    vocab.assertIs(1, 5, "vocabulary");
    bits.assertIs(2, 16, "p");
    fractionGap.assertIs(1, 16, "p - f");
    fractionGapOfUnitKinds.assertIs(2, 16, "p - f of IDS4 and selective layers");
    exponent.assertIs(0, 4, "exponents");
    assertTrue(fullRange, "entries reach the most negative raw value");
    assertTrue(integralSelective, "some selective layer has bases -1, 0, 1 only");
    double zeroShare = (double) zeros / entries;
    assertTrue(zeroShare > 0.22 && zeroShare < 0.33, "share of zero parameters " + zeroShare);
    double resetShare = (double) resets / exponentsSeen;
    assertTrue(resetShare > 0.12 && resetShare < 0.22, "share of RESET " + resetShare);
    double integralShare = (double) integralLinear / linear;
    assertTrue(integralShare > 0.28 && integralShare < 0.45, "share of integral S4 transitions " + integralShare);
    double mapShare = (double) ids4Maps / ids4;
    assertTrue(mapShare > 0.4 && mapShare < 0.62, "share of IDS4 maps " + mapShare);
  }

  /**
   * In permutation and transformation IDS4 layers B(σ) = (A(σ) - I) v, so h_t = A v - v stays in a
   * finite set whenever the precision holds B unsaturated.
   */
  @Test
  void mapLayersAreFiniteState() {
    SplittableRandom rnd = new SplittableRandom(5);
    int maps = 0;
    for (int i = 0; i < 400; i++) {
      Ids4Layer l = (Ids4Layer) RandomLayers.layer(LayerKind.IDS4, rnd);
      long one = 1L << l.precision().fractionBits();
      boolean map = true;
      for (int t = 0; t < l.vocabularySize(); t++) {
        map &= isUnitMap(l.rawA(t), one);
      }
      // v_i in [-2, 2], so B needs +-4 unsaturated; narrower precisions saturate it
      if (map && l.precision().fits(4 * one) && l.precision().fits(-4 * one)) {
        maps++;
        assertTrue(StateAutomaton.of(l).isPresent(), l.toString());
      }
    }
    assertTrue(maps > 50, "maps " + maps);
  }

  @Test
  void randomReadoutsAndModels() {
    SplittableRandom rnd = new SplittableRandom(9);
    Range moduli = new Range();
    boolean varied = false;
    for (int i = 0; i < 300; i++) {
      Layer layer = RandomLayers.layer(rnd);
      Readout r = RandomLayers.readout(layer, 3, rnd);
      assertEquals(layer.outputDim(), r.channels());
      assertEquals(3, r.outputVocabulary());
      Arrays.stream(r.moduli()).forEach(moduli::add);
      varied |= r.entryCount() > 0;
    }
    moduli.assertIs(1, 4, "readout moduli");
    assertTrue(varied);
    Model model = RandomLayers.model(7, 2, 3, rnd);
    assertEquals(7, model.inputVocabulary());
    assertEquals(2, model.labelVocabulary());
    assertEquals(3, model.depth());
    assertEquals(1, RandomLayers.model(7, 2, 1, rnd).depth());
    assertThrows(IllegalArgumentException.class, () -> RandomLayers.model(7, 2, 0, rnd));
    assertThrows(IllegalArgumentException.class, () -> RandomLayers.layer(LayerKind.S4, 0, rnd));
  }

  /** Each named random model has the documented kind, sizes, precision and parameter ranges. */
  @Test
  void randomModelsFollowTheirDocumentation() {
    Set<Long> selectiveBases = new TreeSet<>();
    Set<Integer> selectiveExponents = new TreeSet<>();
    Set<Long> selectiveB = new TreeSet<>();
    Range s4a = new Range();
    Range bcd = new Range();
    boolean randomLabels = false;
    for (long seed = 0; seed < 30; seed++) {
      int vocab = 2 + (int) (seed % 7);
      for (String name : RandomModels.NAMES) {
        Model model = RandomModels.build(name, vocab, seed);
        Layer layer = model.layer(0);
        Readout readout = model.readout(0);
        assertEquals(name, model.name());
        assertEquals(vocab, model.inputVocabulary());
        assertEquals(vocab, model.labelVocabulary());
        assertTrue(model.tracks().contains("(seed " + seed + ")"), model.tracks());
        int expectedModulus = name.equals("ids4-random") ? 5 : 4;
        assertTrue(Arrays.stream(readout.moduli()).allMatch(x -> x == expectedModulus), name);
        randomLabels |= readout.entryCount() > 0;
        switch (name) {
          case "s4-random":
            assertEquals(Precision.of(10, 4), layer.precision());
            assertEquals(4, layer.stateDim());
            assertEquals(4, layer.outputDim());
            Arrays.stream(((S4Layer) layer).rawA()).flatMapToLong(Arrays::stream).forEach(s4a::add);
            addAll(bcd, layer.rawB(), layer.rawC(), layer.rawD());
            break;
          case "s4d-random":
            assertEquals(Precision.of(10, 4), layer.precision());
            assertEquals(4, layer.stateDim());
            Arrays.stream(((S4DLayer) layer).rawA()).forEach(bcd::add);
            break;
          case "rnn-random":
            assertEquals(Precision.of(10, 4), layer.precision());
            assertEquals(2, layer.stateDim());
            addAll(bcd, ((RnnLayer) layer).rawA(), layer.rawB(), layer.rawC(), layer.rawD());
            break;
          case "selective-random":
            assertEquals(Precision.of(8, 4), layer.precision());
            assertEquals(1, layer.stateDim());
            SelectiveLayer s = (SelectiveLayer) layer;
            selectiveBases.add(s.rawBase()[0]);
            Arrays.stream(s.exponents()[0]).forEach(selectiveExponents::add);
            Arrays.stream(s.rawB()[0]).forEach(selectiveB::add);
            break;
          case "ids4-random":
            assertEquals(Precision.of(16, 8), layer.precision());
            Ids4Layer l = (Ids4Layer) layer;
            long one = 256;
            long[][] b = l.rawB();
            for (int t = 0; t < vocab; t++) {
              long[][] a = l.rawA(t);
              assertTrue(isUnitMap(a, one));
              boolean[] hit = new boolean[5];
              for (int i = 0; i < 5; i++) {
                int j = 0;
                while (a[i][j] != one) {
                  j++;
                }
                assertFalse(hit[j], "a permutation");
                hit[j] = true;
                assertEquals((j - i) * one, b[i][t], "B(σ) = (A(σ) - I) v with v_i = i");
              }
            }
            long[][] c = l.rawC();
            for (int i = 0; i < 5; i++) {
              for (int j = 0; j < 5; j++) {
                assertEquals(i == j ? one : 0, c[i][j]);
              }
            }
            break;
          default:
            throw new AssertionError(name);
        }
      }
    }
    s4a.assertIs(-4, 4, "s4-random A (raw, [-1/4, 1/4])");
    bcd.assertIs(-16, 16, "parameters in [-1, 1] (raw)");
    assertEquals(Set.of(8L, 12L, 14L), selectiveBases);
    assertEquals(Set.of(SelectiveLayer.RESET, 0, 1), selectiveExponents);
    assertEquals(Set.of(0L, 16L), selectiveB);
    assertTrue(randomLabels);
    assertTrue(RandomModels.isRandomModel(" S4-Random "));
    assertFalse(RandomModels.isRandomModel("s4"));
    assertThrows(IllegalArgumentException.class, () -> RandomModels.build("s4-random", 0, 1));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> RandomModels.build("lstm", 2, 1))
            .getMessage()
            .startsWith("unknown model 'lstm'"));
  }

  private static void addAll(Range r, long[][]... matrices) {
    for (long[][] mat : matrices) {
      Arrays.stream(mat).flatMapToLong(Arrays::stream).forEach(r::add);
    }
  }
}
