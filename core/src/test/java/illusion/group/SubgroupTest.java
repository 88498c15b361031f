package illusion.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubgroupTest {

  /**
   * Every term of the derived series, viewed as a group of its own, satisfies the group axioms, is
   * isomorphic to the subgroup through toParent (a homomorphism), keeps the identity at 0, and has
   * a faithful permutation representation that is a homomorphism.
   */
  @ParameterizedTest
  @ValueSource(strings = {"S4", "A4_x_Z5", "S3_x_Z4", "S5", "Z60", "S3_x_S3"})
  void derivedSubgroupsAsGroups(String name) {
    FiniteGroup g = Groups.byName(name);
    for (Subgroup h : DerivedSeries.of(g).terms()) {
      FiniteGroup hg = h.asGroup();
      assertEquals(h.order(), hg.order());
      assertEquals(0, h.toParent(0));
      int[][] rep = hg.permutationRepresentation();
      Set<String> images = new HashSet<>();
      for (int a = 0; a < hg.order(); a++) {
        assertEquals(a, h.fromParent(h.toParent(a)));
        assertTrue(h.contains(h.toParent(a)));
        assertEquals(g.inverse(h.toParent(a)), h.toParent(hg.inverse(a)));
        assertEquals(a, hg.parse(hg.format(a)));
        images.add(Arrays.toString(rep[a]));
        for (int b = 0; b < hg.order(); b++) {
          int ab = hg.multiply(a, b);
          assertEquals(g.multiply(h.toParent(a), h.toParent(b)), h.toParent(ab));
          for (int i = 0; i < rep[ab].length; i++) {
            assertEquals(rep[a][rep[b][i]], rep[ab][i]);
          }
        }
      }
      assertEquals(hg.order(), images.size(), "faithful");
      assertEquals(hg.permutationDegree(), rep[0].length);
    }
  }

  @Test
  void derivedSubgroupOfA4xZ5ActsOnFourPoints() {
    Subgroup v4 = CommutatorSubgroup.of(Groups.byName("A4_x_Z5"));
    assertEquals(4, v4.order());
    assertEquals(4, v4.asGroup().permutationDegree());
    assertEquals("A4_x_Z5'", v4.name());
    assertEquals(1, Subgroup.generatedBy(Groups.byName("S3")).asGroup().permutationDegree());
  }

  @Test
  void generatedByAndMembership() {
    FiniteGroup s4 = Groups.byName("S4");
    Subgroup h = Subgroup.generatedBy(s4, s4.parse("(1 2 3 4)"));
    assertEquals(4, h.order());
    assertEquals(6, h.index());
    assertFalse(h.isNormal());
    assertTrue(CommutatorSubgroup.of(s4).isNormal());
    assertTrue(h.contains(s4.parse("(1 3)(2 4)")));
    assertFalse(h.contains(s4.parse("(1 2)")));
    assertThrows(IllegalArgumentException.class, () -> h.fromParent(s4.parse("(1 2)")));
    assertThrows(IllegalArgumentException.class, () -> h.toParent(4));
    assertThrows(IllegalArgumentException.class, () -> h.contains(24));
    assertThrows(IllegalArgumentException.class, () -> h.asGroup().parse("(1 2)"));
    assertEquals(Subgroup.whole(s4), Subgroup.generatedBy(s4, s4.parse("(1 2)"), s4.parse("(1 2 3 4)")));
    int[] copy = h.elements();
    copy[0] = 5;
    assertEquals(0, h.elements()[0]);
  }

  /** Right cosets partition G into [G:H] classes of size |H|, Hx = Hy iff x y^-1 in H. */
  @ParameterizedTest
  @ValueSource(strings = {"S4", "A4_x_Z5", "S3_x_Z4"})
  void cosetsPartition(String name) {
    FiniteGroup g = Groups.byName(name);
    Subgroup h = Subgroup.generatedBy(g, g.order() - 1);
    Cosets cosets = Cosets.of(h);
    assertEquals(g.order() / h.order(), cosets.count());
    int[] sizes = new int[cosets.count()];
    for (int x = 0; x < g.order(); x++) {
      sizes[cosets.cosetOf(x)]++;
      assertTrue(cosets.representative(cosets.cosetOf(x)) <= x);
      for (int y = 0; y < g.order(); y += 5) {
        assertEquals(
            h.contains(g.multiply(x, g.inverse(y))), cosets.cosetOf(x) == cosets.cosetOf(y));
      }
    }
    int[] expected = new int[cosets.count()];
    Arrays.fill(expected, h.order());
    assertArrayEquals(expected, sizes);
    assertEquals(0, cosets.representative(0));
  }
}
