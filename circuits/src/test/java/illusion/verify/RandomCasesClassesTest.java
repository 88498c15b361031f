package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The transition entries, permutations and transformations of the random cases have the classes
 * and ranges their documentation gives, counted over seeded draws.
 */
class RandomCasesClassesTest {

  /**
   * Transition entries: 0, 1.0 and -1.0 one time in six each, uniform in [-2, 2] one time in six,
   * else (two times in six) uniform in [-1, 1]; so never beyond 2.0, and both above 1.0 and strictly inside (0, 1.0)
   * in magnitude, of both signs.
   */
  @Test
  void transitionsHaveTheirClasses() {
    SplittableRandom r = new SplittableRandom(7);
    Precision p = Precision.of(10, 3);
    long one = 8;
    int n = 12_000;
    int zeros = 0;
    int plusOne = 0;
    int minusOne = 0;
    int beyondOne = 0;
    int inside = 0;
    int negative = 0;
    for (int i = 0; i < n; i++) {
      long x = RandomCases.transition(p, r);
      assertTrue(Math.abs(x) <= 2 * one, "within ±2.0: " + x);
      zeros += x == 0 ? 1 : 0;
      plusOne += x == one ? 1 : 0;
      minusOne += x == -one ? 1 : 0;
      beyondOne += Math.abs(x) > one ? 1 : 0;
      inside += x != 0 && Math.abs(x) < one ? 1 : 0;
      negative += x < 0 ? 1 : 0;
    }
    // each point class 1/6, plus its share of the uniform classes (1/17 of [-1, 1] over 1/3 of draws, 1/33 of [-2, 2] over 1/6)
    double point = 1 / 6.0 + (1 / 3.0) / 17 + (1 / 6.0) / 33;
    assertShare(zeros, n, point, "zeros");
    assertShare(plusOne, n, point, "1.0");
    assertShare(minusOne, n, point, "-1.0");
    assertShare(beyondOne, n, (1 / 6.0) * 16 / 33, "beyond 1.0");
    assertShare(inside, n, (1 / 3.0) * 14 / 17 + (1 / 6.0) * 14 / 33, "inside (-1.0, 1.0)");
    assertShare(negative, n, 0.5 - point / 2, "negative");
  }

  /**
   * At 63 bits with 62 fraction bits neither 2.0 nor 1.0 fits: -1.0 is the minimum raw value and
   * is drawn only as the class -1.0 (one time in six), the uniform classes staying in range.
   */
  @Test
  void transitionsAtTheWidestPrecisionStayInRange() {
    SplittableRandom r = new SplittableRandom(8);
    Precision p = Precision.of(63, 62);
    int n = 6_000;
    int minimum = 0;
    int maximum = 0;
    for (int i = 0; i < n; i++) {
      long x = RandomCases.transition(p, r);
      assertTrue(p.fits(x));
      minimum += x == p.minRaw() ? 1 : 0;
      maximum += x == p.maxRaw() ? 1 : 0;
    }
    assertShare(minimum, n, 1 / 6.0, "-1.0");
    assertShare(maximum, n, 1 / 6.0, "1.0, saturated");
  }

  private static void assertShare(int count, int n, double expected, String what) {
    double share = (double) count / n;
    assertTrue(Math.abs(share - expected) < 0.025, what + ": " + share + ", expected about " + expected);
  }

  /** Permutations are bijections, and every one of the 3! permutations of three points is drawn. */
  @Test
  void permutationsAreBijectionsAndAllAreDrawn() {
    SplittableRandom r = new SplittableRandom(9);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 600; i++) {
      int d = 1 + i % 5;
      int[] p = RandomCases.permutation(d, r);
      int[] sorted = p.clone();
      Arrays.sort(sorted);
      for (int k = 0; k < d; k++) {
        assertEquals(k, sorted[k], Arrays.toString(p));
      }
      if (d == 3) {
        seen.add(Arrays.toString(p));
      }
    }
    assertEquals(6, seen.size());
  }

  /** Transformations map into the points, reach every point, and are sometimes not bijections. */
  @Test
  void transformationsReachEveryPoint() {
    SplittableRandom r = new SplittableRandom(10);
    boolean[] reached = new boolean[4];
    int collapsing = 0;
    for (int i = 0; i < 200; i++) {
      int[] f = RandomCases.transformation(4, r);
      assertEquals(4, f.length);
      for (int x : f) {
        assertTrue(x >= 0 && x < 4);
        reached[x] = true;
      }
      collapsing += Arrays.stream(f).distinct().count() < 4 ? 1 : 0;
    }
    assertTrue(reached[0] && reached[1] && reached[2] && reached[3]);
    assertTrue(collapsing > 100, "most maps of four points are not bijections: " + collapsing);
  }
}
