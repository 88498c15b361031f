package illusion.word;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/** One row of a word-problem dataset: the generating seed, a word, and its prefix products. */
public final class DatasetRow {
  private final long seed;
  private final int[] input;
  private final int[] target;

  private DatasetRow(long seed, int[] input, int[] target) {
    this.seed = seed;
    this.input = input;
    this.target = target;
  }

  /**
   * A row; the arrays are copied. No group check here: {@link Dataset#of} and {@link DatasetCsv}
   * check rows against their group.
   */
  public static DatasetRow of(long seed, int[] input, int[] target) {
    checkArgument(
        input.length == target.length,
        "input has %s elements but target has %s",
        input.length,
        target.length);
    return new DatasetRow(seed, input.clone(), target.clone());
  }

  public long seed() {
    return seed;
  }

  /** The word (a fresh copy). */
  public int[] input() {
    return input.clone();
  }

  /** The prefix products (a fresh copy). */
  public int[] target() {
    return target.clone();
  }

  /** The word's length. */
  public int length() {
    return input.length;
  }

  /** Passes this row to {@code sink} without copying (the sink must not modify the arrays). */
  void sendTo(RowSink sink) {
    sink.accept(seed, input, target);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatasetRow
        && ((DatasetRow) o).seed == seed
        && Arrays.equals(((DatasetRow) o).input, input)
        && Arrays.equals(((DatasetRow) o).target, target);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(seed) + Arrays.hashCode(input)) + Arrays.hashCode(target);
  }

  @Override
  public String toString() {
    return seed + "," + DatasetCsv.join(input) + "," + DatasetCsv.join(target);
  }
}
