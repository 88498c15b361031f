package illusion.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of group, subgroup and quotient refuses bad input with one {@link
 * IllegalArgumentException} whose message names the offending value and the valid range, before
 * any other failure (an array index, a number format, an allocation) can happen.
 */
class GroupRefusalsTest {

  private static String refusal(Executable call) {
    String message = assertThrows(IllegalArgumentException.class, call).getMessage();
    assertTrue(!message.contains("\n"), message);
    return message;
  }

  private static void assertRefused(Executable call, String expectedPart) {
    String message = refusal(call);
    assertTrue(message.contains(expectedPart), () -> message + " should contain " + expectedPart);
  }

  /** One group of each implementation: permutation, cyclic, product, subgroup, monoid. */
  static Stream<FiniteGroup> everyKind() {
    return Stream.of(
        Groups.byName("S4"),
        Groups.byName("A4"),
        Groups.byName("Z5"),
        Groups.byName("A4_x_Z5"),
        CommutatorSubgroup.of(Groups.byName("S4")).asGroup(),
        TransformationMonoid.generatedBy(
                TransformationMonoidTest.CYCLE5, TransformationMonoidTest.SWAP5)
            .asGroup(),
        TransformationMonoid.generatedBy(
                TransformationMonoidTest.CYCLE5, TransformationMonoidTest.MERGE5)
            .groupOfUnits());
  }

  /** Indices outside 0..order-1 are refused by format and parse, naming the index and the order. */
  @ParameterizedTest
  @MethodSource("everyKind")
  void elementsOutsideTheGroupAreRefused(FiniteGroup g) {
    for (int e : new int[] {-1, g.order(), Integer.MAX_VALUE}) {
      assertRefused(() -> g.format(e), "element " + e + " is out of range");
    }
    assertRefused(() -> g.parse(Integer.toString(g.order())), "(order " + g.order() + ")");
    assertRefused(() -> g.parse("12345678901"), "element 12345678901 is out of range");
    refusal(() -> g.parse(null));
    // an index is decimal digits, leading zeros included
    assertEquals(g.order() - 1, g.parse(String.format("%09d", g.order() - 1)));
    assertEquals(g.order() - 1, g.parse(" " + (g.order() - 1) + " "));
  }

  /** Subgroups, cosets and the abelianization refuse indices outside their ranges. */
  @Test
  void subgroupCosetAndQuotientIndicesAreChecked() {
    FiniteGroup s4 = Groups.byName("S4");
    Subgroup a4 = CommutatorSubgroup.of(s4);
    assertRefused(() -> a4.toParent(12), "index 12 outside 0..11");
    assertRefused(() -> a4.toParent(-1), "index -1 outside 0..11");
    assertEquals(a4.elements()[11], a4.toParent(11));
    int odd = s4.parse("(1 2)");
    assertRefused(() -> a4.fromParent(odd), "(1 2) is not in S4'");
    assertRefused(() -> a4.contains(24), "element 24 is out of range");
    assertRefused(() -> Subgroup.generatedBy(s4, 24), "element 24 is out of range");
    assertRefused(() -> Subgroup.generatedBy(s4, -1), "element -1 is out of range");

    Cosets cosets = Cosets.of(a4);
    assertEquals(2, cosets.count());
    assertRefused(() -> cosets.cosetOf(24), "element 24 is out of range");
    assertRefused(() -> cosets.cosetOf(-1), "element -1 is out of range");
    assertRefused(() -> cosets.representative(2), "coset 2 outside 0..1");
    assertRefused(() -> cosets.representative(-1), "coset -1 outside 0..1");
    int smallestOdd = 0;
    while (a4.contains(smallestOdd)) {
      smallestOdd++;
    }
    assertEquals(smallestOdd, cosets.representative(cosets.cosetOf(odd)));

    Abelianization z12 = Abelianization.of(Groups.byName("Z12"));
    assertRefused(() -> z12.representative(12), "coordinate 12 is outside 0..11");
    assertRefused(() -> z12.representative(-1), "coordinate -1 is outside 0..11");
    assertArrayEquals(new int[] {11}, z12.coordinates(z12.representative(11)));
    assertRefused(() -> z12.representativeOf(12), "quotient index 12 outside 0..11");
    assertRefused(() -> z12.representativeOf(-1), "quotient index -1 outside 0..11");
    assertRefused(() -> z12.representative(1, 2), "expected 1 coordinates");
  }

