package illusion.demo;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random Boolean formulas for properties. */
final class Formulas {
  private Formulas() {}

  /** Formulas over x1..x{variables} of depth at most {@code depth} (AND/OR gates). */
  static Arbitrary<BooleanFormula> formulas(int variables, int depth) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= variables; i++) {
      names.add("x" + i);
    }
    return nodes(variables, depth).map(n -> BooleanFormula.of(n, names));
  }

  private static Arbitrary<BooleanFormula.Node> nodes(int variables, int depth) {
    Arbitrary<BooleanFormula.Node> leaf =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, variables - 1).map(BooleanFormula.Var::new),
            Arbitraries.of(true, false).map(BooleanFormula.Const::new));
    if (depth == 0) {
      return Arbitraries.frequencyOf(
          net.jqwik.api.Tuple.of(4, leaf),
          net.jqwik.api.Tuple.of(1, leaf.map(BooleanFormula.Not::new)));
    }
    Arbitrary<BooleanFormula.Node> sub = Arbitraries.lazy(() -> nodes(variables, depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, leaf),
        net.jqwik.api.Tuple.of(1, sub.map(BooleanFormula.Not::new)),
        net.jqwik.api.Tuple.of(
            3, net.jqwik.api.Combinators.combine(sub, sub).as(BooleanFormula.And::new)),
        net.jqwik.api.Tuple.of(
            3, net.jqwik.api.Combinators.combine(sub, sub).as(BooleanFormula.Or::new)));
  }
}
