package illusion.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import illusion.number.Precision;
import java.math.BigInteger;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The evaluator's fast paths are taken exactly when their documented overflow bounds hold, and
 * give the reference outputs (Def. 2.1 on BigInteger fractions) whichever path is taken.
 */
class EvaluatorPathProperties {
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(62);

  /** A raw value of random magnitude up to 2^62 - 1, random sign. */
  private static long anyMagnitude(SplittableRandom rnd) {
    long v = rnd.nextLong(1L << 62) >> rnd.nextInt(62);
    return rnd.nextBoolean() ? v : -v;
  }

  /**
   * Linear layers with integer transitions run on longs exactly while the bound of LayerProgram
   * holds: with alpha the largest row sum of |A(σ)|, beta the largest |raw B| and gamma the
   * largest row sum of |raw C|, M_0 = 0 and M_t = alpha M_{t-1} + beta, the path for n tokens is
   * LONG iff M_n <= 2^62 and gamma M_n <= 2^62 (M_n computed here on BigInteger), SCALED
   * otherwise. Checked at a random length and at the largest length the bound allows and one
   * beyond it.
   */
  @Property(tries = 300)
  void longPathExactlyWhileTheBoundHolds(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int f = rnd.nextInt(4);
    Precision p = Precision.of(63, f);
    int d = 1 + rnd.nextInt(2);
    int v = 1 + rnd.nextInt(2);
    int maxA = rnd.nextInt(3); // integer transition entries in [-maxA, maxA]
    long[][] a = new long[d][d];
    BigInteger alpha = BigInteger.ZERO;
    for (int i = 0; i < d; i++) {
      BigInteger row = BigInteger.ZERO;
      for (int j = 0; j < d; j++) {
        long value = rnd.nextInt(2 * maxA + 1) - maxA;
        a[i][j] = value << f;
        row = row.add(BigInteger.valueOf(Math.abs(value)));
      }
      alpha = alpha.max(row);
    }
    long[][] b = new long[d][v];
    BigInteger beta = BigInteger.ZERO;
    for (int i = 0; i < d; i++) {
      for (int s = 0; s < v; s++) {
        b[i][s] = rnd.nextInt(8) == 0 ? 0 : anyMagnitude(rnd);
        beta = beta.max(BigInteger.valueOf(b[i][s]).abs());
      }
    }
    long[][] c = new long[1][d];
    BigInteger gamma = BigInteger.ZERO;
    for (int i = 0; i < d; i++) {
      c[0][i] = anyMagnitude(rnd);
      gamma = gamma.add(BigInteger.valueOf(c[0][i]).abs());
    }
    Layer layer = S4Layer.builder(p).a(a).b(b).c(c).build();
    Model model = Model.builder("m", v).add(layer, Readout.builder(new int[] {2}, 2).build()).build();
    Evaluator evaluator = Evaluator.of(model);

    long largest = largestLength(alpha, beta, gamma, 1L << 40);
    long[] lengths = {
      rnd.nextLong(1L << 40) >> rnd.nextInt(40), largest, largest + 1, 0, 1, 2
    };
    for (long n : lengths) {
      if (n < 0 || n > Integer.MAX_VALUE) {
        continue;
      }
      Evaluator.Path expected =
          fits(alpha, beta, gamma, n) ? Evaluator.Path.LONG : Evaluator.Path.SCALED;
      assertEquals(expected, evaluator.paths((int) n).get(0), () -> "n = " + n + ", " + layer);
    }
  }

  /** Whether M_n and gamma M_n are at most 2^62. */
  private static boolean fits(BigInteger alpha, BigInteger beta, BigInteger gamma, long n) {
    BigInteger m = bound(alpha, beta, n);
    return m.compareTo(LIMIT) <= 0 && gamma.multiply(m).compareTo(LIMIT) <= 0;
  }

