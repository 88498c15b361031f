package illusion.tc0;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.CircuitBuilder;
import java.util.Objects;

/**
 * The Boolean matrix product {@code C[i][j] = ∨_k (A[i][k] ∧ B[k][j])} in depth 2: the combine of
 * finite-state transition matrices (DESIGN.md, IDS4 and RNN-SSM rows).
 *
 * <p>Cost for an r×s times s×t product with s ≥ 2 and distinct non-constant entries: depth 2,
 * {@code r·s·t} AND gates (2 wires each) and {@code r·t} OR gates (s wires each); with s = 1 it is
 * the r·t ANDs alone (depth 1). The builder folds constant entries (e.g. the 0s of permutation
 * matrices), so products of sparse or constant matrices cost less. Unit weights.
 */
public final class BooleanMatrixProduct {
  private BooleanMatrixProduct() {}

  /** {@code A·B} for {@code A} r×s and {@code B} s×t given as rows of literals. */
  public static int[][] multiply(CircuitBuilder b, int[][] a, int[][] c) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(c, "c");
    int r = a.length;
    int s = c.length;
    int t = s == 0 ? 0 : c[0].length;
    int[] fa = new int[r * s];
    for (int i = 0; i < r; i++) {
      checkArgument(a[i].length == s, "row %s of the left matrix has %s entries, expected %s", i, a[i].length, s);
      System.arraycopy(a[i], 0, fa, i * s, s);
    }
    int[] fc = new int[s * t];
    for (int k = 0; k < s; k++) {
      checkArgument(c[k].length == t, "row %s of the right matrix has %s entries, expected %s", k, c[k].length, t);
      System.arraycopy(c[k], 0, fc, k * t, t);
    }
    int[] fp = multiply(b, fa, fc, r, s, t);
    int[][] out = new int[r][t];
    for (int i = 0; i < r; i++) {
      System.arraycopy(fp, i * t, out[i], 0, t);
    }
    return out;
  }

  /**
   * {@code A·B} on row-major vectors: {@code a} is rows×inner, {@code c} is inner×cols; returns the
   * rows×cols product row-major. The form a {@link Combine} over matrix-valued prefixes uses.
   */
  public static int[] multiply(
      CircuitBuilder b, int[] a, int[] c, int rows, int inner, int cols) {
    Objects.requireNonNull(b, "builder");
    checkArgument(rows >= 0 && inner >= 0 && cols >= 0, "negative dimension");
    checkArgument(
        a.length == (long) rows * inner, "left matrix has %s entries, expected %s×%s", a.length, rows, inner);
    checkArgument(
        c.length == (long) inner * cols, "right matrix has %s entries, expected %s×%s", c.length, inner, cols);
    int[] out = new int[rows * cols];
    int[] terms = new int[inner];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        for (int k = 0; k < inner; k++) {
          terms[k] = b.and(a[i * inner + k], c[k * cols + j]);
        }
        out[i * cols + j] = b.or(terms);
      }
    }
    return out;
  }
}
