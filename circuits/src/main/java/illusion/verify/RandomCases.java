package illusion.verify;

import illusion.number.Precision;
import illusion.ssm.Ids4Layer;
import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import illusion.ssm.RnnLayer;
import illusion.ssm.S4DLayer;
import illusion.ssm.S4Layer;
import illusion.ssm.SelectiveLayer;
import java.util.SplittableRandom;

/**
 * The random models and token sequences of an {@link ExactnessCheck}: every layer kind, every
 * precision {@code 2 <= p <= 63} with any number of fraction bits, and sequences of many shapes.
 *
 * <p>Parameters are drawn from classes that reach the corners of the semantics: zero, the raw
 * value ±1 (the least step), exactly ±1.0, the extremes of the p-bit range (saturation), and
 * uniform values below a magnitude bound. Wide precisions get small magnitudes so that outputs
 * range over few values and circuits stay small; narrow ones get the whole range, where rounding
 * and saturation bite. Finite-state kinds (IDS4) mostly get permutation or transformation matrices
 * with {@code B(σ) = (A(σ) - I) v} (DESIGN.md "Layer kinds"), sometimes arbitrary matrices, which a
 * compiler may refuse.
 *
 * <p>Deterministic: the same random source gives the same model and sequences.
 */
final class RandomCases {
  /** The sequence shapes; each sequence of a batch picks one. */
  enum Shape {
    UNIFORM,
    CONSTANT,
    ALTERNATING,
    PERIODIC,
    RUNS,
    SPARSE,
    RAMP
  }

  private RandomCases() {}

  /**
   * A random model: one layer of {@code kind} (a second layer of a random kind one time in eight)
   * reading {@code 1..maxVocabulary} tokens, each layer followed by a random readout.
   */
  static Model model(LayerKind kind, int maxVocabulary, SplittableRandom r) {
    int vocab = vocabulary(maxVocabulary, r);
    Model.Builder model = Model.builder("random-" + kind.id(), vocab);
    int depth = r.nextInt(8) == 0 ? 2 : 1;
    for (int l = 0; l < depth; l++) {
      LayerKind k = l == 0 ? kind : LayerKind.values()[r.nextInt(LayerKind.values().length)];
      Layer layer = layer(k, vocab, r);
      vocab = vocabulary(Math.max(2, Math.min(4, maxVocabulary)), r);
      model.add(layer, readout(layer, vocab, r));
    }
    return model.tracks("nothing: a random " + kind.id() + " model").build();
  }

  private static int vocabulary(int max, SplittableRandom r) {
    int v = r.nextInt(4) == 0 ? 1 + r.nextInt(max) : 1 + r.nextInt(Math.min(max, 4));
    return Math.max(1, v);
  }

  /** A random precision: mostly narrow (2..8 bits), sometimes up to 16, rarely up to 63. */
  static Precision precision(SplittableRandom r, boolean needsOne) {
    int roll = r.nextInt(20);
    int bits = roll < 13 ? 2 + r.nextInt(7) : roll < 18 ? 9 + r.nextInt(8) : 17 + r.nextInt(47);
    int f = r.nextInt(bits);
    if (needsOne && f > bits - 2) {
      f = bits - 2; // 1.0 must be representable
    }
    if (bits > 12 && r.nextBoolean()) {
      f = Math.min(f, r.nextInt(4)); // wide and coarse: few values per unit
    }
    return Precision.of(bits, f);
  }

  /**
   * The magnitude bound (raw) of "uniform" parameters at precision p: the whole range up to 8
   * bits, then shrinking so that an output ranges over at most a few thousand values.
   */
  static long magnitude(Precision p, SplittableRandom r) {
    int bits = Math.min(p.bits() - 1, 6 + r.nextInt(3));
    return Math.max(1, (1L << bits) - 1);
  }

  /** One parameter, raw, from the classes of the class documentation. */
  static long parameter(Precision p, long bound, SplittableRandom r) {
    long one = 1L << p.fractionBits();
    switch (r.nextInt(10)) {
      case 0:
      case 1:
      case 2:
        return 0;
      case 3:
        return r.nextBoolean() ? 1 : -1;
      case 4:
        return p.saturate(r.nextBoolean() ? one : -one);
      case 5:
        return p.bits() <= 10 ? (r.nextBoolean() ? p.maxRaw() : p.minRaw()) : r.nextLong(-bound, bound + 1);
      default:
        return r.nextLong(-bound, bound + 1);
    }
  }

