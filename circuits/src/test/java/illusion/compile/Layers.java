package illusion.compile;

import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import illusion.ssm.S4DLayer;
import illusion.ssm.S4Layer;
import illusion.ssm.SelectiveLayer;
import java.util.Arrays;
import java.util.Random;

/** Random layers and single-layer models for the compiler's unit tests. */
final class Layers {
  private Layers() {}

  static long[][] matrix(Random r, Precision p, int rows, int cols, long bound) {
    long[][] m = new long[rows][cols];
    for (long[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = r.nextInt(4) == 0 ? 0 : p.saturate(r.nextLong() % (bound + 1));
      }
    }
    return m;
  }

  static S4Layer s4(Random r, Precision p, int d, int m, int vocab) {
    long one = 1L << p.fractionBits();
    return S4Layer.builder(p)
        .a(matrix(r, p, d, d, one))
        .b(matrix(r, p, d, vocab, p.maxRaw()))
        .c(matrix(r, p, m, d, p.maxRaw()))
        .d(matrix(r, p, m, vocab, p.maxRaw()))
        .build();
  }

  static S4DLayer s4d(Random r, Precision p, int d, int m, int vocab) {
    long one = 1L << p.fractionBits();
    long[] a = new long[d];
    for (int i = 0; i < d; i++) {
      a[i] = p.saturate(r.nextLong() % (one + 1));
    }
    return S4DLayer.builder(p)
        .a(a)
        .b(matrix(r, p, d, vocab, p.maxRaw()))
        .c(matrix(r, p, m, d, p.maxRaw()))
        .d(matrix(r, p, m, vocab, p.maxRaw()))
        .build();
  }

  static SelectiveLayer selective(Random r, Precision p, int d, int m, int vocab, int maxExp) {
    long one = 1L << p.fractionBits();
    long[] a = new long[d];
    int[][] e = new int[d][vocab];
    for (int i = 0; i < d; i++) {
      int kind = r.nextInt(5);
      a[i] =
          kind == 0
              ? p.saturate(one)
              : kind == 1 ? -one : kind == 2 ? 0 : p.saturate(r.nextLong() % (one + 1));
      for (int s = 0; s < vocab; s++) {
        e[i][s] = r.nextInt(6) == 0 ? SelectiveLayer.RESET : r.nextInt(maxExp + 1);
      }
    }
    return SelectiveLayer.builder(p)
        .base(a)
        .exponents(e)
        .b(matrix(r, p, d, vocab, p.maxRaw()))
        .c(matrix(r, p, m, d, p.maxRaw()))
        .d(matrix(r, p, m, vocab, p.maxRaw()))
        .build();
  }

  /** {@code layer} followed by a readout of small moduli into a few labels. */
  static Model model(Random r, Layer layer) {
    int m = layer.outputDim();
    int[] moduli = new int[m];
    for (int c = 0; c < m; c++) {
      moduli[c] = 1 + r.nextInt(3);
    }
    int labels = 1 + r.nextInt(3);
    Readout readout = Readout.tabulate(moduli, labels, res -> Math.floorMod(Arrays.hashCode(res) * 31, labels));
    return Model.builder("random", layer.vocabularySize()).add(layer, readout).build();
  }

  static int[][] sequences(Random r, int count, int n, int vocab) {
    int[][] s = new int[count][n];
    for (int[] row : s) {
      for (int t = 0; t < n; t++) {
        row[t] = r.nextInt(vocab);
      }
    }
    return s;
  }
}
