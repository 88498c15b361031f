package illusion.tc0;

import illusion.circuit.CircuitBuilder;

/**
 * Constant bits inside the constructions before they reach a builder: two sentinel literals outside
 * the node range (node ids stay below 2^30), with {@code ~FALSE == TRUE} like any literal pair.
 */
final class Constants {
  static final int FALSE = Integer.MIN_VALUE;
  static final int TRUE = Integer.MAX_VALUE;

  private Constants() {}

  static boolean isConstant(int literal) {
    return literal == FALSE || literal == TRUE;
  }

  static int of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** The builder literal for {@code literal}: sentinels become the builder's constant nodes. */
  static int resolve(CircuitBuilder b, int literal) {
    if (literal == FALSE) {
      return b.constant(false);
    }
    if (literal == TRUE) {
      return b.constant(true);
    }
    return literal;
  }

  static int[] resolve(CircuitBuilder b, int[] literals) {
    int[] out = literals.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = resolve(b, out[i]);
    }
    return out;
  }
}
