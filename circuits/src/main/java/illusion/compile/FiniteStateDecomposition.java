package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.number.Dyadic;
import illusion.number.Precision;
import illusion.ssm.Ids4Layer;
import illusion.ssm.Layer;
import illusion.ssm.RnnLayer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an IDS4 or RNN-SSM layer into channels that never mix and describes each as a finite
 * automaton (Thm 5.1, 5.2), or refuses with the reason when a channel's reachable states are too
 * many.
 *
 * <p>Channels are the connected components of the union over tokens of the nonzero patterns of
 * A(σ) (or of A for an RNN-SSM): state dimension i reads dimension j only if some A(σ)[i][j] != 0,
 * and B, the sign function and the output are per dimension, so each channel evolves on its own.
 * A channel whose transitions are point maps with {@code B(σ) = (A(σ) - I) v} becomes a {@link
 * FiniteStateChannel.Form#POINT_MAP} on its dimensions unless fewer states are reachable; any other
 * channel is explored breadth-first over exact state vectors from {@code h_0 = 0} for n steps.
 */
final class FiniteStateDecomposition {

  private FiniteStateDecomposition() {}

  /**
   * The channels of {@code layer} for inputs of length at most {@code n}, in order of their
   * smallest dimension.
   *
   * @throws IllegalArgumentException if {@code layer} is neither IDS4 nor RNN-SSM, or a channel
   *     has more than {@code maxStates} states reachable within n steps
   */
  static List<FiniteStateChannel> of(Layer layer, int n, int maxStates) {
    checkArgument(n >= 1, "sequence length must be positive, got %s", n);
    checkArgument(maxStates >= 1, "state bound must be positive, got %s", maxStates);
    Transition transition = Transition.of(layer);
    int d = layer.stateDim();
    int[] component = components(transition.pattern(), d);
    int count = Arrays.stream(component).max().orElse(-1) + 1;
    List<FiniteStateChannel> channels = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      int size = 0;
      for (int x : component) {
        size += x == c ? 1 : 0;
      }
      int[] dims = new int[size];
      for (int i = 0, k = 0; i < d; i++) {
        if (component[i] == c) {
          dims[k++] = i;
        }
      }
      channels.add(channel(layer, transition, dims, n, maxStates));
    }
    return channels;
  }

  private static FiniteStateChannel channel(
      Layer layer, Transition transition, int[] dims, int n, int maxStates) {
    FiniteStateChannel pointMap = transition.pointMap(dims);
    if (pointMap != null) {
      // A point map on c points costs c^3 per combine; a smaller reachable set is cheaper still.
      FiniteStateChannel states = reachable(transition, dims, n, dims.length);
      return states != null ? states : pointMap;
    }
    FiniteStateChannel states = reachable(transition, dims, n, maxStates);
    if (states == null) {
      throw new IllegalArgumentException(
          String.format(
              "%s layer is not finite-state: its states grow without bound (more than %d"
                  + " reachable within n = %d steps in the channel of state dimensions %s), and"
                  + " Thm 5.2 compiles a finite state set",
              layer.kind().id(),
              maxStates,
              n,
              Arrays.toString(dims)));
    }
    return states;
  }

  /**
   * Breadth-first search from {@code h_0 = 0} over exact vectors for n steps; null as soon as more
   * than {@code bound} states appear.
   */
  private static FiniteStateChannel reachable(
      Transition transition, int[] dims, int n, int bound) {
    int vocab = transition.vocabulary();
    Map<List<Dyadic>, Integer> index = new HashMap<>();
    List<Dyadic[]> states = new ArrayList<>();
    List<int[]> successors = new ArrayList<>(); // successors.get(a)[σ], -1 = not explored
    Dyadic[] zero = new Dyadic[dims.length];
    Arrays.fill(zero, Dyadic.ZERO);
    index.put(Arrays.asList(zero), 0);
    states.add(zero);
    int levelStart = 0;
    boolean closed = false;
    for (int step = 1; step <= n; step++) {
      int levelEnd = states.size();
      if (levelStart == levelEnd) {
        closed = true;
        break;
      }
      for (int a = levelStart; a < levelEnd; a++) {
        int[] row = new int[vocab];
        for (int s = 0; s < vocab; s++) {
          Dyadic[] h = transition.step(dims, states.get(a), s);
          List<Dyadic> key = Arrays.asList(h);
          Integer b = index.get(key);
          if (b == null) {
            if (states.size() >= bound) {
              return null;
            }
            b = states.size();
            index.put(key, b);
            states.add(h);
          }
          row[s] = b;
        }
        successors.add(row);
      }
      levelStart = levelEnd;
    }
    if (!closed && levelStart == states.size()) {
      closed = true;
    }
    int m = states.size();
    int[][] next = new int[vocab][m];
    for (int[] row : next) {
      Arrays.fill(row, -1);
    }
    for (int a = 0; a < successors.size(); a++) {
      int[] row = successors.get(a);
      for (int s = 0; s < vocab; s++) {
        next[s][a] = row[s];
      }
    }
    return FiniteStateChannel.stateSet(dims, next, states.toArray(new Dyadic[0][]), closed);
  }

  /** Connected components of the undirected graph with an edge i - j for pattern[i][j]. */
  private static int[] components(boolean[][] pattern, int d) {
    int[] parent = new int[d];
    for (int i = 0; i < d; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        if (pattern[i][j]) {
          int ri = find(parent, i);
          int rj = find(parent, j);
          if (ri != rj) {
            parent[Math.max(ri, rj)] = Math.min(ri, rj);
          }
        }
      }
    }
    int[] label = new int[d];
    int[] byRoot = new int[d];
    Arrays.fill(byRoot, -1);
    int next = 0;
    for (int i = 0; i < d; i++) {
      int r = find(parent, i);
      if (byRoot[r] < 0) {
        byRoot[r] = next++;
      }
      label[i] = byRoot[r];
    }
    return label;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** The exact one-step semantics of an IDS4 or RNN-SSM layer, restricted to a channel. */
  private static final class Transition {
    private final boolean sign;
    private final Dyadic[][][] a; // a[σ][i][j], one matrix for all σ when !perToken
    private final long[][][] rawA;
    private final Dyadic[][] b; // b[i][σ]
    private final Precision precision;
    private final int vocab;

    private Transition(boolean sign, long[][][] rawA, long[][] rawB, Precision precision) {
      this.sign = sign;
      this.rawA = rawA;
      this.precision = precision;
      this.a = new Dyadic[rawA.length][][];
      for (int s = 0; s < rawA.length; s++) {
        a[s] = Exact.values(rawA[s], precision);
      }
      this.b = Exact.values(rawB, precision);
      this.vocab = rawB[0].length;
    }

    static Transition of(Layer layer) {
      if (layer instanceof Ids4Layer ids4) {
        return new Transition(false, ids4.rawA(), ids4.rawB(), ids4.precision());
      }
      if (layer instanceof RnnLayer rnn) {
        return new Transition(true, new long[][][] {rnn.rawA()}, rnn.rawB(), rnn.precision());
      }
      throw new IllegalArgumentException(
          "the finite-state strategy compiles ids4 and rnn layers, not " + layer.kind().id());
    }

    int vocabulary() {
      return vocab;
    }

    private long[][] rawA(int token) {
      return rawA[rawA.length == 1 ? 0 : token];
    }

    boolean[][] pattern() {
      int d = b.length;
      boolean[][] p = new boolean[d][d];
      for (long[][] m : rawA) {
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < d; j++) {
            p[i][j] |= m[i][j] != 0;
          }
        }
      }
      return p;
    }

    /** {@code A(σ) h + B(σ)} (or its sign), over the channel's dimensions. */
    Dyadic[] step(int[] dims, Dyadic[] h, int token) {
      Dyadic[][] m = a[a.length == 1 ? 0 : token];
      Dyadic[] out = new Dyadic[dims.length];
      for (int i = 0; i < dims.length; i++) {
        Dyadic[] row = m[dims[i]];
        Dyadic sum = b[dims[i]][token];
        for (int j = 0; j < dims.length; j++) {
          Dyadic w = row[dims[j]];
          if (w.signum() != 0 && h[j].signum() != 0) {
            sum = sum.add(w.multiply(h[j]));
          }
        }
        out[i] = sign ? Dyadic.of(sum.signum()) : sum;
      }
      return out;
    }

    /**
     * The channel as a point map when every A(σ) restricted to it has exactly one 1 per row and
     * {@code B(σ) = (A(σ) - I) v}, i.e. {@code v[f_σ(i)] - v[i] = B(σ)[i]} for all σ and i; null
     * otherwise. These difference constraints fix v up to a constant on the (connected) channel:
     * propagate from v[first] = 0, then check every constraint.
     */
    FiniteStateChannel pointMap(int[] dims) {
      if (sign) {
        return null;
      }
      int c = dims.length;
      int[] local = new int[b.length];
      Arrays.fill(local, -1);
      for (int i = 0; i < c; i++) {
        local[dims[i]] = i;
      }
      long one = 1L << precision.fractionBits();
      if (!precision.fits(one)) {
        return null;
      }
      int[][] maps = new int[vocab][c];
      for (int s = 0; s < vocab; s++) {
        long[][] m = rawA(s);
        for (int i = 0; i < c; i++) {
          int image = -1;
          for (int j = 0; j < c; j++) {
            long w = m[dims[i]][dims[j]];
            if (w == 0) {
              continue;
            }
            if (w != one || image >= 0) {
              return null;
            }
            image = j;
          }
          if (image < 0) {
            return null;
          }
          maps[s][i] = image;
        }
      }
      Dyadic[] v = new Dyadic[c];
      v[0] = Dyadic.ZERO;
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(0);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        for (int s = 0; s < vocab; s++) {
          Dyadic diff = b[dims[i]][s];
          int f = maps[s][i];
          if (v[f] == null) { // v[f] = v[i] + B(σ)[i]
            v[f] = v[i].add(diff);
            queue.add(f);
          }
          // Edges are undirected for connectivity: also reach i's preimages.
          for (int k = 0; k < c; k++) {
            if (maps[s][k] == i && v[k] == null) { // v[k] = v[i] - B(σ)[k]
              v[k] = v[i].subtract(b[dims[k]][s]);
              queue.add(k);
            }
          }
        }
      }
      for (int i = 0; i < c; i++) {
        if (v[i] == null) {
          return null; // not connected through the maps (cannot happen for a channel)
        }
      }
      for (int s = 0; s < vocab; s++) {
        for (int i = 0; i < c; i++) {
          if (!v[maps[s][i]].subtract(v[i]).equals(b[dims[i]][s])) {
            return null;
          }
        }
      }
      return FiniteStateChannel.pointMap(dims, maps, v);
    }
  }
}
