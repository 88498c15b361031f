package illusion.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class StructuralHashingProperties {

  /**
   * Building the same gates and sums again (fan-ins and terms in a different order) returns the
   * same literals and sum numbers and adds no node or sum: structural hashing is complete for
   * equal multisets, also when every hash collides (each lookup then decided by comparison alone).
   */
  @Property(tries = 300)
  void sameGateTwiceIsSameNode(@ForAll long seed, @ForAll boolean colliding) {
    RandomCircuits rc = RandomCircuits.generate(seed, 6, 40);
    CircuitBuilder b = colliding ? CircuitBuilder.withCollidingHashes() : new CircuitBuilder();
    int[] first = rc.execute(b, null);
    int nodes = b.nodeCount();
    int sums = b.sumCount();
    int[] shuffled = rc.replayGates(b, first, new SplittableRandom(seed));
    assertArrayEquals(first, shuffled);
    assertEquals(nodes, b.nodeCount());
    assertEquals(sums, b.sumCount());
    // and a fresh builder fed in shuffled order builds an equal circuit
    CircuitBuilder fresh = new CircuitBuilder();
    rc.execute(fresh, new SplittableRandom(~seed));
    assertEquals(rc.circuit(), fresh.build());
  }

  /**
   * Structural hashing is sound and stores no duplicate: no two gates of a built circuit have the
   * same kind and fan-ins (or sum, θ and direction), no two sums the same base and terms, and
   * whenever two builder calls return the same literal they compute the same function (checked on
   * all assignments of up to 6 inputs).
   */
  @Property(tries = 300)
  void distinctStructuresAreDistinctNodes(@ForAll long seed) {
    RandomCircuits rc = RandomCircuits.generate(seed, 6, 40);
    Circuit c = rc.circuit();
    Set<List<Object>> gates = new HashSet<>();
    for (int node = 0; node < c.nodeCount(); node++) {
      List<Object> key = new ArrayList<>();
      key.add(c.kind(node));
      switch (c.kind(node)) {
        case INPUT:
          key.add(node);
          break;
        case CONSTANT:
          key.add(c.constantValue(node));
          break;
        case THRESHOLD:
          key.add(c.thresholdSum(node));
          key.add(c.thresholdTheta(node));
          key.add(c.thresholdAtMost(node));
          break;
        default:
          for (int l : c.literals(node)) {
            key.add(l);
          }
      }
      assertTrue(gates.add(key), "duplicate structure " + key);
    }
    Set<List<Object>> sums = new HashSet<>();
    for (int s = 0; s < c.sumCount(); s++) {
      List<Object> key = new ArrayList<>();
      key.add(c.sumBase(s));
      for (int t = 0; t < c.sumTermCount(s); t++) {
        key.add(c.sumTermNode(s, t));
        key.add(c.sumTermWeight(s, t));
      }
      assertTrue(sums.add(key), "duplicate sum " + key);
    }
    // soundness: equal literals compute equal functions
    CircuitBuilder b = new CircuitBuilder();
    int[] lits = rc.execute(b, null);
    long[] nodeWords = Simulator.of(b.build()).simulateNodes(exhaustive(c.inputCount()));
    Map<Integer, Long> byLiteral = new HashMap<>();
    for (int op : rc.valueOps()) {
      int l = lits[op];
      long word = nodeWords[Literals.node(l)] ^ (Literals.isNegated(l) ? -1L : 0L);
      Long prev = byLiteral.putIfAbsent(l, word);
      if (prev != null) {
        assertEquals(prev.longValue(), word, "literal " + l);
      }
    }
  }

  private static long[] exhaustive(int k) {
    long[] words = new long[k];
    for (int lane = 0; lane < 64; lane++) {
      for (int i = 0; i < k; i++) {
        if ((lane >>> i & 1) != 0) {
          words[i] |= 1L << lane;
        }
      }
    }
    return words;
  }

  /**
   * Hashing stays complete for keys of high fan-out, whose gates overflow the per-key chains
   * ({@link CircuitBuilder#CHAIN_LIMIT}) into the overflow table: many AND/OR/MAJ gates sharing
   * their greatest fan-in, and many thresholds over one sum, asked for again in a shuffled order,
   * return the literals first built and add no node; gates built once are all distinct nodes. The
   * same holds when every hash fragment collides.
   */
  @Property(tries = 20)
  void highFanOutKeysStayHashed(@ForAll long seed, @ForAll boolean colliding) {
    SplittableRandom r = new SplittableRandom(seed);
    CircuitBuilder b = colliding ? CircuitBuilder.withCollidingHashes() : new CircuitBuilder();
    int inputs = 8 + r.nextInt(60);
    int[] x = new int[inputs];
    for (int i = 0; i < inputs; i++) {
      x[i] = b.input("x" + i);
    }
    int hub = b.input("hub"); // the newest node: the greatest fan-in of every gate below
    CircuitBuilder.Sum sum = b.sum(new long[] {1, 2, 3}, new int[] {x[0], x[1], hub});
    int gates = CircuitBuilder.CHAIN_LIMIT * (2 + r.nextInt(6));
    int[][] spec = new int[gates][];
    int[] first = new int[gates];
    for (int g = 0; g < gates; g++) {
      int a = x[r.nextInt(inputs)];
      int c = x[r.nextInt(inputs)];
      spec[g] = new int[] {r.nextInt(4), a, c, r.nextInt(7)};
      first[g] = make(b, sum, hub, spec[g]);
    }
    int nodes = b.nodeCount();
    int[] order = new int[gates];
    for (int g = 0; g < gates; g++) {
      order[g] = g;
    }
    for (int g = gates - 1; g > 0; g--) {
      int j = r.nextInt(g + 1);
      int t = order[g];
      order[g] = order[j];
      order[j] = t;
    }
    for (int g : order) {
      assertEquals(first[g], make(b, sum, hub, spec[g]), "gate " + g);
    }
    assertEquals(nodes, b.nodeCount());
    Map<Integer, Integer> distinct = new HashMap<>();
    for (int g = 0; g < gates; g++) {
      int node = first[g] ^ (first[g] >> 31);
      distinct.merge(node, 1, Integer::sum);
    }
    Set<List<Integer>> specs = new HashSet<>();
    for (int[] sp : spec) {
      specs.add(List.of(sp[0], Math.min(sp[1], sp[2]), Math.max(sp[1], sp[2]), sp[3]));
    }
    assertTrue(distinct.size() <= specs.size(), distinct.size() + " nodes for " + specs.size());
  }

  private static int make(CircuitBuilder b, CircuitBuilder.Sum sum, int hub, int[] spec) {
    switch (spec[0]) {
      case 0:
        return b.and(spec[1], spec[2], CircuitBuilder.negate(hub));
      case 1:
        return b.or(spec[1], hub);
      case 2:
        return b.maj(spec[1], spec[2], hub);
      default:
        return b.atLeast(sum, spec[1] + spec[3]);
    }
  }

  /**
   * Size hints change no node: replaying a random circuit's builder calls on builders sized for
   * nothing, for it exactly and for far more gives a circuit equal to the default builder's (the
   * hinted arrays grow past a hint that is too small).
   */
  @Property(tries = 100)
  void sizeHintsDoNotChangeTheCircuit(@ForAll long seed) {
    RandomCircuits rc = RandomCircuits.generate(seed, 8, 60);
    Circuit c = rc.circuit();
    long nodes = c.nodeCount();
    long names = c.inputCount() + c.outputCount();
    long[][] hints = {{0, 0, 0}, {nodes, 4 * nodes, names}, {100 * nodes, 1000 * nodes, 50 * names}};
    for (long[] h : hints) {
      CircuitBuilder b = CircuitBuilder.withExpectedSize(h[0], h[1], h[2]);
      rc.execute(b, null);
      assertEquals(c, b.build(), "hint " + Arrays.toString(h));
    }
  }
}
