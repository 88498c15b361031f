package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.Simulator;
import illusion.number.Dyadic;
import illusion.number.Precision;
import illusion.ssm.Ids4Layer;
import illusion.ssm.Layer;
import illusion.ssm.RnnLayer;
import illusion.tc0.PrefixNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The finite-state decomposition and its prefix circuits (Thm 5.1, 5.2) against a brute-force
 * exact recurrence: the state read back from the circuit's indicators at every position equals
 * {@code h_t = A(σ_t) h_{t-1} + B(σ_t)} (or {@code sgn(A h_{t-1} + B x_t)}) computed with {@link
 * Dyadic} arithmetic.
 */
class FiniteStatePrefixProperties {
  private static final Precision P = Precision.of(16, 4);

  /**
   * Thm 5.2 for IDS4 over transformation matrices with {@code B(σ) = (A(σ) - I) v} and block
   * structure (several channels): the circuit's indicators give the exact state at every position.
   */
  @Property(tries = 40)
  void ids4PointMapsMatchTheRecurrence(
      @ForAll @IntRange(min = 1, max = 3) int blocks,
      @ForAll @IntRange(min = 1, max = 4) int blockSize,
      @ForAll @IntRange(min = 1, max = 5) int vocab,
      @ForAll @IntRange(min = 1, max = 20) int n,
      @ForAll boolean permutationsOnly,
      @ForAll PrefixNetwork network,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    Ids4Layer layer = randomPointMapLayer(rnd, blocks, blockSize, vocab, permutationsOnly);
    checkAgainstRecurrence(layer, rnd, n, network);
  }

