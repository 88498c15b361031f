package illusion.group;

import java.util.Arrays;

/**
 * The right cosets Hg of a subgroup H in its parent G, numbered by their smallest element: coset 0
 * is H itself, and {@link #representative(int)} is the smallest element of the coset (so the
 * identity represents H). For a normal subgroup right and left cosets coincide.
 */
public final class Cosets {
  private final Subgroup subgroup;
  private final int[] cosetOf;
  private final int[] representatives;

  private Cosets(Subgroup subgroup) {
    this.subgroup = subgroup;
    FiniteGroup g = subgroup.parent();
    int[] h = subgroup.elements();
    this.cosetOf = new int[g.order()];
    Arrays.fill(cosetOf, -1);
    this.representatives = new int[subgroup.index()];
    int count = 0;
    for (int x = 0; x < g.order(); x++) {
      if (cosetOf[x] < 0) {
        representatives[count] = x;
        for (int e : h) {
          cosetOf[g.multiply(e, x)] = count;
        }
        count++;
      }
    }
  }

  /** The right cosets of {@code subgroup} in its parent. */
  public static Cosets of(Subgroup subgroup) {
    return new Cosets(subgroup);
  }

  /** The subgroup H. */
  public Subgroup subgroup() {
    return subgroup;
  }

  /** The number of cosets, [G : H]. */
  public int count() {
    return representatives.length;
  }

  /** The number of the coset Hg containing {@code g}. */
  public int cosetOf(int g) {
    Groups.checkElement(subgroup.parent(), g);
    return cosetOf[g];
  }

  /** The smallest element of coset {@code coset}; the identity for coset 0. */
  public int representative(int coset) {
    if (coset < 0 || coset >= representatives.length) {
      throw new IllegalArgumentException(
          "coset " + coset + " outside 0.." + (representatives.length - 1));
    }
    return representatives[coset];
  }
}
