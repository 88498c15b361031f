package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import illusion.number.Dyadic;
import illusion.number.Precision;
import illusion.ssm.Ids4Layer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The state bound of the finite-state strategy (Thm 5.2) is exact: a channel reaching k states
 * within n steps compiles under a bound of k and is refused under k - 1, with a message naming
 * the layer kind, the bound, n and the channel; the automaton found is the one derived by hand.
 */
class FiniteStateBoundTest {
  private static final Precision P = Precision.of(8, 2);
  private static final long ONE = 1L << P.fractionBits();

  private static void assertRefused(Executable call, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  /** h_t = h_{t-1} + [x_t = 0]: the count of tokens 0, so states 0..n within n steps. */
  private static Ids4Layer counter() {
    return Ids4Layer.builder(P)
        .a(new long[][][] {{{ONE}}, {{ONE}}})
        .b(new long[][] {{ONE, 0}})
        .c(new long[][] {{ONE}})
        .build();
  }

  @Test
  void boundIsExactAndRefusalNamesIt() {
    for (int n = 1; n <= 5; n++) {
      List<FiniteStateChannel> channels = FiniteStateDecomposition.of(counter(), n, n + 1);
      assertEquals(1, channels.size());
      FiniteStateChannel ch = channels.get(0);
      assertEquals(FiniteStateChannel.Form.STATE_SET, ch.form);
      assertEquals(n + 1, ch.points());
      int bound = n;
      int steps = n;
      assertRefused(
          () -> FiniteStateDecomposition.of(counter(), steps, bound),
          "ids4 layer is not finite-state: its states grow without bound (more than "
              + bound
              + " reachable within n = "
              + steps
              + " steps in the channel of state dimensions [0]), and Thm 5.2 compiles a finite"
              + " state set");
    }
    assertRefused(() -> FiniteStateDecomposition.of(counter(), 0, 5), "sequence length must be positive, got 0");
    assertRefused(() -> FiniteStateDecomposition.of(counter(), 3, 0), "state bound must be positive, got 0");
    assertEquals(1, FiniteStateDecomposition.of(counter(), 1, 2).size());
  }

  /**
   * Breadth-first order makes point k the count k; token 0 moves k to k + 1, token 1 keeps it, and
   * the states first reached at step n have no successors (-1): no prefix of length n leaves them.
   */
  @Test
  void automatonIsTheCounter() {
    int n = 4;
    FiniteStateChannel ch = FiniteStateDecomposition.of(counter(), n, 100).get(0);
    assertArrayEquals(new int[] {0}, ch.dims);
    for (int k = 0; k <= n; k++) {
      assertEquals(Dyadic.of(k), ch.states[k][0]);
      assertEquals(k < n ? k + 1 : -1, ch.next[0][k]);
      assertEquals(k < n ? k : -1, ch.next[1][k]);
    }
    assertEquals("5 states", ch.describe());
  }
}
