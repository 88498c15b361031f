package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What the stage after a layer reads of the layer's rounded outputs: the readout's residue modulo
 * {@code m_c} of each channel c, and, after the last layer, every bit as well. A strategy may hold
 * an output that is read only modulo m by its residues alone ({@link RoundedOutput#ofResidues}).
 * Immutable.
 */
final class OutputUse {
  private final int[] moduli;
  private final boolean bits;

  private OutputUse(int[] moduli, boolean bits) {
    this.moduli = moduli;
    this.bits = bits;
  }

  /** Channel c is read modulo {@code moduli[c]} (1: not at all), and bit by bit when {@code bits}. */
  static OutputUse of(int[] moduli, boolean bits) {
    for (int m : moduli) {
      checkArgument(m >= 1, "a modulus must be at least 1, got %s", m);
    }
    return new OutputUse(moduli.clone(), bits);
  }

  /**
   * The modulus channel c is read by, when that is all that is read of it; 0 when the channel's
   * bits are read (or its use is unknown).
   */
  int residueOnly(int channel) {
    return bits || channel >= moduli.length ? 0 : moduli[channel];
  }
}
