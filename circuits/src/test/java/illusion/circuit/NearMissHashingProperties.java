package illusion.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Structural hashing may merge two builder calls only when they describe the same structure. Here
 * every call differs from an earlier one in exactly one attribute (the base of a sum, one term
 * more or less, one term's node or weight, a weight beyond the long range, θ by one, the
 * comparison direction, the gate kind, one fan-in or its polarity), which is where a hash
 * collision resolved by an incomplete equality test would merge them; a builder whose hashes all
 * collide makes every lookup such a collision. Each call's literal must still compute its own
 * specification on every assignment.
 */
class NearMissHashingProperties {
  private static final BigInteger BIG = BigInteger.ONE.shiftLeft(70);

  /** A sum's specification: its base (index into the list, or -1) and terms. */
  private static final class SumSpec {
    final int base;
    final int[] inputs; // input index, complemented as ~i
    final BigInteger[] w;
    CircuitBuilder.Sum built;

    SumSpec(int base, int[] inputs, BigInteger[] w) {
      this.base = base;
      this.inputs = inputs;
      this.w = w;
    }
  }

  private final List<SumSpec> sums = new ArrayList<>();
  private final List<long[]> checks = new ArrayList<>(); // {literal, expected word}

  private static long word(long[] in, int a) {
    return a < 0 ? ~in[~a] : in[a];
  }

  private BigInteger value(int s, long[] in, int lane) {
    BigInteger v = BigInteger.ZERO;
    for (int x = s; x >= 0; x = sums.get(x).base) {
      SumSpec spec = sums.get(x);
      for (int i = 0; i < spec.inputs.length; i++) {
        if ((word(in, spec.inputs[i]) >>> lane & 1) != 0) {
          v = v.add(spec.w[i]);
        }
      }
    }
    return v;
  }

  private static int literal(int[] x, int a) {
    return a < 0 ? CircuitBuilder.negate(x[~a]) : x[a];
  }

  private int addSum(CircuitBuilder b, int[] x, SumSpec spec) {
    int[] lits = new int[spec.inputs.length];
    for (int i = 0; i < lits.length; i++) {
      lits[i] = literal(x, spec.inputs[i]);
    }
    boolean small = Arrays.stream(spec.w).allMatch(v -> v.bitLength() < 64);
    long[] lw = small ? Arrays.stream(spec.w).mapToLong(BigInteger::longValueExact).toArray() : null;
    if (spec.base < 0) {
      spec.built = small ? b.sum(lw, lits) : b.sum(spec.w, lits);
    } else {
      CircuitBuilder.Sum base = sums.get(spec.base).built;
      spec.built = small ? b.extend(base, lw, lits) : b.extend(base, spec.w, lits);
    }
    sums.add(spec);
    return sums.size() - 1;
  }

  private SumSpec nearMiss(SplittableRandom r, SumSpec s, int inputs) {
    int[] in = s.inputs.clone();
    BigInteger[] w = s.w.clone();
    int base = s.base;
    int k = in.length;
    switch (r.nextInt(6)) {
      case 0: // another base, or none
        base = base >= 0 && r.nextBoolean() ? -1 : r.nextInt(sums.size());
        break;
      case 1: // one term more
        in = Arrays.copyOf(in, k + 1);
        w = Arrays.copyOf(w, k + 1);
        in[k] = r.nextInt(inputs);
        w[k] = BigInteger.valueOf(r.nextInt(1, 4));
        break;
      case 2: // one term less
        if (k > 1) {
          in = Arrays.copyOf(in, k - 1);
          w = Arrays.copyOf(w, k - 1);
        }
        break;
      case 3: // one term's node or its polarity
        if (k > 0) {
          int i = r.nextInt(k);
          in[i] = r.nextBoolean() ? ~in[i] : (in[i] < 0 ? ~((~in[i] + 1) % inputs) : (in[i] + 1) % inputs);
        }
        break;
      case 4: // one weight by one
        if (k > 0) {
          int i = r.nextInt(k);
          w[i] = w[i].add(BigInteger.valueOf(r.nextBoolean() ? 1 : -1));
        }
        break;
      default: // one weight beyond the long range
        if (k > 0) {
          w[r.nextInt(k)] = r.nextBoolean() ? BIG : BIG.negate();
        }
    }
    return new SumSpec(base, in, w);
  }

  /**
   * For 1 to 6 inputs and a few dozen near-miss sums, thresholds and AND/OR/MAJ gates, every
   * literal returned computes its own specification on all 2^k assignments (so no two
   * structures that differ were merged).
   */
  @Property(tries = 150)
  void nearMissesAreNeverMerged(@ForAll long seed, @ForAll boolean colliding) {
    new NearMissHashingProperties().trial(seed, colliding);
  }

