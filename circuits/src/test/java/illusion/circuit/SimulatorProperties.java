package illusion.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class SimulatorProperties {

  /** All 2^k assignments of k ≤ 6 inputs as one word per input (lane j = assignment j). */
  private static long[] exhaustiveWords(int k) {
    long[] words = new long[k];
    for (int lane = 0; lane < 64; lane++) {
      int a = lane & ((1 << k) - 1);
      for (int i = 0; i < k; i++) {
        if ((a >>> i & 1) != 0) {
          words[i] |= 1L << lane;
        }
      }
    }
    return words;
  }

  private static boolean[] lane(long[] words, int lane) {
    boolean[] b = new boolean[words.length];
    for (int i = 0; i < words.length; i++) {
      b[i] = (words[i] >>> lane & 1) != 0;
    }
    return b;
  }

  /**
   * The bit-parallel simulator computes what the builder calls specify: for random circuits (all
   * kinds, complemented literals, constants, weights beyond 2^70, sums beyond the long range,
   * prefix sums) and every assignment of up to 6 inputs, each output lane equals the exact
   * BigInteger evaluation of the recorded specification, and equals a node-by-node BigInteger
   * evaluation of the built circuit.
   */
  @Property(tries = 250)
  void simulatorMatchesBigIntegerReference(@ForAll long seed) {
    RandomCircuits rc = RandomCircuits.generate(seed, 6, 40);
    Circuit c = rc.circuit();
    long[] in = exhaustiveWords(c.inputCount());
    long[] out = Simulator.of(c).simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      boolean[] assignment = lane(in, lane);
      boolean[] got = lane(out, lane);
      assertArrayEquals(rc.expected(assignment), got, "lane " + lane + " of " + c);
      assertArrayEquals(RandomCircuits.reference(c, assignment), got, "lane " + lane);
    }
  }

  /**
   * Bit-parallel simulation equals single-assignment evaluation: lane j of {@code simulate} is
   * {@code evaluate} of assignment j, and the many-assignment form agrees with both, on random
   * input words and repeated batches (so no state leaks between calls).
   */
  @Property(tries = 80)
  void bitParallelEqualsSingleAssignment(@ForAll long seed) {
    RandomCircuits rc = RandomCircuits.generate(seed, 12, 60);
    Circuit c = rc.circuit();
    Simulator sim = Simulator.of(c);
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int batch = 0; batch < 2; batch++) {
      long[] in = new long[c.inputCount()];
      for (int i = 0; i < in.length; i++) {
        in[i] = r.nextLong();
      }
      long[] out = sim.simulate(in);
      boolean[][] rows = new boolean[64][];
      for (int lane = 0; lane < 64; lane++) {
        rows[lane] = lane(in, lane);
      }
      boolean[][] many = sim.evaluate(rows);
      for (int lane = 0; lane < 64; lane++) {
        boolean[] single = sim.evaluate(rows[lane]);
        assertArrayEquals(lane(out, lane), single, "lane " + lane);
        assertArrayEquals(single, many[lane], "lane " + lane);
        assertArrayEquals(rc.expected(rows[lane]), single, "lane " + lane);
      }
    }
  }

  /** simulateNodes agrees with simulate on the output nodes. */
  @Property(tries = 50)
  void nodeWordsAgreeWithOutputs(@ForAll long seed) {
    Circuit c = RandomCircuits.generate(seed, 6, 30).circuit();
    long[] in = exhaustiveWords(c.inputCount());
    Simulator sim = Simulator.of(c);
    long[] nodes = sim.simulateNodes(in);
    long[] out = sim.simulate(in);
    for (int o = 0; o < c.outputCount(); o++) {
      assertEquals(nodes[c.outputNode(o)], out[o]);
    }
  }

  /**
   * Prefix sums (each extending the previous one, as the SSM compiler uses them) compute prefix
   * counts: with s_t = s_{t-1} + x_t, the gates [s_t ≥ k] and [s_t ≤ k] agree with a per-lane count
   * of the first t+1 inputs, for every t and k, in both gate orders (by position, and by k, which
   * keeps many sums live at once).
   */
  @Property(tries = 30)
  void prefixSumsCountPrefixes(@ForAll long seed, @ForAll boolean byK) {
    int n = 24;
    CircuitBuilder b = new CircuitBuilder();
    int[] x = new int[n];
    CircuitBuilder.Sum[] prefix = new CircuitBuilder.Sum[n];
    for (int t = 0; t < n; t++) {
      x[t] = b.input("x[" + t + "]");
      prefix[t] =
          t == 0
              ? b.sum(new long[] {1}, new int[] {x[t]})
              : b.extend(prefix[t - 1], new long[] {1}, new int[] {x[t]});
    }
    int[][] atLeast = new int[n][n + 2];
    int[][] atMost = new int[n][n + 2];
    for (int outer = 0; outer < (byK ? n + 2 : n); outer++) {
      for (int inner = 0; inner < (byK ? n : n + 2); inner++) {
        int t = byK ? inner : outer;
        int k = byK ? outer : inner;
        atLeast[t][k] = b.atLeast(prefix[t], k);
        atMost[t][k] = b.atMost(prefix[t], k);
      }
    }
    Circuit c = b.build();
    SplittableRandom r = new SplittableRandom(seed);
    long[] in = new long[n];
    for (int t = 0; t < n; t++) {
      in[t] = r.nextLong();
    }
    long[] v = Simulator.of(c).simulateNodes(in);
    for (int lane = 0; lane < 64; lane++) {
      int count = 0;
      for (int t = 0; t < n; t++) {
        count += (int) (in[t] >>> lane & 1);
        for (int k = 0; k < n + 2; k++) {
          assertEquals(count >= k, (v[atLeast[t][k]] >>> lane & 1) != 0, "s_" + t + " >= " + k);
          assertEquals(count <= k, (v[atMost[t][k]] >>> lane & 1) != 0, "s_" + t + " <= " + k);
        }
      }
    }
  }

  /**
   * Many THRESHOLD gates over one sum are evaluated together (thresholds sorted into ranks): for
   * random signed weights, thermometers with a power-of-two step, irregular θ sets, repeated θ and
   * both comparison directions, every gate's lane equals the direct comparison of that lane's
   * weighted sum, computed here with longs from the input bits.
   */
  @Property(tries = 60)
  void sharedSumThresholdsMatchDirectComparison(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int inputs = 1 + r.nextInt(10);
    CircuitBuilder b = new CircuitBuilder();
    int[] x = new int[inputs];
    long[] w = new long[inputs];
    for (int i = 0; i < inputs; i++) {
      x[i] = b.input("x" + i);
      w[i] = r.nextInt(-40, 41);
    }
    CircuitBuilder.Sum sum = b.sum(w, x);
    long min = 0;
    long max = 0;
    for (long wi : w) {
      min += Math.min(0, wi);
      max += Math.max(0, wi);
    }
    int gates = 1 + r.nextInt(40);
    long[] theta = new long[gates];
    boolean[] atMost = new boolean[gates];
    int[] node = new int[gates];
    int step = 1 << r.nextInt(4);
    boolean thermometer = r.nextBoolean();
    for (int k = 0; k < gates; k++) {
      theta[k] = thermometer ? min - 3 + (long) k * step : r.nextLong(min - 5, max + 6);
      atMost[k] = !thermometer && r.nextInt(3) == 0;
      node[k] = atMost[k] ? b.atMost(sum, theta[k]) : b.atLeast(sum, theta[k]);
      b.output("g" + k, node[k]);
    }
    Circuit c = b.build();
    long[] in = new long[inputs];
    for (int i = 0; i < inputs; i++) {
      in[i] = r.nextLong();
    }
    long[] v = Simulator.of(c).simulateNodes(in);
    for (int lane = 0; lane < 64; lane++) {
      long s = 0;
      for (int i = 0; i < inputs; i++) {
        s += (in[i] >>> lane & 1) * w[i];
      }
      for (int k = 0; k < gates; k++) {
        boolean expected = atMost[k] ? s <= theta[k] : s >= theta[k];
        assertEquals(expected, (v[node[k]] >>> lane & 1) != 0, "lane " + lane + ", gate " + k);
      }
    }
  }

  /**
   * Sums of many terms are counted bit-sliced when their term words are dense and per lane when
   * sparse, the choice following the words seen at the previous pass; either way every threshold
   * over them equals the direct comparison of each lane's weighted sum (computed here with longs),
   * pass after pass, as dense and sparse batches alternate.
   */
  @Property(tries = 25)
  void manyTermSumsMatchDirectComparisonPassAfterPass(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int inputs = 40 + r.nextInt(160);
    CircuitBuilder b = new CircuitBuilder();
    int[] x = new int[inputs];
    long[] w = new long[inputs];
    for (int i = 0; i < inputs; i++) {
      x[i] = b.input("x" + i);
      w[i] = r.nextInt(-7, 8);
    }
    CircuitBuilder.Sum sum = b.sum(w, x);
    long min = 0;
    long max = 0;
    for (long wi : w) {
      min += Math.min(0, wi);
      max += Math.max(0, wi);
    }
    int gates = 1 + r.nextInt(12);
    long[] theta = new long[gates];
    int[] node = new int[gates];
    for (int k = 0; k < gates; k++) {
      theta[k] = r.nextLong(min, max + 2);
      node[k] = b.atLeast(sum, theta[k]);
    }
    Circuit c = b.build();
    Simulator sim = Simulator.of(c);
    for (int pass = 0; pass < 6; pass++) {
      boolean dense = pass % 3 != 2;
      long[] in = new long[inputs];
      for (int i = 0; i < inputs; i++) {
        in[i] = dense ? r.nextLong() : r.nextLong() & r.nextLong() & r.nextLong() & r.nextLong();
      }
      long[] v = sim.simulateNodes(in);
      for (int lane = 0; lane < 64; lane++) {
        long s = 0;
        for (int i = 0; i < inputs; i++) {
          s += (in[i] >>> lane & 1) * w[i];
        }
        for (int k = 0; k < gates; k++) {
          assertEquals(
              s >= theta[k], (v[node[k]] >>> lane & 1) != 0, "pass " + pass + ", lane " + lane);
        }
      }
    }
  }

  /**
   * Runs of AND/OR gates over positive literals, of one fan-in (as Boolean matrix products build
   * them; fan-ins 2 to 16) or of mixed fan-ins, broken by complemented literals, are evaluated in
   * loops of their own; every gate, as an output, equals the node-by-node evaluation of the
   * circuit in each of 64 lanes. OR gates read sparse words and AND gates dense ones (and earlier
   * gates of their kind), so that a lost fan-in changes some lane.
   */
  @Property(tries = 60)
  void runsOfOneFanInMatchNodeByNodeEvaluation(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CircuitBuilder b = new CircuitBuilder();
    int inputs = 20;
    long[] in = new long[2 * inputs];
    IntArrayList sparse = new IntArrayList(); // OR fan-ins: inputs with about 1 lane in 8 set
    IntArrayList dense = new IntArrayList(); // AND fan-ins: inputs with about 7 lanes in 8 set
    for (int i = 0; i < 2 * inputs; i++) {
      long w = r.nextLong() & r.nextLong() & r.nextLong();
      in[i] = i < inputs ? w : ~w;
      (i < inputs ? sparse : dense).add(b.input("x" + i));
    }
    int gates = 0;
    for (int run = 0; run < 12; run++) {
      boolean and = r.nextBoolean();
      IntArrayList pool = and ? dense : sparse;
      int length = 1 + r.nextInt(10);
      int uniform = r.nextInt(3) == 0 ? 0 : 2 + r.nextInt(15); // 0: mixed fan-ins
      for (int g = 0; g < length; g++) {
        int k = uniform > 0 ? uniform : 2 + r.nextInt(15);
        int[] lits = new int[k];
        int[] choices = pool.toIntArray(); // k distinct nodes: a partial shuffle
        for (int j = 0; j < k; j++) {
          int pick = j + r.nextInt(choices.length - j);
          lits[j] = r.nextInt(40) == 0 ? CircuitBuilder.negate(choices[pick]) : choices[pick];
          choices[pick] = choices[j];
        }
        int node = and ? b.and(lits) : b.or(lits);
        b.output("g" + gates++, node);
        if (node >= 0 && r.nextInt(4) == 0) {
          pool.add(node);
        }
      }
    }
    Circuit c = b.build();
    long[] out = Simulator.of(c).simulate(in);
    for (int lane = 0; lane < 64; lane++) {
      assertArrayEquals(
          RandomCircuits.reference(c, lane(in, lane)), lane(out, lane), "lane " + lane + " of " + c);
    }
  }
}
