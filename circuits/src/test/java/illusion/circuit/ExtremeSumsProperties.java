package illusion.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Threshold gates are exact at every magnitude (DESIGN.md: integer weights and thresholds, no
 * overflow, no rounding). The simulator evaluates a sum per lane, bit-sliced, from small-sum tables
 * or, for evenly spaced thresholds, by one shift; it picks by term count, weight size and the
 * density of the words it last read, and must give way to exact arithmetic wherever a fast path
 * could overflow. Here every choice is checked against BigInteger sums computed from the builder
 * calls themselves.
 */
class ExtremeSumsProperties {
  private static final BigInteger TWO_40 = BigInteger.ONE.shiftLeft(40);
  private static final BigInteger TWO_62 = BigInteger.ONE.shiftLeft(62);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  /** Magnitudes at the edges of the simulator's fast paths. */
  private enum Scale {
    SMALL,
    NEAR_2_40,
    NEAR_2_62_SHARED,
    LONG_EDGE,
    /** One weight near Long.MAX_VALUE, one near Long.MIN_VALUE: both ends fit, the span does not. */
    WIDE,
    BEYOND_LONG
  }

  /** One term of the specification: input {@code input}, complemented or not, weight w. */
  private static final class Term {
    final int input;
    final boolean negated;
    final BigInteger w;

    Term(int input, boolean negated, BigInteger w) {
      this.input = input;
      this.negated = negated;
      this.w = w;
    }
  }

  /** One gate of the specification: [sum ≥ θ] or [sum ≤ θ] over the chain ending at sum. */
  private static final class Gate {
    final int sum;
    final BigInteger theta;
    final boolean atMost;
    final int literal;

    Gate(int sum, BigInteger theta, boolean atMost, int literal) {
      this.sum = sum;
      this.theta = theta;
      this.atMost = atMost;
      this.literal = literal;
    }
  }

  private static BigInteger signed(SplittableRandom r, BigInteger magnitude) {
    return r.nextBoolean() ? magnitude : magnitude.negate();
  }

  private static BigInteger weight(SplittableRandom r, Scale scale, int terms, int i) {
    if (scale == Scale.WIDE) {
      BigInteger room = BigInteger.valueOf(8L * terms + r.nextInt(3));
      return i == 0 ? LONG_MAX.subtract(room) : i == 1 ? LONG_MIN.add(room) : BigInteger.valueOf(r.nextInt(-7, 8));
    }
    if (r.nextInt(5) == 0) {
      scale = Scale.SMALL; // mixed magnitudes in one sum
    }
    BigInteger jitter = BigInteger.valueOf(r.nextInt(-2, 3));
    switch (scale) {
      case SMALL:
        return BigInteger.valueOf(r.nextInt(-7, 8));
      case NEAR_2_40:
        return signed(r, TWO_40.add(jitter));
      case NEAR_2_62_SHARED: // totals around 2^62, the bit-sliced accumulators' bound
        return signed(r, TWO_62.divide(BigInteger.valueOf(Math.max(1, terms - r.nextInt(2)))).add(jitter));
      case LONG_EDGE:
        return r.nextBoolean()
            ? LONG_MAX.subtract(BigInteger.valueOf(r.nextInt(3)))
            : LONG_MIN.add(BigInteger.valueOf(r.nextInt(3)));
      default:
        return signed(r, BigInteger.ONE.shiftLeft(63 + r.nextInt(8)).add(jitter));
    }
  }

  /** The exact value of sum {@code s}'s chain in {@code lane}. */
  private static BigInteger value(List<List<Term>> chain, int[] base, int s, long[] in, int lane) {
    BigInteger v = BigInteger.ZERO;
    for (int x = s; x >= 0; x = base[x]) {
      for (Term t : chain.get(x)) {
        boolean bit = (in[t.input] >>> lane & 1) != 0;
        if (bit != t.negated) {
          v = v.add(t.w);
        }
      }
    }
    return v;
  }

  private static BigInteger[] range(List<List<Term>> chain, int[] base, int s) {
    BigInteger min = BigInteger.ZERO;
    BigInteger max = BigInteger.ZERO;
    for (int x = s; x >= 0; x = base[x]) {
      for (Term t : chain.get(x)) {
        min = min.add(t.w.min(BigInteger.ZERO));
        max = max.add(t.w.max(BigInteger.ZERO));
      }
    }
    return new BigInteger[] {min, max};
  }