  /** A subgroup is named after its parent when it is all of it, else after its generators. */
  @Test
  void subgroupNames() {
    FiniteGroup s4 = Groups.byName("S4");
    int swap = s4.parse("(1 2)");
    int cycle = s4.parse("(1 2 3 4)");
    assertEquals("S4", Subgroup.generatedBy(s4, swap, cycle).name());
    int square = s4.multiply(cycle, cycle);
    assertEquals(
        "<" + s4.format(swap) + ", " + s4.format(square) + "> in S4",
        Subgroup.generatedBy(s4, swap, square).name());
    assertEquals("<> in S4", Subgroup.generatedBy(s4).name());
    assertTrue(Subgroup.generatedBy(s4).isTrivial());
  }

  @Test
  void badGroupNamesAndProducts() {
    refusal(() -> Groups.byName(null));
    refusal(() -> Groups.byName("   "));
    refusal(() -> Groups.directProduct());
    FiniteGroup derived = CommutatorSubgroup.of(Groups.byName("S4")).asGroup();
    assertRefused(() -> Groups.directProduct(derived, Groups.byName("Z2")), "not a group built by Groups");
    // A_n has n!/2 elements for n >= 2: A2 is trivial, so this product is at the limit, not above it
    assertEquals(Groups.MAX_ORDER, Groups.byName("A2_x_Z1000000").order());
    assertRefused(() -> Groups.byName("A999"), "more than 10^18");
    assertRefused(() -> Groups.byName("Z999999999_x_Z999999999_x_Z999999999"), "more than 10^18");
    assertRefused(() -> Groups.byName("S10"), "order 3628800,");
  }

  /** Groups.directProduct accepts each kind of factor and flattens products. */
  @Test
  void directProductsOfEveryKind() {
    FiniteGroup s3 = Groups.byName("S3");
    FiniteGroup a4 = Groups.byName("A4");
    FiniteGroup z4 = Groups.byName("Z4");
    assertEquals(Groups.byName("S3_x_Z4"), Groups.directProduct(s3, z4));
    assertEquals(Groups.byName("Z4_x_A4"), Groups.directProduct(z4, a4));
    assertEquals(
        Groups.byName("S3_x_Z4_x_A4"), Groups.directProduct(Groups.directProduct(s3, z4), a4));
    assertEquals(s3, Groups.directProduct(s3));
  }

  @Test
  void constructorsRefuseWhatByNameNeverPasses() {
    refusal(() -> new PermutationGroup(0, false));
    refusal(() -> new PermutationGroup(10, true));
    refusal(() -> new CyclicGroup(0));
    refusal(() -> new CyclicGroup(Groups.MAX_ORDER + 1));
    refusal(() -> new DirectProduct(List.of(Groups.byName("S3"))));
    refusal(
        () -> new DirectProduct(List.of(Groups.byName("Z2_x_Z2"), Groups.byName("Z3"))));
    refusal(() -> new DirectProduct(List.of(Groups.byName("Z1000"), Groups.byName("Z1001"))));
  }

  /** Representations over 2^26 entries are refused with the count, before allocating. */
  @Test
  void hugeRepresentationsAreRefused() {
    assertRefused(
        () -> Groups.byName("Z999983").permutationRepresentation(),
        "999983 elements on 999983 points");
    assertRefused(
        () -> Groups.byName("Z997_x_Z997").permutationRepresentation(),
        "994009 elements on 1994 points");
  }

