package illusion.word;

import illusion.group.FiniteGroup;

/**
 * The word problem's answers: the prefix products s_t = s_{t-1} * x_t, s_0 = 1, of a word x_1 ...
 * x_n of group elements (DESIGN.md, "Datasets").
 */
public final class PrefixProducts {
  private PrefixProducts() {}

  /** The prefix products of {@code word}, a fresh array of the same length. */
  public static int[] of(FiniteGroup group, int[] word) {
    int[] out = new int[word.length];
    into(group, word, out);
    return out;
  }

  /** Writes the prefix products of {@code word} into {@code out[0 .. word.length-1]}. */
  public static void into(FiniteGroup group, int[] word, int[] out) {
    int s = group.identity();
    for (int t = 0; t < word.length; t++) {
      s = group.multiply(s, word[t]);
      out[t] = s;
    }
  }

  /** The product x_1 * ... * x_n (the identity for the empty word). */
  public static int product(FiniteGroup group, int[] word) {
    int s = group.identity();
    for (int x : word) {
      s = group.multiply(s, x);
    }
    return s;
  }
}
