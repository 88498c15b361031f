package illusion.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupsTest {

  /** Compares one-line arrays lexicographically. */
  private static int compareLex(int[] a, int[] b) {
    return Arrays.compare(a, b);
  }

  private static boolean isEven(int[] p) {
    // parity from the cycle count: sign = (-1)^(n - cycles)
    boolean[] seen = new boolean[p.length];
    int cycles = 0;
    for (int i = 0; i < p.length; i++) {
      if (!seen[i]) {
        cycles++;
        for (int j = i; !seen[j]; j = p[j]) {
          seen[j] = true;
        }
      }
    }
    return (p.length - cycles) % 2 == 0;
  }

  private static long factorial(int n) {
    return n <= 1 ? 1 : n * factorial(n - 1);
  }

  /**
   * S_n and A_n list every permutation (every even one) exactly once, in increasing lexicographic
   * order of the one-line images, and multiply by composition (a*b)(i) = a(b(i)).
   */
  @ParameterizedTest
  @ValueSource(strings = {"S1", "S2", "S3", "S4", "S5", "S6", "A3", "A4", "A5", "A6", "S7", "A7"})
  void permutationGroupsFollowTheContract(String name) {
    FiniteGroup g = Groups.byName(name);
    boolean alt = name.startsWith("A");
    int n = Integer.parseInt(name.substring(1));
    assertEquals(alt && n >= 2 ? factorial(n) / 2 : factorial(n), g.order());
    int[][] rep = g.permutationRepresentation();
    assertEquals(n, g.permutationDegree());
    for (int e = 0; e < g.order(); e++) {
      assertEquals(n, rep[e].length);
      if (alt) {
        assertTrue(isEven(rep[e]));
      }
      if (e > 0) {
        assertTrue(compareLex(rep[e - 1], rep[e]) < 0, "lexicographic order at " + e);
      }
    }
    for (int a = 0; a < g.order(); a += 7) {
      for (int b = 0; b < g.order(); b += 3) {
        int[] ab = rep[g.multiply(a, b)];
        for (int i = 0; i < n; i++) {
          assertEquals(rep[a][rep[b][i]], ab[i]);
        }
      }
    }
  }

  /** A faithful representation maps distinct elements to distinct permutations. */
  @ParameterizedTest
  @ValueSource(
      strings = {"S4", "A5", "Z60", "A4_x_Z5", "S3_x_Z4", "Z1", "Z2_x_Z2", "Z12_x_Z1", "Z1_x_Z1"})
  void representationIsFaithful(String name) {
    FiniteGroup g = Groups.byName(name);
    int[][] rep = g.permutationRepresentation();
    Set<String> images = new HashSet<>();
    for (int[] r : rep) {
      assertEquals(g.permutationDegree(), r.length);
      int[] sorted = r.clone();
      Arrays.sort(sorted);
      for (int i = 0; i < sorted.length; i++) {
        assertEquals(i, sorted[i], "not a permutation");
      }
      images.add(Arrays.toString(r));
    }
    assertEquals(g.order(), images.size());
  }

  @Test
  void cyclicRepresentationUsesPrimePowerCycles() {
    FiniteGroup z60 = Groups.byName("Z60");
    assertEquals(12, z60.permutationDegree());
    int[] one = z60.permutationRepresentation()[1];
    // cycle lengths of the generator: 4, 3, 5 by increasing prime
    boolean[] seen = new boolean[one.length];
    int[] lengths = new int[3];
    int k = 0;
    for (int i = 0; i < one.length; i++) {
      if (!seen[i]) {
        int len = 0;
        for (int j = i; !seen[j]; j = one[j]) {
          seen[j] = true;
          len++;
        }
        lengths[k++] = len;
      }
    }
    assertArrayEquals(new int[] {4, 3, 5}, lengths);
    assertEquals(9, Groups.byName("A4_x_Z5").permutationDegree());
    assertEquals(5, Groups.byName("A5").permutationDegree());
  }

  /** Product indices are mixed radix i_G*|H| + i_H, components multiplying independently. */
  @Test
  void productIndexingAndComposition() {
    FiniteGroup a4 = Groups.byName("A4");
    FiniteGroup z5 = Groups.byName("Z5");
    FiniteGroup p = Groups.byName("A4_x_Z5");
    assertEquals(Groups.directProduct(a4, z5), p);
    assertEquals("A4_x_Z5", p.name());
    for (int a = 0; a < 60; a++) {
      for (int b = 0; b < 60; b++) {
        int expected = a4.multiply(a / 5, b / 5) * 5 + z5.multiply(a % 5, b % 5);
        assertEquals(expected, p.multiply(a, b));
      }
    }
    assertEquals("((1 2 3), 4)", p.format(p.parse("((1 2 3), 4)")));
    assertEquals(a4.parse("(1 2 3)") * 5 + 4, p.parse("((1 2 3), 4)"));
    FiniteGroup triple = Groups.byName("Z2_x_Z3_x_Z4");
    assertEquals((1 * 3 + 2) * 4 + 3, triple.parse("(1, 2, 3)"));
  }

  @Test
  void notation() {
    FiniteGroup s5 = Groups.byName("S5");
    int g = s5.parse("(1 3)(2 5 4)");
    assertArrayEquals(new int[] {2, 4, 0, 1, 3}, s5.permutationRepresentation()[g]);
    assertEquals("(1 3)(2 5 4)", s5.format(g));
    assertEquals(g, s5.parse("[3 5 1 2 4]"));
    assertEquals(g, s5.parse(" (2,5,4)(1,3) "));
    assertEquals("()", s5.format(0));
    assertEquals(0, s5.parse("()"));
    // a product of cycles: the rightmost acts first, (1 2)(2 3) sends 2 -> 3 -> 3, 3 -> 2 -> 1
    assertEquals(s5.multiply(s5.parse("(1 2)"), s5.parse("(2 3)")), s5.parse("(1 2)(2 3)"));
    assertEquals("(1 2 3)", s5.format(s5.parse("(1 2)(2 3)")));
    assertEquals("17", Groups.byName("Z60").format(17));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(1 2", "(1 6)", "(0 1)", "(1 1)", "[1 1 2 3 4]", "[1 2 3]", "[2 1 3 4 5", "1 2", "(a b)",
        "120", "-1", "", "(1 2)x", "((1 2))"
      })
  void malformedPermutationsAreRefused(String text) {
    FiniteGroup s5 = Groups.byName("S5");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s5.parse(text));
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void elementNotInTheGroupIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Groups.byName("A5").parse("(1 2)"));
    assertThrows(IllegalArgumentException.class, () -> Groups.byName("Z5").parse("5"));
    assertThrows(IllegalArgumentException.class, () -> Groups.byName("Z5").parse("(1 2)"));
    assertThrows(IllegalArgumentException.class, () -> Groups.byName("A4_x_Z5").parse("((1 2 3))"));
    assertThrows(IllegalArgumentException.class, () -> Groups.byName("A4_x_Z5").parse("(1 2 3), 4"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"S13", "S10", "A10", "Z1000001", "Z1000_x_Z1001", "S99999999999", "S0", "Z0",
        "Q8", "", "S5_x_", "_x_Z2", "D4", "S5 x Z2"})
  void badNamesAreRefusedInOneLine(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Groups.byName(name));
    assertFalse(e.getMessage().contains("\n"));
    assertTrue(e.getMessage().length() > 10);
  }

  @Test
  void namesAreCanonical() {
    assertEquals("A4_x_Z5", Groups.byName(" a4_X_z5 ").name());
    assertEquals(362880, Groups.byName("S9").order());
    assertEquals(1_000_000, Groups.byName("Z1000_x_Z1000").order());
    String s13 = assertThrows(IllegalArgumentException.class, () -> Groups.byName("S13")).getMessage();
    assertTrue(s13.contains("order " + factorial(13) + ", above the limit of 1000000"), s13);
    String a10 = assertThrows(IllegalArgumentException.class, () -> Groups.byName("A10")).getMessage();
    assertTrue(a10.contains("order " + factorial(10) / 2), a10);
    String huge = assertThrows(IllegalArgumentException.class, () -> Groups.byName("S999")).getMessage();
    assertTrue(huge.contains("more than 10^18"), huge);
  }

  /**
   * Z_m acts on one cycle per prime power exactly dividing m (faithful by the Chinese remainder
   * theorem): the cycle lengths are m's prime-power factors found by plain trial division, by
   * increasing prime, and the degree is their sum (1 for Z1).
   */
  @Test
  void cyclicCyclesArePrimePowerFactors() {
    for (int m = 1; m <= 3000; m++) {
      List<Integer> expected = new ArrayList<>();
      int rest = m;
      for (int p = 2; p <= rest; p++) {
        int q = 1;
        while (rest % p == 0) {
          rest /= p;
          q *= p;
        }
        if (q > 1) {
          expected.add(q);
        }
      }
      if (expected.isEmpty()) {
        expected.add(1);
      }
      assertEquals(expected, Arrays.stream(CyclicGroup.primePowers(m)).boxed().toList(), "m = " + m);
      if (m <= 64) {
        int degree = expected.stream().mapToInt(Integer::intValue).sum();
        FiniteGroup z = Groups.byName("Z" + m);
        assertEquals(degree, z.permutationDegree());
        assertEquals(degree, z.permutationRepresentation()[0].length);
      }
    }
  }
}