  @Test
  void equalityIsByStructure() {
    assertNotEquals(Groups.byName("S5"), Groups.byName("A5"));
    assertNotEquals(Groups.byName("S5"), Groups.byName("S4"));
    assertNotEquals(Groups.byName("Z5"), Groups.byName("Z6"));
    assertNotEquals(Groups.byName("Z5"), Groups.byName("S5"));
    assertNotEquals(Groups.byName("S5"), Groups.byName("Z5"));
    assertNotEquals(Groups.byName("A4_x_Z5"), Groups.byName("Z5_x_A4"));
    assertNotEquals(Groups.byName("A4_x_Z5"), Groups.byName("A4"));
    assertEquals(Groups.byName("A4_x_Z5"), Groups.byName("a4_x_z5"));
    assertEquals(Groups.byName("A4_x_Z5").hashCode(), Groups.byName("a4_x_z5").hashCode());
    FiniteGroup s4 = Groups.byName("S4");
    Subgroup derived = CommutatorSubgroup.of(s4);
    assertEquals(derived, Subgroup.generatedBy(s4, derived.generators()));
    assertEquals(derived.hashCode(), Subgroup.generatedBy(s4, derived.generators()).hashCode());
    assertNotEquals(derived, Subgroup.whole(s4));
    assertNotEquals(derived, CommutatorSubgroup.of(Groups.byName("S5")));
    assertNotEquals(derived, s4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "1.5", "(1 2)"})
  void malformedResiduesAreRefused(String text) {
    assertRefused(
        () -> Groups.byName("Z5").parse(text),
        "malformed element '" + text + "' of Z5: expected a residue 0..4");
  }

  /** Each malformed permutation is refused with the message for its defect. */
  @Test
  void permutationNotationRefusals() {
    FiniteGroup s5 = Groups.byName("S5");
    assertEquals(s5.parse("(1 2)(3 4)"), s5.parse("(1 2) (3 4)"));
    assertEquals(s5.parse("(1 2)(3 4)"), s5.parse("(1 2)\t(3 4)"));
    assertRefused(() -> s5.parse("(1 2)x"), "malformed permutation '(1 2)x'");
    assertRefused(() -> s5.parse("(1 2)(3 4"), "unclosed cycle");
    assertRefused(() -> s5.parse("[2 1 3 4 5"), "unclosed one-line permutation");
    assertRefused(() -> s5.parse("[1 3 3 4 5]"), "not a bijection: 3 appears twice");
    assertRefused(() -> s5.parse("(1 2 2)"), "point 2 repeats");
    assertRefused(() -> s5.parse("(1 9999999999)"), "malformed permutation");
    assertRefused(() -> s5.parse("(,1 2)"), "malformed permutation");
    assertRefused(() -> s5.parse("(1 a)"), "malformed permutation");
    assertRefused(() -> s5.parse("(1 6)"), "point 6 in '(1 6)' is outside 1..5");
    assertRefused(() -> s5.parse("(0 1)"), "point 0 in '(0 1)' is outside 1..5");
    assertRefused(() -> Groups.byName("A5").parse("(1 2)"), "odd permutation");
    assertRefused(() -> s5.parse("(1 9)"), "point 9 in '(1 9)' is outside 1..5");
    // a 9-digit point with leading zeros is a point like any other
    assertEquals(s5.parse("(1 2)"), s5.parse("(000000001 2)"));
  }

  /** Tuples are split at depth-1 commas only; anything else is refused naming the tuple syntax. */
  @Test
  void productTuples() {
    FiniteGroup s3 = Groups.byName("S3");
    FiniteGroup p = Groups.byName("S3_x_S3");
    assertEquals(
        s3.parse("(1,2)") * 6 + s3.parse("[2 3 1]"), p.parse(" ((1,2), [2 3 1]) "));
    assertEquals(s3.parse("(1 2 3)") * 6, p.parse("((1 2 3), ())"));
    for (String bad :
        new String[] {
          "((1 2), (1 3)", "((1 2), (1 3)))", "((1 2)), ((1 3))", "(1 2), (1 3)", "((1 2), (1 3)",
          "(((1 2), (1 3))", "((1 2) (1 3))", "((1 2), (1 3)) x", "((1 2), [1 3)", "((1 2)], (1 3))"
        }) {
      assertRefused(() -> p.parse(bad), "expected a tuple of 2 components such as ((), ())");
    }
    assertRefused(() -> p.parse(null), "null element for S3_x_S3");
    assertRefused(() -> Groups.byName("Z2_x_Z3").parse("(1, 3)"), "element 3 is out of range");
  }

