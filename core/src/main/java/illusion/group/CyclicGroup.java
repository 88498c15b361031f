package illusion.group;

import static com.google.common.base.Preconditions.checkArgument;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The cyclic group Z_m: residues {@code 0 .. m-1} under addition mod m. Its permutation
 * representation is one cycle per prime power of m (Z60: cycles of length 4, 3 and 5 on 12
 * points), faithful by the Chinese remainder theorem.
 */
final class CyclicGroup implements FiniteGroup {
  private final int m;
  /** The prime-power cycle lengths of the representation, by increasing prime. */
  private final int[] cycles;

  CyclicGroup(int m) {
    checkArgument(m >= 1 && m <= Groups.MAX_ORDER, "cyclic group order %s outside 1..%s", m, Groups.MAX_ORDER);
    this.m = m;
    this.cycles = primePowers(m);
  }

  /** The prime powers exactly dividing m, by increasing prime; {1} for m = 1. */
  static int[] primePowers(int m) {
    IntArrayList out = new IntArrayList();
    int rest = m;
    for (int p = 2; (long) p * p <= rest; p++) {
      if (rest % p == 0) {
        int q = 1;
        while (rest % p == 0) {
          rest /= p;
          q *= p;
        }
        out.add(q);
      }
    }
    if (rest > 1) {
      out.add(rest);
    }
    if (out.isEmpty()) {
      out.add(1);
    }
    return out.toIntArray();
  }

  @Override
  public String name() {
    return "Z" + m;
  }

  @Override
  public int order() {
    return m;
  }

  @Override
  public int multiply(int a, int b) {
    int s = a + b;
    return s >= m ? s - m : s;
  }

  @Override
  public int inverse(int a) {
    return a == 0 ? 0 : m - a;
  }

  @Override
  public int[][] permutationRepresentation() {
    int degree = permutationDegree();
    Groups.checkRepresentationSize(this, degree);
    int[][] rep = new int[m][degree];
    for (int g = 0; g < m; g++) {
      int offset = 0;
      for (int q : cycles) {
        int shift = g % q;
        for (int i = 0; i < q; i++) {
          int j = i + shift;
          rep[g][offset + i] = offset + (j >= q ? j - q : j);
        }
        offset += q;
      }
    }
    return rep;
  }

  @Override
  public int permutationDegree() {
    int d = 0;
    for (int q : cycles) {
      d += q;
    }
    return d;
  }

  @Override
  public String format(int element) {
    Groups.checkElement(this, element);
    return Integer.toString(element);
  }

  @Override
  public int parse(String text) {
    checkArgument(text != null, "null element for %s", name());
    String s = text.strip();
    if (!Groups.isDigits(s)) {
      throw new IllegalArgumentException(
          "malformed element '" + s + "' of " + name() + ": expected a residue 0.." + (m - 1));
    }
    return Groups.parseIndex(this, s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CyclicGroup && ((CyclicGroup) o).m == m;
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
