package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import illusion.circuit.CircuitBuilder;
import illusion.number.Dyadic;
import illusion.number.Precision;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The output stage's term groups know the exact range of their value (computed here by brute
 * force over every assignment the groups allow), refuse malformed groups with the counts, and a
 * value whose range rounds to one number costs no gate.
 */
class OutputStageTest {
  private static final Precision P = Precision.of(8, 2);

  private static void assertRefused(Executable call, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  private static Dyadic random(Random r) {
    return r.nextInt(4) == 0 ? Dyadic.ZERO : Dyadic.of(r.nextInt(41) - 20, r.nextInt(3));
  }

  /** The values a group can contribute: each choice of at most (or exactly) one literal. */
  private static List<Dyadic> options(Dyadic[] w, boolean exactlyOne) {
    List<Dyadic> v = new ArrayList<>();
    if (!exactlyOne) {
      v.add(Dyadic.ZERO);
    }
    for (Dyadic x : w) {
      v.add(x);
    }
    return v;
  }

  /**
   * {@code min()} and {@code max()} are the least and greatest values of the constant plus one
   * option per group (a single term: 0 or its weight; a choice: one of its weights, or none when
   * at most one; a bounded group: its given ends), and {@code size()} counts the non-zero weights.
   */
  @Test
  void rangeIsTheExtremeOverEveryAllowedAssignment() {
    Random r = new Random(17);
    for (int trial = 0; trial < 300; trial++) {
      OutputStage.Terms terms = new OutputStage.Terms();
      Dyadic lo = Dyadic.ZERO;
      Dyadic hi = Dyadic.ZERO;
      int nonZero = 0;
      int groups = r.nextInt(5);
      for (int g = 0; g < groups; g++) {
        int kind = r.nextInt(4);
        int size = 1 + r.nextInt(3);
        Dyadic[] w = new Dyadic[size];
        int[] lits = new int[size];
        for (int k = 0; k < size; k++) {
          w[k] = random(r);
          lits[k] = k;
        }
        List<Dyadic> values;
        if (kind != 0) {
          nonZero += countNonZero(w);
        }
        if (kind == 0) {
          assertSame(terms, terms.add(0, w[0]));
          nonZero += w[0].signum() != 0 ? 1 : 0;
          values = options(new Dyadic[] {w[0]}, false);
        } else if (kind == 1 || kind == 2) {
          assertSame(terms, terms.addChoice(lits, w, kind == 1));
          values = options(w, kind == 1);
        } else {
          Dyadic a = random(r);
          Dyadic b = random(r);
          Dyadic l = a.compareTo(b) <= 0 ? a : b;
          Dyadic h = a.compareTo(b) <= 0 ? b : a;
          assertSame(terms, terms.addBounded(lits, w, l, h));
          values = List.of(l, h);
        }
        lo = lo.add(values.stream().min(Dyadic::compareTo).orElseThrow());
        hi = hi.add(values.stream().max(Dyadic::compareTo).orElseThrow());
      }
      Dyadic c = random(r);
      terms.constant(c);
      assertEquals(lo.add(c), terms.min());
      assertEquals(hi.add(c), terms.max());
      assertEquals(nonZero, terms.size());
    }
  }

  private static int countNonZero(Dyadic[] w) {
    int k = 0;
    for (Dyadic x : w) {
      k += x.signum() != 0 ? 1 : 0;
    }
    return k;
  }

  @Test
  void malformedGroupsAreRefused() {
    OutputStage.Terms terms = new OutputStage.Terms();
    Dyadic[] one = {Dyadic.ONE};
    assertRefused(() -> terms.addChoice(new int[] {1, 2}, one, false), "2 literals, 1 weights");
    assertRefused(() -> terms.addChoice(new int[0], new Dyadic[0], true), "an exactly-one choice needs a literal");
    terms.addChoice(new int[0], new Dyadic[0], false); // at most one of none: nothing
    assertEquals(Dyadic.ZERO, terms.max());
    assertRefused(() -> terms.addBounded(new int[] {1}, new Dyadic[0], Dyadic.ZERO, Dyadic.ONE), "1 literals, 0 weights");
    assertRefused(() -> terms.addBounded(new int[] {1}, one, Dyadic.ONE, Dyadic.ZERO), "empty range [1, 0]");
    terms.addBounded(new int[] {1}, one, Dyadic.ONE, Dyadic.ONE); // a single point is a range
    assertEquals(Dyadic.ONE, terms.min());
    Dyadic half = Dyadic.of(1, 1);
    assertRefused(() -> OutputStage.integral(half, 0), "weight " + half + " is not integral after scaling by 2^0");
    assertEquals(BigInteger.ONE, OutputStage.integral(half, 1));
    CircuitBuilder b = new CircuitBuilder();
    CircuitBuilder.Sum sum = b.sum(new long[] {1}, new int[] {b.input("x")});
    assertRefused(
        () -> OutputStage.thermometer(b, P, sum, 0, BigInteger.ZERO, 0, Integer.MAX_VALUE),
        "an output ranging over [0, " + Integer.MAX_VALUE + "] needs too many thermometer gates");
  }

  /** The least shift s with {@code 2^(f+s) w} integral, found here by trying every s. */
  @Test
  void shiftIsTheLeastThatMakesWeightsIntegral() {
    for (int f = 0; f <= 4; f++) {
      Precision p = Precision.of(8, f);
      for (int scale = 0; scale <= 8; scale++) {
        Dyadic w = Dyadic.of(1, scale);
        int least = 0;
        while (!w.shiftLeft(f + least).isInteger()) {
          least++;
        }
        assertEquals(least, OutputStage.shiftFor(p, scale), "f = " + f + ", scale " + scale);
      }
    }
  }

  /**
   * Terms whose whole range rounds to one value (here within one raw step of 0) need no
   * thermometer: the output is a constant, no weighted sum is built, and the projection counts none.
   */
  @Test
  void aRangeThatRoundsToOneValueCostsNoGate() {
    CircuitBuilder b = new CircuitBuilder();
    int[] x = b.inputs("x0", "x1");
    Dyadic eighth = Dyadic.of(1, 3); // below one raw step 1/4
    OutputStage.Terms terms = new OutputStage.Terms().addChoice(x, new Dyadic[] {Dyadic.ZERO, eighth}, true);
    RoundedOutput out = OutputStage.round(b, P, terms);
    assertEquals(0, b.sumCount(), "no weighted sum, so no threshold over one");
    assertEquals(0, out.min());
    assertEquals(0, out.max());
    assertEquals(
        SizeEstimate.ZERO,
        OutputStage.estimate(P, terms.size(), OutputStage.levels(P, terms.min(), terms.max()), true));
  }
}
