package illusion.tc0;

import illusion.circuit.CircuitBuilder;
import java.math.BigInteger;

/**
 * A weighted sum of literals kept as a builder {@link CircuitBuilder.Sum} plus a constant, so that
 * complemented literals cost no NOT gate: {@code w·¬x = w − w·x} stores weight {@code −w} on
 * {@code x} and adds {@code w} to the constant. Thresholds on the form shift θ by the constant.
 */
final class LinearForm {
  /** Weights below this magnitude are stored as longs. */
  private static final BigInteger LONG_SAFE = BigInteger.ONE.shiftLeft(62);

  final CircuitBuilder.Sum sum;
  /** The form's value is {@code sum + offset}. */
  final BigInteger offset;

  private LinearForm(CircuitBuilder.Sum sum, BigInteger offset) {
    this.sum = sum;
    this.offset = offset;
  }

  /** {@code Σ w_i l_i} (a fresh sum, or an extension of {@code base} when it is not null). */
  static LinearForm of(CircuitBuilder b, LinearForm base, BigInteger[] weights, int[] literals) {
    int n = literals.length;
    BigInteger offset = base == null ? BigInteger.ZERO : base.offset;
    int[] nodes = new int[n];
    BigInteger[] w = new BigInteger[n];
    boolean fitsLong = true;
    for (int i = 0; i < n; i++) {
      int l = literals[i];
      if (l < 0) {
        nodes[i] = ~l;
        w[i] = weights[i].negate();
        offset = offset.add(weights[i]);
      } else {
        nodes[i] = l;
        w[i] = weights[i];
      }
      fitsLong &= w[i].abs().compareTo(LONG_SAFE) < 0;
    }
    CircuitBuilder.Sum s;
    if (fitsLong) {
      long[] lw = new long[n];
      for (int i = 0; i < n; i++) {
        lw[i] = w[i].longValue();
      }
      s = base == null ? b.sum(lw, nodes) : b.extend(base.sum, lw, nodes);
    } else {
      s = base == null ? b.sum(w, nodes) : b.extend(base.sum, w, nodes);
    }
    return new LinearForm(s, offset);
  }

  /** {@code Σ w_i l_i} with long weights (each of magnitude below 2^62). */
  static LinearForm of(CircuitBuilder b, LinearForm base, long[] weights, int[] literals) {
    int n = literals.length;
    long offset = 0;
    int[] nodes = new int[n];
    long[] w = new long[n];
    for (int i = 0; i < n; i++) {
      int l = literals[i];
      if (l < 0) {
        nodes[i] = ~l;
        w[i] = -weights[i];
        offset = Math.addExact(offset, weights[i]);
      } else {
        nodes[i] = l;
        w[i] = weights[i];
      }
    }
    CircuitBuilder.Sum s = base == null ? b.sum(w, nodes) : b.extend(base.sum, w, nodes);
    BigInteger total = BigInteger.valueOf(offset);
    return new LinearForm(s, base == null ? total : base.offset.add(total));
  }

  /** A form over an existing sum: its value is {@code sum + offset}. */
  static LinearForm over(CircuitBuilder.Sum sum, BigInteger offset) {
    return new LinearForm(sum, offset);
  }

  /** {@code [form ≥ θ]}. */
  int atLeast(CircuitBuilder b, BigInteger theta) {
    return b.atLeast(sum, theta.subtract(offset));
  }

  /** {@code [form ≤ θ]}. */
  int atMost(CircuitBuilder b, BigInteger theta) {
    return b.atMost(sum, theta.subtract(offset));
  }
}
