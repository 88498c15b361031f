package illusion.tc0;

import illusion.circuit.CircuitBuilder;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Addition and subtraction of two unsigned binary numbers (bits least significant first) in depth
 * 2, as {@link IteratedAddition} of two operands; no carry chain.
 *
 * <p>Cost for two m-bit operands, m ≥ 1: depth 2; {@link #add}: {@code 3m − 1} cut gates and
 * {@code m} alternating gates (bit m, the carry, is the cut {@code [a + c ≥ 2^m]} of bit m − 1),
 * so {@code 4m − 1} gates; {@link #subtract}: {@code 3m − 1} cuts, {@code m} alternating gates and
 * one {@code atMost} gate for the sign, so {@code 4m} gates. Weights {@code ±2^j} (m bits) in the
 * first layer, ±1 in the second.
 */
public final class Addition {
  private Addition() {}

  /** The bits of {@code a + c}: {@code max(m_a, m_c) + 1} bits (fewer when an operand is empty). */
  public static int[] add(CircuitBuilder b, int[] a, int[] c) {
    return IteratedAddition.sum(b, a, c);
  }

  /**
   * The {@code m + 1}-bit two's complement representation of {@code a − c}, {@code m = max(m_a,
   * m_c)}: bits 0..m−1 are {@code (a − c) mod 2^m}, bit m is the sign {@code [a < c]}. Computed as
   * {@code a + ¬c + 1} over m + 1 bits (the complemented literals cost no gate).
   */
  public static int[] subtract(CircuitBuilder b, int[] a, int[] c) {
    Objects.requireNonNull(b, "builder");
    int na = Objects.requireNonNull(a, "a").length;
    int nc = Objects.requireNonNull(c, "c").length;
    int m = Math.max(na, nc);
    int[][] columns = new int[m][];
    // a + (2^{m+1} − 1 − c) + 1: the complement's bits above c's width and bit m are constant 1
    BigInteger offset = BigInteger.ONE.add(BigInteger.ONE.shiftLeft(m));
    for (int j = 0; j < m; j++) {
      int k = (j < na ? 1 : 0) + (j < nc ? 1 : 0);
      columns[j] = new int[k];
      int p = 0;
      if (j < na) {
        columns[j][p++] = a[j];
      }
      if (j < nc) {
        columns[j][p] = CircuitBuilder.negate(c[j]);
      } else {
        offset = offset.setBit(j);
      }
    }
    return Constants.resolve(b, IteratedAddition.columnBits(b, columns, offset, m + 1));
  }
}
