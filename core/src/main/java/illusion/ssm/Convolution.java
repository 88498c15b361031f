package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.number.Dyadic;
import illusion.number.Precision;

/**
 * The convolutional form of a non-gated layer (S4, S4D), the basis of Thm 4.2: with {@code h_0 =
 * 0},
 *
 * <pre>
 *   h_t = Σ_{j=1..t} A^{t-j} B x_j,     y_t = sat_p(floor(2^f (Σ_{j=1..t} K_{t-j} x_j + D x_t)))
 * </pre>
 *
 * with the exact kernel {@code K_k = C A^k B} (m x |Σ|). It is computed independently of the
 * recurrence, so agreement with {@link Evaluator} checks both.
 */
public final class Convolution {
  private Convolution() {}

  /** Whether {@code layer} has a token-independent transition (S4 or S4D). */
  public static boolean supports(Layer layer) {
    return layer instanceof S4Layer || layer instanceof S4DLayer;
  }

  /** The exact kernel {@code A^k B} for {@code k = 0 .. n-1}: {@code [k][i][σ]}, d x |Σ| each. */
  public static Dyadic[][][] stateKernel(Layer layer, int n) {
    checkArgument(supports(layer), "the convolutional form needs an s4 or s4d layer, not %s", layer.kind());
    checkArgument(n >= 0, "negative kernel length %s", n);
    Precision p = layer.precision();
    int d = layer.stateDim();
    int v = layer.vocabularySize();
    Dyadic[][] a = new Dyadic[d][d];
    if (layer instanceof S4Layer) {
      long[][] raw = ((S4Layer) layer).rawA();
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          a[i][j] = p.value(raw[i][j]);
        }
      }
    } else {
      long[] raw = ((S4DLayer) layer).rawA();
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          a[i][j] = i == j ? p.value(raw[i]) : Dyadic.ZERO;
        }
      }
    }
    Dyadic[][][] k = new Dyadic[n][][];
    if (n > 0) {
      k[0] = values(layer.rawB(), p);
    }
    for (int t = 1; t < n; t++) {
      k[t] = multiply(a, k[t - 1]);
    }
    return k;
  }

  /** The exact output kernel {@code K_k = C A^k B} for {@code k = 0 .. n-1}: {@code [k][c][σ]}. */
  public static Dyadic[][][] outputKernel(Layer layer, int n) {
    Dyadic[][][] s = stateKernel(layer, n);
    Dyadic[][] c = values(layer.rawC(), layer.precision());
    Dyadic[][][] k = new Dyadic[n][][];
    for (int t = 0; t < n; t++) {
      k[t] = multiply(c, s[t]);
    }
    return k;
  }

  /** The state {@code h_n = Σ_j A^{n-j} B x_j} after {@code tokens}. */
  public static Dyadic[] state(Layer layer, int[] tokens) {
    int n = tokens.length;
    Dyadic[][][] k = stateKernel(layer, n);
    Dyadic[] h = new Dyadic[layer.stateDim()];
    for (int i = 0; i < h.length; i++) {
      Dyadic sum = Dyadic.ZERO;
      for (int j = 0; j < n; j++) {
        sum = sum.add(k[n - 1 - j][i][tokens[j]]);
      }
      h[i] = sum;
    }
    return h;
  }

  /** The rounded outputs at every position, {@code [t][c]}, raw. */
  public static long[][] outputs(Layer layer, int[] tokens) {
    int n = tokens.length;
    Precision p = layer.precision();
    Dyadic[][][] k = outputKernel(layer, n);
    Dyadic[][] dd = values(layer.rawD(), p);
    int m = layer.outputDim();
    long[][] y = new long[n][m];
    for (int t = 0; t < n; t++) {
      for (int c = 0; c < m; c++) {
        Dyadic sum = dd[c][tokens[t]];
        for (int j = 0; j <= t; j++) {
          sum = sum.add(k[t - j][c][tokens[j]]);
        }
        y[t][c] = p.round(sum);
      }
    }
    return y;
  }

  private static Dyadic[][] values(long[][] raw, Precision p) {
    Dyadic[][] v = new Dyadic[raw.length][raw[0].length];
    for (int i = 0; i < raw.length; i++) {
      for (int j = 0; j < raw[0].length; j++) {
        v[i][j] = p.value(raw[i][j]);
      }
    }
    return v;
  }

  private static Dyadic[][] multiply(Dyadic[][] x, Dyadic[][] y) {
    int rows = x.length;
    int inner = y.length;
    int cols = y[0].length;
    Dyadic[][] z = new Dyadic[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        Dyadic sum = Dyadic.ZERO;
        for (int k = 0; k < inner; k++) {
          if (x[i][k].signum() != 0 && y[k][j].signum() != 0) {
            sum = sum.add(x[i][k].multiply(y[k][j]));
          }
        }
        z[i][j] = sum;
      }
    }
    return z;
  }
}
