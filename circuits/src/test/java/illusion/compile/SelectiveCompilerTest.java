package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectiveCompilerTest {

  @Test
  void randomSelectiveLayersAgreeWithTheNativeEvaluator() {
    Random r = new Random(11);
    for (int trial = 0; trial < 60; trial++) {
      Precision p = Precision.of(3 + r.nextInt(5), r.nextInt(3));
      int d = 1 + r.nextInt(3);
      int m = 1 + r.nextInt(2);
      int vocab = 1 + r.nextInt(4);
      Layer layer = Layers.selective(r, p, d, m, vocab, 1 + r.nextInt(3));
      Model model = Layers.model(r, layer);
      int n = 1 + r.nextInt(9);
      CompiledModel compiled = ModelCompiler.compile(model, n, Outputs.ALL);
      CircuitAgreement.Result result =
          CircuitAgreement.check(compiled, Layers.sequences(r, 100, n, vocab));
      assertTrue(result.agrees(), () -> layer + ": " + result);
    }
  }
}
