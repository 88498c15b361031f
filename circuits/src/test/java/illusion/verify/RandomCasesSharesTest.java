package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Ids4Layer;
import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.Readout;
import illusion.ssm.S4DLayer;
import illusion.ssm.S4Layer;
import illusion.ssm.SelectiveLayer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The random cases draw each documented class with its documented share, sign for sign, and every
 * sequence shape writes every position; counted over seeded draws, with tolerances of several
 * standard deviations.
 */
class RandomCasesSharesTest {

  private static void assertShare(int count, int n, double expected, double tolerance, String what) {
    double share = (double) count / n;
    assertTrue(Math.abs(share - expected) < tolerance, what + ": " + share + ", expected about " + expected);
  }

  /**
   * Parameters, sign for sign: ±1 raw and ±1.0 one time in twenty each, the p-bit extremes one time
   * in twenty each up to 10 bits, uniform in [-bound, bound] otherwise (both ends reached).
   */
  @Test
  void parameterClassesHaveBothSigns() {
    SplittableRandom r = new SplittableRandom(12);
    int n = 20_000;
    Precision p = Precision.of(10, 3); // the widest precision with extremes
    int[] counts = new int[6]; // +1, -1, +1.0, -1.0, max, min
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long x = RandomCases.parameter(p, 20, r);
      counts[0] += x == 1 ? 1 : 0;
      counts[1] += x == -1 ? 1 : 0;
      counts[2] += x == 8 ? 1 : 0;
      counts[3] += x == -8 ? 1 : 0;
      counts[4] += x == p.maxRaw() ? 1 : 0;
      counts[5] += x == p.minRaw() ? 1 : 0;
      if (Math.abs(x) <= 20) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    double uniformPoint = 0.4 / 41; // four classes in ten are uniform over 41 values
    String[] names = {"+1 raw", "-1 raw", "+1.0", "-1.0", "maximum", "minimum"};
    for (int k = 0; k < 6; k++) {
      assertShare(counts[k], n, 0.05 + (k < 4 ? uniformPoint : 0), 0.012, names[k]);
    }
    assertTrue(lo == -20 && hi == 20, "uniform reaches the bound: " + lo + ".." + hi);
    // above 10 bits the fifth class is uniform as well: the bound is one value of 41 in half the draws
    Precision wide = Precision.of(11, 3);
    int atBound = 0;
    for (int i = 0; i < n; i++) {
      long x = RandomCases.parameter(wide, 20, r);
      atBound += x == 20 ? 1 : 0;
      assertTrue(Math.abs(x) <= 20, "no extremes above 10 bits: " + x);
    }
    assertShare(atBound, n, 0.5 / 41, 0.006, "the bound");
  }

  /**
   * Precisions above 12 bits are coarse (at most 3 fraction bits) in at least half the draws; at 12
   * bits the fraction bits are uniform.
   */
  @Test
  void onlyPrecisionsAboveTwelveBitsAreMadeCoarse() {
    SplittableRandom r = new SplittableRandom(13);
    int twelve = 0;
    int twelveCoarse = 0;
    for (int i = 0; i < 40_000; i++) {
      Precision p = RandomCases.precision(r, false);
      if (p.bits() == 12) {
        twelve++;
        twelveCoarse += p.fractionBits() <= 3 ? 1 : 0;
      }
    }
    assertTrue(twelve > 800, "12-bit draws " + twelve);
    assertShare(twelveCoarse, twelve, 4 / 12.0, 0.07, "coarse 12-bit precisions");
  }

  /**
   * Layer shapes: selective and IDS4 layers can represent 1.0; S4 entries stay within ±2.0; the
   * S4D diagonal is not left empty; D is omitted in about a third of layers; selective bases are
   * -1.0 and ±0.5 each in their share.
   */
  @Test
  void layerParametersHaveTheirClasses() {
    SplittableRandom r = new SplittableRandom(14);
    int layers = 0;
    int withoutD = 0;
    int s4d = 0;
    int s4dNonZero = 0;
    int bases = 0;
    int minusOne = 0;
    int plusHalf = 0;
    int minusHalf = 0;
    for (int i = 0; i < 4_000; i++) {
      LayerKind kind = LayerKind.values()[i % LayerKind.values().length];
      Layer layer = RandomCases.layer(kind, 2 + r.nextInt(3), r);
      Precision p = layer.precision();
      long one = 1L << p.fractionBits();
      if (kind == LayerKind.SELECTIVE || kind == LayerKind.IDS4) {
        assertTrue(p.fits(one), kind + " at " + p);
      }
      if (layer.outputDim() * layer.vocabularySize() >= 4) {
        layers++;
        withoutD += Arrays.stream(layer.rawD()).allMatch(row -> Arrays.stream(row).allMatch(x -> x == 0)) ? 1 : 0;
      }
      if (layer instanceof S4Layer s) {
        for (long[] row : s.rawA()) {
          for (long a : row) {
            assertTrue(Math.abs(a) <= 2 * one, "S4 entry " + a + " at " + p);
          }
        }
      } else if (layer instanceof S4DLayer s) {
        s4d++;
        s4dNonZero += Arrays.stream(s.rawA()).anyMatch(a -> a != 0) ? 1 : 0;
      } else if (layer instanceof SelectiveLayer s && one >= 16) {
        for (long b : s.rawBase()) {
          bases++;
          minusOne += b == -one ? 1 : 0;
          plusHalf += b == one / 2 ? 1 : 0;
          minusHalf += b == -one / 2 ? 1 : 0;
        }
      }
    }
    assertShare(withoutD, layers, 1 / 3.0, 0.06, "layers without D");
    assertTrue(s4dNonZero > s4d * 3 / 4, "S4D diagonals with an entry: " + s4dNonZero + " of " + s4d);
    assertTrue(bases > 500, "bases " + bases);
    assertShare(minusOne, bases, 1 / 6.0, 0.06, "base -1.0");
    assertShare(plusHalf, bases, 1 / 12.0, 0.05, "base 0.5");
    assertShare(minusHalf, bases, 1 / 12.0, 0.05, "base -0.5");
  }