  private static boolean fitsLong(BigInteger v) {
    return v.bitLength() < 64;
  }

  /**
   * Sums of 0 to 40 terms (so both sides of the bit-sliced threshold of 8 terms), extended in
   * chains of up to three, with weights near 2^40, near 2^62 / terms, at the ends of the long range
   * and beyond it, complemented and repeated inputs; thresholds at and around each sum's extremes,
   * at the long limits, at random reachable values, and evenly spaced (power-of-two steps up to
   * 2^62, as thermometers are): in every lane of dense, sparse, all-zero and all-one passes over
   * one simulator, each gate equals the BigInteger comparison of the specified sum.
   */
  @Property(tries = 40)
  void everyGateIsExactAtEveryMagnitude(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int inputs = 1 + r.nextInt(48);
    CircuitBuilder b = new CircuitBuilder();
    int[] x = new int[inputs];
    for (int i = 0; i < inputs; i++) {
      x[i] = b.input("x" + i);
    }
    int sums = 1 + r.nextInt(3);
    List<List<Term>> chain = new ArrayList<>();
    int[] base = new int[sums];
    CircuitBuilder.Sum[] built = new CircuitBuilder.Sum[sums];
    List<Gate> gates = new ArrayList<>();
    for (int s = 0; s < sums; s++) {
      Scale scale = Scale.values()[r.nextInt(Scale.values().length)];
      int k = r.nextInt(4) == 0 ? r.nextInt(8) : 8 + r.nextInt(33);
      List<Term> terms = new ArrayList<>();
      int[] lits = new int[k];
      BigInteger[] w = new BigInteger[k];
      boolean allLong = true;
      for (int i = 0; i < k; i++) {
        Term t = new Term(r.nextInt(inputs), r.nextInt(4) == 0, weight(r, scale, k, i));
        terms.add(t);
        lits[i] = t.negated ? CircuitBuilder.negate(x[t.input]) : x[t.input];
        w[i] = t.w;
        allLong &= fitsLong(t.w);
      }
      chain.add(terms);
      base[s] = s == 0 || r.nextInt(3) == 0 ? -1 : r.nextInt(s);
      boolean asLongs = allLong && r.nextBoolean();
      long[] lw = asLongs ? longs(w) : null;
      built[s] =
          base[s] < 0
              ? (asLongs ? b.sum(lw, lits) : b.sum(w, lits))
              : (asLongs ? b.extend(built[base[s]], lw, lits) : b.extend(built[base[s]], w, lits));
      BigInteger[] mm = range(chain, base, s);
      int count = 1 + r.nextInt(10);
      boolean even = r.nextBoolean();
      BigInteger step = BigInteger.ONE.shiftLeft(r.nextInt(4) == 0 ? 40 + r.nextInt(23) : r.nextInt(6));
      BigInteger start = edge(r, mm);
      boolean evenAtMost = r.nextBoolean();
      for (int g = 0; g < count; g++) {
        BigInteger theta = even ? start.add(step.multiply(BigInteger.valueOf(g))) : edge(r, mm);
        if (!even && r.nextInt(3) == 0) {
          // a value the sum takes, or next to one
          theta = value(chain, base, s, randomWords(r, inputs), 0).add(BigInteger.valueOf(r.nextInt(-1, 2)));
        }
        boolean atMost = even ? evenAtMost : r.nextBoolean();
        boolean asLong = fitsLong(theta) && r.nextBoolean();
        int literal =
            atMost
                ? (asLong ? b.atMost(built[s], theta.longValueExact()) : b.atMost(built[s], theta))
                : (asLong ? b.atLeast(built[s], theta.longValueExact()) : b.atLeast(built[s], theta));
        gates.add(new Gate(s, theta, atMost, literal));
      }
    }
    for (int g = 0; g < gates.size(); g++) {
      b.output("g" + g, gates.get(g).literal);
    }
    Circuit c = b.build();
    Simulator sim = Simulator.of(c);
    for (int pass = 0; pass < 5; pass++) {
      long[] in = new long[inputs];
      for (int i = 0; i < inputs; i++) {
        switch (pass % 4) {
          case 0:
            in[i] = r.nextLong();
            break;
          case 1:
            in[i] = r.nextLong() & r.nextLong() & r.nextLong() & r.nextLong();
            break;
          case 2:
            in[i] = 0;
            break;
          default:
            in[i] = -1L;
        }
      }
      long[] out = sim.simulate(in);
      for (int lane = 0; lane < 64; lane++) {
        BigInteger[] v = new BigInteger[sums];
        for (int s = 0; s < sums; s++) {
          v[s] = value(chain, base, s, in, lane);
        }
        for (int g = 0; g < gates.size(); g++) {
          Gate gate = gates.get(g);
          int cmp = v[gate.sum].compareTo(gate.theta);
          boolean expected = gate.atMost ? cmp <= 0 : cmp >= 0;
          assertEquals(expected, (out[g] >>> lane & 1) != 0, "pass " + pass + ", lane " + lane + ", gate " + g);
        }
      }
    }
  }

