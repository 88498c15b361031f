package illusion.ssm;

import illusion.group.FiniteGroup;
import java.util.SplittableRandom;

/** Test words and their prefix products, computed by brute force from the group's table. */
final class Words {
  private Words() {}

  /** {@code count} uniformly random words of {@code length} elements of {@code g}. */
  static int[][] random(FiniteGroup g, int count, int length, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[][] words = new int[count][length];
    for (int[] w : words) {
      for (int t = 0; t < length; t++) {
        w[t] = rnd.nextInt(g.order());
      }
    }
    return words;
  }

  /** The prefix products s_t = s_{t-1} * x_t, s_0 = identity. */
  static int[] prefixProducts(FiniteGroup g, int[] word) {
    int[] s = new int[word.length];
    int acc = g.identity();
    for (int t = 0; t < word.length; t++) {
      acc = g.multiply(acc, word[t]);
      s[t] = acc;
    }
    return s;
  }
}