  private static long[][] matrix(int rows, int cols, Precision p, long bound, SplittableRandom r) {
    long[][] m = new long[rows][cols];
    for (long[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = parameter(p, bound, r);
      }
    }
    return m;
  }

  /**
   * A transition entry (raw), mostly in [-1, 1], where states neither vanish nor explode: 0, 1.0,
   * -1.0 and uniform in [-2, 2] one time in six each, else uniform in [-1, 1]; saturated to p.
   */
  static long transition(Precision p, SplittableRandom r) {
    long one = 1L << p.fractionBits();
    switch (r.nextInt(6)) {
      case 0:
        return 0;
      case 1:
        return p.saturate(one);
      case 2:
        return p.saturate(-one);
      case 3:
        long two = one > (Long.MAX_VALUE >> 2) ? one : 2 * one;
        return p.saturate(r.nextLong(-two, two + 1));
      default:
        return p.saturate(r.nextLong(-one, one + 1));
    }
  }

  static Layer layer(LayerKind kind, int vocab, SplittableRandom r) {
    int d = 1 + r.nextInt(r.nextInt(4) == 0 ? 5 : 3);
    int m = 1 + r.nextInt(r.nextInt(4) == 0 ? 3 : 2);
    Precision p = precision(r, kind == LayerKind.SELECTIVE || kind == LayerKind.IDS4);
    long bound = magnitude(p, r);
    long one = 1L << p.fractionBits();
    long[][] b = matrix(d, vocab, p, bound, r);
    long[][] c = matrix(m, d, p, bound, r);
    long[][] dd = r.nextInt(3) == 0 ? null : matrix(m, vocab, p, bound, r);
    switch (kind) {
      case S4:
        {
          long[][] a = new long[d][d];
          int mode = r.nextInt(4); // 0: dense, 1: delay line, 2: integer, 3: diagonal-ish
          for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
              switch (mode) {
                case 1:
                  a[i][j] = i == j + 1 ? p.saturate(one) : 0;
                  break;
                case 2:
                  a[i][j] = p.saturate(one * (r.nextInt(3) - 1));
                  break;
                case 3:
                  a[i][j] = i == j ? transition(p, r) : r.nextInt(4) == 0 ? transition(p, r) : 0;
                  break;
                default:
                  a[i][j] = transition(p, r);
              }
            }
          }
          return S4Layer.builder(p).a(a).b(b).c(c).d(dd).build();
        }
      case S4D:
        {
          long[] a = new long[d];
          for (int i = 0; i < d; i++) {
            a[i] = transition(p, r);
          }
          return S4DLayer.builder(p).a(a).b(b).c(c).d(dd).build();
        }
      case SELECTIVE:
        {
          long[] base = new long[d];
          int[][] e = new int[d][vocab];
          int maxExponent = r.nextInt(8) == 0 ? SelectiveLayer.MAX_EXPONENT : 1 + r.nextInt(3);
          int resetOdds = 2 + r.nextInt(8);
          for (int i = 0; i < d; i++) {
            switch (r.nextInt(6)) {
              case 0:
                base[i] = one;
                break;
              case 1:
                base[i] = -one;
                break;
              case 2:
                base[i] = 0;
                break;
              case 3:
                base[i] = r.nextBoolean() ? one / 2 : -one / 2;
                break;
              default:
                base[i] = r.nextLong(-one, one + 1);
            }
            for (int s = 0; s < vocab; s++) {
              e[i][s] = r.nextInt(resetOdds) == 0 ? SelectiveLayer.RESET : r.nextInt(maxExponent + 1);
            }
          }
          return SelectiveLayer.builder(p).base(base).exponents(e).b(b).c(c).d(dd).build();
        }
      case IDS4:
        {
          long[][][] a = new long[vocab][d][d];
          int mode = r.nextInt(8); // 0..3: permutations, 4..6: transformations, 7: arbitrary
          if (mode < 7) {
            long[] v = new long[d];
            for (int i = 0; i < d; i++) {
              v[i] = r.nextInt(3) == 0 ? parameter(p, bound, r) : p.saturate(r.nextLong(-2, 3) * one);
            }
            boolean injected = r.nextInt(4) != 0;
            for (int s = 0; s < vocab; s++) {
              int[] map = mode < 4 ? permutation(d, r) : transformation(d, r);
              for (int i = 0; i < d; i++) {
                a[s][i][map[i]] = p.saturate(one);
                if (injected) {
                  b[i][s] = p.saturate(v[map[i]] - v[i]);
                }
              }
            }
          } else {
            for (int s = 0; s < vocab; s++) {
              for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                  a[s][i][j] = transition(p, r);
                }
              }
            }
          }
          return Ids4Layer.builder(p).a(a).b(b).c(c).d(dd).build();
        }
      case RNN:
        return RnnLayer.builder(p).a(matrix(d, d, p, bound, r)).b(b).c(c).d(dd).build();
      default:
        throw new AssertionError(kind);
    }
  }

  /** A random readout: moduli 1..4 (powers of two keep low bits), random tokens. */
  static Readout readout(Layer layer, int outputVocabulary, SplittableRandom r) {
    int[] moduli = new int[layer.outputDim()];
    for (int c = 0; c < moduli.length; c++) {
      moduli[c] = 1 + r.nextInt(4);
    }
    return Readout.tabulate(moduli, outputVocabulary, res -> r.nextInt(outputVocabulary));
  }

  static int[] permutation(int d, SplittableRandom r) {
    int[] p = new int[d];
    for (int i = 0; i < d; i++) {
      p[i] = i;
    }
    for (int i = d - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  static int[] transformation(int d, SplittableRandom r) {
    int[] f = new int[d];
    for (int i = 0; i < d; i++) {
      f[i] = r.nextInt(d);
    }
    return f;
  }

  /** A random sequence length: mostly 1..12, sometimes up to {@code maxLength}. */
  static int length(int maxLength, SplittableRandom r) {
    return r.nextInt(4) == 0 ? 1 + r.nextInt(maxLength) : 1 + r.nextInt(Math.min(12, maxLength));
  }

  /**
   * {@code count} sequences of length n over {@code vocab} tokens: all {@code vocab^n} of them in
   * order (repeated cyclically) when there are at most {@code count}, else of random shapes.
   */
  static int[][] sequences(int count, int n, int vocab, SplittableRandom r) {
    int[][] s = new int[count][n];
    double all = Math.pow(vocab, n);
    if (all <= count) {
      for (int k = 0; k < count; k++) {
        long code = k % (long) all;
        for (int t = n - 1; t >= 0; t--) {
          s[k][t] = (int) (code % vocab);
          code /= vocab;
        }
      }
      return s;
    }
    Shape[] shapes = Shape.values();
    for (int[] seq : s) {
      fill(seq, vocab, shapes[r.nextInt(shapes.length)], r);
    }
    return s;
  }

  static void fill(int[] seq, int vocab, Shape shape, SplittableRandom r) {
    int n = seq.length;
    int a = r.nextInt(vocab);
    int b = r.nextInt(vocab);
    switch (shape) {
      case CONSTANT:
        java.util.Arrays.fill(seq, a);
        break;
      case ALTERNATING:
        for (int t = 0; t < n; t++) {
          seq[t] = t % 2 == 0 ? a : b;
        }
        break;
      case PERIODIC:
        {
          int[] period = new int[1 + r.nextInt(4)];
          for (int i = 0; i < period.length; i++) {
            period[i] = r.nextInt(vocab);
          }
          for (int t = 0; t < n; t++) {
            seq[t] = period[t % period.length];
          }
          break;
        }
      case RUNS:
        for (int t = 0; t < n; ) {
          int token = r.nextInt(vocab);
          int run = 1 + r.nextInt(Math.max(1, n / 2));
          for (int k = 0; k < run && t < n; k++) {
            seq[t++] = token;
          }
        }
        break;
      case SPARSE:
        for (int t = 0; t < n; t++) {
          seq[t] = r.nextInt(5) == 0 ? r.nextInt(vocab) : a;
        }
        break;
      case RAMP:
        for (int t = 0; t < n; t++) {
          seq[t] = (a + t) % vocab;
        }
        break;
      default:
        for (int t = 0; t < n; t++) {
          seq[t] = r.nextInt(vocab);
        }
    }
  }
}
