package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import illusion.number.Precision;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded random one-layer models of every kind, sized for a vocabulary (the group order), with a
 * random readout to labels: baselines for accuracy (they track nothing) and workloads for the
 * evaluator and the compiler. They are kept small enough that the depth table compiles each of
 * them up to n = 1024 in seconds, because exact kernels grow: A^k has k·f fraction bits, and a
 * decaying selective channel needs one threshold per reachable window decay (O(n^2)).
 *
 * <ul>
 *   <li>{@code s4-random}: S4, d = 4, p = 10, f = 4; A entries in [-1/4, 1/4], B, C, D in [-1, 1].
 *   <li>{@code s4d-random}: S4D, d = 4, p = 10, f = 4; diagonal in [-1, 1].
 *   <li>{@code selective-random}: one Mamba-like channel, p = 8, f = 4: a decay base drawn from
 *       {1/2, 3/4, 7/8}, per-token exponent 0 or 1 (Δ quantized to one step) or RESET with
 *       probability 1/8, B in {0, 1}, C and D in [-1, 1].
 *   <li>{@code ids4-random}: IDS4, d = 5, p = 16, f = 8; a random permutation matrix per token,
 *       {@code B(σ) = (A(σ) - I) v} with {@code v_i = i}, C = I (a finite automaton).
 *   <li>{@code rnn-random}: RNN-SSM, d = 2 (at most 9 sign states), p = 10, f = 4; A, B, C, D in
 *       [-1, 1].
 * </ul>
 *
 * The readout reduces every output channel mod 4 (mod 5 for {@code ids4-random}) and maps each
 * residue tuple to a random label.
 */
public final class RandomModels {
  /** The model names {@link #build} accepts. */
  public static final ImmutableList<String> NAMES =
      ImmutableList.of("s4-random", "s4d-random", "selective-random", "ids4-random", "rnn-random");

  private static final int S4_D = 4;
  private static final int RNN_D = 2;
  private static final int M = 4;
  private static final int IDS4_D = 5;
  private static final Precision P = Precision.of(16, 8);
  private static final Precision SMALL = Precision.of(10, 4);
  private static final Precision SELECTIVE = Precision.of(8, 4);

  private RandomModels() {}

  /** Whether {@code name} is one of {@link #NAMES}. */
  public static boolean isRandomModel(String name) {
    return NAMES.contains(name.strip().toLowerCase(Locale.ROOT));
  }

  /** The random model {@code name} reading and labelling {@code vocabulary} tokens. */
  public static Model build(String name, int vocabulary, long seed) {
    checkNotNull(name, "name");
    checkArgument(vocabulary >= 1, "vocabulary must be at least 1, got %s", vocabulary);
    String key = name.strip().toLowerCase(Locale.ROOT);
    SplittableRandom rnd = new SplittableRandom(seed);
    long one = 1L << P.fractionBits();
    long small = 1L << SMALL.fractionBits();
    Layer layer;
    switch (key) {
      case "s4-random":
        layer =
            S4Layer.builder(SMALL)
                .a(uniform(S4_D, S4_D, small / S4_D, rnd))
                .b(uniform(S4_D, vocabulary, small, rnd))
                .c(uniform(M, S4_D, small, rnd))
                .d(uniform(M, vocabulary, small, rnd))
                .build();
        break;
      case "s4d-random":
        layer =
            S4DLayer.builder(SMALL)
                .a(uniform(1, S4_D, small, rnd)[0])
                .b(uniform(S4_D, vocabulary, small, rnd))
                .c(uniform(M, S4_D, small, rnd))
                .d(uniform(M, vocabulary, small, rnd))
                .build();
        break;
      case "selective-random":
        {
          long sOne = 1L << SELECTIVE.fractionBits();
          long[] decays = {sOne / 2, 3 * sOne / 4, 7 * sOne / 8};
          int[][] e = new int[1][vocabulary];
          long[][] b = new long[1][vocabulary];
          for (int s = 0; s < vocabulary; s++) {
            e[0][s] = rnd.nextInt(8) == 0 ? SelectiveLayer.RESET : rnd.nextInt(2);
            b[0][s] = rnd.nextBoolean() ? sOne : 0;
          }
          layer =
              SelectiveLayer.builder(SELECTIVE)
                  .base(new long[] {decays[rnd.nextInt(decays.length)]})
                  .exponents(e)
                  .b(b)
                  .c(uniform(1, 1, sOne, rnd))
                  .d(uniform(1, vocabulary, sOne, rnd))
                  .build();
          break;
        }
      case "ids4-random":
        {
          long[][][] a = new long[vocabulary][IDS4_D][IDS4_D];
          long[][] b = new long[IDS4_D][vocabulary];
          for (int s = 0; s < vocabulary; s++) {
            int[] perm = RandomLayers.permutation(IDS4_D, rnd);
            for (int i = 0; i < IDS4_D; i++) {
              a[s][i][perm[i]] = one;
              b[i][s] = (perm[i] - i) * one;
            }
          }
          long[][] c = new long[IDS4_D][IDS4_D];
          for (int i = 0; i < IDS4_D; i++) {
            c[i][i] = one;
          }
          layer = Ids4Layer.builder(P).a(a).b(b).c(c).build();
          break;
        }
      case "rnn-random":
        layer =
            RnnLayer.builder(SMALL)
                .a(uniform(RNN_D, RNN_D, small, rnd))
                .b(uniform(RNN_D, vocabulary, small, rnd))
                .c(uniform(M, RNN_D, small, rnd))
                .d(uniform(M, vocabulary, small, rnd))
                .build();
        break;
      default:
        throw new IllegalArgumentException(
            "unknown model '" + name + "': expected one of " + String.join(", ", NAMES));
    }
    int[] moduli = new int[layer.outputDim()];
    Arrays.fill(moduli, key.equals("ids4-random") ? IDS4_D : 4);
    Readout readout = Readout.tabulate(moduli, vocabulary, r -> rnd.nextInt(vocabulary));
    return Model.builder(key, vocabulary)
        .tracks(
            "nothing: a random "
                + layer.kind()
                + " layer (seed "
                + seed
                + ") with a random readout, a baseline at chance")
        .add(layer, readout)
        .build();
  }

  /** Raw entries uniform in [-bound, bound]. */
  private static long[][] uniform(int rows, int cols, long bound, SplittableRandom rnd) {
    long[][] m = new long[rows][cols];
    for (long[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = rnd.nextLong(-bound, bound + 1);
      }
    }
    return m;
  }
}
