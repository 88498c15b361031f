package illusion.tc0;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.CircuitBuilder;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Iterated addition in depth 2: the binary representation of a sum of n numbers (or, in general,
 * of weighted bits {@code Σ_j 2^j·(number of true literals in column j) + K}).
 *
 * <h2>Construction</h2>
 *
 * Let {@code S_i = Σ_{j ≤ i} 2^j c_j} be the value of the columns up to i ({@code c_j} the number
 * of true literals of column j). The sum's higher columns add multiples of {@code 2^{i+1}}, so bit
 * i of the total equals bit i of {@code S_i + K}, the parity of {@code ⌊(S_i + K)/2^i⌋}. With the
 * monotone cuts {@code t_c = [S_i + K ≥ c·2^i]} that parity is the alternating sum {@code t_{c0} −
 * t_{c0+1} + t_{c0+2} − ...} ∈ {0, 1}, one unit-weight threshold gate (the standard depth-2
 * construction, e.g. Siu, Roychowdhury & Kailath, <i>Discrete Neural Computation</i>, 1995). {@code S_i} is stored as an extension of {@code
 * S_{i−1}} (prefix sums), and the bits at and above the last column share the cuts of the full
 * sum.
 *
 * <h2>Cost</h2>
 *
 * Depth 2 (1 when every bit has at most one cut). For n numbers of m bits (K = 0) with n ≥ 2:
 *
 * <ul>
 *   <li>width {@code B = bitlength(n(2^m − 1))};
 *   <li>threshold (cut) gates {@code Σ_{i=0}^{m−1} (2n − ⌈n/2^i⌉)} (the cuts of bits ≥ m are among
 *       those of bit m − 1), at most {@code 2nm − n};
 *   <li>alternating gates {@code #{i < B : N_i ≥ 2}} where {@code N_i = 2n − ⌈n/2^i⌉} for i &lt; m
 *       and {@code ⌊n(2^m − 1)/2^i⌋} above, at most B;
 *   <li>weights: {@code 2^j} (m bits) in the cut layer, ±1 in the second.
 * </ul>
 *
 * In general bit i has {@code N_i = ⌊(M_i + K)/2^i⌋ − ⌊K/2^i⌋} cuts ({@code M_i} the largest value
 * of {@code S_i}); a bit with no cut is a constant, one cut is a single gate ({@code atMost} when
 * the constant's parity is odd), two or more cost the cuts plus one alternating gate.
 */
public final class IteratedAddition {
  private IteratedAddition() {}

  /**
   * The bits (least significant first) of the sum of {@code numbers}, each given as its bits least
   * significant first (widths may differ; a number may be empty). The result has {@code
   * bitlength(Σ (2^{m_k} − 1))} bits, at least one.
   */
  public static int[] sum(CircuitBuilder b, int[]... numbers) {
    Objects.requireNonNull(numbers, "numbers");
    int width = 0;
    for (int[] x : numbers) {
      width = Math.max(width, Objects.requireNonNull(x, "number").length);
    }
    int[] count = new int[width];
    for (int[] x : numbers) {
      for (int j = 0; j < x.length; j++) {
        count[j]++;
      }
    }
    int[][] columns = new int[width][];
    for (int j = 0; j < width; j++) {
      columns[j] = new int[count[j]];
      count[j] = 0;
    }
    for (int[] x : numbers) {
      for (int j = 0; j < x.length; j++) {
        columns[j][count[j]++] = x[j];
      }
    }
    return columns(b, columns, BigInteger.ZERO);
  }

  /**
   * The bits (least significant first) of {@code Σ w_i l_i} for non-negative weights: the weights'
   * binary digits become the columns (literal {@code l_i} sits in column j when bit j of {@code w_i}
   * is set), so the cost is that of {@link #columns} with column j holding the literals whose
   * weight has bit j set. Depth 2.
   */
  public static int[] weightedSum(CircuitBuilder b, long[] weights, int[] literals) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(literals, "literals");
    checkArgument(
        weights.length == literals.length,
        "%s weights for %s literals",
        weights.length,
        literals.length);
    int width = 0;
    for (long w : weights) {
      checkArgument(w >= 0, "weights must be non-negative: %s", w);
      width = Math.max(width, 64 - Long.numberOfLeadingZeros(w));
    }
    int[] count = new int[width];
    for (long w : weights) {
      for (int j = 0; j < width; j++) {
        count[j] += (int) (w >>> j & 1);
      }
    }
    int[][] columns = new int[width][];
    for (int j = 0; j < width; j++) {
      columns[j] = new int[count[j]];
      count[j] = 0;
    }
    for (int i = 0; i < weights.length; i++) {
      for (int j = 0; j < width; j++) {
        if ((weights[i] >>> j & 1) != 0) {
          columns[j][count[j]++] = literals[i];
        }
      }
    }
    return columns(b, columns, BigInteger.ZERO);
  }

  /**
   * The bits (least significant first) of {@code Σ_j 2^j·(true literals in columns[j]) + offset},
   * {@code offset ≥ 0}, in {@code bitlength(max + offset)} bits (at least one). A literal may be
   * complemented or appear in several columns.
   */
  public static int[] columns(CircuitBuilder b, int[][] columns, BigInteger offset) {
    return Constants.resolve(b, columnBits(b, columns, offset, Integer.MAX_VALUE));
  }

  /**
   * As {@link #columns}, but only the low {@code width} bits (the sum modulo 2^width), with constant
   * bits as {@link Constants} sentinels.
   */
  static int[] columnBits(CircuitBuilder b, int[][] columns, BigInteger offset, int width) {
    Objects.requireNonNull(b, "builder");
    Objects.requireNonNull(columns, "columns");
    checkArgument(offset.signum() >= 0, "offset must be non-negative: %s", offset);
    int cols = columns.length;
    LinearForm[] forms = new LinearForm[cols];
    BigInteger[] max = new BigInteger[cols];
    LinearForm prev = null;
    BigInteger m = BigInteger.ZERO;
    for (int j = 0; j < cols; j++) {
      int[] col = Objects.requireNonNull(columns[j], "column");
      BigInteger pow = BigInteger.ONE.shiftLeft(j);
      BigInteger[] w = new BigInteger[col.length];
      Arrays.fill(w, pow);
      prev = LinearForm.of(b, prev, w, col);
      m = m.add(pow.multiply(BigInteger.valueOf(col.length)));
      forms[j] = prev;
      max[j] = m;
    }
    int bits = Math.min(width, Math.max(1, m.add(offset).bitLength()));
    int[] out = new int[bits];
    for (int i = 0; i < bits; i++) {
      if (cols == 0) {
        out[i] = Constants.of(offset.testBit(i));
      } else {
        int s = Math.min(i, cols - 1);
        out[i] = bit(b, forms[s], max[s], offset, i);
      }
    }
    return out;
  }

  /**
   * Bit i of {@code form + offset}, where the form's value lies in {@code [0, max]} and the bits
   * below i of the remaining (not included) part of the total are zero.
   */
  static int bit(CircuitBuilder b, LinearForm form, BigInteger max, BigInteger offset, int i) {
    BigInteger below = offset.shiftRight(i); // cuts c·2^i ≤ K always hold
    BigInteger first = below.add(BigInteger.ONE);
    BigInteger last = max.add(offset).shiftRight(i);
    boolean odd = below.testBit(0);
    long cuts = last.subtract(first).add(BigInteger.ONE).longValueExact();
    if (cuts <= 0) {
      return Constants.of(odd);
    }
    if (cuts == 1) {
      BigInteger v = first.shiftLeft(i).subtract(offset);
      return odd ? form.atMost(b, v.subtract(BigInteger.ONE)) : form.atLeast(b, v);
    }
    checkArgument(cuts < Integer.MAX_VALUE, "bit %s needs %s threshold gates", i, cuts);
    int n = (int) cuts;
    int[] t = new int[n];
    long[] alt = new long[n];
    BigInteger c = first;
    for (int k = 0; k < n; k++, c = c.add(BigInteger.ONE)) {
      t[k] = form.atLeast(b, c.shiftLeft(i).subtract(offset));
      alt[k] = (k & 1) == 0 ? 1 : -1;
    }
    CircuitBuilder.Sum parity = b.sum(alt, t);
    return odd ? b.atMost(parity, 0) : b.atLeast(parity, 1);
  }
}
