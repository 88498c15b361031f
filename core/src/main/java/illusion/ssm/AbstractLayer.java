package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import illusion.number.Precision;
import java.util.Arrays;

/** The parameters every layer kind shares: precision, B, C and D. */
abstract class AbstractLayer {
  final Precision precision;
  final long[][] b;
  final long[][] c;
  final long[][] d;

  AbstractLayer(Builder<?> builder) {
    this.precision = builder.precision;
    String kind = builder.kind().id();
    checkArgument(builder.b != null, "%s layer: B is not set", kind);
    checkArgument(builder.c != null, "%s layer: C is not set", kind);
    int stateDim = builder.b.length;
    Matrices.checkDimension(kind + " layer: state dimension (rows of B)", stateDim);
    checkArgument(builder.b[0] != null, "%s layer: B[0] is null", kind);
    int vocab = builder.b[0].length;
    Matrices.checkDimension(kind + " layer: vocabulary size (columns of B)", vocab);
    int outputs = builder.c.length;
    Matrices.checkDimension(kind + " layer: output dimension (rows of C)", outputs);
    Matrices.checkSize(
        kind, (long) stateDim * vocab + (long) outputs * stateDim + (long) outputs * vocab);
    this.b = Matrices.checkedCopy(kind + " layer: B", builder.b, stateDim, vocab, precision);
    this.c = Matrices.checkedCopy(kind + " layer: C", builder.c, outputs, stateDim, precision);
    this.d =
        builder.d == null
            ? new long[outputs][vocab]
            : Matrices.checkedCopy(kind + " layer: D", builder.d, outputs, vocab, precision);
  }

  public abstract LayerKind kind();

  public Precision precision() {
    return precision;
  }

  public int stateDim() {
    return b.length;
  }

  public int outputDim() {
    return c.length;
  }

  public int vocabularySize() {
    return b[0].length;
  }

  public long[][] rawB() {
    return Matrices.copy(b);
  }

  public long[][] rawC() {
    return Matrices.copy(c);
  }

  public long[][] rawD() {
    return Matrices.copy(d);
  }

  boolean sharedEquals(AbstractLayer o) {
    return precision.equals(o.precision)
        && Arrays.deepEquals(b, o.b)
        && Arrays.deepEquals(c, o.c)
        && Arrays.deepEquals(d, o.d);
  }

  int sharedHashCode() {
    return 31 * (31 * (31 * precision.hashCode() + Arrays.deepHashCode(b)) + Arrays.deepHashCode(c))
        + Arrays.deepHashCode(d);
  }

  /** For example {@code "s4 layer (d=4, m=2, |Σ|=60, 8-bit fixed point with 4 fraction bits ...)"}. */
  @Override
  public String toString() {
    return kind().id()
        + " layer (d="
        + stateDim()
        + ", m="
        + outputDim()
        + ", |Σ|="
        + vocabularySize()
        + ", "
        + precision
        + ")";
  }

  /**
   * Collects B, C and optionally D (zero when unset); the dimensions are read off their shapes: d
   * = rows of B, |Σ| = columns of B, m = rows of C.
   */
  abstract static class Builder<T extends Builder<T>> {
    final Precision precision;
    long[][] b;
    long[][] c;
    long[][] d;

    Builder(Precision precision) {
      this.precision = checkNotNull(precision, "precision");
    }

    abstract LayerKind kind();

    abstract T self();

    /** Sets B (raw, d x |Σ|); copied at {@code build()}. */
    public T b(long[][] rawB) {
      this.b = rawB;
      return self();
    }

    /** Sets C (raw, m x d); copied at {@code build()}. */
    public T c(long[][] rawC) {
      this.c = rawC;
      return self();
    }

    /** Sets D (raw, m x |Σ|); zero if never set; copied at {@code build()}. */
    public T d(long[][] rawD) {
      this.d = rawD;
      return self();
    }
  }
}
