package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.NodeKind;
import it.unimi.dsi.fastutil.ints.Int2ObjectAVLTreeMap;
import java.math.BigInteger;
import java.util.Map;

/**
 * One threshold gate of a circuit as a circuit of its own: the gate's flattened weighted sum (its
 * base chain merged, as {@link illusion.circuit.CircuitStats} counts it) over fresh inputs, one per
 * fan-in node (named as the original input, or {@code node<i>} for an inner node), and the gate as
 * the single output {@code gate}. The extracted circuit computes the gate as a function of its
 * fan-in.
 */
final class GateExtraction {
  private GateExtraction() {}

  /** The largest bit length of |weight| in the flattened sum of THRESHOLD gate {@code node}. */
  static int weightBits(Circuit c, int node) {
    checkArgument(c.kind(node) == NodeKind.THRESHOLD, "node %s is not a threshold gate", node);
    int bits = 0;
    for (BigInteger w : terms(c, c.thresholdSum(node)).values()) {
      bits = Math.max(bits, w.abs().bitLength());
    }
    return bits;
  }

  /** The threshold gate with the widest weights (the first one on ties), or -1 if there is none. */
  static int widestGate(Circuit c) {
    int best = -1;
    int bestBits = -1;
    for (int node = 0; node < c.nodeCount(); node++) {
      if (c.kind(node) == NodeKind.THRESHOLD) {
        int bits = weightBits(c, node);
        if (bits > bestBits) {
          best = node;
          bestBits = bits;
        }
      }
    }
    return best;
  }

  /** THRESHOLD gate {@code node} of {@code c} as a one-gate circuit over its fan-in. */
  static Circuit extract(Circuit c, int node) {
    checkArgument(c.kind(node) == NodeKind.THRESHOLD, "node %s is not a threshold gate", node);
    Map<Integer, BigInteger> terms = terms(c, c.thresholdSum(node));
    CircuitBuilder b = new CircuitBuilder();
    BigInteger[] weights = new BigInteger[terms.size()];
    int[] literals = new int[terms.size()];
    int i = 0;
    for (Map.Entry<Integer, BigInteger> e : terms.entrySet()) {
      int in = e.getKey();
      weights[i] = e.getValue();
      literals[i] =
          b.input(c.kind(in) == NodeKind.INPUT ? c.inputName(c.inputOrdinal(in)) : "node" + in);
      i++;
    }
    CircuitBuilder.Sum sum = b.sum(weights, literals);
    BigInteger theta = c.thresholdTheta(node);
    b.output("gate", c.thresholdAtMost(node) ? b.atMost(sum, theta) : b.atLeast(sum, theta));
    return b.build();
  }

  /** The flattened terms of a sum, by node in increasing order (equal nodes merged). */
  private static Map<Integer, BigInteger> terms(Circuit c, int sum) {
    Int2ObjectAVLTreeMap<BigInteger> terms = new Int2ObjectAVLTreeMap<>();
    for (int s = sum; s >= 0; s = c.sumBase(s)) {
      for (int j = 0; j < c.sumTermCount(s); j++) {
        terms.merge(c.sumTermNode(s, j), c.sumTermWeight(s, j), BigInteger::add);
      }
    }
    return terms;
  }
}
