package illusion.tc0;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.NodeKind;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A pass that rewrites a whole {@link Circuit} so that no weight has more than k bits (k ≥ 2):
 * every THRESHOLD gate whose sum has a larger weight is replaced by {@link ThresholdLowering}'s
 * small-weight circuit; everything else is copied. The result computes the same function, with the
 * same input and output names in the same order.
 *
 * <p>Sharing: the stage-A circuitry of a lowered sum (its two binary numbers) is built once and
 * shared by every threshold gate reading that sum; each gate adds only its stage-B comparison.
 * Sums that are kept are copied with their prefix structure (base chains). A lowered sum is
 * flattened first (its base chain merged), so a chain of n prefix sums costs O(n²) stored terms
 * once lowered.
 *
 * <p>Cost: each lowered gate adds depth 5 (plus 2 per compression round, see {@link
 * ThresholdLowering}) in place of 1, so a circuit of depth D has depth at most 5D after the pass
 * when its columns fit in k-bit weights; size as in {@link ThresholdLowering}, per gate.
 */
public final class LowerWeights {
  private LowerWeights() {}

  /** The circuit with every weight lowered to at most {@code maxWeightBits} bits (≥ 2). */
  public static Circuit lower(Circuit circuit, int maxWeightBits) {
    Objects.requireNonNull(circuit, "circuit");
    checkArgument(
        maxWeightBits >= 2, "weights can be lowered to 2 bits at least, not %s", maxWeightBits);
    return new Pass(circuit, maxWeightBits).run();
  }

  private static final class Pass {
    final Circuit c;
    final int k;
    final CircuitBuilder b = new CircuitBuilder();
    final int[] map;
    /** Per sum: the largest weight bit length along its chain once copied, -1 until known. */
    final int[] weightBits;
    final LinearForm[] kept;
    final ThresholdLowering.Lowered[] lowered;

    Pass(Circuit c, int k) {
      this.c = c;
      this.k = k;
      this.map = new int[c.nodeCount()];
      this.weightBits = new int[c.sumCount()];
      Arrays.fill(weightBits, -1);
      this.kept = new LinearForm[c.sumCount()];
      this.lowered = new ThresholdLowering.Lowered[c.sumCount()];
    }

    Circuit run() {
      for (int i = 0; i < c.inputCount(); i++) {
        map[c.inputNode(i)] = b.input(c.inputName(i));
      }
      for (int node = 0; node < c.nodeCount(); node++) {
        NodeKind kind = c.kind(node);
        switch (kind) {
          case INPUT:
            break;
          case CONSTANT:
            map[node] = b.constant(c.constantValue(node));
            break;
          case AND:
            map[node] = b.and(mapped(c.literals(node)));
            break;
          case OR:
            map[node] = b.or(mapped(c.literals(node)));
            break;
          case MAJ:
            map[node] = b.maj(mapped(c.literals(node)));
            break;
          case NOT:
            map[node] = b.not(mapLiteral(c.literal(node, 0)));
            break;
          case THRESHOLD:
            map[node] = threshold(node);
            break;
          default:
            throw new AssertionError(kind);
        }
      }
      for (int o = 0; o < c.outputCount(); o++) {
        b.output(c.outputName(o), map[c.outputNode(o)]);
      }
      return b.build();
    }

    private int mapLiteral(int literal) {
      return literal < 0 ? ~map[~literal] : map[literal];
    }

    private int[] mapped(int[] literals) {
      for (int i = 0; i < literals.length; i++) {
        literals[i] = mapLiteral(literals[i]);
      }
      return literals;
    }

    private int threshold(int node) {
      int s = c.thresholdSum(node);
      BigInteger theta = c.thresholdTheta(node);
      boolean atMost = c.thresholdAtMost(node);
      if (weightBits(s) <= k) {
        LinearForm f = kept(s);
        return atMost ? f.atMost(b, theta) : f.atLeast(b, theta);
      }
      if (lowered[s] == null) {
        lowered[s] = flattenAndLower(s);
      }
      int l = atMost ? lowered[s].atMost(b, theta) : lowered[s].atLeast(b, theta);
      return Constants.resolve(b, l);
    }

    private int weightBits(int s) {
      if (weightBits[s] < 0) {
        // iterative along the chain: find the first link already known
        int top = s;
        while (top >= 0 && weightBits[top] < 0) {
          top = c.sumBase(top);
        }
        int[] chain = chainTo(s, top);
        int acc = top >= 0 ? weightBits[top] : 0;
        for (int i = chain.length - 1; i >= 0; i--) {
          int t = chain[i];
          // the weights as the copy would store them: terms whose nodes map to one node merge
          Int2ObjectOpenHashMap<BigInteger> merged = new Int2ObjectOpenHashMap<>();
          for (int j = 0; j < c.sumTermCount(t); j++) {
            int l = map[c.sumTermNode(t, j)];
            BigInteger w = c.sumTermWeight(t, j);
            merged.merge(l < 0 ? ~l : l, l < 0 ? w.negate() : w, BigInteger::add);
          }
          for (BigInteger w : merged.values()) {
            acc = Math.max(acc, w.abs().bitLength());
          }
          weightBits[t] = acc;
        }
      }
      return weightBits[s];
    }

    /** The links from {@code s} down to (excluding) {@code stop}, s first. */
    private int[] chainTo(int s, int stop) {
      int len = 0;
      for (int t = s; t != stop; t = c.sumBase(t)) {
        len++;
      }
      int[] chain = new int[len];
      int i = 0;
      for (int t = s; t != stop; t = c.sumBase(t)) {
        chain[i++] = t;
      }
      return chain;
    }

    private LinearForm kept(int s) {
      if (kept[s] == null) {
        int top = s;
        while (top >= 0 && kept[top] == null) {
          top = c.sumBase(top);
        }
        int[] chain = chainTo(s, top);
        for (int i = chain.length - 1; i >= 0; i--) {
          int t = chain[i];
          int m = c.sumTermCount(t);
          BigInteger[] w = new BigInteger[m];
          int[] lits = new int[m];
          for (int j = 0; j < m; j++) {
            w[j] = c.sumTermWeight(t, j);
            lits[j] = map[c.sumTermNode(t, j)];
          }
          int base = c.sumBase(t);
          kept[t] = LinearForm.of(b, base < 0 ? null : kept[base], w, lits);
        }
      }
      return kept[s];
    }

    private ThresholdLowering.Lowered flattenAndLower(int s) {
      Int2ObjectOpenHashMap<BigInteger> merged = new Int2ObjectOpenHashMap<>();
      for (int t = s; t >= 0; t = c.sumBase(t)) {
        for (int j = 0; j < c.sumTermCount(t); j++) {
          merged.merge(c.sumTermNode(t, j), c.sumTermWeight(t, j), BigInteger::add);
        }
      }
      int[] nodes = merged.keySet().toIntArray();
      Arrays.sort(nodes); // deterministic
      BigInteger[] w = new BigInteger[nodes.length];
      int[] lits = new int[nodes.length];
      for (int i = 0; i < nodes.length; i++) {
        w[i] = merged.get(nodes[i]);
        lits[i] = map[nodes[i]];
      }
      return ThresholdLowering.Lowered.of(b, w, lits, k);
    }
  }
}
