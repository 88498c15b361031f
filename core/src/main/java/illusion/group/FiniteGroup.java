package illusion.group;

/**
 * A finite group whose elements are the indices {@code 0 .. order()-1}, with {@code 0} the
 * identity.
 *
 * <p>Element order and composition follow the project's contract (DESIGN.md, "Datasets"): S_n in
 * lexicographic one-line order, A_n the even permutations in that order, Z_m residues, and a direct
 * product G x H indexed {@code g * |H| + h}. Composition is {@code (a*b)(i) = a(b(i))}, and a word
 * x_1 ... x_n has prefix products s_t = s_{t-1} * x_t.
 *
 * <p>Implementations are immutable and keep their multiplication table on primitive arrays, so
 * {@link #multiply} is a table lookup; groups too large for a table (more than {@link
 * Groups#TABLE_MAX_ORDER} elements) compute products from their structure without allocating.
 */
public interface FiniteGroup {

  /**
   * The canonical name, parseable by {@link Groups#byName}: {@code S5}, {@code A4_x_Z5}, ...
   * Groups derived from another one (a {@link Subgroup#asGroup() subgroup}, a group of units) carry
   * a descriptive name instead, such as {@code S4'}.
   */
  String name();

  /** The number of elements. */
  int order();

  /** The identity element; always 0. */
  default int identity() {
    return 0;
  }

  /** The product {@code a * b} (apply b first, then a, for permutations). */
  int multiply(int a, int b);

  /** The inverse of {@code a}. */
  int inverse(int a);

  /**
   * A faithful permutation representation of small degree: {@code rep[g]} is the one-line image
   * array (points 0 .. degree-1) of element g, and {@code rep[multiply(a, b)][i] ==
   * rep[a][rep[b][i]]}. Natural action for S_n and A_n; prime-power cycles for cyclic groups;
   * disjoint union for direct products. The returned array is a fresh copy.
   *
   * @throws IllegalArgumentException if the table would have more than {@link
   *     Groups#REPRESENTATION_MAX_ENTRIES} entries ({@code order() * permutationDegree()})
   */
  int[][] permutationRepresentation();

  /**
   * The degree (number of points) of {@link #permutationRepresentation()}, at least 1, computed
   * without building the representation.
   */
  default int permutationDegree() {
    return permutationRepresentation()[0].length;
  }

  /** The element printed in the group's natural notation (cycle notation for permutations). */
  String format(int element);

  /**
   * Parses an element in the group's notation (cycle notation {@code (1 3)(2 5 4)} or one-line
   * {@code [3 1 2]} for permutation groups, with points numbered from 1; a residue for cyclic
   * groups; {@code (g, h)} for products), or an index. Throws {@link IllegalArgumentException}
   * with a one-line message on malformed input or an element not in the group.
   */
  int parse(String text);
}
