package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.number.Precision;

/** Shape and range checks and copies for raw parameter arrays. */
final class Matrices {
  /** The most parameters one layer may hold (keeps a layer well within memory). */
  static final long MAX_PARAMETERS = 1L << 25;

  private Matrices() {}

  /** A deep copy of a rows x cols matrix whose entries fit {@code precision}, checked. */
  static long[][] checkedCopy(
      String name, long[][] m, int rows, int cols, Precision precision) {
    checkArgument(m != null, "%s is not set", name);
    checkArgument(
        m.length == rows, "%s must have %s rows, got %s", name, rows, m.length);
    long[][] copy = new long[rows][];
    for (int i = 0; i < rows; i++) {
      checkArgument(m[i] != null && m[i].length == cols,
          "%s must have %s columns, but row %s has %s", name, cols, i,
          m[i] == null ? 0 : m[i].length);
      copy[i] = checkedCopy(name + "[" + i + "]", m[i], cols, precision);
    }
    return copy;
  }

  /** A copy of a vector of length n whose entries fit {@code precision}, checked. */
  static long[] checkedCopy(String name, long[] v, int n, Precision precision) {
    checkArgument(v != null, "%s is not set", name);
    checkArgument(v.length == n, "%s must have length %s, got %s", name, n, v.length);
    for (int i = 0; i < n; i++) {
      checkArgument(
          precision.fits(v[i]),
          "%s[%s] = %s (raw) does not fit %s",
          name,
          i,
          v[i],
          precision);
    }
    return v.clone();
  }

  static long[][] copy(long[][] m) {
    long[][] c = new long[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  static int[][] copy(int[][] m) {
    int[][] c = new int[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  static long[][][] copy(long[][][] m) {
    long[][][] c = new long[m.length][][];
    for (int i = 0; i < m.length; i++) {
      c[i] = copy(m[i]);
    }
    return c;
  }

  /** Checks that a layer of these dimensions has at most {@link #MAX_PARAMETERS} parameters. */
  static void checkSize(String kind, long parameters) {
    checkArgument(
        parameters <= MAX_PARAMETERS,
        "%s layer would have %s parameters, more than the limit %s",
        kind,
        parameters,
        MAX_PARAMETERS);
  }

  static void checkDimension(String what, int n) {
    checkArgument(n >= 1, "%s must be at least 1, got %s", what, n);
  }
}