  /**
   * IDS4 layers with d >= 3 and two tokens or more: seven in eight are maps (one 1.0 per row of
   * every A(σ)), four in seven of these permutations; three in four permutation layers have the
   * injected B(σ) = (A(σ) - I) v, whose column sums vanish unless saturation clipped them (narrow
   * precisions), so well over 45% of them.
   */
  @Test
  void ids4LayersAreMostlyMapsWithInjectedInputs() {
    SplittableRandom r = new SplittableRandom(15);
    int layers = 0;
    int maps = 0;
    int permutations = 0;
    int injectedLike = 0;
    int permutationsNonZeroB = 0;
    for (int i = 0; i < 30_000 && layers < 1_500; i++) {
      Layer layer = RandomCases.layer(LayerKind.IDS4, 2 + r.nextInt(2), r);
      if (layer.stateDim() < 3) {
        continue;
      }
      Ids4Layer l = (Ids4Layer) layer;
      long one = l.precision().saturate(1L << l.precision().fractionBits());
      layers++;
      boolean map = true;
      boolean bijective = true;
      for (int s = 0; s < l.vocabularySize(); s++) {
        boolean[] hit = new boolean[l.stateDim()];
        for (long[] row : l.rawA(s)) {
          int at = -1;
          for (int j = 0; j < row.length; j++) {
            if (row[j] != 0) {
              map &= at < 0 && row[j] == one;
              at = j;
            }
          }
          map &= at >= 0;
          if (at >= 0) {
            bijective &= !hit[at];
            hit[at] = true;
          }
        }
      }
      if (!map) {
        continue;
      }
      maps++;
      if (bijective) {
        permutations++;
        long[][] b = l.rawB();
        boolean sumsVanish = true;
        boolean nonZero = false;
        for (int s = 0; s < l.vocabularySize(); s++) {
          long sum = 0;
          for (long[] row : b) {
            sum += row[s];
            nonZero |= row[s] != 0;
          }
          sumsVanish &= sum == 0;
        }
        injectedLike += sumsVanish ? 1 : 0;
        permutationsNonZeroB += nonZero ? 1 : 0;
      }
    }
    assertShare(maps, layers, 7 / 8.0, 0.04, "maps");
    assertShare(permutations, maps, 4 / 7.0, 0.06, "permutations among maps");
    assertTrue(injectedLike > permutations * 0.45, "vanishing column sums: " + injectedLike + " of " + permutations);
    assertTrue(permutationsNonZeroB > permutations / 2, "non-zero B: " + permutationsNonZeroB + " of " + permutations);
  }

  /** Readouts reach every output token. */
  @Test
  void readoutsReachEveryToken() {
    SplittableRandom r = new SplittableRandom(16);
    boolean[] reached = new boolean[3];
    for (int i = 0; i < 50; i++) {
      Layer layer = RandomCases.layer(LayerKind.S4D, 2, r);
      Readout readout = RandomCases.readout(layer, 3, r);
      for (int token : readout.entryTokens()) {
        reached[token] = true;
      }
      reached[readout.defaultToken()] = true;
    }
    assertTrue(reached[0] && reached[1] && reached[2], Arrays.toString(reached));
  }

  /**
   * Every shape writes every position (an array filled with -1 beforehand ends in the vocabulary),
   * alternating sequences alternate two tokens that sometimes differ, sparse sequences are not
   * constant, periodic sequences mostly have more than one token, runs are at most n/2 long so that most run sequences are not constant, and random
   * batches are not all zero.
   */
  @Test
  void everyShapeWritesEveryPosition() {
    SplittableRandom r = new SplittableRandom(17);
    int alternatingDiffer = 0;
    int constantRuns = 0;
    int constantPeriodic = 0;
    for (int trial = 0; trial < 100; trial++) {
      for (RandomCases.Shape shape : RandomCases.Shape.values()) {
        int[] seq = new int[20];
        Arrays.fill(seq, -1);
        RandomCases.fill(seq, 50, shape, r);
        for (int x : seq) {
          assertTrue(x >= 0 && x < 50, shape + ": " + Arrays.toString(seq));
        }
        if (shape == RandomCases.Shape.ALTERNATING) {
          alternatingDiffer += seq[0] != seq[1] ? 1 : 0;
        } else if (shape == RandomCases.Shape.RUNS) {
          constantRuns += Arrays.stream(seq).distinct().count() == 1 ? 1 : 0;
        } else if (shape == RandomCases.Shape.PERIODIC) {
          constantPeriodic += Arrays.stream(seq).distinct().count() == 1 ? 1 : 0;
        }
      }
    }
    assertTrue(alternatingDiffer > 80, "alternating with two tokens: " + alternatingDiffer);
    assertTrue(constantRuns < 15, "constant run sequences: " + constantRuns);
    // periods of 1..4 random tokens: constant only for period 1 (a quarter) or equal tokens (rare)
    assertTrue(constantPeriodic < 45, "constant periodic sequences: " + constantPeriodic);
    int[] sparse = new int[400];
    RandomCases.fill(sparse, 50, RandomCases.Shape.SPARSE, r);
    assertTrue(Arrays.stream(sparse).distinct().count() > 10, "sparse: other tokens appear");
    int[][] batch = RandomCases.sequences(64, 10, 3, r);
    assertTrue(Arrays.stream(batch).flatMapToInt(Arrays::stream).anyMatch(x -> x != 0));
  }
}
