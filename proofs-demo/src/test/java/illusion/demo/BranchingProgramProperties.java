package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.FiniteGroup;
import illusion.word.PrefixProducts;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BranchingProgramProperties {
  private static final FiniteGroup A5 = BranchingProgram.A5;

  /**
   * Barrington (1989): the program σ-computes the formula. For every assignment, the product in A5
   * of the word the program yields is the 5-cycle σ = (1 2 3 4 5) if the formula is true and the
   * identity if it is false.
   */
  @Property(tries = 200)
  void productIsSigmaIffTrueAndIdentityIffFalse(@ForAll("formulas") BooleanFormula f) {
    BranchingProgram p = BranchingProgram.barrington(f);
    assertEquals(A5.parse("(1 2 3 4 5)"), p.target());
    for (long a = 0; a < 1 << f.variables().size(); a++) {
      int product = PrefixProducts.product(A5, p.word(a));
      assertEquals(f.evaluate(a) ? p.target() : A5.identity(), product, f + " under " + a);
    }
  }

  /** The length recurrence L(leaf) = 1, L(gate) = 2(L + R) holds and gives L <= 4^depth. */
  @Property(tries = 200)
  void lengthAtMostFourToTheDepth(@ForAll("formulas") BooleanFormula f) {
    BranchingProgram p = BranchingProgram.barrington(f);
    assertEquals(BranchingProgram.length(f.root()), p.length());
    assertTrue(p.length() <= 1L << (2 * f.depth()), f + ": " + p.length());
  }

  @Provide
  Arbitrary<BooleanFormula> formulas() {
    return Formulas.formulas(4, 4);
  }

  /** A balanced formula of depth d gives a program, and words, of exactly 4^d instructions. */
  @Property(tries = 7)
  void balancedFormulasHaveLengthExactlyFourToTheDepth(@ForAll @IntRange(min = 0, max = 6) int d) {
    BooleanFormula f = BarringtonDemo.balanced(d);
    assertEquals(d, f.depth());
    BranchingProgram p = BranchingProgram.barrington(f);
    assertEquals(1L << (2 * d), p.length());
    assertEquals(1L << (2 * d), p.word(0).length);
  }

  /** Every instruction reads a variable of the formula (constants only from constant leaves). */
  @Test
  void instructionsReadVariables() {
    BooleanFormula f = BooleanFormula.parse("(x1 & !x2) | x3");
    BranchingProgram p = BranchingProgram.barrington(f);
    for (int i = 0; i < p.length(); i++) {
      assertTrue(p.variable(i) >= 0 && p.variable(i) < 3);
    }
    assertEquals(10, p.length()); // 2 (2 (1 + 1) + 1)
  }
}
