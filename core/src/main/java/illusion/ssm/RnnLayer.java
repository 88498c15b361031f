package illusion.ssm;

import illusion.number.Precision;

/**
 * A sign-activated recurrent layer, the paper's RNN-SSM (Thm 5.1): {@code h_t = sgn(A h_{t-1} + B
 * x_t)} with {@code sgn} in {-1, 0, 1} applied per channel, and {@code y_t = sat_p(floor(2^f (C h_t
 * + D x_t)))}. The state lies in {-1, 0, 1}^d, so the layer is a finite automaton.
 */
public final class RnnLayer extends FixedMatrixLayer implements Layer {
  private RnnLayer(Builder builder) {
    super(builder);
  }

  /** A builder for a layer whose parameters are raw values at {@code precision}. */
  public static Builder builder(Precision precision) {
    return new Builder(precision);
  }

  @Override
  public LayerKind kind() {
    return LayerKind.RNN;
  }

  /** Builds an {@link RnnLayer}; A, B and C are required, D defaults to zero. */
  public static final class Builder extends FixedMatrixLayer.Builder<Builder> {
    private Builder(Precision precision) {
      super(precision);
    }

    /** Validates shapes (d from B) and ranges and builds the layer. */
    public RnnLayer build() {
      return new RnnLayer(this);
    }

    @Override
    LayerKind kind() {
      return LayerKind.RNN;
    }

    @Override
    Builder self() {
      return this;
    }
  }
}
