package illusion.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The factories, names and views of groups: each factory gives the group of its name, every group
 * prints as its name, derived objects (cosets, abelianizations, subgroup and monoid groups) keep
 * the objects they were made from, and each word-problem class states its circuit class.
 */
class GroupViewsTest {

  @Test
  void factoriesAndNames() {
    assertEquals(Groups.byName("S5"), Groups.symmetric(5));
    assertEquals(Groups.byName("A4"), Groups.alternating(4));
    assertEquals(Groups.byName("Z7"), Groups.cyclic(7));
    for (String name : new String[] {"S4", "A5", "Z12", "A4_x_Z5", "Z2_x_Z3_x_Z4"}) {
      assertEquals(name, Groups.byName(name).toString());
    }
    DirectProduct p = (DirectProduct) Groups.byName("A4_x_Z5");
    assertEquals(List.of(Groups.byName("A4"), Groups.byName("Z5")), p.factors());
    assertEquals(
        "a direct product needs at least one factor",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, Groups::directProduct).getMessage());
  }

  @Test
  void derivedObjectsKeepTheirSources() {
    FiniteGroup s4 = Groups.byName("S4");
    Subgroup a4 = CommutatorSubgroup.of(s4);
    assertEquals("S4' (order 12 in S4)", a4.toString());
    assertEquals("S4'", a4.asGroup().name());
    assertEquals("S4'", a4.asGroup().toString());
    assertSame(a4, Cosets.of(a4).subgroup());
    Abelianization ab = Abelianization.of(s4);
    assertSame(s4, ab.group());
    assertEquals(a4, ab.commutatorSubgroup());
    Abelianization fromSeries = Abelianization.of(DerivedSeries.of(s4));
    assertArrayEquals(ab.factors(), fromSeries.factors());
    assertEquals(ab.commutatorSubgroup(), fromSeries.commutatorSubgroup());
    FiniteGroup units =
        TransformationMonoid.generatedBy(TransformationMonoidTest.CYCLE5, TransformationMonoidTest.SWAP5).asGroup();
    assertEquals(units.permutationRepresentation()[0].length, units.permutationDegree());
    assertEquals(5, units.permutationDegree());
  }

  /** Each class's description names the class and states the circuit class. */
  @Test
  void wordProblemClassesStateTheirCircuitClass() {
    for (WordProblemClass c : WordProblemClass.values()) {
      assertTrue(c.description().startsWith(c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": "), c.description());
      assertTrue(c.description().contains(c.complexityClass()), c.description());
    }
    assertEquals("NC1-complete", WordProblemClass.of(Groups.byName("A5")).complexityClass());
    assertEquals("ACC0", WordProblemClass.of(Groups.byName("S4")).complexityClass());
    assertEquals("AC0", WordProblemClass.of(Groups.byName("Z1")).complexityClass());
  }

  @Test
  void sortedSets() {
    assertTrue(Closures.isSortedSet(new int[0]));
    assertTrue(Closures.isSortedSet(new int[] {4}));
    assertTrue(Closures.isSortedSet(new int[] {0, 2, 7}));
    assertFalse(Closures.isSortedSet(new int[] {0, 2, 2}));
    assertFalse(Closures.isSortedSet(new int[] {3, 2}));
  }
}
