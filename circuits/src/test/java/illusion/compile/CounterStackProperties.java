package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import illusion.ssm.SelectiveLayer;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CounterStackProperties {

  /**
   * Thm 4.4 for exact counters read modulo m (the layers of {@code diag-stack}): a selective layer
   * with base 1 and no RESET whose outputs a readout reduces mod m, followed by a second random
   * layer, compiles to a circuit that agrees with the native evaluator on every output bit and
   * label at every position, whether the counters are held by residues (integral, unsaturated) or
   * by thermometers (a fraction to round, or a precision narrow enough to saturate).
   */
  @Property(tries = 40)
  void countersReadModuloAgreeWithTheNativeEvaluator(
      @ForAll @IntRange(min = 1, max = 48) int n,
      @ForAll @IntRange(min = 0, max = 2) int fractionBits,
      @ForAll boolean narrow,
      @ForAll boolean integral,
      @ForAll long seed) {
    Random r = new Random(seed);
    Precision p = Precision.of(narrow ? 6 + fractionBits : 16, fractionBits);
    int vocab = 1 + r.nextInt(5);
    int d = 1 + r.nextInt(3);
    int m = 1 + r.nextInt(3);
    long one = 1L << fractionBits;
    long[] base = new long[d];
    Arrays.fill(base, one);
    long[][] b = new long[d][vocab];
    for (long[] row : b) {
      for (int s = 0; s < vocab; s++) {
        row[s] = (r.nextInt(7) - 3) * (integral ? one : 1);
      }
    }
    long[][] c = Layers.matrix(r, p, m, d, 3 * one);
    long[][] dd = new long[m][vocab];
    for (long[] row : dd) {
      for (int s = 0; s < vocab; s++) {
        row[s] = (r.nextInt(5) - 2) * one;
      }
    }
    Layer counters =
        SelectiveLayer.builder(p).base(base).exponents(new int[d][vocab]).b(b).c(c).d(dd).build();
    int[] moduli = new int[m];
    for (int k = 0; k < m; k++) {
      moduli[k] = 1 + r.nextInt(7);
    }
    int next = 1 + r.nextInt(3);
    Readout readout =
        Readout.tabulate(moduli, next, res -> Math.floorMod(Arrays.hashCode(res) * 17, next));
    Precision p2 = Precision.of(4 + r.nextInt(4), r.nextInt(2));
    Layer second = Layers.selective(r, p2, 1 + r.nextInt(2), 1 + r.nextInt(2), next, 2);
    Model top = Layers.model(r, second);
    Model model =
        Model.builder("counters", vocab).add(counters, readout).add(second, top.readout(0)).build();
    for (Outputs outputs : Outputs.values()) {
      CompiledModel compiled = ModelCompiler.compile(model, n, outputs);
      CircuitAgreement.Result result =
          CircuitAgreement.check(compiled, Layers.sequences(r, 64, n, vocab));
      assertTrue(result.agrees(), () -> counters + " then " + second + ", " + outputs + ": " + result);
    }
  }
}
