package illusion.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AbelianizationTest {

  static final String[] GROUPS = {
    "Z1", "S3", "S4", "A4", "A5", "S5", "Z12", "Z60", "Z2_x_Z2", "S3_x_Z4", "A4_x_Z5", "S3_x_S3",
    "Z12_x_Z18", "Z2_x_Z4_x_Z8", "Z4_x_Z2_x_Z3", "A4_x_A4", "S4_x_Z6", "Z9_x_Z3_x_Z5"
  };

  /**
   * coordinates: G -> Z_{m_1} x ... x Z_{m_k} is a surjective homomorphism with kernel G', the
   * factors form a divisibility chain of integers at least 2 whose product is |G/G'|, and G/G' is
   * isomorphic to that product: both have the same number of elements of each order (which
   * determines a finite abelian group), orders in G/G' computed by brute force.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"Z1", "S3", "S4", "A4", "A5", "S5", "Z12", "Z60", "Z2_x_Z2", "S3_x_Z4", "A4_x_Z5",
        "S3_x_S3", "Z12_x_Z18", "Z2_x_Z4_x_Z8", "Z4_x_Z2_x_Z3", "A4_x_A4", "S4_x_Z6", "Z9_x_Z3_x_Z5"})
  void isTheAbelianization(String name) {
    FiniteGroup g = Groups.byName(name);
    Abelianization ab = Abelianization.of(g);
    TreeSet<Integer> derived = BruteForce.commutatorSubgroup(g, BruteForce.all(g));
    int[] m = ab.factors();
    long product = 1;
    for (int i = 0; i < m.length; i++) {
      assertTrue(m[i] >= 2);
      if (i > 0) {
        assertEquals(0, m[i] % m[i - 1], "divisibility chain " + Arrays.toString(m));
      }
      product *= m[i];
    }
    assertEquals(g.order() / derived.size(), product);
    assertEquals(product, ab.order());
    assertEquals(product, ab.quotient().order());

    Set<String> images = new HashSet<>();
    TreeMap<Integer, Integer> orderCounts = new TreeMap<>();
    for (int x = 0; x < g.order(); x++) {
      int[] c = ab.coordinates(x);
      assertEquals(derived.contains(x), Arrays.stream(c).allMatch(v -> v == 0), "kernel is G'");
      if (images.add(Arrays.toString(c))) {
        orderCounts.merge(BruteForce.orderModulo(g, x, derived), 1, Integer::sum);
      }
      int r = ab.representative(c);
      assertArrayEquals(c, ab.coordinates(r));
      assertTrue(r <= x, "representative is the smallest in its coset");
      assertEquals(ab.quotientIndex(x), ab.quotient().parse(tuple(c)));
    }
    assertEquals(product, images.size(), "surjective");
    assertEquals(0, ab.representative(new int[m.length]));

    TreeMap<Integer, Integer> expectedCounts = new TreeMap<>();
    int[] c = new int[m.length];
    for (long code = 0; code < product; code++) {
      long rest = code;
      int lcm = 1;
      for (int i = m.length - 1; i >= 0; i--) {
        c[i] = (int) (rest % m[i]);
        rest /= m[i];
        int ord = m[i] / BruteForce.gcd(c[i], m[i]);
        lcm = lcm / BruteForce.gcd(lcm, ord) * ord;
      }
      expectedCounts.merge(lcm, 1, Integer::sum);
    }
    assertEquals(expectedCounts, orderCounts);
  }

  private static String tuple(int[] c) {
    if (c.length == 0) {
      return "0";
    }
    if (c.length == 1) {
      return Integer.toString(c[0]);
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < c.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(c[i]);
    }
    return sb.append(')').toString();
  }

  /** A group with two random elements. */
  record Pair(FiniteGroup g, Abelianization ab, int a, int b) {}

  @Provide
  Arbitrary<Pair> pairs() {
    return Arbitraries.of(GROUPS)
        .map(Groups::byName)
        .flatMap(
            g -> {
              Abelianization ab = Abelianization.of(g);
              Arbitrary<Integer> e = Arbitraries.integers().between(0, g.order() - 1);
              return Combinators.combine(e, e).as((a, b) -> new Pair(g, ab, a, b));
            });
  }

  /** The abelianization map is a homomorphism: coords(a*b) = coords(a) + coords(b) mod m_i. */
  @Property(tries = 300)
  void coordinatesAreAHomomorphism(@ForAll("pairs") Pair p) {
    int[] m = p.ab().factors();
    int[] ca = p.ab().coordinates(p.a());
    int[] cb = p.ab().coordinates(p.b());
    int[] cab = p.ab().coordinates(p.g().multiply(p.a(), p.b()));
    for (int i = 0; i < m.length; i++) {
      assertEquals((ca[i] + cb[i]) % m[i], cab[i]);
    }
    assertEquals(
        p.ab().quotient().multiply(p.ab().quotientIndex(p.a()), p.ab().quotientIndex(p.b())),
        p.ab().quotientIndex(p.g().multiply(p.a(), p.b())));
  }

  /** Invariant factors of the paper's groups and of the textbook examples. */
  @Test
  void knownInvariantFactors() {
    assertArrayEquals(new int[] {60}, Abelianization.of(Groups.byName("Z60")).factors());
    assertArrayEquals(new int[] {15}, Abelianization.of(Groups.byName("A4_x_Z5")).factors());
    assertArrayEquals(new int[] {}, Abelianization.of(Groups.byName("A5")).factors());
    assertArrayEquals(new int[] {2}, Abelianization.of(Groups.byName("S5")).factors());
    assertArrayEquals(new int[] {2, 2}, Abelianization.of(Groups.byName("Z2_x_Z2")).factors());
    assertArrayEquals(new int[] {6, 36}, Abelianization.of(Groups.byName("Z12_x_Z18")).factors());
    assertEquals("Z1", Abelianization.of(Groups.byName("A5")).quotient().name());
  }

  @Test
  void badCoordinatesAreRefused() {
    Abelianization ab = Abelianization.of(Groups.byName("Z12_x_Z18"));
    assertThrows(IllegalArgumentException.class, () -> ab.representative(1));
    assertThrows(IllegalArgumentException.class, () -> ab.representative(6, 0));
    assertThrows(IllegalArgumentException.class, () -> ab.representative(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> ab.representativeOf(216 / 1));
  }
}
