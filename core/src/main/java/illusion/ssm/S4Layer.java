package illusion.ssm;

import illusion.number.Precision;
import java.util.Arrays;

/**
 * A non-gated SSM layer with a fixed dense transition matrix (Def. 2.1; in TC0 by Thm 4.2):
 * {@code h_t = A h_{t-1} + B x_t}, {@code y_t = sat_p(floor(2^f (C h_t + D x_t)))}.
 */
public final class S4Layer extends AbstractLayer implements Layer {
  private final long[][] a;

  private S4Layer(Builder builder) {
    super(builder);
    this.a =
        Matrices.checkedCopy("s4 layer: A", builder.a, stateDim(), stateDim(), precision);
    Matrices.checkSize("s4", (long) stateDim() * stateDim());
  }

  /** A builder for a layer whose parameters are raw values at {@code precision}. */
  public static Builder builder(Precision precision) {
    return new Builder(precision);
  }

  @Override
  public LayerKind kind() {
    return LayerKind.S4;
  }

  /** A as raw values, d x d. */
  public long[][] rawA() {
    return Matrices.copy(a);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof S4Layer && sharedEquals((S4Layer) o) && Arrays.deepEquals(a, ((S4Layer) o).a);
  }

  @Override
  public int hashCode() {
    return 31 * sharedHashCode() + Arrays.deepHashCode(a);
  }

  /** Builds an {@link S4Layer}; A, B and C are required, D defaults to zero. */
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
