package illusion.compile;

import illusion.circuit.CircuitBuilder;
import illusion.number.Dyadic;
import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.tc0.PrefixNetwork;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IDS4 and RNN-SSM layers as finite automata (Thm 5.1, 5.2): the layer is split into channels that
 * never mix ({@link FiniteStateDecomposition}), each channel's state at every needed position is the
 * prefix product of its Boolean transition matrices under the chosen parallel prefix network
 * ({@link FiniteStatePrefix}: Θ(log n) depth, O(n m^3) gates for an m-point channel under
 * Brent–Kung), and the output {@code y_t = C h_t + D x_t} is a weighted sum of the channels' state
 * indicators and the token's one-hot wires, rounded by the shared {@link OutputStage}.
 *
 * <p>A channel contributes {@code Σ_a [state = a] (C h^(a))_c} (STATE_SET) or {@code Σ_i Σ_k [F_t(i)
 * = k] C[c][i] (v[k] - v[i])} (POINT_MAP). A channel whose contribution is the same whatever its
 * state, for example one C does not read, is folded into a constant and not built at all.
 */
final class FiniteStateCompiler implements LayerCompiler {
  private final Precision precision;
  private final int n;
  private final int vocabulary;
  private final PrefixNetwork network;
  /** The channels whose state matters for some output. */
  private final List<FiniteStateChannel> active;
  /**
   * {@code weights.get(k)[c][e]}: the contribution to output c of indicator e of active channel k
   * (STATE_SET: e = state; POINT_MAP: e = k * m + i, "F_t(i) = k").
   */
  private final List<Dyadic[][]> weights;
  /** Per output channel: the value of the state-independent channels. */
  private final Dyadic[] constant;
  /** D as exact values, {@code [c][σ]}. */
  private final Dyadic[][] d;
  private final Dyadic[] min;
  private final Dyadic[] max;
  private final String strategy;

  private FiniteStateCompiler(Layer layer, int n, PrefixNetwork network, int maxStates) {
    this.precision = layer.precision();
    this.n = n;
    this.vocabulary = layer.vocabularySize();
    this.network = network;
    List<FiniteStateChannel> channels = FiniteStateDecomposition.of(layer, n, maxStates);
    Dyadic[][] c = Exact.values(layer.rawC(), precision);
    this.d = Exact.values(layer.rawD(), precision);
    int outputs = c.length;
    this.constant = new Dyadic[outputs];
    this.min = new Dyadic[outputs];
    this.max = new Dyadic[outputs];
    for (int o = 0; o < outputs; o++) {
      constant[o] = Dyadic.ZERO;
    }
    this.active = new ArrayList<>();
    this.weights = new ArrayList<>();
    for (FiniteStateChannel ch : channels) {
      int m = ch.points();
      int entries = ch.form == FiniteStateChannel.Form.STATE_SET ? m : m * m;
      Dyadic[][] w = new Dyadic[outputs][entries];
      for (int o = 0; o < outputs; o++) {
        for (int e = 0; e < entries; e++) {
          w[o][e] = ch.form == FiniteStateChannel.Form.STATE_SET
              ? ch.weight(c[o], 0, e)
              : ch.weight(c[o], e / m, e % m);
        }
      }
      if (isStateIndependent(ch, w)) {
        for (int o = 0; o < outputs; o++) {
          for (int g = 0; g < groups(ch); g++) {
            constant[o] = constant[o].add(w[o][groupEntry(ch, g, 0)]);
          }
        }
      } else {
        active.add(ch);
        weights.add(w);
      }
    }
    for (int o = 0; o < outputs; o++) {
      Dyadic lo = constant[o].add(minOf(d[o]));
      Dyadic hi = constant[o].add(maxOf(d[o]));
      for (int k = 0; k < active.size(); k++) {
        FiniteStateChannel ch = active.get(k);
        Dyadic[] w = weights.get(k)[o];
        for (int g = 0; g < groups(ch); g++) {
          Dyadic[] group = group(ch, w, g);
          lo = lo.add(minOf(group));
          hi = hi.add(maxOf(group));
        }
      }
      min[o] = lo;
      max[o] = hi;
    }
    this.strategy = describe(channels.size(), active, network);
  }

  /**
   * The strategy for an IDS4 or RNN-SSM layer at length n.
   *
   * @throws IllegalArgumentException if a channel has more than {@code options.maxStates()} states
   *     reachable within n steps
   */
  static LayerCompiler of(Layer layer, int n, CompileOptions options) {
    return new FiniteStateCompiler(
        layer, n, options.prefixNetwork(), options.maxStates());
  }

  @Override
  public String strategy() {
    return strategy;
  }

  @Override
  public BitSet inputPositions(BitSet outputPositions) {
    BitSet in = new BitSet(n);
    int last = outputPositions.length() - 1;
    if (last >= 0 && !active.isEmpty()) {
      in.set(0, last + 1);
    }
    // D x_t reads the token at t itself.
    for (int o = 0; o < d.length; o++) {
      if (!Exact.isZero(d[o])) {
        in.or(outputPositions);
        break;
      }
    }
    return in;
  }