  /** Thm 5.1: every RNN-SSM layer is a finite automaton; its circuit tracks the exact state. */
  @Property(tries = 40)
  void rnnMatchesTheRecurrence(
      @ForAll @IntRange(min = 1, max = 4) int d,
      @ForAll @IntRange(min = 1, max = 4) int vocab,
      @ForAll @IntRange(min = 1, max = 20) int n,
      @ForAll PrefixNetwork network,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    long[][] a = new long[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        a[i][j] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(33) - 16;
      }
    }
    RnnLayer layer =
        RnnLayer.builder(P).a(a).b(randomMatrix(rnd, d, vocab, 16)).c(new long[1][d]).build();
    checkAgainstRecurrence(layer, rnd, n, network);
  }

  @Test
  void splitsIntoChannelsAndPrefersFewerStates() {
    // Two 3-cycles on {0,1,2} and {3,4,5}; B = 0 on the second block: one state there.
    long one = 16;
    long[][] cyc = new long[6][6];
    int[] f = {1, 2, 0, 4, 5, 3};
    for (int i = 0; i < 6; i++) {
      cyc[i][f[i]] = one;
    }
    long[][] b = new long[6][1];
    b[0][0] = 16; // v = (0, 1, 1, ...) solves v[f(i)] - v[i] = B[i]: v1 - v0 = 1, v2 - v1 = 0, v0 - v2 = -1
    b[2][0] = -16;
    Ids4Layer layer =
        Ids4Layer.builder(P).a(new long[][][] {cyc}).b(b).c(new long[1][6]).build();
    List<FiniteStateChannel> channels = FiniteStateDecomposition.of(layer, 100, 4096);
    assertEquals(2, channels.size());
    assertArrayEquals(new int[] {0, 1, 2}, channels.get(0).dims);
    assertEquals(3, channels.get(0).points());
    assertEquals(1, channels.get(1).points());
    assertEquals(FiniteStateChannel.Form.STATE_SET, channels.get(1).form);
  }

  @Test
  void refusesGrowingStates() {
    long[][] twice = {{32}};
    Ids4Layer layer =
        Ids4Layer.builder(P).a(new long[][][] {twice, twice}).b(new long[][] {{16, 0}})
            .c(new long[][] {{16}}).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FiniteStateDecomposition.of(layer, 64, 100));
    assertTrue(e.getMessage().contains("more than 100 reachable within n = 64"), e.getMessage());
    // within 5 steps there are only 2^5 sequences: finite
    assertEquals(1, FiniteStateDecomposition.of(layer, 5, 100).size());
  }

  static Ids4Layer randomPointMapLayer(
      Random rnd, int blocks, int blockSize, int vocab, boolean permutationsOnly) {
    int d = blocks * blockSize;
    long one = 1L << P.fractionBits();
    long[][][] a = new long[vocab][d][d];
    long[] v = new long[d];
    for (int i = 0; i < d; i++) {
      v[i] = rnd.nextInt(9) - 4; // raw, small so that B fits
    }
    long[][] b = new long[d][vocab];
    for (int s = 0; s < vocab; s++) {
      for (int blk = 0; blk < blocks; blk++) {
        int[] map = new int[blockSize];
        if (permutationsOnly) {
          List<Integer> pts = new ArrayList<>();
          for (int i = 0; i < blockSize; i++) {
            pts.add(i);
          }
          java.util.Collections.shuffle(pts, rnd);
          for (int i = 0; i < blockSize; i++) {
            map[i] = pts.get(i);
          }
        } else {
          for (int i = 0; i < blockSize; i++) {
            map[i] = rnd.nextInt(blockSize);
          }
        }
        for (int i = 0; i < blockSize; i++) {
          int row = blk * blockSize + i;
          int col = blk * blockSize + map[i];
          a[s][row][col] = one;
          b[row][s] = v[col] - v[row];
        }
      }
    }
    return Ids4Layer.builder(P).a(a).b(b).c(new long[1][d]).build();
  }

  private static long[][] randomMatrix(Random rnd, int rows, int cols, int bound) {
    long[][] m = new long[rows][cols];
    for (long[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = rnd.nextInt(2 * bound + 1) - bound;
      }
    }
    return m;
  }

  /** Builds the channels' prefix circuits for every position and compares states on 64 words. */
  private static void checkAgainstRecurrence(
      Layer layer, Random rnd, int n, PrefixNetwork network) {
    int vocab = layer.vocabularySize();
    List<FiniteStateChannel> channels = FiniteStateDecomposition.of(layer, n, 4096);
    CircuitBuilder b = new CircuitBuilder();
    int[][] tokens = new int[n][vocab];
    for (int t = 0; t < n; t++) {
      for (int s = 0; s < vocab; s++) {
        tokens[t][s] = b.input("x[" + t + "][" + s + "]");
      }
    }
    int[] positions = new int[n];
    for (int t = 0; t < n; t++) {
      positions[t] = t;
    }
    List<int[][]> lits = new ArrayList<>();
    int outputs = 0;
    for (FiniteStateChannel ch : channels) {
      int[][] perPos = FiniteStatePrefix.build(b, ch, tokens, positions, network);
      lits.add(perPos);
      for (int t = 0; t < n; t++) {
        for (int e = 0; e < perPos[t].length; e++) {
          b.output("o" + outputs++, perPos[t][e]);
        }
      }
    }
    Circuit circuit = b.build();
    int lanes = 64;
    int[][] words = new int[lanes][n];
    long[] in = new long[n * vocab];
    for (int l = 0; l < lanes; l++) {
      for (int t = 0; t < n; t++) {
        words[l][t] = rnd.nextInt(vocab);
        in[t * vocab + words[l][t]] |= 1L << l;
      }
    }
    long[] out = Simulator.of(circuit).simulate(in);
    for (int l = 0; l < lanes; l++) {
      Dyadic[][] h = exactStates(layer, words[l]);
      int o = 0;
      for (int c = 0; c < channels.size(); c++) {
        FiniteStateChannel ch = channels.get(c);
        int width = lits.get(c)[0].length;
        for (int t = 0; t < n; t++) {
          boolean[] bits = new boolean[width];
          for (int e = 0; e < width; e++) {
            bits[e] = ((out[o++] >>> l) & 1) != 0;
          }
          Dyadic[] decoded = decode(ch, bits);
          for (int i = 0; i < ch.dims.length; i++) {
            assertEquals(h[t][ch.dims[i]], decoded[i], "lane " + l + " t " + (t + 1));
          }
        }
      }
    }
  }

  /** The channel's state from its indicators; fails unless they are a valid one-hot code. */
  private static Dyadic[] decode(FiniteStateChannel ch, boolean[] bits) {
    int m = ch.points();
    if (ch.form == FiniteStateChannel.Form.STATE_SET) {
      int hot = exactlyOne(bits, 0, 1, m);
      return ch.states[hot];
    }
    Dyadic[] h = new Dyadic[m];
    for (int i = 0; i < m; i++) {
      int k = exactlyOne(bits, i, m, m); // entries k * m + i
      h[i] = ch.offset[k].subtract(ch.offset[i]);
    }
    return h;
  }

  private static int exactlyOne(boolean[] bits, int start, int stride, int count) {
    int hot = -1;
    for (int k = 0; k < count; k++) {
      if (bits[start + k * stride]) {
        assertEquals(-1, hot, "two indicators set");
        hot = k;
      }
    }
    assertTrue(hot >= 0, "no indicator set");
    return hot;
  }

  /** h_1 .. h_n by the recurrence, exactly. */
  private static Dyadic[][] exactStates(Layer layer, int[] word) {
    int d = layer.stateDim();
    long[][] bRaw = layer.rawB();
    Dyadic[] h = new Dyadic[d];
    java.util.Arrays.fill(h, Dyadic.ZERO);
    Dyadic[][] out = new Dyadic[word.length][];
    for (int t = 0; t < word.length; t++) {
      int s = word[t];
      long[][] a = layer instanceof Ids4Layer ids ? ids.rawA(s) : ((RnnLayer) layer).rawA();
      Dyadic[] next = new Dyadic[d];
      for (int i = 0; i < d; i++) {
        Dyadic sum = P.value(bRaw[i][s]);
        for (int j = 0; j < d; j++) {
          sum = sum.add(P.value(a[i][j]).multiply(h[j]));
        }
        next[i] = layer instanceof RnnLayer ? Dyadic.of(sum.signum()) : sum;
      }
      h = next;
      out[t] = h;
    }
    return out;
  }
}