  private static long[] randomWords(SplittableRandom r, int inputs) {
    long[] in = new long[inputs];
    for (int i = 0; i < inputs; i++) {
      in[i] = r.nextLong();
    }
    return in;
  }

  /** A threshold at or next to the sum's extremes or the long limits. */
  private static BigInteger edge(SplittableRandom r, BigInteger[] mm) {
    BigInteger one = BigInteger.valueOf(r.nextInt(-1, 2));
    switch (r.nextInt(5)) {
      case 0:
        return mm[0].add(one);
      case 1:
        return mm[1].add(one);
      case 2:
        return LONG_MAX.add(one);
      case 3:
        return LONG_MIN.add(one);
      default:
        BigInteger span = mm[1].subtract(mm[0]).add(BigInteger.ONE);
        return mm[0].add(new BigInteger(span.bitLength() + 8, new java.util.Random(r.nextLong())).mod(span));
    }
  }

  private static long[] longs(BigInteger[] w) {
    long[] l = new long[w.length];
    for (int i = 0; i < w.length; i++) {
      l[i] = w[i].longValueExact();
    }
    return l;
  }

  /**
   * Evaluating many assignments packs them 64 per pass: for any count (a partial last pass, several
   * passes), row a of the result is the single-assignment evaluation of assignment a.
   */
  @Property(tries = 10)
  void manyAssignmentsEqualOneAtATime(@ForAll long seed, @ForAll @IntRange(min = 1, max = 150) int rows) {
    RandomCircuits rc = RandomCircuits.generate(seed, 10, 40);
    Circuit c = rc.circuit();
    Simulator sim = Simulator.of(c);
    SplittableRandom r = new SplittableRandom(seed);
    boolean[][] assignments = new boolean[rows][c.inputCount()];
    for (boolean[] row : assignments) {
      for (int i = 0; i < row.length; i++) {
        row[i] = r.nextBoolean();
      }
    }
    boolean[][] many = sim.evaluate(assignments);
    assertEquals(rows, many.length);
    for (int a = 0; a < rows; a++) {
      assertArrayEquals(rc.expected(assignments[a]), many[a], "assignment " + a);
    }
  }

  /** Inputs of the wrong arity are refused, naming both counts, whichever entry point is used. */
  @Test
  void wrongArityIsRefused() {
    CircuitBuilder b = new CircuitBuilder();
    int[] x = b.inputs("a", "b", "c");
    b.output("y", b.and(x));
    Simulator sim = Simulator.of(b.build());
    String one = assertThrows(IllegalArgumentException.class, () -> sim.evaluate(new boolean[2])).getMessage();
    assertTrue(one.contains("2") && one.contains("3"), one);
    String words = assertThrows(IllegalArgumentException.class, () -> sim.simulate(new long[4])).getMessage();
    assertTrue(words.contains("4") && words.contains("3"), words);
    boolean[][] rows = new boolean[70][3];
    rows[66] = new boolean[5];
    String many = assertThrows(IllegalArgumentException.class, () -> sim.evaluate(rows)).getMessage();
    assertTrue(many.contains("assignment 66") && many.contains("5"), many);
    assertTrue(Simulator.of(b.build()).circuit().equals(sim.circuit()));
  }
}
