package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.number.Precision;
import java.util.Arrays;

/**
 * An input-dependent diagonal layer, S6 / Mamba-style (Def. 2.1; in TC0 by Thm 4.4). Channel c has
 * a base {@code a_c} in [-1, 1] and, per token σ, an integer exponent {@code e_c(σ)} in {@code [0,
 * MAX_EXPONENT]} or {@link #RESET}:
 *
 * <pre>
 *   h_t[c] = a_c^{e_c(x_t)} h_{t-1}[c] + B[c][x_t]     (a^0 = 1, also for a = 0)
 *   h_t[c] = B[c][x_t]                                   if e_c(x_t) = RESET
 *   y_t    = sat_p(floor(2^f (C h_t + D x_t)))
 * </pre>
 *
 * This models Mamba's {@code exp(Δ_t A)} with Δ quantized to multiples of a step, and negative
 * bases as in Grazzi et al. (2025); RESET is the limit Δ → ∞ of a decaying channel.
 */
public final class SelectiveLayer extends AbstractLayer implements Layer {
  /** The exponent value that drops the old state (transition factor 0). */
  public static final int RESET = -1;
  /** The largest exponent a token may assign. */
  public static final int MAX_EXPONENT = 64;

  private final long[] base;
  private final int[][] exponents;

  private SelectiveLayer(Builder builder) {
    super(builder);
    int d = stateDim();
    int v = vocabularySize();
    this.base = Matrices.checkedCopy("selective layer: base a", builder.base, d, precision);
    long one = 1L << precision.fractionBits();
    for (int c = 0; c < d; c++) {
      checkArgument(
          Math.abs(base[c]) <= one,
          "selective layer: base a[%s] = %s is outside [-1, 1]",
          c,
          precision.format(base[c]));
    }
    checkArgument(builder.exponents != null, "selective layer: exponents are not set");
    checkArgument(
        builder.exponents.length == d,
        "selective layer: exponents must have %s rows (one per channel), got %s",
        d,
        builder.exponents.length);
    this.exponents = new int[d][];
    for (int c = 0; c < d; c++) {
      int[] row = builder.exponents[c];
      checkArgument(
          row != null && row.length == v,
          "selective layer: exponents must have %s columns (one per token), but row %s has %s",
          v,
          c,
          row == null ? 0 : row.length);
      for (int s = 0; s < v; s++) {
        checkArgument(
            row[s] == RESET || (row[s] >= 0 && row[s] <= MAX_EXPONENT),
            "selective layer: exponent[%s][%s] = %s is out of range: expected 0..%s or RESET",
            c,
            s,
            row[s],
            MAX_EXPONENT);
      }
      this.exponents[c] = row.clone();
    }
  }

  /** A builder for a layer whose parameters are raw values at {@code precision}. */
  public static Builder builder(Precision precision) {
    return new Builder(precision);
  }

  @Override
  public LayerKind kind() {
    return LayerKind.SELECTIVE;
  }

  /** The per-channel bases {@code a_c} as raw values, length d, each in [-2^f, 2^f]. */
  public long[] rawBase() {
    return base.clone();
  }

  /**
   * The exponents, d x |Σ|: {@code exponents()[c][σ]} is {@code e_c(σ)} in {@code [0,
   * MAX_EXPONENT]} or {@link #RESET}.
   */
  public int[][] exponents() {
    return Matrices.copy(exponents);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SelectiveLayer
        && sharedEquals((SelectiveLayer) o)
        && Arrays.equals(base, ((SelectiveLayer) o).base)
        && Arrays.deepEquals(exponents, ((SelectiveLayer) o).exponents);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * sharedHashCode() + Arrays.hashCode(base)) + Arrays.deepHashCode(exponents);
  }

  /** Builds a {@link SelectiveLayer}; base, exponents, B and C are required, D defaults to 0. */
  public static final class Builder extends AbstractLayer.Builder<Builder> {
    private long[] base;
    private int[][] exponents;

    private Builder(Precision precision) {
      super(precision);
    }

    /** Sets the bases {@code a_c} (raw, length d, each in [-1, 1]). */
    public Builder base(long[] rawBase) {
      this.base = rawBase;
      return this;
    }

    /** Sets the exponents (d x |Σ|, each in {@code [0, MAX_EXPONENT]} or {@link #RESET}). */
    public Builder exponents(int[][] exponents) {
      this.exponents = exponents;
      return this;
    }

    /** Validates shapes (d from B) and ranges and builds the layer. */
    public SelectiveLayer build() {
      return new SelectiveLayer(this);
    }

    @Override
    LayerKind kind() {
      return LayerKind.SELECTIVE;
    }

    @Override
    Builder self() {
      return this;
    }
  }
}
