package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightLoweringTest {

  /** Lowering keeps the compiled function and bounds every weight; the report says both. */
  @Test
  void loweredCircuitsStillAgreeAndHaveSmallWeights() {
    Random r = new Random(3);
    CompileOptions options = CompileOptions.builder().lowerWeights(true).maxWeightBits(3).build();
    for (int trial = 0; trial < 6; trial++) {
      Precision p = Precision.of(5, 2);
      Layer layer =
          trial % 2 == 0
              ? Layers.s4(r, p, 2, 1, 3)
              : Layers.selective(r, p, 2, 1, 3, 2);
      Model model = Layers.model(r, layer);
      int n = 2 + r.nextInt(5);
      CompiledModel compiled = ModelCompiler.compile(model, n, Outputs.ALL, options);
      CircuitAgreement.Result result =
          CircuitAgreement.check(compiled, Layers.sequences(r, 64, n, 3));
      assertTrue(result.agrees(), () -> layer + ": " + result);
      assertTrue(compiled.stats().maxWeightBits() <= 3, () -> compiled.stats().toString());
      assertTrue(compiled.statsBeforeLowering().isPresent());
    }
  }
}
