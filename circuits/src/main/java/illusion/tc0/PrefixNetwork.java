package illusion.tc0;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.CircuitBuilder;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * Parallel prefix networks: all prefixes {@code y_i = x_0 ⊕ x_1 ⊕ ... ⊕ x_i} of an associative
 * operator ⊕ with {@code combines(n)} applications arranged in {@code levels(n)} levels (the depth
 * counted in combines). This is the Θ(log n)-depth scan behind IDS4 and RNN-SSM layers (the
 * paper's Thm 5.2 remark that IDS4 parallelizes only to log depth).
 *
 * <p>Every network is a sequence of in-place steps {@code y[d] ← y[s] ⊕ y[d]} with s &lt; d, where
 * {@code y[s]} covers the segment just before {@code y[d]}'s; a step's level is one more than the
 * larger level of its operands. The sequences are computed in {@code O(n log n)} time and the scan
 * allocates nothing but the combine results.
 *
 * <table>
 *   <caption>Cost, n = 2^k</caption>
 *   <tr><th>network</th><th>levels</th><th>combines</th><th>source</th></tr>
 *   <tr><td>{@link #SKLANSKY}</td><td>k</td><td>(n/2)·k</td><td>Sklansky 1960</td></tr>
 *   <tr><td>{@link #BRENT_KUNG}</td><td>2k − 2 (k ≥ 2)</td><td>2n − 2 − k</td><td>Brent &amp; Kung 1982</td></tr>
 *   <tr><td>{@link #LADNER_FISCHER}</td><td>k</td><td>below 4n</td><td>Ladner &amp; Fischer 1980, P_0(n)</td></tr>
 * </table>
 *
 * For any n ≥ 1: Sklansky has {@code ⌈log2 n⌉} levels and {@code Σ_l #{i < n : bit l of i is 1}}
 * combines; Brent–Kung at most {@code 2⌈log2 n⌉ − 2} levels for n ≥ 3 (the textbook count {@code
 * 2k − 1} includes the up-sweep's last step, which no down-sweep step waits for) and at most
 * {@code 2n − 2 − ⌊log2 n⌋} combines; Ladner–Fischer {@code ⌈log2 n⌉} levels and fewer than 4n
 * combines.
 * With a combine of depth d and g gates, the circuit has depth {@code d·levels(n)} and {@code
 * g·combines(n)} gates (less when the builder's structural hashing shares gates).
 */
public enum PrefixNetwork {
  /**
   * Sklansky's conditional-sum network: at level l every position with bit l set combines with
   * the last position of the preceding block of size 2^l. Minimum depth, fan-out up to n/2.
   */
  SKLANSKY("sklansky"),
  /**
   * Brent–Kung: an up-sweep of a binary reduction tree and a down-sweep filling in the remaining
   * prefixes. About twice the minimum depth, linear size, fan-out 2.
   */
  BRENT_KUNG("brent-kung"),
  /**
   * Ladner–Fischer's {@code P_0(n)}: the left half by {@code P_1} (pair neighbours, solve the
   * pairs by {@code P_0}, fix up the even positions), the right half by {@code P_0}, then the left
   * total into every right position. Minimum depth ⌈log2 n⌉ with linear size (fewer than 4n
   * combines).
   */
  LADNER_FISCHER("ladner-fischer");

  private final String id;

  PrefixNetwork(String id) {
    this.id = id;
  }

  /** The name used on the command line: {@code sklansky}, {@code brent-kung}, {@code ladner-fischer}. */
  public String id() {
    return id;
  }

  /** The network named {@code id} (see {@link #id()}; case-insensitive, '_' for '-' accepted). */
  public static PrefixNetwork byId(String id) {
    String key = Objects.requireNonNull(id, "id").toLowerCase(Locale.ROOT).replace('_', '-');
    for (PrefixNetwork p : values()) {
      if (p.id.equals(key)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown prefix network: " + id + " (known: sklansky, brent-kung, ladner-fischer)");
  }

  /**
   * All prefixes of {@code inputs} under {@code op}: {@code result[i] = inputs[0] ⊕ ... ⊕
   * inputs[i]}. The inputs are not modified; {@code result[0]} is {@code inputs[0]} itself.
   */
  public int[][] scan(CircuitBuilder b, int[][] inputs, Combine op) {
    Objects.requireNonNull(b, "builder");
    Objects.requireNonNull(op, "op");
    int[][] y = Objects.requireNonNull(inputs, "inputs").clone();
    int[] steps = steps(y.length);
    for (int k = 0; k < steps.length; k += 2) {
      int s = steps[k];
      int d = steps[k + 1];
      y[d] = Objects.requireNonNull(op.apply(b, y[s], y[d]), "combine returned null");
    }
    return y;
  }

  /** All prefixes of {@code items} under {@code op}, by the same network (for native evaluation). */
  public <T> List<T> scan(List<T> items, BinaryOperator<T> op) {
    Objects.requireNonNull(op, "op");
    List<T> y = new ArrayList<>(Objects.requireNonNull(items, "items"));
    int[] steps = steps(y.size());
    for (int k = 0; k < steps.length; k += 2) {
      y.set(steps[k + 1], op.apply(y.get(steps[k]), y.get(steps[k + 1])));
    }
    return y;
  }

  /** The number of combines for n inputs. */
  public long combines(int n) {
    return steps(n).length / 2;
  }

  /** The number of levels (depth in combines) for n inputs; 0 for n ≤ 1. */
  public int levels(int n) {
    int[] steps = steps(n);
    int[] level = new int[Math.max(n, 0)];
    int max = 0;
    for (int k = 0; k < steps.length; k += 2) {
      int d = steps[k + 1];
      level[d] = Math.max(level[steps[k]], level[d]) + 1;
      max = Math.max(max, level[d]);
    }
    return max;
  }

  /** The steps {@code (source, destination)} in execution order, flattened. */
  int[] steps(int n) {
    checkArgument(n >= 0, "negative length: %s", n);
    IntArrayList out = new IntArrayList();
    switch (this) {
      case SKLANSKY:
        for (int l = 0; (1L << l) < n; l++) {
          for (int i = 0; i < n; i++) {
            if ((i >>> l & 1) != 0) {
              out.add(((i >>> l) << l) - 1);
              out.add(i);
            }
          }
        }
        break;
      case BRENT_KUNG:
        int d = 1;
        for (; d < n; d <<= 1) {
          for (int i = 2 * d - 1; i < n; i += 2 * d) {
            out.add(i - d);
            out.add(i);
          }
        }
        for (d >>= 1; d >= 1; d >>= 1) {
          for (long i = 3L * d - 1; i < n; i += 2L * d) {
            out.add((int) i - d);
            out.add((int) i);
          }
        }
        break;
      case LADNER_FISCHER:
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        ladnerFischer0(idx, out);
        break;
      default:
        throw new AssertionError(this);
    }
    return out.toIntArray();
  }

  /** P_0 on the positions idx (each standing for a contiguous segment, in order). */
  private static void ladnerFischer0(int[] idx, IntArrayList out) {
    int n = idx.length;
    if (n <= 1) {
      return;
    }
    int h = (n + 1) / 2;
    ladnerFischer1(Arrays.copyOfRange(idx, 0, h), out);
    ladnerFischer0(Arrays.copyOfRange(idx, h, n), out);
    for (int j = h; j < n; j++) {
      out.add(idx[h - 1]);
      out.add(idx[j]);
    }
  }

  /** P_1: pair neighbours, P_0 on the pairs (and an odd last element), fix up even positions. */
  private static void ladnerFischer1(int[] idx, IntArrayList out) {
    int n = idx.length;
    if (n <= 1) {
      return;
    }
    for (int i = 0; i + 1 < n; i += 2) {
      out.add(idx[i]);
      out.add(idx[i + 1]);
    }
    int[] sub = new int[(n + 1) / 2];
    for (int i = 0; i < sub.length; i++) {
      sub[i] = idx[Math.min(2 * i + 1, n - 1)];
    }
    ladnerFischer0(sub, out);
    for (int i = 2; i < n; i += 2) {
      if (i != n - 1) {
        out.add(idx[i - 1]);
        out.add(idx[i]);
      }
    }
  }
}