  @Override
  public SizeEstimate estimate(BitSet outputPositions, boolean withBits) {
    if (outputPositions.isEmpty()) {
      return SizeEstimate.ZERO;
    }
    int[] positions = outputPositions.stream().toArray();
    int length = positions[positions.length - 1] + 1;
    SizeEstimate size = SizeEstimate.ZERO;
    long[] terms = new long[d.length];
    for (int o = 0; o < d.length; o++) {
      terms[o] = nonZeros(d[o]);
    }
    for (int k = 0; k < active.size(); k++) {
      FiniteStateChannel ch = active.get(k);
      boolean vector = ch.form == FiniteStateChannel.Form.STATE_SET;
      long m = ch.points();
      long[] counts = FiniteStatePrefix.combineCounts(vector, positions, network);
      long m2 = m * m;
      long m3 = SizeEstimate.mul(m2, m);
      // Leaves: one OR per entry, reading each token once per row; products: m^3 ANDs of fan-in 2
      // and m^2 ORs of fan-in m (m^2 and m for a vector), at most.
      long leafGates = SizeEstimate.mul(length, m2);
      long leafWires = SizeEstimate.mul(length, SizeEstimate.mul(m, vocabulary));
      SizeEstimate leaves = SizeEstimate.of(leafGates, leafWires, leafWires);
      SizeEstimate matrix =
          SizeEstimate.of(
              SizeEstimate.add(m3, m2), SizeEstimate.mul(3, m3), SizeEstimate.mul(3, m3));
      SizeEstimate vectorProduct = SizeEstimate.of(m2 + m, 3 * m2, 3 * m2);
      size = size.plus(leaves).plus(matrix.times(counts[0])).plus(vectorProduct.times(counts[1]));
      for (int o = 0; o < d.length; o++) {
        terms[o] += nonZeros(weights.get(k)[o]);
      }
    }
    for (int o = 0; o < d.length; o++) {
      long levels = OutputStage.levels(precision, min[o], max[o]);
      size = size.plus(
          OutputStage.estimate(precision, terms[o], levels, withBits).times(positions.length));
    }
    return size;
  }

  @Override
  public RoundedOutput[][] compile(CircuitBuilder b, int[][] tokens, BitSet outputPositions) {
    RoundedOutput[][] out = new RoundedOutput[n][];
    if (outputPositions.isEmpty()) {
      return out;
    }
    int[] positions = outputPositions.stream().toArray();
    List<int[][]> indicators = new ArrayList<>(active.size());
    for (FiniteStateChannel ch : active) {
      indicators.add(FiniteStatePrefix.build(b, ch, tokens, positions, network));
    }
    for (int p = 0; p < positions.length; p++) {
      int t = positions[p];
      out[t] = new RoundedOutput[d.length];
      for (int o = 0; o < d.length; o++) {
        OutputStage.Terms terms = new OutputStage.Terms().constant(constant[o]);
        for (int k = 0; k < active.size(); k++) {
          FiniteStateChannel ch = active.get(k);
          int[] lits = indicators.get(k)[p];
          Dyadic[] w = weights.get(k)[o];
          for (int g = 0; g < groups(ch); g++) {
            int size = groupSize(ch);
            int[] choice = new int[size];
            for (int e = 0; e < size; e++) {
              choice[e] = lits[groupEntry(ch, g, e)];
            }
            terms.addChoice(choice, group(ch, w, g), true);
          }
        }
        if (!Exact.isZero(d[o])) {
          terms.addChoice(tokens[t], d[o], true);
        }
        out[t][o] = OutputStage.round(b, precision, terms);
      }
    }
    return out;
  }

  // Exactly-one groups of a channel's indicators: STATE_SET has one (the state one-hot), POINT_MAP
  // one per point i (the image F_t(i) is exactly one k): entries k * m + i.

  private static int groups(FiniteStateChannel ch) {
    return ch.form == FiniteStateChannel.Form.STATE_SET ? 1 : ch.points();
  }

  private static int groupSize(FiniteStateChannel ch) {
    return ch.points();
  }

  private static int groupEntry(FiniteStateChannel ch, int g, int e) {
    return ch.form == FiniteStateChannel.Form.STATE_SET ? e : e * ch.points() + g;
  }

  private static Dyadic[] group(FiniteStateChannel ch, Dyadic[] w, int g) {
    Dyadic[] out = new Dyadic[groupSize(ch)];
    for (int e = 0; e < out.length; e++) {
      out[e] = w[groupEntry(ch, g, e)];
    }
    return out;
  }

  private static boolean isStateIndependent(FiniteStateChannel ch, Dyadic[][] w) {
    for (Dyadic[] row : w) {
      for (int g = 0; g < groups(ch); g++) {
        Dyadic first = row[groupEntry(ch, g, 0)];
        for (int e = 1; e < groupSize(ch); e++) {
          if (!row[groupEntry(ch, g, e)].equals(first)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static Dyadic minOf(Dyadic[] v) {
    Dyadic m = v[0];
    for (Dyadic x : v) {
      m = x.compareTo(m) < 0 ? x : m;
    }
    return m;
  }

  private static Dyadic maxOf(Dyadic[] v) {
    Dyadic m = v[0];
    for (Dyadic x : v) {
      m = x.compareTo(m) > 0 ? x : m;
    }
    return m;
  }

  private static long nonZeros(Dyadic[] v) {
    long k = 0;
    for (Dyadic x : v) {
      k += x.signum() != 0 ? 1 : 0;
    }
    return k;
  }

  /** For example {@code "finite-state prefix (Thm 5.2): 5-point map, brent-kung"}. */
  private static String describe(
      int channels, List<FiniteStateChannel> active, PrefixNetwork network) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (FiniteStateChannel ch : active) {
      counts.merge(ch.describe(), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((desc, k) -> parts.add(k == 1 ? desc : k + " x " + desc));
    String body = active.isEmpty() ? "constant" : String.join(", ", parts);
    if (channels > 1) {
      body = channels + " channels: " + body;
      if (channels > active.size()) {
        body += " (" + (channels - active.size()) + " constant)";
      }
    }
    return "finite-state prefix (Thm 5.2): " + body + ", " + network.id();
  }
}
