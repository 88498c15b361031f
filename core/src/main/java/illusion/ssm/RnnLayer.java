package illusion.ssm;

import illusion.number.Precision;
import java.util.Arrays;

/**
 * A sign-activated recurrent layer, the paper's RNN-SSM (Thm 5.1): {@code h_t = sgn(A h_{t-1} + B
 * x_t)} with {@code sgn} in {-1, 0, 1} applied per channel, and {@code y_t = sat_p(floor(2^f (C h_t
 * + D x_t)))}. The state lies in {-1, 0, 1}^d, so the layer is a finite automaton.
 */
public final class RnnLayer extends AbstractLayer implements Layer {
  private final long[][] a;

  private RnnLayer(Builder builder) {
    super(builder);
    this.a =
        Matrices.checkedCopy("rnn layer: A", builder.a, stateDim(), stateDim(), precision);
    Matrices.checkSize("rnn", (long) stateDim() * stateDim());
  }

  /** A builder for a layer whose parameters are raw values at {@code precision}. */
  public static Builder builder(Precision precision) {
    return new Builder(precision);
  }

  @Override
  public LayerKind kind() {
    return LayerKind.RNN;
  }

  /** A as raw values, d x d. */
  public long[][] rawA() {
    return Matrices.copy(a);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RnnLayer
        && sharedEquals((RnnLayer) o)
        && Arrays.deepEquals(a, ((RnnLayer) o).a);
  }

  @Override
  public int hashCode() {
    return 31 * sharedHashCode() + Arrays.deepHashCode(a);
  }

  /** Builds an {@link RnnLayer}; A, B and C are required, D defaults to zero. */
  public static final class Builder extends AbstractLayer.Builder<Builder> {
    private long[][] a;

    private Builder(Precision precision) {
      super(precision);
    }

    /** Sets A (raw, d x d). */
    public Builder a(long[][] rawA) {
      this.a = rawA;
      return this;
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