  private void trial(long seed, boolean colliding) {
    SplittableRandom r = new SplittableRandom(seed);
    int inputs = 1 + r.nextInt(6);
    CircuitBuilder b = colliding ? CircuitBuilder.withCollidingHashes() : new CircuitBuilder();
    int[] x = new int[inputs];
    long[] in = new long[inputs];
    for (int i = 0; i < inputs; i++) {
      x[i] = b.input("x" + i);
      for (int lane = 0; lane < 64; lane++) {
        in[i] |= (long) (lane >>> i & 1) << lane;
      }
    }
    int k0 = 1 + r.nextInt(5);
    int[] firstIn = new int[k0];
    BigInteger[] firstW = new BigInteger[k0];
    for (int i = 0; i < k0; i++) {
      firstIn[i] = r.nextInt(4) == 0 ? ~r.nextInt(inputs) : r.nextInt(inputs);
      firstW[i] = BigInteger.valueOf(r.nextInt(-3, 4));
    }
    addSum(b, x, new SumSpec(-1, firstIn, firstW));
    List<int[]> gateSpecs = new ArrayList<>(); // {kind, literal specs...}
    int steps = 10 + r.nextInt(30);
    for (int step = 0; step < steps; step++) {
      int s = r.nextInt(sums.size());
      if (r.nextInt(3) == 0) {
        s = addSum(b, x, nearMiss(r, sums.get(s), inputs));
      }
      // θ near a value the sum takes, both directions
      BigInteger theta = value(s, in, r.nextInt(64)).add(BigInteger.valueOf(r.nextInt(-1, 2)));
      for (int d = 0; d < 2; d++) {
        boolean atMost = d == 1;
        int lit = atMost ? b.atMost(sums.get(s).built, theta) : b.atLeast(sums.get(s).built, theta);
        long expected = 0;
        for (int lane = 0; lane < 64; lane++) {
          int cmp = value(s, in, lane).compareTo(theta);
          expected |= (atMost ? cmp <= 0 : cmp >= 0) ? 1L << lane : 0;
        }
        checks.add(new long[] {lit, expected});
      }
      // a gate, and one differing in kind, one fan-in, its polarity, or its length
      int[] fan = new int[1 + r.nextInt(5)];
      for (int i = 0; i < fan.length; i++) {
        fan[i] = r.nextBoolean() ? ~r.nextInt(inputs) : r.nextInt(inputs);
      }
      int kind = r.nextInt(3);
      gate(b, x, in, kind, fan);
      int[] other = fan.clone();
      int i = r.nextInt(fan.length);
      switch (r.nextInt(4)) {
        case 0:
          kind = (kind + 1 + r.nextInt(2)) % 3;
          break;
        case 1:
          other[i] = ~other[i];
          break;
        case 2:
          other = Arrays.copyOf(other, other.length + 1);
          other[other.length - 1] = r.nextInt(inputs);
          break;
        default:
          other[i] = other[i] < 0 ? ~((~other[i] + 1) % inputs) : (other[i] + 1) % inputs;
      }
      gate(b, x, in, kind, other);
    }
    int sumCount = b.sumCount();
    Circuit c = b.build();
    assertEquals(sumCount, c.sumCount());
    assertTrue(sumCount <= sums.size(), sumCount + " sums stored for " + sums.size() + " asked");
    long[] words = Simulator.of(c).simulateNodes(in);
    for (long[] check : checks) {
      int lit = (int) check[0];
      long got = words[Literals.node(lit)] ^ (Literals.isNegated(lit) ? -1L : 0L);
      assertEquals(check[1], got, "literal " + lit);
    }
  }

  private void gate(CircuitBuilder b, int[] x, long[] in, int kind, int[] fan) {
    int[] lits = new int[fan.length];
    long[] w = new long[fan.length];
    for (int i = 0; i < fan.length; i++) {
      lits[i] = literal(x, fan[i]);
      w[i] = word(in, fan[i]);
    }
    int lit;
    long expected = 0;
    for (int lane = 0; lane < 64; lane++) {
      int ones = 0;
      for (long v : w) {
        ones += (int) (v >>> lane & 1);
      }
      boolean value = kind == 0 ? ones == fan.length : kind == 1 ? ones > 0 : 2 * ones > fan.length;
      expected |= value ? 1L << lane : 0;
    }
    lit = kind == 0 ? b.and(lits) : kind == 1 ? b.or(lits) : b.maj(lits);
    checks.add(new long[] {lit, expected});
  }
}
