package illusion.circuit;

/**
 * Literals: a node or its complement, encoded in one {@code int}. A node id {@code n ≥ 0} is itself
 * the positive literal; its complement is {@code ~n = -n-1} (so node 0 can be complemented too).
 * Every {@link CircuitBuilder} method that makes a node returns a literal and accepts literals, and
 * the fan-ins of {@link NodeKind#AND}, {@link NodeKind#OR} and {@link NodeKind#MAJ} gates are
 * stored as literals.
 */
public final class Literals {
  private Literals() {}

  /** The complement of a literal: {@code negate(negate(l)) == l}. */
  public static int negate(int literal) {
    return ~literal;
  }

  /** The node a literal refers to. */
  public static int node(int literal) {
    return literal ^ (literal >> 31);
  }

  /** Whether the literal is the complement of its node. */
  public static boolean isNegated(int literal) {
    return literal < 0;
  }

  /** The literal for {@code node}, complemented if {@code negated}. */
  public static int of(int node, boolean negated) {
    if (node < 0) {
      throw new IllegalArgumentException("node id must be non-negative: " + node);
    }
    return negated ? ~node : node;
  }
}
