package illusion.word;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import illusion.group.FiniteGroup;
import java.util.List;

/**
 * An in-memory word-problem dataset over a group: rows whose words all have the same length and
 * whose targets are the words' prefix products. For large datasets stream rows with {@link
 * WordGenerator} and {@link DatasetCsv} instead.
 */
public final class Dataset {
  private final FiniteGroup group;
  private final ImmutableList<DatasetRow> rows;

  private Dataset(FiniteGroup group, ImmutableList<DatasetRow> rows) {
    this.group = group;
    this.rows = rows;
  }

  /**
   * A dataset of {@code rows} over {@code group}.
   *
   * @throws IllegalArgumentException if a row has an element outside the group, a length other
   *     than the first row's, or a target that is not the prefix products of its input
   */
  public static Dataset of(FiniteGroup group, List<DatasetRow> rows) {
    ImmutableList<DatasetRow> copy = ImmutableList.copyOf(rows);
    for (int i = 0; i < copy.size(); i++) {
      DatasetRow r = copy.get(i);
      checkArgument(
          r.length() == copy.get(0).length(),
          "row %s has length %s, expected %s",
          i,
          r.length(),
          copy.get(0).length());
      String problem = DatasetCsv.check(group, r.input(), r.target());
      checkArgument(problem == null, "row %s: %s", i, problem);
    }
    return new Dataset(group, copy);
  }

  /** Every row {@link WordGenerator} produces, collected in memory. */
  public static Dataset generate(WordGenerator generator) {
    ImmutableList.Builder<DatasetRow> rows = ImmutableList.builder();
    generator.forEach((seed, input, target) -> rows.add(DatasetRow.of(seed, input, target)));
    return new Dataset(generator.group(), rows.build());
  }

  public FiniteGroup group() {
    return group;
  }

  public ImmutableList<DatasetRow> rows() {
    return rows;
  }

  public int size() {
    return rows.size();
  }

  /** The common word length (0 for an empty dataset). */
  public int length() {
    return rows.isEmpty() ? 0 : rows.get(0).length();
  }

  /** Passes every row to {@code sink} in order. */
  public void forEach(RowSink sink) {
    for (DatasetRow r : rows) {
      r.sendTo(sink);
    }
  }
}
