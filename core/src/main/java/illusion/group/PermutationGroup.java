package illusion.group;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The symmetric group S_n or the alternating group A_n, 1 &lt;= n &lt;= 9 (DESIGN.md, "Datasets"):
 * elements are permutations of {@code 0 .. n-1} in lexicographic order of their one-line images
 * (A_n: the even ones, in that order), so the identity is 0.
 *
 * <p>In lexicographic order, the permutations of ranks 2k and 2k+1 differ by swapping the last two
 * images, so exactly one of them is even: the A_n index of an even permutation is half its S_n
 * rank.
 */
final class PermutationGroup implements FiniteGroup {
  private static final int[] FACTORIAL = {1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880};

  private final int n;
  private final boolean alternating;
  private final int order;
  /** images[g * n + i] is the image of point i under element g. */
  private final byte[] images;
  private final int[] inverses;
  /** The multiplication table, or null above {@link Groups#TABLE_MAX_ORDER}. */
  private final int[] table;

  PermutationGroup(int n, boolean alternating) {
    checkArgument(n >= 1 && n <= 9, "permutation degree %s outside 1..9", n);
    this.n = n;
    this.alternating = alternating;
    this.order = alternating && n >= 2 ? FACTORIAL[n] / 2 : FACTORIAL[n];
    this.images = enumerate(n, alternating, order);
    this.inverses = new int[order];
    int[] inv = new int[n];
    for (int g = 0; g < order; g++) {
      for (int i = 0; i < n; i++) {
        inv[images[g * n + i]] = i;
      }
      inverses[g] = index(inv);
    }
    this.table = order <= Groups.TABLE_MAX_ORDER ? Groups.table(order, this::compose) : null;
  }

  /** All permutations (or the even ones) in lexicographic order, flattened. */
  private static byte[] enumerate(int n, boolean alternating, int order) {
    byte[] out = new byte[order * n];
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    int parity = 0;
    int count = 0;
    while (true) {
      if (!alternating || parity == 0) {
        for (int i = 0; i < n; i++) {
          out[count * n + i] = (byte) p[i];
        }
        count++;
      }
      // Next permutation in lexicographic order; track parity through the swaps.
      int i = n - 2;
      while (i >= 0 && p[i] > p[i + 1]) {
        i--;
      }
      if (i < 0) {
        break;
      }
      int j = n - 1;
      while (p[j] < p[i]) {
        j--;
      }
      swap(p, i, j);
      parity ^= 1;
      for (int a = i + 1, b = n - 1; a < b; a++, b--) {
        swap(p, a, b);
        parity ^= 1;
      }
    }
    if (count != order) {
      throw new AssertionError(count + " != " + order);
    }
    return out;
  }

  private static void swap(int[] p, int i, int j) {
    int t = p[i];
    p[i] = p[j];
    p[j] = t;
  }

  /** The index of the permutation with the given images (which must be in the group). */
  private int index(int[] perm) {
    int rank = 0;
    int used = 0;
    for (int i = 0; i < n; i++) {
      int v = perm[i];
      rank += (v - Integer.bitCount(used & ((1 << v) - 1))) * FACTORIAL[n - 1 - i];
      used |= 1 << v;
    }
    return alternating && n >= 2 ? rank >> 1 : rank;
  }

  /** The product a*b computed from the images, without allocating. */
  private int compose(int a, int b) {
    int rank = 0;
    int used = 0;
    int ao = a * n;
    int bo = b * n;
    for (int i = 0; i < n; i++) {
      int v = images[ao + images[bo + i]];
      rank += (v - Integer.bitCount(used & ((1 << v) - 1))) * FACTORIAL[n - 1 - i];
      used |= 1 << v;
    }
    return alternating && n >= 2 ? rank >> 1 : rank;
  }

  @Override
  public String name() {
    return (alternating ? "A" : "S") + n;
  }

  @Override
  public int order() {
    return order;
  }

  @Override
  public int multiply(int a, int b) {
    return table != null ? table[a * order + b] : compose(a, b);
  }

  @Override
  public int inverse(int a) {
    return inverses[a];
  }

  @Override
  public int[][] permutationRepresentation() {
    Groups.checkRepresentationSize(this, n);
    int[][] rep = new int[order][n];
    for (int g = 0; g < order; g++) {
      for (int i = 0; i < n; i++) {
        rep[g][i] = images[g * n + i];
      }
    }
    return rep;
  }

  @Override
  public int permutationDegree() {
    return n;
  }

  @Override
  public String format(int element) {
    Groups.checkElement(this, element);
    return PermutationNotation.format(images, element * n, n);
  }

  @Override
  public int parse(String text) {
    checkArgument(text != null, "null element for %s", name());
    String s = text.strip();
    if (Groups.isDigits(s)) {
      return Groups.parseIndex(this, s);
    }
    int[] perm = PermutationNotation.parse(s, n);
    if (alternating && !isEven(perm)) {
      throw new IllegalArgumentException(
          "'" + s + "' is an odd permutation, not an element of " + name());
    }
    return index(perm);
  }

  private static boolean isEven(int[] perm) {
    int inversions = 0;
    for (int i = 0; i < perm.length; i++) {
      for (int j = i + 1; j < perm.length; j++) {
        if (perm[i] > perm[j]) {
          inversions++;
        }
      }
    }
    return (inversions & 1) == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PermutationGroup
        && ((PermutationGroup) o).n == n
        && ((PermutationGroup) o).alternating == alternating;
  }

  @Override
  public int hashCode() {
    return name().hashCode();
  }

  @Override
  public String toString() {
    return name();
  }
}
