package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import java.util.Arrays;

/**
 * The common core of the reductions of Prop 3.3 (chess, swap programs, narratives): an S5 element
 * as a sequence of swaps of two of the five points 0..4.
 *
 * <p>Semantics: a state is the one-line array {@code occ} ({@code occ[q]} = the item now in place
 * q, items named by their starting place); swapping places i and j exchanges {@code occ[i]} and
 * {@code occ[j]}, i.e. {@code occ := occ * (i j)}. So swaps τ_1, ..., τ_m applied in order turn occ
 * into {@code occ * τ_1 * ... * τ_m}, and {@link #swaps} writes x as such a product: after a word
 * x_1 ... x_t the state is the prefix product s_t = x_1 * ... * x_t in one-line form, and the item
 * that started in place p is in place s_t^-1(p).
 */
final class Transpositions {
  /** S5, the group of the reductions. */
  static final FiniteGroup S5 = Groups.symmetric(5);

  /** The number of places. */
  static final int POINTS = 5;

  private static final int[][] IMAGES = S5.permutationRepresentation();
  private static final int[] INDEX_OF_CODE = new int[3125];

  static {
    Arrays.fill(INDEX_OF_CODE, -1);
    for (int g = 0; g < IMAGES.length; g++) {
      INDEX_OF_CODE[code(IMAGES[g])] = g;
    }
  }

  private Transpositions() {}

  /**
   * Swaps {i, j} (i &lt; j) with {@code x = (i_1 j_1) * (i_2 j_2) * ...}: at most 4, none for the
   * identity. Place by place from 0, the swap brings the right item into place i.
   */
  static int[][] swaps(int x) {
    int[] target = IMAGES[x];
    int[] cur = identity();
    int[][] out = new int[POINTS][];
    int m = 0;
    for (int i = 0; i < POINTS; i++) {
      if (cur[i] != target[i]) {
        int j = i + 1;
        while (cur[j] != target[i]) {
          j++;
        }
        swap(cur, i, j);
        out[m++] = new int[] {i, j};
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** The product of the swaps, applied in order, as an S5 index. */
  static int product(int[][] swaps) {
    int[] cur = identity();
    for (int[] s : swaps) {
      checkArgument(
          s.length == 2 && s[0] != s[1] && inRange(s[0]) && inRange(s[1]),
          "not a swap of two of the places 0..4: %s",
          Arrays.toString(s));
      swap(cur, s[0], s[1]);
    }
    return element(cur);
  }

  /** The S5 index of the permutation with one-line images {@code images} (0-based). */
  static int element(int[] images) {
    checkArgument(
        images.length == POINTS, "a permutation of 5 places expected: %s", Arrays.toString(images));
    int code = 0;
    for (int x : images) {
      checkArgument(inRange(x), "not a permutation of 0..4: %s", Arrays.toString(images));
      code = code * POINTS + x;
    }
    int g = INDEX_OF_CODE[code];
    checkArgument(g >= 0, "not a permutation of 0..4: %s", Arrays.toString(images));
    return g;
  }

  /** The one-line images of x (a fresh array): the state after a word whose product is x. */
  static int[] images(int x) {
    return IMAGES[x].clone();
  }

  /** x^-1(p): the place of the item that started in place p, once the state is x. */
  static int placeOf(int x, int p) {
    int[] img = IMAGES[x];
    for (int q = 0; q < POINTS; q++) {
      if (img[q] == p) {
        return q;
      }
    }
    throw new AssertionError();
  }

  private static boolean inRange(int p) {
    return p >= 0 && p < POINTS;
  }

  private static int[] identity() {
    int[] id = new int[POINTS];
    for (int i = 0; i < POINTS; i++) {
      id[i] = i;
    }
    return id;
  }

  static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  private static int code(int[] images) {
    int c = 0;
    for (int x : images) {
      c = c * POINTS + x;
    }
    return c;
  }
}