  /** M_n, or the first M_t above 2^62 (the recurrence only grows). */
  private static BigInteger bound(BigInteger alpha, BigInteger beta, long n) {
    if (beta.signum() == 0) {
      return BigInteger.ZERO;
    }
    if (alpha.signum() == 0) {
      return n == 0 ? BigInteger.ZERO : beta;
    }
    if (alpha.equals(BigInteger.ONE)) {
      return beta.multiply(BigInteger.valueOf(n));
    }
    BigInteger m = BigInteger.ZERO;
    for (long t = 0; t < n && m.compareTo(LIMIT) <= 0; t++) {
      m = alpha.multiply(m).add(beta);
    }
    return m;
  }

  /** The largest n <= cap for which the bound holds (binary search; -1 if none). */
  private static long largestLength(BigInteger alpha, BigInteger beta, BigInteger gamma, long cap) {
    long lo = -1;
    long hi = cap + 1;
    while (hi - lo > 1) {
      long mid = (lo + hi) >>> 1;
      if (fits(alpha, beta, gamma, mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * RNN layers whose reachable states are too many for an automaton (a 13-channel shift register
   * of token signs) run on longs while |A h + B| and |C h + D| stay within 2^62 for every h in
   * {-1, 0, 1}^d, and exactly otherwise; either way the outputs and the final state are Def. 2.1's.
   */
  @Property(tries = 15)
  void signLayersBeyondTheAutomatonBound(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int d = 13;
    Precision p = Precision.of(63, 0);
    long top = (1L << 62) - 1;
    boolean bigA = rnd.nextInt(4) == 0;
    long[][] a = new long[d][d];
    for (int i = 1; i < d; i++) {
      a[i][i - 1] = bigA ? top : 1 + rnd.nextInt(3);
    }
    long input = rnd.nextBoolean() ? top : 1 + rnd.nextInt(1000);
    long[][] b = new long[d][2];
    b[0][0] = input;
    b[0][1] = -input;
    // C and D: their row sums at, just above or well below 2^62
    long[][] c = new long[1][d];
    long[][] dd = new long[1][2];
    int kind = rnd.nextInt(3);
    if (kind == 0) {
      c[0][0] = 1L << 61;
      c[0][d - 1] = -(1L << 60);
      dd[0][1] = (1L << 60) + rnd.nextInt(2); // gamma + delta = 2^62, or one more
    } else {
      for (int i = 0; i < d; i++) {
        c[0][i] = kind == 1 ? anyMagnitude(rnd) : rnd.nextInt(201) - 100;
      }
      dd[0][0] = rnd.nextInt(201) - 100;
    }
    RnnLayer layer = RnnLayer.builder(p).a(a).b(b).c(c).d(dd).build();
    Model model = Model.builder("m", 2).add(layer, Readout.builder(new int[] {3}, 3).build()).build();
    BigInteger alpha = BigInteger.ZERO;
    for (long[] row : a) {
      BigInteger sum = BigInteger.ZERO;
      for (long x : row) {
        sum = sum.add(BigInteger.valueOf(x).abs());
      }
      alpha = alpha.max(sum);
    }
    BigInteger gamma = BigInteger.ZERO;
    for (long x : c[0]) {
      gamma = gamma.add(BigInteger.valueOf(x).abs());
    }
    BigInteger delta = BigInteger.valueOf(Math.max(Math.abs(dd[0][0]), Math.abs(dd[0][1])));
    boolean fits =
        alpha.add(BigInteger.valueOf(input)).compareTo(LIMIT) <= 0
            && gamma.add(delta).compareTo(LIMIT) <= 0;
    Evaluator evaluator = Evaluator.of(model);
    assertEquals(fits ? Evaluator.Path.LONG : Evaluator.Path.EXACT, evaluator.paths(40).get(0));

    int[] x = new int[d + 1 + rnd.nextInt(8)];
    for (int t = 0; t < x.length; t++) {
      x[t] = rnd.nextInt(2);
    }
    Reference ref = Reference.run(layer, x);
    Trace trace = evaluator.trace(x);
    assertArrayEquals(ref.outputs, trace.outputs(0));
    assertArrayEquals(ref.finalState, Reference.of(trace.finalState(0)));
  }
}
