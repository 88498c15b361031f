package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.FiniteGroup;
import org.junit.jupiter.api.Test;

class TranspositionsTest {
  private static final FiniteGroup S5 = Transpositions.S5;

  /** Every S5 element is the product of its swaps (at most 4, none for the identity). */
  @Test
  void swapsMultiplyToTheElement() {
    for (int x = 0; x < S5.order(); x++) {
      int[][] swaps = Transpositions.swaps(x);
      assertTrue(swaps.length <= 4);
      // Product in the group, independent of the one-line bookkeeping of product(...).
      int g = S5.identity();
      for (int[] s : swaps) {
        g = S5.multiply(g, S5.parse("(" + (s[0] + 1) + " " + (s[1] + 1) + ")"));
      }
      assertEquals(x, g, S5.format(x));
      assertEquals(x, Transpositions.product(swaps));
    }
    assertEquals(0, Transpositions.swaps(S5.identity()).length);
  }

  /** images and placeOf agree with the group's representation: placeOf(x, p) = x^-1(p). */
  @Test
  void imagesAndPlaces() {
    int[][] rep = S5.permutationRepresentation();
    for (int x = 0; x < S5.order(); x++) {
      assertArrayEquals(rep[x], Transpositions.images(x));
      assertEquals(x, Transpositions.element(rep[x]));
      for (int p = 0; p < 5; p++) {
        assertEquals(p, rep[x][Transpositions.placeOf(x, p)]);
      }
    }
  }
}
