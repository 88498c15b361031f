package illusion.ssm;

import illusion.number.Precision;

/**
 * A non-gated SSM layer with a fixed dense transition matrix (Def. 2.1; in TC0 by Thm 4.2):
 * {@code h_t = A h_{t-1} + B x_t}, {@code y_t = sat_p(floor(2^f (C h_t + D x_t)))}.
 */
public final class S4Layer extends FixedMatrixLayer implements Layer {
  private S4Layer(Builder builder) {
    super(builder);
  }

  /** A builder for a layer whose parameters are raw values at {@code precision}. */
  public static Builder builder(Precision precision) {
    return new Builder(precision);
  }

  @Override
  public LayerKind kind() {
    return LayerKind.S4;
  }

  /** Builds an {@link S4Layer}; A, B and C are required, D defaults to zero. */
  public static final class Builder extends FixedMatrixLayer.Builder<Builder> {
    private Builder(Precision precision) {
      super(precision);
    }

    /** Validates shapes (d from B) and ranges and builds the layer. */
    public S4Layer build() {
      return new S4Layer(this);
    }

    @Override
    LayerKind kind() {
      return LayerKind.S4;
    }

    @Override
    Builder self() {
      return this;
    }
  }
}
