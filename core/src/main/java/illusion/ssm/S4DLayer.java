package illusion.ssm;

import illusion.number.Precision;
import java.util.Arrays;

/**
 * A non-gated SSM layer with a fixed diagonal transition matrix (Def. 2.1; in TC0 by Thm 4.2):
 * {@code h_t[c] = a_c h_{t-1}[c] + B[c][x_t]}, {@code y_t = sat_p(floor(2^f (C h_t + D x_t)))}.
 */
public final class S4DLayer extends AbstractLayer implements Layer {
  private final long[] a;

  private S4DLayer(Builder builder) {
    super(builder);
    this.a = Matrices.checkedCopy("s4d layer: A (diagonal)", builder.a, stateDim(), precision);
  }

  /** A builder for a layer whose parameters are raw values at {@code precision}. */
  public static Builder builder(Precision precision) {
    return new Builder(precision);
  }

  @Override
  public LayerKind kind() {
    return LayerKind.S4D;
  }

  /** The diagonal of A as raw values, length d. */
  public long[] rawA() {
    return a.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof S4DLayer
        && sharedEquals((S4DLayer) o)
        && Arrays.equals(a, ((S4DLayer) o).a);
  }

  @Override
  public int hashCode() {
    return 31 * sharedHashCode() + Arrays.hashCode(a);
  }

  /** Builds an {@link S4DLayer}; A, B and C are required, D defaults to zero. */
  public static final class Builder extends AbstractLayer.Builder<Builder> {
    private long[] a;

    private Builder(Precision precision) {
      super(precision);
    }

    /** Sets the diagonal of A (raw, length d). */
    public Builder a(long[] rawDiagonal) {
      this.a = rawDiagonal;
      return this;
    }

    /** Validates shapes (d from B) and ranges and builds the layer. */
    public S4DLayer build() {
      return new S4DLayer(this);
    }

    @Override
    LayerKind kind() {
      return LayerKind.S4D;
    }

    @Override
    Builder self() {
      return this;
    }
  }
}
