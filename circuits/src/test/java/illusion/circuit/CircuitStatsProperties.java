package illusion.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class CircuitStatsProperties {

  /** The flat fan-in of a node: its literals' nodes, or its sum's terms along the base chain. */
  private static List<Integer> flatFanIn(Circuit c, int node, List<BigInteger> weights) {
    List<Integer> in = new ArrayList<>();
    switch (c.kind(node)) {
      case INPUT:
      case CONSTANT:
        break;
      case THRESHOLD:
        for (int s = c.thresholdSum(node); s >= 0; s = c.sumBase(s)) {
          for (int t = 0; t < c.sumTermCount(s); t++) {
            in.add(c.sumTermNode(s, t));
            weights.add(c.sumTermWeight(s, t));
          }
        }
        break;
      default:
        for (int l : c.literals(node)) {
          in.add(Literals.node(l));
          weights.add(BigInteger.ONE);
        }
    }
    return in;
  }

  /** Longest path ending at node by plain recursion over the flat fan-ins. */
  private static int depth(Circuit c, int node, boolean thresholdOnly, Integer[] memo) {
    if (memo[node] != null) {
      return memo[node];
    }
    int best = 0;
    for (int u : flatFanIn(c, node, new ArrayList<>())) {
      best = Math.max(best, depth(c, u, thresholdOnly, memo));
    }
    NodeKind k = c.kind(node);
    boolean counts = thresholdOnly ? k.isThresholdKind() : k.isGate();
    memo[node] = best + (counts ? 1 : 0);
    return memo[node];
  }

  /**
   * CircuitStats and Levels agree with a brute-force recomputation on the flattened circuit: depth
   * and threshold depth (longest input-to-output path counting all gates, resp. MAJ and THRESHOLD
   * only), per-node levels, gate counts per kind, wires (total flat fan-in), max fan-in and max
   * weight bits.
   */
  @Property(tries = 300)
  void statsMatchBruteForce(@ForAll long seed) {
    Circuit c = RandomCircuits.generate(seed, 8, 50).circuit();
    CircuitStats stats = CircuitStats.of(c);
    Integer[] memo = new Integer[c.nodeCount()];
    Integer[] tmemo = new Integer[c.nodeCount()];
    int[] levels = new int[c.nodeCount()];
    int[] tlevels = new int[c.nodeCount()];
    long wires = 0;
    long maxFanIn = 0;
    int maxBits = 0;
    int gates = 0;
    int[] perKind = new int[NodeKind.values().length];
    for (int v = 0; v < c.nodeCount(); v++) {
      levels[v] = depth(c, v, false, memo);
      tlevels[v] = depth(c, v, true, tmemo);
      List<BigInteger> weights = new ArrayList<>();
      List<Integer> in = flatFanIn(c, v, weights);
      perKind[c.kind(v).ordinal()]++;
      if (c.kind(v).isGate()) {
        gates++;
        wires += in.size();
        maxFanIn = Math.max(maxFanIn, in.size());
        for (BigInteger w : weights) {
          maxBits = Math.max(maxBits, w.abs().bitLength());
        }
        assertEquals(in.size(), c.flatFanIn(v));
      }
    }
    int depth = 0;
    int tdepth = 0;
    for (int o = 0; o < c.outputCount(); o++) {
      depth = Math.max(depth, levels[c.outputNode(o)]);
      tdepth = Math.max(tdepth, tlevels[c.outputNode(o)]);
    }
    assertArrayEquals(levels, Levels.of(c));
    assertArrayEquals(tlevels, Levels.thresholdLevels(c));
    assertEquals(depth, stats.depth());
    assertEquals(tdepth, stats.thresholdDepth());
    assertEquals(gates, stats.gates());
    assertEquals(wires, stats.wires());
    assertEquals(maxFanIn, stats.maxFanIn());
    assertEquals(maxBits, stats.maxWeightBits());
    assertEquals(c.inputCount(), stats.inputs());
    assertEquals(c.outputCount(), stats.outputs());
    for (NodeKind k : NodeKind.values()) {
      if (k.isGate()) {
        assertEquals(perKind[k.ordinal()], stats.gates(k), k.toString());
      }
    }
  }
}
