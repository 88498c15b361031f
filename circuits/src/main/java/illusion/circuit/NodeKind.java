package illusion.circuit;

/**
 * The kind of a node of a {@link Circuit}. Every gate is a threshold gate {@code [Σ w_i x_i ≥ θ]};
 * the unit-weight kinds are named so that metrics, exporters and the simulator can treat them
 * specially. Fan-ins of {@link #AND}, {@link #OR} and {@link #MAJ} are <em>literals</em> (a node or
 * its complement, see {@link Literals}), which is a threshold gate with weights ±1.
 */
public enum NodeKind {
  /** A named circuit input. Not a gate. */
  INPUT,
  /** The constant 0 or 1. Not a gate. */
  CONSTANT,
  /** {@code l_1 ∧ ... ∧ l_k} over k ≥ 2 literals: {@code [Σ l_i ≥ k]}. */
  AND,
  /** {@code l_1 ∨ ... ∨ l_k} over k ≥ 2 literals: {@code [Σ l_i ≥ 1]}. */
  OR,
  /** {@code ¬x} over one node: {@code [-x ≥ 0]}. */
  NOT,
  /**
   * Strict majority over k ≥ 1 literals (a multiset: a literal may repeat): {@code [Σ l_i ≥ ⌊k/2⌋ +
   * 1]}.
   */
  MAJ,
  /**
   * A general threshold gate {@code [s ≥ θ]} or {@code [s ≤ θ]} comparing a stored weighted sum s
   * (see {@link Circuit#thresholdSum}) with an integer θ of any size.
   */
  THRESHOLD;

  /** Whether nodes of this kind are gates (everything but inputs and constants). */
  public boolean isGate() {
    return this != INPUT && this != CONSTANT;
  }

  /** Whether this kind counts towards {@link CircuitStats#thresholdDepth()}: MAJ and THRESHOLD. */
  public boolean isThresholdKind() {
    return this == MAJ || this == THRESHOLD;
  }
}
