package illusion.ssm;

import illusion.number.Dyadic;
import illusion.number.Precision;

/**
 * Every layer kind as one per-token affine map {@code h -> act(A(σ) h + B(σ))} with exact entries
 * (act = sgn for {@link RnnLayer}, the identity otherwise), plus the exact output map {@code C h +
 * D x}. This is the single place that spells out Def. 2.1 for each kind; the evaluators run it.
 *
 * <p>A(σ) is stored as sparse rows (zero entries dropped); kinds with a token-independent A share
 * one set of rows across tokens.
 */
final class AffineForm {
  final Layer layer;
  final Precision precision;
  final int d;
  final int m;
  final int vocab;
  final boolean sign;
  /** {@code cols[σ][i]}: the columns of the nonzero entries of row i of A(σ). */
  final int[][][] cols;
  /** {@code vals[σ][i]}: those entries. */
  final Dyadic[][][] vals;
  /** {@code bias[σ][i] = B[i][σ]}. */
  final Dyadic[][] bias;
  /** C, m x d. */
  final Dyadic[][] c;
  /** {@code dT[σ][c] = D[c][σ]}. */
  final Dyadic[][] dT;

  private AffineForm(Layer layer) {
    this.layer = layer;
    this.precision = layer.precision();
    this.d = layer.stateDim();
    this.m = layer.outputDim();
    this.vocab = layer.vocabularySize();
    this.sign = layer instanceof RnnLayer;
    this.cols = new int[vocab][][];
    this.vals = new Dyadic[vocab][][];
    if (layer instanceof S4Layer) {
      shareDense(((S4Layer) layer).rawA());
    } else if (layer instanceof RnnLayer) {
      shareDense(((RnnLayer) layer).rawA());
    } else if (layer instanceof S4DLayer) {
      long[] a = ((S4DLayer) layer).rawA();
      Dyadic[] diag = new Dyadic[d];
      for (int i = 0; i < d; i++) {
        diag[i] = value(a[i]);
      }
      int[][] cc = new int[d][];
      Dyadic[][] vv = new Dyadic[d][];
      setDiagonal(diag, cc, vv);
      for (int s = 0; s < vocab; s++) {
        cols[s] = cc;
        vals[s] = vv;
      }
    } else if (layer instanceof SelectiveLayer) {
      SelectiveLayer sel = (SelectiveLayer) layer;
      long[] base = sel.rawBase();
      int[][] e = sel.exponents();
      for (int s = 0; s < vocab; s++) {
        Dyadic[] diag = new Dyadic[d];
        for (int i = 0; i < d; i++) {
          diag[i] = e[i][s] == SelectiveLayer.RESET ? Dyadic.ZERO : value(base[i]).pow(e[i][s]);
        }
        cols[s] = new int[d][];
        vals[s] = new Dyadic[d][];
        setDiagonal(diag, cols[s], vals[s]);
      }
    } else {
      long[][][] a = ((Ids4Layer) layer).rawA();
      for (int s = 0; s < vocab; s++) {
        cols[s] = new int[d][];
        vals[s] = new Dyadic[d][];
        setDense(a[s], cols[s], vals[s]);
      }
    }
    long[][] b = layer.rawB();
    long[][] dd = layer.rawD();
    this.bias = new Dyadic[vocab][d];
    this.dT = new Dyadic[vocab][m];
    for (int s = 0; s < vocab; s++) {
      for (int i = 0; i < d; i++) {
        bias[s][i] = value(b[i][s]);
      }
      for (int k = 0; k < m; k++) {
        dT[s][k] = value(dd[k][s]);
      }
    }
    long[][] cc = layer.rawC();
    this.c = new Dyadic[m][d];
    for (int k = 0; k < m; k++) {
      for (int i = 0; i < d; i++) {
        c[k][i] = value(cc[k][i]);
      }
    }
  }

  static AffineForm of(Layer layer) {
    return new AffineForm(layer);
  }

  private Dyadic value(long raw) {
    return precision.value(raw);
  }

  private void shareDense(long[][] a) {
    int[][] cc = new int[d][];
    Dyadic[][] vv = new Dyadic[d][];
    setDense(a, cc, vv);
    for (int s = 0; s < vocab; s++) {
      cols[s] = cc;
      vals[s] = vv;
    }
  }

  private void setDense(long[][] a, int[][] cc, Dyadic[][] vv) {
    for (int i = 0; i < d; i++) {
      int nz = 0;
      for (int j = 0; j < d; j++) {
        if (a[i][j] != 0) {
          nz++;
        }
      }
      cc[i] = new int[nz];
      vv[i] = new Dyadic[nz];
      int k = 0;
      for (int j = 0; j < d; j++) {
        if (a[i][j] != 0) {
          cc[i][k] = j;
          vv[i][k++] = value(a[i][j]);
        }
      }
    }
  }

  private static void setDiagonal(Dyadic[] diag, int[][] cc, Dyadic[][] vv) {
    for (int i = 0; i < diag.length; i++) {
      boolean nz = diag[i].signum() != 0;
      cc[i] = nz ? new int[] {i} : new int[0];
      vv[i] = nz ? new Dyadic[] {diag[i]} : new Dyadic[0];
    }
  }

  /** One exact step: writes {@code act(A(σ) h + B(σ))} into {@code next} (distinct from h). */
  void step(Dyadic[] h, int token, Dyadic[] next) {
    int[][] cc = cols[token];
    Dyadic[][] vv = vals[token];
    Dyadic[] b = bias[token];
    for (int i = 0; i < d; i++) {
      Dyadic sum = b[i];
      int[] ci = cc[i];
      Dyadic[] vi = vv[i];
      for (int k = 0; k < ci.length; k++) {
        sum = sum.add(vi[k].multiply(h[ci[k]]));
      }
      next[i] = sign ? Dyadic.of(sum.signum()) : sum;
    }
  }

  /** The rounded output {@code sat_p(floor(2^f (C h + D e_σ)))} into {@code out}. */
  void output(Dyadic[] h, int token, long[] out) {
    Dyadic[] dcol = dT[token];
    for (int k = 0; k < m; k++) {
      Dyadic sum = dcol[k];
      Dyadic[] ck = c[k];
      for (int i = 0; i < d; i++) {
        if (ck[i].signum() != 0) {
          sum = sum.add(ck[i].multiply(h[i]));
        }
      }
      out[k] = precision.round(sum);
    }
  }

  /** The zero state h_0. */
  Dyadic[] zeroState() {
    Dyadic[] h = new Dyadic[d];
    java.util.Arrays.fill(h, Dyadic.ZERO);
    return h;
  }
}
