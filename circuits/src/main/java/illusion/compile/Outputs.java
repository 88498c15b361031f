package illusion.compile;

/** Which positions of a compiled model have outputs. */
public enum Outputs {
  /** The last position only: language recognition (the label of the whole word). */
  LAST,
  /** Every position: transduction (the label of every prefix). */
  ALL
}
