package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Ids4Layer;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * DESIGN.md "Compile cost guidance": an IDS4 layer whose A(σ) are maps of d points (one 1 per row)
 * with B(σ) = (A(σ) - I) v compiles as a d-point map, however many states it reaches, so even a
 * state bound of 1 does not refuse it, and the circuit agrees with the native evaluator. Moving
 * one entry of B off (A(σ) - I) v breaks the structure: the layer is then compiled from its
 * reachable states, and refused under that bound.
 */
class PointMapProperties {
  private static final Precision P = Precision.of(12, 2);

  /** A(σ) = the map f_σ of d points, B(σ)[i] = v[f_σ(i)] - v[i], C = I, as raw values. */
  private static Ids4Layer layer(int[][] maps, long[] v, long bump) {
    int vocab = maps.length;
    int d = v.length;
    long one = 1L << P.fractionBits();
    long[][][] a = new long[vocab][d][d];
    long[][] b = new long[d][vocab];
    for (int s = 0; s < vocab; s++) {
      for (int i = 0; i < d; i++) {
        a[s][i][maps[s][i]] = one;
        b[i][s] = v[maps[s][i]] - v[i];
      }
    }
    b[0][0] += bump;
    long[][] c = new long[1][d];
    c[0][0] = one;
    return Ids4Layer.builder(P).a(a).b(b).c(c).build();
  }

  @Property(tries = 25)
  void pointMapsCompileWhateverTheirStateCount(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 2 + r.nextInt(4);
    int vocab = 1 + r.nextInt(3);
    boolean permutations = r.nextBoolean();
    int[][] maps = new int[vocab][d];
    for (int i = 0; i < d; i++) {
      maps[0][i] = (i + 1) % d; // a d-cycle keeps the d points one channel
    }
    for (int s = 1; s < vocab; s++) {
      for (int i = 0; i < d; i++) {
        maps[s][i] = permutations ? i : r.nextInt(d);
      }
      for (int i = d - 1; permutations && i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = maps[s][i];
        maps[s][i] = maps[s][j];
        maps[s][j] = t;
      }
    }
    long[] v = new long[d];
    for (int i = 0; i < d; i++) {
      v[i] = r.nextLong(-40, 41);
    }
    Ids4Layer layer = layer(maps, v, 0);
    Model model = Model.builder("maps", vocab).add(layer, Readout.builder(new int[] {4}, 2).putIndex(1, 1).build()).build();
    int n = 1 + r.nextInt(6);
    CompileOptions tight = CompileOptions.builder().maxStates(1).build();
    CompiledModel compiled = ModelCompiler.compile(model, n, Outputs.ALL, tight);
    // a point map, or a smaller set of states reachable within n steps; or, when the read value
    // v[F(0)] - v[0] is the same for every composed map F of 1..n steps, possibly a constant
    String strategy = compiled.strategies().get(0);
    String shapes = "(" + d + "-point map|[1-" + d + "] states" + (readValueIsFixed(maps, v, n) ? "|constant" : "") + ")";
    assertTrue(strategy.matches("finite-state prefix \\(Thm 5\\.2\\): " + shapes + ", brent-kung"), strategy);
    int[][] sequences = new int[64][n];
    for (int[] s : sequences) {
      for (int t = 0; t < n; t++) {
        s[t] = r.nextInt(vocab);
      }
    }
    CircuitAgreement.Result result = CircuitAgreement.check(compiled, sequences);
    assertTrue(result.agrees(), () -> result.toString());

    // off by one raw step: no longer a point map; its states drift, so a bound of one state refuses it
    Ids4Layer bumped = layer(maps, v, 1);
    Model off = Model.builder("off", vocab).add(bumped, Readout.builder(new int[] {4}, 2).build()).build();
    String message =
        assertThrows(IllegalArgumentException.class, () -> ModelCompiler.compile(off, Math.max(n, 2), Outputs.ALL, tight))
            .getMessage();
    assertTrue(message.contains("ids4 layer is not finite-state"), message);
  }

  /**
   * Whether v[F(0)] takes one value over every F = f_{s_1} o ... o f_{s_k}, 1 <= k <= n: the
   * points reached from 0 in exactly k steps, breadth first.
   */
  private static boolean readValueIsFixed(int[][] maps, long[] v, int n) {
    boolean[] level = new boolean[v.length];
    level[0] = true;
    Long seen = null;
    for (int k = 1; k <= n; k++) {
      boolean[] next = new boolean[v.length];
      for (int p = 0; p < v.length; p++) {
        for (int[] f : maps) {
          next[f[p]] |= level[p];
        }
      }
      for (int p = 0; p < v.length; p++) {
        if (next[p] && seen != null && seen != v[p]) {
          return false;
        }
        seen = next[p] && seen == null ? Long.valueOf(v[p]) : seen;
      }
      level = next;
    }
    return true;
  }
}
