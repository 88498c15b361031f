package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Ids4Layer;
import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import illusion.ssm.S4Layer;
import illusion.ssm.SelectiveLayer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The random cases reach the corners their documentation lists (every precision class, the
 * parameter classes zero, ±1 raw, ±1.0 and the extremes, every sequence shape), since the
 * exactness check finds only what they reach. Counted over thousands of seeded draws.
 */
class RandomCasesCoverageTest {

  /** Observed minimum and maximum. */
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

  @Test
  void precisionsCoverEveryWidthAndKeepOneWhenAsked() {
    SplittableRandom r = new SplittableRandom(1);
    Range bits = new Range();
    Range gapWithOne = new Range();
    int narrow = 0;
    int medium = 0;
    int coarseWide = 0;
    int wide = 0;
    int n = 20000;
    for (int i = 0; i < n; i++) {
      boolean needsOne = i % 2 == 0;
      Precision p = RandomCases.precision(r, needsOne);
      bits.add(p.bits());
      if (needsOne) {
        gapWithOne.add(p.bits() - p.fractionBits());
        assertTrue(p.fits(1L << p.fractionBits()), p.toString());
      }
      if (p.bits() <= 8) {
        narrow++;
      } else if (p.bits() <= 16) {
        medium++;
      }
      if (p.bits() > 12) {
        wide++;
        coarseWide += p.fractionBits() <= 3 ? 1 : 0;
      }
    }
    bits.assertIs(2, 63, "bits");
    gapWithOne.assertIs(2, 63, "p - f when 1.0 is needed");
    assertShare(narrow, n, 13 / 20.0, "2..8 bits");
    assertShare(medium, n, 5 / 20.0, "9..16 bits");
    assertTrue(coarseWide > wide / 2, "wide precisions are often coarse: " + coarseWide + " of " + wide);
  }

  private static void assertShare(int count, int n, double expected, String what) {
    double share = (double) count / n;
    assertTrue(Math.abs(share - expected) < 0.03, what + ": " + share + ", expected about " + expected);
  }

  /** Parameters: 3/10 zero, 1/10 ±1 raw, 1/10 ±1.0, the range's extremes (narrow p), else uniform. */
  @Test
  void parametersReachEveryClass() {
    SplittableRandom r = new SplittableRandom(2);
    Precision narrow = Precision.of(8, 3);
    Precision wide = Precision.of(20, 5);
    int n = 20000;
    int zeros = 0;
    int units = 0;
    int ones = 0;
    int extremes = 0;
    Range uniform = new Range();
    for (int i = 0; i < n; i++) {
      long x = RandomCases.parameter(narrow, 20, r);
      zeros += x == 0 ? 1 : 0;
      units += Math.abs(x) == 1 ? 1 : 0;
      ones += Math.abs(x) == 8 ? 1 : 0;
      extremes += x == narrow.maxRaw() || x == narrow.minRaw() ? 1 : 0;
      long y = RandomCases.parameter(wide, 20, r);
      assertTrue(Math.abs(y) <= 32, "wide: ±1.0 or within the bound: " + y);
      if (Math.abs(y) != 32) {
        uniform.add(y);
      }
    }
    assertTrue(zeros > 0.3 * n, "zeros " + zeros);
    assertTrue(units > 0.1 * n, "±1 raw " + units);
    assertTrue(ones > 0.1 * n, "±1.0 " + ones);
    assertShare(extremes, n, 0.1, "range extremes");
    uniform.assertIs(-20, 20, "uniform below the bound");
    assertEquals(63, RandomCases.magnitude(Precision.of(7, 0), r));
    Range magnitude = new Range();
    for (int i = 0; i < 200; i++) {
      magnitude.add(RandomCases.magnitude(Precision.of(40, 2), r));
    }
    magnitude.assertIs(63, 255, "magnitude of wide precisions");
    assertEquals(1, RandomCases.magnitude(Precision.of(2, 0), r));
  }

  @Test
  void layersReachTheirDocumentedShapes() {
    SplittableRandom r = new SplittableRandom(3);
    Range d = new Range();
    Range m = new Range();
    int delayLines = 0;
    int s4 = 0;
    Set<Long> baseClasses = new HashSet<>();
    boolean maxExponent = false;
    int ids4Maps = 0;
    int ids4 = 0;
    for (int i = 0; i < 4000; i++) {
      LayerKind kind = LayerKind.values()[i % LayerKind.values().length];
      Layer layer = RandomCases.layer(kind, 1 + r.nextInt(4), r);
      long one = 1L << layer.precision().fractionBits();
      d.add(layer.stateDim());
      m.add(layer.outputDim());
      if (layer instanceof S4Layer s) {
        s4++;
        long[][] a = s.rawA();
        boolean delay = layer.stateDim() > 1;
        for (int row = 0; row < a.length; row++) {
          for (int col = 0; col < a.length; col++) {
            delay &= a[row][col] == (row == col + 1 ? layer.precision().saturate(one) : 0);
          }
        }
        delayLines += delay ? 1 : 0;
      } else if (layer instanceof SelectiveLayer s) {
        for (long base : s.rawBase()) {
          if (one >= 4) {
            baseClasses.add(base == one ? 1L : base == -one ? -1L : base == 0 ? 0L : Math.abs(base) == one / 2 ? 2L : 3L);
          }
        }
        maxExponent |= Arrays.stream(s.exponents()).flatMapToInt(Arrays::stream).anyMatch(e -> e > 3);
        assertTrue(Arrays.stream(s.exponents()).flatMapToInt(Arrays::stream).allMatch(e -> e >= -1 && e <= 64));
      } else if (layer instanceof Ids4Layer l) {
        ids4++;
        boolean maps = true;
        for (int t = 0; t < l.vocabularySize(); t++) {
          for (long[] row : l.rawA(t)) {
            maps &= Arrays.stream(row).filter(x -> x != 0).count() == 1;
          }
        }
        ids4Maps += maps ? 1 : 0;
      }
    }
    d.assertIs(1, 5, "d");
    m.assertIs(1, 3, "m");
    assertTrue(delayLines > s4 / 10, "delay lines " + delayLines + " of " + s4);
    assertEquals(Set.of(-1L, 0L, 1L, 2L, 3L), baseClasses);
    assertTrue(maxExponent, "some selective layer allows exponents up to 64");
    assertTrue(ids4Maps > ids4 * 3 / 4, "IDS4 maps " + ids4Maps + " of " + ids4);
  }

