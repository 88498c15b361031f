package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import illusion.group.Abelianization;
import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.ssm.Model;
import illusion.ssm.Trace;
import illusion.word.PrefixProducts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The facts the solvable and illusion demos print, checked on random words. */
class ConstructedLayerFactsProperties {
  private static final FiniteGroup A4_X_Z5 = Groups.byName("A4_x_Z5");
  private static final FiniteGroup A5 = Groups.byName("A5");
  private static final Model STACK = ConstructedModels.build("diag-stack", A4_X_Z5, 16);
  private static final Abelianization AB = Abelianization.of(A4_X_Z5);
  private static final Model WINDOW = ConstructedModels.build("s4-window:2", A5, 16);
  private static final Model ABELIAN = ConstructedModels.build("diag-abelian", A5, 16);

  /**
   * Shakerinava et al.: A4 x Z5 has derived length 2, so two diagonal layers track it; layer 1's
   * counter mod 15 is the image of s_t in G/G' = Z15, and layer 2's labels are the s_t.
   */
  @Property(tries = 50)
  void twoDiagonalLayersTrackA4xZ5(@ForAll("a4z5Words") int[] word) {
    assertEquals(2, STACK.depth());
    assertArrayEquals(new int[] {15}, AB.factors());
    Trace trace = Evaluator.of(STACK).trace(word);
    int[] s = PrefixProducts.of(A4_X_Z5, word);
    assertArrayEquals(s, trace.labels());
    long[][] layer1 = trace.outputs(0);
    for (int t = 0; t < word.length; t++) {
      assertEquals(AB.coordinates(s[t])[0], Math.floorMod(layer1[t][0], 15));
    }
  }

  /** A5 is perfect: diag-stack is refused, and diag-abelian always answers the identity. */
  @Property(tries = 30)
  void diagonalLayersLearnNothingAboutA5(@ForAll("a5Words") int[] word) {
    assertThrows(
        IllegalArgumentException.class, () -> ConstructedModels.build("diag-stack", A5, 16));
    for (int label : Evaluator.of(ABELIAN).labels(word)) {
      assertEquals(A5.identity(), label);
    }
  }

  /**
   * An S4 delay line of window W = 2 outputs x_(t-1) x_t: it equals s_t iff t &lt;= 2 or the
   * dropped prefix x_1 .. x_(t-2) multiplies to the identity.
   */
  @Property(tries = 50)
  void s4WindowIsExactOnlyInsideItsWindow(@ForAll("a5Words") int[] word) {
    int[] labels = Evaluator.of(WINDOW).labels(word);
    int[] s = PrefixProducts.of(A5, word);
    for (int t = 0; t < word.length; t++) {
      int dropped = t < 2 ? A5.identity() : s[t - 2];
      assertEquals(dropped == A5.identity(), labels[t] == s[t], "t = " + (t + 1));
    }
  }

  @Provide
  Arbitrary<int[]> a4z5Words() {
    return Arbitraries.integers().between(0, 59).array(int[].class).ofMinSize(1).ofMaxSize(16);
  }

  @Provide
  Arbitrary<int[]> a5Words() {
    // Words with many identities make the "dropped prefix is the identity" case frequent.
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 59), Arbitraries.just(0))
        .array(int[].class)
        .ofMinSize(1)
        .ofMaxSize(16);
  }
}
