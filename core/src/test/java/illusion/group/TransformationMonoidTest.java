package illusion.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransformationMonoidTest {
  static final int[] CYCLE5 = {1, 2, 3, 4, 0};
  static final int[] SWAP5 = {1, 0, 2, 3, 4};
  static final int[] MERGE5 = {0, 0, 2, 3, 4};

  /** The closure computed naively on lists of images. */
  private static Set<List<Integer>> naiveClosure(int[]... maps) {
    int n = maps[0].length;
    Set<List<Integer>> seen = new HashSet<>();
    Deque<int[]> todo = new ArrayDeque<>();
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    todo.add(id);
    seen.add(box(id));
    while (!todo.isEmpty()) {
      int[] x = todo.poll();
      for (int[] m : maps) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
          y[i] = m[x[i]];
        }
        if (seen.add(box(y))) {
          todo.add(y);
        }
      }
    }
    return seen;
  }

  private static List<Integer> box(int[] a) {
    List<Integer> l = new ArrayList<>();
    for (int v : a) {
      l.add(v);
    }
    return l;
  }

  /**
   * The closure has the naive closure's elements, the table is composition (a*b)(i) = a(b(i)),
   * and the full transformation monoid T_n has n^n elements.
   */
  @Test
  void closureAndTableAgreeWithComposition() {
    TransformationMonoid t5 = TransformationMonoid.generatedBy(CYCLE5, SWAP5, MERGE5);
    assertEquals(3125, t5.size());
    Set<List<Integer>> naive = naiveClosure(CYCLE5, SWAP5, MERGE5);
    Set<List<Integer>> ours = new HashSet<>();
    for (int x = 0; x < t5.size(); x++) {
      ours.add(box(t5.transformation(x)));
    }
    assertEquals(naive, ours);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, t5.transformation(t5.identity()));
    for (int a = 0; a < t5.size(); a += 37) {
      for (int b = 0; b < t5.size(); b += 11) {
        int[] ta = t5.transformation(a);
        int[] tb = t5.transformation(b);
        int[] ab = t5.transformation(t5.multiply(a, b));
        for (int i = 0; i < 5; i++) {
          assertEquals(ta[tb[i]], ab[i]);
        }
      }
    }
    assertEquals(t5.generators()[2], t5.indexOf(MERGE5));
    assertEquals(-1, TransformationMonoid.generatedBy(CYCLE5).indexOf(MERGE5));
  }

  /** Permutation generators give a group: <(1 2 3 4 5), (1 2)> is S5, with S5's derived series. */
  @Test
  void permutationsGenerateAGroup() {
    TransformationMonoid m = TransformationMonoid.generatedBy(CYCLE5, SWAP5);
    assertTrue(m.isGroup());
    FiniteGroup g = m.asGroup();
    assertEquals(120, g.order());
    assertArrayEquals(DerivedSeries.of(Groups.byName("S5")).orders(), DerivedSeries.of(g).orders());
    assertEquals(WordProblemClass.NON_SOLVABLE, m.wordProblemClass());
    for (int a = 0; a < g.order(); a++) {
      assertEquals(0, g.multiply(a, g.inverse(a)));
      assertEquals(a, g.parse(g.format(a)));
    }
    int[][] rep = g.permutationRepresentation();
    for (int a = 0; a < g.order(); a += 7) {
      assertArrayEquals(m.transformation(a), rep[a]);
    }
    // <(1 2 3 4 5), (2 5)(3 4)> is dihedral of order 10: solvable, derived length 2
    TransformationMonoid d5 = TransformationMonoid.generatedBy(CYCLE5, new int[] {0, 4, 3, 2, 1});
    assertEquals(10, d5.size());
    assertEquals(WordProblemClass.SOLVABLE, d5.wordProblemClass());
  }

  @Test
  void classification() {
    // constant maps (a reset automaton): aperiodic
    TransformationMonoid reset = TransformationMonoid.generatedBy(new int[] {0, 0}, new int[] {1, 1});
    assertEquals(3, reset.size());
    assertTrue(reset.isAperiodic());
    assertFalse(reset.isGroup());
    assertEquals(WordProblemClass.APERIODIC, reset.wordProblemClass());
    assertThrows(IllegalArgumentException.class, reset::asGroup);
    assertEquals(1, reset.groupOfUnits().order());

    // a mod-2 counter with reset: contains Z2, not aperiodic, solvable
    TransformationMonoid counter = TransformationMonoid.generatedBy(new int[] {1, 0}, new int[] {0, 0});
    assertFalse(counter.isAperiodic());
    assertEquals(WordProblemClass.SOLVABLE, counter.wordProblemClass());
    assertEquals(2, counter.groupOfUnits().order());

    // T_5 contains S5: NC1-complete; T_3 contains only solvable groups
    TransformationMonoid t5 = TransformationMonoid.generatedBy(CYCLE5, SWAP5, MERGE5);
    assertEquals(WordProblemClass.NON_SOLVABLE, t5.wordProblemClass());
    assertEquals(120, t5.groupOfUnits().order());
    TransformationMonoid t3 =
        TransformationMonoid.generatedBy(new int[] {1, 2, 0}, new int[] {1, 0, 2}, new int[] {0, 0, 2});
    assertEquals(27, t3.size());
    assertEquals(WordProblemClass.SOLVABLE, t3.wordProblemClass());

    // A5 acting on 5 points and a rank-4 map that cannot be undone: the A5 inside keeps it NC1-complete
    TransformationMonoid a5 =
        TransformationMonoid.generatedBy(CYCLE5, new int[] {1, 2, 0, 3, 4}, new int[] {0, 0, 2, 3, 4});
    assertEquals(WordProblemClass.NON_SOLVABLE, a5.wordProblemClass());
  }

  @Test
  void refusals() {
    assertThrows(IllegalArgumentException.class, () -> TransformationMonoid.generatedBy());
    assertThrows(IllegalArgumentException.class, () -> TransformationMonoid.generatedBy(new int[] {0, 2}));
    assertThrows(IllegalArgumentException.class, () -> TransformationMonoid.generatedBy(new int[] {0, 1}, new int[] {0}));
    IllegalArgumentException big =
        assertThrows(
            IllegalArgumentException.class,
            () -> TransformationMonoid.generatedBy(1000, CYCLE5, SWAP5, MERGE5));
    assertTrue(big.getMessage().contains("1000"), big.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TransformationMonoid.generatedBy(CYCLE5).transformation(5));
  }
}