  @Test
  void modelsAndLengths() {
    SplittableRandom r = new SplittableRandom(4);
    int twoLayers = 0;
    Range vocab = new Range();
    for (int i = 0; i < 800; i++) {
      Model model = RandomCases.model(LayerKind.S4D, 6, r);
      assertEquals(LayerKind.S4D, model.layer(0).kind());
      assertEquals("random-s4d", model.name());
      twoLayers += model.depth() == 2 ? 1 : 0;
      vocab.add(model.inputVocabulary());
      Arrays.stream(model.readout(0).moduli()).forEach(x -> assertTrue(x >= 1 && x <= 4));
    }
    vocab.assertIs(1, 6, "input vocabulary");
    assertShare(twoLayers, 800, 1 / 8.0, "two-layer models");
    Range length = new Range();
    int short12 = 0;
    for (int i = 0; i < 2000; i++) {
      int n = RandomCases.length(100, r);
      length.add(n);
      short12 += n <= 12 ? 1 : 0;
    }
    length.assertIs(1, 100, "lengths");
    assertTrue(short12 > 1500, "mostly short: " + short12);
    assertEquals(1, RandomCases.length(1, r));
  }

  /** Every word of a small space appears, in lexicographic order, cycling when there are fewer. */
  @Test
  void smallSpacesAreListedInOrder() {
    SplittableRandom r = new SplittableRandom(5);
    int[][] s = RandomCases.sequences(20, 2, 3, r);
    for (int k = 0; k < 20; k++) {
      int code = k % 9;
      assertArrayEquals(new int[] {code / 3, code % 3}, s[k]);
    }
    int[][] exact = RandomCases.sequences(8, 3, 2, r);
    for (int k = 0; k < 8; k++) {
      assertArrayEquals(new int[] {k >> 2 & 1, k >> 1 & 1, k & 1}, exact[k]);
    }
  }

  /** Each shape has its defining pattern. */
  @Test
  void shapesHaveTheirPatterns() {
    SplittableRandom r = new SplittableRandom(6);
    for (int trial = 0; trial < 200; trial++) {
      int vocab = 2 + r.nextInt(5);
      int n = 8 + r.nextInt(20);
      int[] seq = new int[n];
      RandomCases.fill(seq, vocab, RandomCases.Shape.CONSTANT, r);
      assertEquals(1, Arrays.stream(seq).distinct().count());
      RandomCases.fill(seq, vocab, RandomCases.Shape.ALTERNATING, r);
      for (int t = 2; t < n; t++) {
        assertEquals(seq[t - 2], seq[t]);
      }
      RandomCases.fill(seq, vocab, RandomCases.Shape.RAMP, r);
      for (int t = 1; t < n; t++) {
        assertEquals((seq[t - 1] + 1) % vocab, seq[t]);
      }
      RandomCases.fill(seq, vocab, RandomCases.Shape.PERIODIC, r);
      boolean periodic = false;
      for (int period = 1; period <= 4 && !periodic; period++) {
        boolean ok = true;
        for (int t = period; t < n; t++) {
          ok &= seq[t] == seq[t - period];
        }
        periodic = ok;
      }
      assertTrue(periodic, Arrays.toString(seq));
      for (RandomCases.Shape shape : RandomCases.Shape.values()) {
        RandomCases.fill(seq, vocab, shape, r);
        assertTrue(Arrays.stream(seq).allMatch(x -> x >= 0 && x < vocab));
      }
    }
    // a sparse sequence is mostly one token
    int[] sparse = new int[2000];
    RandomCases.fill(sparse, 50, RandomCases.Shape.SPARSE, r);
    int[] counts = new int[50];
    Arrays.stream(sparse).forEach(x -> counts[x]++);
    assertTrue(Arrays.stream(counts).max().getAsInt() > 1500, "sparse");
    // runs of a long sequence are longer than one token on average
    int[] runs = new int[2000];
    RandomCases.fill(runs, 50, RandomCases.Shape.RUNS, r);
    int changes = 0;
    for (int t = 1; t < runs.length; t++) {
      changes += runs[t] != runs[t - 1] ? 1 : 0;
    }
    assertTrue(changes < 100, "runs: " + changes + " changes");
  }
}