  /** Monoid groups are named by their generators: cycle notation, or one-line for other maps. */
  @Test
  void monoidGroupNamesAndElements() {
    FiniteGroup s5 = Groups.byName("S5");
    int[] cycle = TransformationMonoidTest.CYCLE5;
    int[] swap = TransformationMonoidTest.SWAP5;
    TransformationMonoid m = TransformationMonoid.generatedBy(cycle, swap);
    String expected = "<" + s5.format(indexIn(s5, cycle)) + ", " + s5.format(indexIn(s5, swap)) + ">";
    assertEquals(expected, m.asGroup().name());
    assertEquals(expected, m.asGroup().toString());
    assertEquals("units of " + expected, m.groupOfUnits().name());

    TransformationMonoid reset =
        TransformationMonoid.generatedBy(new int[] {0, 0, 2}, new int[] {1, 0, 2});
    FiniteGroup s3 = Groups.byName("S3");
    assertEquals(
        "units of <[1 1 3], " + s3.format(indexIn(s3, new int[] {1, 0, 2})) + ">",
        reset.groupOfUnits().name());

    FiniteGroup c5 = TransformationMonoid.generatedBy(cycle).asGroup();
    assertRefused(() -> c5.parse("(1 2)"), "'(1 2)' is not an element of <(1 2 3 4 5)>");
    assertEquals(3, c5.parse("3"));
    assertEquals(c5.multiply(1, 1), c5.parse("(1 3 5 2 4)"));
  }

  /** Size bounds of a transformation monoid are inclusive; maps are validated point by point. */
  @Test
  void monoidBounds() {
    int[] cycle = TransformationMonoidTest.CYCLE5;
    int[] swap = TransformationMonoidTest.SWAP5;
    // T_3, all 3^3 maps of three points
    int[][] t3 = {{1, 2, 0}, {1, 0, 2}, {0, 0, 2}};
    assertEquals(27, TransformationMonoid.generatedBy(27, t3).size());
    assertRefused(() -> TransformationMonoid.generatedBy(26, t3), "more than 26 elements");
    assertEquals(1, TransformationMonoid.generatedBy(1, new int[] {0}).size());
    assertRefused(() -> TransformationMonoid.generatedBy(0, cycle), "size bound 0 outside 1..4096");
    assertRefused(() -> TransformationMonoid.generatedBy(4097, cycle), "size bound 4097 outside 1..4096");
    assertEquals(120, TransformationMonoid.generatedBy(4096, cycle, swap).size());
    refusal(() -> TransformationMonoid.generatedBy(new int[0]));
    assertRefused(
        () -> TransformationMonoid.generatedBy(new int[] {0, 2}), "sends point 1 to 2, outside 0..1");
    assertRefused(
        () -> TransformationMonoid.generatedBy(new int[] {0, -1}), "sends point 1 to -1, outside 0..1");
    TransformationMonoid m = TransformationMonoid.generatedBy(cycle, swap, cycle);
    int[] gens = m.generators();
    assertEquals(m.indexOf(cycle), gens[0]);
    assertEquals(m.indexOf(swap), gens[1]);
    assertEquals(m.indexOf(cycle), gens[2]);
    assertEquals(-1, m.indexOf(new int[] {0, 1, 2}));
    assertEquals(5, m.degree());
    assertRefused(() -> m.transformation(120), "element 120 outside 0..119");
    assertRefused(() -> m.transformation(-1), "element -1 outside 0..119");
  }

  private static int indexIn(FiniteGroup sn, int[] images) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < images.length; i++) {
      sb.append(i == 0 ? "" : " ").append(images[i] + 1);
    }
    return sn.parse(sb.append(']').toString());
  }
}
