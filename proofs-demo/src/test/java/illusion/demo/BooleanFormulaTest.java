package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BooleanFormulaTest {

  /** Printing a formula and parsing it back gives the same tree (toString's contract). */
  @Property(tries = 300)
  void printThenParseIsTheIdentity(@ForAll("formulas") BooleanFormula f) {
    BooleanFormula back = BooleanFormula.parse(f.toString());
    // Variables that do not occur are dropped by the parser; compare by evaluation and by shape.
    assertEquals(f.toString(), back.toString());
    for (long a = 0; a < 1 << 4; a++) {
      long mapped = 0;
      for (int i = 0; i < back.variables().size(); i++) {
        int j = f.variables().indexOf(back.variables().get(i));
        mapped |= (a >>> j & 1) << i;
      }
      assertEquals(f.evaluate(a), back.evaluate(mapped));
    }
  }

  @Provide
  Arbitrary<BooleanFormula> formulas() {
    return Formulas.formulas(4, 4);
  }

  @Test
  void precedenceAndAssociativity() {
    BooleanFormula f = BooleanFormula.parse("x1 | x2 & !x3");
    assertEquals("x1 | (x2 & !x3)", f.toString());
    assertEquals(2, f.depth());
    // x1 | (x2 & !x3) against a truth table computed by hand from the operators
    for (long a = 0; a < 8; a++) {
      boolean x1 = (a & 1) != 0;
      boolean x2 = (a & 2) != 0;
      boolean x3 = (a & 4) != 0;
      assertEquals(x1 || (x2 && !x3), f.evaluate(a));
    }
    assertEquals("(x1 & !x2) | x3", BooleanFormula.parse("(x1 & !x2) | x3").toString());
    assertEquals("x1 & (x2 & x3)", BooleanFormula.parse("x1 && (x2 && x3)").toString());
    assertEquals("x1 & x2 & x3", BooleanFormula.parse("x1&x2&x3").toString());
    assertEquals("!(a | 0)", BooleanFormula.parse(" ~ ( a || 0 ) ").toString());
  }

  @Test
  void variablesInNaturalOrder() {
    BooleanFormula f = BooleanFormula.parse("x10 | x2 & y | x1");
    assertEquals(List.of("x1", "x2", "x10", "y"), f.variables());
    assertTrue(f.evaluate(1)); // x1
    assertTrue(!f.evaluate(2)); // x2 alone
    assertTrue(f.evaluate(4)); // x10
  }

  @Test
  void depthCountsGatesNotNegations() {
    assertEquals(0, BooleanFormula.parse("!!x1").depth());
    assertEquals(2, BooleanFormula.parse("(x1 & !x2) | x3").depth());
    assertEquals(3, BooleanFormula.parse("!((a | b) & !(c | d)) | e").depth());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "(x1 & )",
        "x1 x2",
        "(x1 | x2",
        "x1 | x2)",
        "x1 & 2",
        "x1 + x2",
        "!",
        "01",
        "x1 &| x2"
      })
  void badSyntaxIsOneLineNamingTheFormula(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BooleanFormula.parse(text));
    assertTrue(e.getMessage().startsWith("bad formula '"), e.getMessage());
    assertTrue(e.getMessage().indexOf('\n') < 0);
  }

  @Test
  void errorsNameTheColumn() {
    assertEquals(
        "bad formula '(x1 & )': expected a variable, '!', '(' or a constant at column 7 but found"
            + " ')'",
        assertThrows(IllegalArgumentException.class, () -> BooleanFormula.parse("(x1 & )"))
            .getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> BooleanFormula.parse("(x1 | x2"))
            .getMessage()
            .contains("'(' at column 1 is never closed"));
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = "(".repeat(2000) + "x1" + ")".repeat(2000);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> BooleanFormula.parse(deep))
            .getMessage()
            .contains("nest deeper"));
  }
}
