package illusion.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The group axioms and the representation's contract on random elements of random small groups. */
class GroupAxiomsProperties {

  static final String[] SMALL_GROUPS = {
    "S1", "S2", "S3", "S4", "S5", "A1", "A2", "A3", "A4", "A5", "A6", "Z1", "Z2", "Z7", "Z12", "Z60",
    "A4_x_Z5", "S3_x_Z4", "Z2_x_Z2", "S3_x_S3", "Z2_x_Z3_x_Z4", "A4_x_Z1", "S7", "Z2_x_S6"
  };

  /** Built once: constructing tables and representations is the expensive part. */
  static final List<FiniteGroup> GROUPS =
      Arrays.stream(SMALL_GROUPS).map(Groups::byName).collect(Collectors.toList());

  static final Map<String, int[][]> REPRESENTATIONS =
      GROUPS.stream().collect(Collectors.toMap(FiniteGroup::name, FiniteGroup::permutationRepresentation));

  /** A group with three random elements. */
  record Triple(FiniteGroup g, int a, int b, int c) {}

  @Provide
  Arbitrary<Triple> triples() {
    return Arbitraries.of(GROUPS)
        .flatMap(
            g -> {
              Arbitrary<Integer> e = Arbitraries.integers().between(0, g.order() - 1);
              return Combinators.combine(e, e, e).as((a, b, c) -> new Triple(g, a, b, c));
            });
  }

  /** Associativity: (a*b)*c = a*(b*c). */
  @Property(tries = 400)
  void associative(@ForAll("triples") Triple t) {
    FiniteGroup g = t.g();
    assertEquals(
        g.multiply(g.multiply(t.a(), t.b()), t.c()), g.multiply(t.a(), g.multiply(t.b(), t.c())));
  }

  /** Identity: 0 is a two-sided identity. */
  @Property(tries = 200)
  void identity(@ForAll("triples") Triple t) {
    FiniteGroup g = t.g();
    assertEquals(0, g.identity());
    assertEquals(t.a(), g.multiply(0, t.a()));
    assertEquals(t.a(), g.multiply(t.a(), 0));
  }

  /** Inverses: a * a^-1 = a^-1 * a = 1. */
  @Property(tries = 200)
  void inverses(@ForAll("triples") Triple t) {
    FiniteGroup g = t.g();
    int inv = g.inverse(t.a());
    assertEquals(0, g.multiply(t.a(), inv));
    assertEquals(0, g.multiply(inv, t.a()));
  }

  /** The representation is a homomorphism: rep(a*b)(i) = rep(a)(rep(b)(i)). */
  @Property(tries = 200)
  void representationIsAHomomorphism(@ForAll("triples") Triple t) {
    FiniteGroup g = t.g();
    int[][] rep = REPRESENTATIONS.get(g.name());
    int[] ab = rep[g.multiply(t.a(), t.b())];
    for (int i = 0; i < ab.length; i++) {
      assertEquals(rep[t.a()][rep[t.b()][i]], ab[i]);
    }
  }

  /** Printing then parsing an element gives it back, and so does its index. */
  @Property(tries = 300)
  void parseInvertsFormat(@ForAll("triples") Triple t) {
    FiniteGroup g = t.g();
    assertEquals(t.a(), g.parse(g.format(t.a())));
    assertEquals(t.a(), g.parse(Integer.toString(t.a())));
  }
}
