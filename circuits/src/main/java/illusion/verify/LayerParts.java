package illusion.verify;

import illusion.number.Precision;
import illusion.ssm.Ids4Layer;
import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.RnnLayer;
import illusion.ssm.S4DLayer;
import illusion.ssm.S4Layer;
import illusion.ssm.SelectiveLayer;

/**
 * The parameters of a {@link Layer} as plain arrays, so that the shrinker can drop a state
 * channel, an output channel or a token, or change one entry, and rebuild a layer of the same kind
 * (whose builder validates the result). Every operation returns a new instance.
 */
final class LayerParts {
  final LayerKind kind;
  final Precision precision;
  /** S4, RNN: d x d. */
  final long[][] a;
  /** S4D: the diagonal; selective: the bases. */
  final long[] diagonal;
  /** Selective: d x |Σ|. */
  final int[][] exponents;
  /** IDS4: |Σ| x d x d. */
  final long[][][] perToken;

  final long[][] b;
  final long[][] c;
  final long[][] d;

  private LayerParts(
      LayerKind kind,
      Precision precision,
      long[][] a,
      long[] diagonal,
      int[][] exponents,
      long[][][] perToken,
      long[][] b,
      long[][] c,
      long[][] d) {
    this.kind = kind;
    this.precision = precision;
    this.a = a;
    this.diagonal = diagonal;
    this.exponents = exponents;
    this.perToken = perToken;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  static LayerParts of(Layer layer) {
    long[][] a = null;
    long[] diagonal = null;
    int[][] exponents = null;
    long[][][] perToken = null;
    if (layer instanceof S4Layer) {
      a = ((S4Layer) layer).rawA();
    } else if (layer instanceof RnnLayer) {
      a = ((RnnLayer) layer).rawA();
    } else if (layer instanceof S4DLayer) {
      diagonal = ((S4DLayer) layer).rawA();
    } else if (layer instanceof SelectiveLayer) {
      diagonal = ((SelectiveLayer) layer).rawBase();
      exponents = ((SelectiveLayer) layer).exponents();
    } else {
      perToken = ((Ids4Layer) layer).rawA();
    }
    return new LayerParts(
        layer.kind(),
        layer.precision(),
        a,
        diagonal,
        exponents,
        perToken,
        layer.rawB(),
        layer.rawC(),
        layer.rawD());
  }

  /** The layer; throws {@link IllegalArgumentException} if the parts do not make one. */
  Layer build() {
    switch (kind) {
      case S4:
        return S4Layer.builder(precision).a(a).b(b).c(c).d(d).build();
      case RNN:
        return RnnLayer.builder(precision).a(a).b(b).c(c).d(d).build();
      case S4D:
        return S4DLayer.builder(precision).a(diagonal).b(b).c(c).d(d).build();
      case SELECTIVE:
        return SelectiveLayer.builder(precision)
            .base(diagonal)
            .exponents(exponents)
            .b(b)
            .c(c)
            .d(d)
            .build();
      default:
        return Ids4Layer.builder(precision).a(perToken).b(b).c(c).d(d).build();
    }
  }

  /** Without state channel i. */
  LayerParts withoutState(int i) {
    long[][] na = a == null ? null : dropColumn(dropRow(a, i), i);
    long[][][] np = null;
    if (perToken != null) {
      np = new long[perToken.length][][];
      for (int s = 0; s < np.length; s++) {
        np[s] = dropColumn(dropRow(perToken[s], i), i);
      }
    }
    return new LayerParts(
        kind,
        precision,
        na,
        diagonal == null ? null : drop(diagonal, i),
        exponents == null ? null : dropRow(exponents, i),
        np,
        dropRow(b, i),
        dropColumn(c, i),
        copy(d));
  }

  /** Without output channel j. */
  LayerParts withoutOutput(int j) {
    return new LayerParts(
        kind, precision, copy(a), copy(diagonal), copy(exponents), copy(perToken), copy(b),
        dropRow(c, j), dropRow(d, j));
  }

  /** Without token σ (columns of B, D and the exponents; IDS4's A(σ)). */
  LayerParts withoutToken(int sigma) {
    long[][][] np = null;
    if (perToken != null) {
      np = new long[perToken.length - 1][][];
      for (int s = 0, k = 0; s < perToken.length; s++) {
        if (s != sigma) {
          np[k++] = copy(perToken[s]);
        }
      }
    }
    return new LayerParts(
        kind,
        precision,
        copy(a),
        copy(diagonal),
        exponents == null ? null : dropColumn(exponents, sigma),
        np,
        dropColumn(b, sigma),
        copy(c),
        dropColumn(d, sigma));
  }

  /** At another precision, with the same raw values. */
  LayerParts withPrecision(Precision p) {
    return new LayerParts(
        kind, p, copy(a), copy(diagonal), copy(exponents), copy(perToken), copy(b), copy(c),
        copy(d));
  }

  /** A deep copy, for changing one entry. */
  LayerParts copyParts() {
    return withPrecision(precision);
  }

  /**
   * Every raw parameter array of the copy, rows of matrices included, so that the shrinker can
   * visit each entry: A or the diagonal, IDS4's A(σ) rows, B, C, D.
   */
  java.util.List<long[]> rows() {
    java.util.List<long[]> rows = new java.util.ArrayList<>();
    if (a != null) {
      java.util.Collections.addAll(rows, a);
    }
    if (diagonal != null) {
      rows.add(diagonal);
    }
    if (perToken != null) {
      for (long[][] m : perToken) {
        java.util.Collections.addAll(rows, m);
      }
    }
    java.util.Collections.addAll(rows, b);
    java.util.Collections.addAll(rows, c);
    java.util.Collections.addAll(rows, d);
    return rows;
  }

  private static long[] drop(long[] v, int i) {
    long[] r = new long[v.length - 1];
    System.arraycopy(v, 0, r, 0, i);
    System.arraycopy(v, i + 1, r, i, v.length - i - 1);
    return r;
  }

  private static long[][] dropRow(long[][] m, int i) {
    long[][] r = new long[m.length - 1][];
    for (int k = 0, j = 0; k < m.length; k++) {
      if (k != i) {
        r[j++] = m[k].clone();
      }
    }
    return r;
  }

  private static int[][] dropRow(int[][] m, int i) {
    int[][] r = new int[m.length - 1][];
    for (int k = 0, j = 0; k < m.length; k++) {
      if (k != i) {
        r[j++] = m[k].clone();
      }
    }
    return r;
  }

  private static long[][] dropColumn(long[][] m, int j) {
    long[][] r = new long[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = drop(m[i], j);
    }
    return r;
  }

  private static int[][] dropColumn(int[][] m, int j) {
    int[][] r = new int[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = new int[m[i].length - 1];
      System.arraycopy(m[i], 0, r[i], 0, j);
      System.arraycopy(m[i], j + 1, r[i], j, m[i].length - j - 1);
    }
    return r;
  }

  private static long[] copy(long[] v) {
    return v == null ? null : v.clone();
  }

  private static long[][] copy(long[][] m) {
    if (m == null) {
      return null;
    }
    long[][] r = new long[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = m[i].clone();
    }
    return r;
  }

  private static int[][] copy(int[][] m) {
    if (m == null) {
      return null;
    }
    int[][] r = new int[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = m[i].clone();
    }
    return r;
  }

  private static long[][][] copy(long[][][] m) {
    if (m == null) {
      return null;
    }
    long[][][] r = new long[m.length][][];
    for (int i = 0; i < m.length; i++) {
      r[i] = copy(m[i]);
    }
    return r;
  }
}
