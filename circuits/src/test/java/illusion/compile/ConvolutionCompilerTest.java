package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvolutionCompilerTest {

  @Test
  void randomS4AndS4dLayersAgreeWithTheNativeEvaluator() {
    Random r = new Random(7);
    for (int trial = 0; trial < 40; trial++) {
      Precision p = Precision.of(3 + r.nextInt(5), r.nextInt(3));
      int d = 1 + r.nextInt(3);
      int m = 1 + r.nextInt(2);
      int vocab = 1 + r.nextInt(4);
      Layer layer =
          trial % 2 == 0 ? Layers.s4(r, p, d, m, vocab) : Layers.s4d(r, p, d, m, vocab);
      Model model = Layers.model(r, layer);
      int n = 1 + r.nextInt(10);
      CompiledModel compiled = ModelCompiler.compile(model, n, Outputs.ALL);
      CircuitAgreement.Result result =
          CircuitAgreement.check(compiled, Layers.sequences(r, 100, n, vocab));
      assertTrue(result.agrees(), () -> layer + ": " + result);
    }
  }
}
