package illusion.tc0;

import illusion.circuit.CircuitBuilder;

/**
 * An associative operator on node vectors, built as circuitry: the combine step of a {@link
 * PrefixNetwork}. For segments {@code [a, b)} and {@code [b, c)} of the input sequence, {@code
 * apply(b, value[a, b), value[b, c))} must return {@code value[a, c)}: {@code left} always covers
 * the earlier positions. For matrix prefixes in the convention {@code h_t = A_t h_{t−1}} that is
 * {@code right · left}.
 *
 * <p>Implementations must not modify their arguments (they may return one of them unchanged) and
 * should allocate nothing beyond the returned array.
 */
@FunctionalInterface
public interface Combine {
  /** The combined value of two adjacent segments, {@code left} before {@code right}. */
  int[] apply(CircuitBuilder b, int[] left, int[] right);
}
