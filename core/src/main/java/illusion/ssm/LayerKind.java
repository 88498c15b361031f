package illusion.ssm;

import java.util.Locale;

/**
 * The layer kinds of the paper's Def. 2.1, as listed in DESIGN.md "Layer kinds". Each kind's
 * {@link #id()} is its name in the model JSON format.
 */
public enum LayerKind {
  /** Non-gated SSM with a fixed dense transition matrix A (Thm 4.2). */
  S4("s4"),
  /** Non-gated SSM with a fixed diagonal transition matrix A (Thm 4.2). */
  S4D("s4d"),
  /** Input-dependent diagonal transitions {@code a_c^{e_c(σ)}} or RESET, S6 / Mamba-style (Thm 4.4). */
  SELECTIVE("selective"),
  /** Input-dependent dense transition matrices A(σ) and vectors B(σ) (Thm 5.2). */
  IDS4("ids4"),
  /** {@code h_t = sgn(A h_{t-1} + B x_t)} (Thm 5.1). */
  RNN("rnn");

  private final String id;

  LayerKind(String id) {
    this.id = id;
  }

  /** The lower-case name used in the model JSON format, e.g. {@code "selective"}. */
  public String id() {
    return id;
  }

  /** The kind named {@code id} (case-insensitive); throws with the list of kinds otherwise. */
  public static LayerKind byId(String id) {
    String key = id.strip().toLowerCase(Locale.ROOT);
    for (LayerKind k : values()) {
      if (k.id.equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown layer kind '" + id + "': expected one of s4, s4d, selective, ids4, rnn");
  }

  @Override
  public String toString() {
    return id;
  }
}
