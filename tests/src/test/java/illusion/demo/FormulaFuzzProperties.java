package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.cli.Illusion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile Boolean formulas for {@code illusion demo barrington --formula}: random token soups
 * over variables (including huge indices and odd names), constants, operators in every spelling,
 * unbalanced and deeply nested parentheses, long chains, too many variables, over-long text. The
 * parser returns a formula that prints and parses back to itself and evaluates on every
 * assignment tried, or refuses with one {@link IllegalArgumentException}; a handful go through the
 * command, which must exit 0 or print one line and exit 2.
 */
class FormulaFuzzProperties {
  static final int REPEAT = Math.max(1, Integer.getInteger("illusion.fuzz.repeat", 1));

  private static final String[] TOKENS = {
    "x1", "x2", "x3", "x10", "x99999999999999999999", "y", "_a", "A1b", "0", "1", "2", "01", "!",
    "~", "&", "&&", "|", "||", "^", "->", "(", ")", "((", "))", " ", "\t", "¬", "∧", "∨", "x", "é",
    "\u0000", ","
  };

  static String formula(Random r) {
    switch (r.nextInt(10)) {
      case 0:
        return "(".repeat(r.nextInt(2000)) + "x1" + ")".repeat(r.nextInt(2000));
      case 1:
        return "!".repeat(r.nextInt(600)) + "x1";
      case 2: {
        StringBuilder s = new StringBuilder("x0");
        for (int i = 1, n = r.nextInt(100); i < n; i++) {
          s.append(r.nextBoolean() ? " & " : " | ").append('x').append(i);
        }
        return s.toString();
      }
      case 3:
        return "x1 & ".repeat(r.nextInt(3000)) + "x1";
      default: {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = r.nextInt(25); i < n; i++) {
          s.append(TOKENS[r.nextInt(TOKENS.length)]);
          if (r.nextBoolean()) {
            s.append(' ');
          }
        }
        return s.toString();
      }
    }
  }

  @Provide
  Arbitrary<List<String>> formulas() {
    return Arbitraries.randomValue(
        r -> {
          List<String> batch = new ArrayList<>();
          for (int i = 0; i < REPEAT; i++) {
            batch.add(formula(r));
          }
          return batch;
        });
  }

  /** The parser: a formula that round-trips and evaluates, or one IllegalArgumentException. */
  @Property(tries = 2000)
  void parserRefusesOrRoundTrips(@ForAll("formulas") List<String> batch, @ForAll long assignment) {
    for (String text : batch) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            BooleanFormula f;
            try {
              f = BooleanFormula.parse(text);
            } catch (IllegalArgumentException e) {
              assertTrue(e.getMessage() != null && e.getMessage().startsWith("bad formula"), e.getMessage());
              return;
            }
            BooleanFormula back = BooleanFormula.parse(f.toString());
            assertEquals(f.variables(), back.variables(), text);
            assertEquals(f.evaluate(assignment), back.evaluate(assignment), text);
            assertEquals(f.depth(), back.depth(), text);
          });
    }
  }

  /** A few through the command: exit 0, or one line on stderr and exit 2; never a stack trace. */
  @Property(tries = 25)
  void barringtonDemo(@ForAll("formulas") List<String> batch) {
    for (String text : batch) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () -> Illusion.run(new PrintWriter(out), new PrintWriter(err), "demo", "barrington", "--formula", text));
      assertTrue(code == 0 || code == 2, () -> code + ": " + err);
      if (code == 2) {
        assertTrue(err.toString().startsWith("illusion: ") && err.toString().strip().lines().count() == 1, err::toString);
        assertEquals("", out.toString());
      }
      assertTrue(!err.toString().contains("\tat "), err::toString);
    }
  }
}
