package illusion.demo;

import illusion.group.FiniteGroup;
import illusion.word.WordGenerator;
import java.util.ArrayList;
import java.util.List;

/** Words for the demos, drawn by the dataset generator so that a seed means the same everywhere. */
final class DemoWords {
  private DemoWords() {}

  /**
   * {@code count} distinct words of length {@code length} over {@code group}, drawn as {@code
   * illusion data --samples count --seed seed} draws them (capped at the number of words there
   * are).
   */
  static int[][] sample(FiniteGroup group, int length, int count, long seed) {
    double words = Math.pow(group.order(), length);
    long n = words < count ? (long) words : count;
    List<int[]> out = new ArrayList<>();
    WordGenerator.sample(group, length, n, seed)
        .forEach((s, input, target) -> out.add(input.clone()));
    return out.toArray(new int[0][]);
  }

  /** One word of length {@code length}: the first that {@link #sample} draws. */
  static int[] one(FiniteGroup group, int length, long seed) {
    return sample(group, length, 1, seed)[0];
  }

  /**
   * The word in the group's notation, elements separated by commas, each a code span (so that a
   * text line never breaks inside an element).
   */
  static String format(FiniteGroup group, int[] word) {
    StringBuilder sb = new StringBuilder();
    for (int x : word) {
      sb.append(sb.length() == 0 ? "" : ", ").append('`').append(group.format(x)).append('`');
    }
    return sb.toString();
  }
}
