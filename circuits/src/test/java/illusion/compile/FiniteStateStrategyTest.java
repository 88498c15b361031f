package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Ids4Layer;
import illusion.ssm.Model;
import illusion.tc0.PrefixNetwork;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The strategy of a finite-state layer (Thm 5.2) names what was built: how many channels the layer
 * split into, the form and size of each channel that was built (a d-point map, or k states), how
 * many were folded into constants because the output does not depend on their state, and the
 * prefix network; and every such circuit agrees with the native evaluator.
 */
class FiniteStateStrategyTest {
  private static final Precision P = Precision.of(8, 2);
  private static final long ONE = 1L << P.fractionBits();
  private static final String PREFIX = "finite-state prefix (Thm 5.2): ";

  /**
   * Two tokens acting on two blocks of three dimensions each: token 0 as the 3-cycle, token 1 as
   * a transposition, with {@code B(σ) = (A(σ) - I) v}: each block is a 3-point map.
   */
  private static Ids4Layer twoBlocks(long[][] c) {
    int[][] maps = {{1, 2, 0, 4, 5, 3}, {1, 0, 2, 3, 5, 4}};
    long[] v = {0, 1, 3, 2, 0, 1};
    long[][][] a = new long[2][6][6];
    long[][] b = new long[6][2];
    for (int s = 0; s < 2; s++) {
      for (int i = 0; i < 6; i++) {
        a[s][i][maps[s][i]] = ONE;
        b[i][s] = (v[maps[s][i]] - v[i]) * ONE;
      }
    }
    return Ids4Layer.builder(P).a(a).b(b).c(c).d(new long[][] {{ONE, 0}}).build();
  }

  private static String compile(Ids4Layer layer, int n, PrefixNetwork network) {
    Model model = Layers.model(new Random(3), layer);
    CompileOptions options = CompileOptions.builder().prefixNetwork(network).build();
    for (Outputs outputs : Outputs.values()) {
      CompiledModel compiled = ModelCompiler.compile(model, n, outputs, options);
      CircuitAgreement.Result result =
          CircuitAgreement.check(compiled, Layers.sequences(new Random(n), 70, n, 2));
      assertTrue(result.agrees(), () -> layer + ": " + result);
      assertTrue(compiled.projected().gates() >= compiled.stats().gates());
    }
    return ModelCompiler.compile(model, n, Outputs.LAST, options).strategies().get(0);
  }

  @Test
  void namesTheChannelsBuiltAndTheConstantOnes() {
    for (PrefixNetwork network : PrefixNetwork.values()) {
      String net = ", " + network.id();
      long[][] both = {{ONE, 0, 0, 0, -ONE, 0}};
      long[][] first = {{0, ONE, 2 * ONE, 0, 0, 0}};
      long[][] none = new long[1][6];
      assertEquals(
          PREFIX + "2 channels: 2 x 3-point map" + net, compile(twoBlocks(both), 5, network));
      assertEquals(
          PREFIX + "2 channels: 3-point map (1 constant)" + net,
          compile(twoBlocks(first), 5, network));
      assertEquals(
          PREFIX + "2 channels: constant (2 constant)" + net, compile(twoBlocks(none), 5, network));
    }
  }

  /**
   * One dimension with A(σ) = 1 and B = (1, 0): h_t counts the tokens 0 so far, so n + 1 states
   * are reachable within n steps; a second dimension that only resets to 1 reaches 2 states.
   */
  @Test
  void namesTheStatesOfEachChannel() {
    long[][][] id1 = {{{ONE}}, {{ONE}}};
    Ids4Layer counter =
        Ids4Layer.builder(P).a(id1).b(new long[][] {{ONE, 0}}).c(new long[][] {{ONE}}).build();
    for (int n = 1; n <= 6; n += 5) {
      assertEquals(
          PREFIX + (n + 1) + " states, brent-kung", compile(counter, n, PrefixNetwork.BRENT_KUNG));
    }
    Ids4Layer unread =
        Ids4Layer.builder(P).a(id1).b(new long[][] {{ONE, 0}}).c(new long[][] {{0}}).build();
    assertEquals(PREFIX + "constant, brent-kung", compile(unread, 4, PrefixNetwork.BRENT_KUNG));
    long[][][] diag = {{{ONE, 0}, {0, 0}}, {{ONE, 0}, {0, 0}}};
    Ids4Layer pair =
        Ids4Layer.builder(P)
            .a(diag)
            .b(new long[][] {{ONE, 0}, {ONE, ONE}})
            .c(new long[][] {{ONE, ONE}, {0, 2 * ONE}})
            .build();
    assertEquals(
        PREFIX + "2 channels: 5 states, 2 states, brent-kung",
        compile(pair, 4, PrefixNetwork.BRENT_KUNG));
  }
}
