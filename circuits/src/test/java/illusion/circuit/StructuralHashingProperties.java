package illusion.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
   * equal multisets.
   */
  @Property(tries = 300)
  void sameGateTwiceIsSameNode(@ForAll long seed) {
    RandomCircuits rc = RandomCircuits.generate(seed, 6, 40);
    CircuitBuilder b = new CircuitBuilder();
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
}
