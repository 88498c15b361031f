package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import illusion.number.Precision;
import java.util.SplittableRandom;

/**
 * Random layers, readouts and models for property tests: random shapes (d in 1..4, m in 1..3),
 * precisions (p in 2..16, any f &lt; p), parameters (a quarter of them zero), exponents and RESETs.
 * About a third of the linear layers get integer transitions (values in {-1, 0, 1}) and half of
 * the IDS4 layers get permutation or transformation matrices with {@code B(σ) = (A(σ) - I) v}, so
 * that every evaluation path is exercised. Deterministic for a given random source.
 */
public final class RandomLayers {
  private RandomLayers() {}

  /** A random layer of a random kind reading 1..5 tokens. */
  public static Layer layer(SplittableRandom random) {
    LayerKind[] kinds = LayerKind.values();
    return layer(kinds[random.nextInt(kinds.length)], 1 + random.nextInt(5), random);
  }

  /** A random layer of {@code kind} reading 1..5 tokens. */
  public static Layer layer(LayerKind kind, SplittableRandom random) {
    return layer(kind, 1 + random.nextInt(5), random);
  }

  /** A random layer of {@code kind} reading {@code vocabulary} tokens. */
  public static Layer layer(LayerKind kind, int vocabulary, SplittableRandom random) {
    checkNotNull(kind, "kind");
    checkArgument(vocabulary >= 1, "vocabulary must be at least 1, got %s", vocabulary);
    int d = 1 + random.nextInt(4);
    int m = 1 + random.nextInt(3);
    int bits = 2 + random.nextInt(15);
    int f = random.nextInt(bits);
    if ((kind == LayerKind.IDS4 || kind == LayerKind.SELECTIVE) && f > bits - 2) {
      f = bits - 2; // so that 1 is representable
    }
    Precision p = Precision.of(bits, f);
    long one = 1L << f;
    boolean integral = random.nextInt(3) == 0;
    long[][] b = matrix(d, vocabulary, p, random);
    long[][] c = matrix(m, d, p, random);
    long[][] dd = matrix(m, vocabulary, p, random);
    switch (kind) {
      case S4:
        return S4Layer.builder(p)
            .a(integral ? unitMatrix(d, d, p, random) : matrix(d, d, p, random))
            .b(b)
            .c(c)
            .d(dd)
            .build();
      case S4D:
        return S4DLayer.builder(p)
            .a(integral ? unitMatrix(1, d, p, random)[0] : matrix(1, d, p, random)[0])
            .b(b)
            .c(c)
            .d(dd)
            .build();
      case SELECTIVE:
        {
          long[] base = new long[d];
          int[][] e = new int[d][vocabulary];
          for (int i = 0; i < d; i++) {
            base[i] =
                integral
                    ? one * (random.nextInt(3) - 1)
                    : random.nextLong(-one, one + 1);
            for (int s = 0; s < vocabulary; s++) {
              e[i][s] = random.nextInt(6) == 0 ? SelectiveLayer.RESET : random.nextInt(5);
            }
          }
          return SelectiveLayer.builder(p).base(base).exponents(e).b(b).c(c).d(dd).build();
        }
      case IDS4:
        {
          int mode = random.nextInt(4); // 0, 1: random; 2: permutations; 3: transformations
          long[][][] a = new long[vocabulary][][];
          if (mode >= 2) {
            long[] v = new long[d];
            for (int i = 0; i < d; i++) {
              v[i] = random.nextLong(-2, 3);
            }
            for (int s = 0; s < vocabulary; s++) {
              int[] map = mode == 2 ? permutation(d, random) : transformation(d, random);
              a[s] = new long[d][d];
              for (int i = 0; i < d; i++) {
                a[s][i][map[i]] = one;
                b[i][s] = p.saturate((v[map[i]] - v[i]) * one);
              }
            }
          } else {
            for (int s = 0; s < vocabulary; s++) {
              a[s] = matrix(d, d, p, random);
            }
          }
          return Ids4Layer.builder(p).a(a).b(b).c(c).d(dd).build();
        }
      case RNN:
        return RnnLayer.builder(p).a(matrix(d, d, p, random)).b(b).c(c).d(dd).build();
      default:
        throw new AssertionError(kind);
    }
  }

  /**
   * A random readout after {@code layer}: moduli in 1..4, random tokens in {@code [0,
   * outputVocabulary)}.
   */
  public static Readout readout(Layer layer, int outputVocabulary, SplittableRandom random) {
    int[] moduli = new int[layer.outputDim()];
    for (int c = 0; c < moduli.length; c++) {
      moduli[c] = 1 + random.nextInt(4);
    }
    return Readout.tabulate(moduli, outputVocabulary, r -> random.nextInt(outputVocabulary));
  }

  /**
   * A random model of {@code depth} random layers (random kinds, inner vocabularies 1..5) reading
   * {@code inputVocabulary} tokens and labelling with {@code labelVocabulary} tokens.
   */
  public static Model model(
      int inputVocabulary, int labelVocabulary, int depth, SplittableRandom random) {
    checkArgument(depth >= 1, "depth must be at least 1, got %s", depth);
    Model.Builder model = Model.builder("random", inputVocabulary).tracks("nothing: random layers");
    LayerKind[] kinds = LayerKind.values();
    int vocab = inputVocabulary;
    for (int i = 0; i < depth; i++) {
      Layer layer = layer(kinds[random.nextInt(kinds.length)], vocab, random);
      vocab = i == depth - 1 ? labelVocabulary : 1 + random.nextInt(5);
      model.add(layer, readout(layer, vocab, random));
    }
    return model.build();
  }

  private static long[][] matrix(int rows, int cols, Precision p, SplittableRandom random) {
    long[][] m = new long[rows][cols];
    for (long[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextInt(4) == 0 ? 0 : random.nextLong(p.minRaw(), p.maxRaw() + 1);
      }
    }
    return m;
  }

  /** Entries with values in {-1, 0, 1} (1 only if the precision has it). */
  private static long[][] unitMatrix(int rows, int cols, Precision p, SplittableRandom random) {
    long one = 1L << p.fractionBits();
    long[][] m = new long[rows][cols];
    for (long[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = p.fits(one) ? one * (random.nextInt(3) - 1) : -one * random.nextInt(2);
      }
    }
    return m;
  }

  static int[] permutation(int d, SplittableRandom random) {
    int[] p = new int[d];
    for (int i = 0; i < d; i++) {
      p[i] = i;
    }
    for (int i = d - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static int[] transformation(int d, SplittableRandom random) {
    int[] t = new int[d];
    for (int i = 0; i < d; i++) {
      t[i] = random.nextInt(d);
    }
    return t;
  }
}
