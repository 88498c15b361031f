package illusion.ssm;

import illusion.number.Precision;
import java.util.Arrays;

/**
 * The layer kinds whose transition is one fixed dense d x d matrix A ({@link S4Layer}, {@link
 * RnnLayer}): A is validated against d (the rows of B) and the precision, and takes part in equality.
 */
abstract class FixedMatrixLayer extends AbstractLayer {
  final long[][] a;

  FixedMatrixLayer(Builder<?> builder) {
    super(builder);
    String kind = builder.kind().id();
    this.a = Matrices.checkedCopy(kind + " layer: A", builder.a, stateDim(), stateDim(), precision);
    Matrices.checkSize(kind, (long) stateDim() * stateDim());
  }

  /** A as raw values, d x d. */
  public long[][] rawA() {
    return Matrices.copy(a);
  }

  /** Equal to a layer of the same class with the same precision, A, B, C and D. */
  @Override
  public final boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && sharedEquals((FixedMatrixLayer) o)
        && Arrays.deepEquals(a, ((FixedMatrixLayer) o).a);
  }

  @Override
  public final int hashCode() {
    return 31 * sharedHashCode() + Arrays.deepHashCode(a);
  }

  /** Collects A in addition to B, C and D. */
  abstract static class Builder<T extends Builder<T>> extends AbstractLayer.Builder<T> {
    long[][] a;

    Builder(Precision precision) {
      super(precision);
    }

    /** Sets A (raw, d x d); copied at {@code build()}. */
    public T a(long[][] rawA) {
      this.a = rawA;
      return self();
    }
  }
}
