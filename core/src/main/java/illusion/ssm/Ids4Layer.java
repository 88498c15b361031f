package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.number.Precision;
import java.util.Arrays;

/**
 * An input-dependent non-diagonal layer, IDS4 (Def. 2.1; recognizes every regular language by Thm
 * 5.2): {@code h_t = A(x_t) h_{t-1} + B(x_t)} where {@code A(σ)} is a d x d matrix per token and
 * {@code B(σ)} is column σ of B, and {@code y_t = sat_p(floor(2^f (C h_t + D x_t)))}.
 */
public final class Ids4Layer extends AbstractLayer implements Layer {
  private final long[][][] a;

  private Ids4Layer(Builder builder) {
    super(builder);
    int d = stateDim();
    int v = vocabularySize();
    Matrices.checkSize("ids4", (long) v * d * d);
    checkArgument(builder.a != null, "ids4 layer: A is not set");
    checkArgument(
        builder.a.length == v,
        "ids4 layer: A must have one d x d matrix per token (%s), got %s",
        v,
        builder.a.length);
    this.a = new long[v][][];
    for (int s = 0; s < v; s++) {
      a[s] = Matrices.checkedCopy("ids4 layer: A(" + s + ")", builder.a[s], d, d, precision);
    }
  }

  /** A builder for a layer whose parameters are raw values at {@code precision}. */
  public static Builder builder(Precision precision) {
    return new Builder(precision);
  }

  @Override
  public LayerKind kind() {
    return LayerKind.IDS4;
  }

  /** The transition matrices as raw values, |Σ| x d x d: {@code rawA()[σ]} is A(σ). */
  public long[][][] rawA() {
    return Matrices.copy(a);
  }

  /** A(σ) as raw values, d x d. */
  public long[][] rawA(int token) {
    return Matrices.copy(a[token]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ids4Layer
        && sharedEquals((Ids4Layer) o)
        && Arrays.deepEquals(a, ((Ids4Layer) o).a);
  }

  @Override
  public int hashCode() {
    return 31 * sharedHashCode() + Arrays.deepHashCode(a);
  }

  /** Builds an {@link Ids4Layer}; A, B and C are required, D defaults to zero. */
  public static final class Builder extends AbstractLayer.Builder<Builder> {
    private long[][][] a;

    private Builder(Precision precision) {
      super(precision);
    }

    /** Sets the transition matrices (raw, |Σ| x d x d; {@code rawA[σ]} is A(σ)). */
    public Builder a(long[][][] rawA) {
      this.a = rawA;
      return this;
    }

    /** Validates shapes (d and |Σ| from B) and ranges and builds the layer. */
    public Ids4Layer build() {
      return new Ids4Layer(this);
    }

    @Override
    LayerKind kind() {
      return LayerKind.IDS4;
    }

    @Override
    Builder self() {
      return this;
    }
  }
}
