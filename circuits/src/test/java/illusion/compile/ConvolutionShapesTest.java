package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.CircuitStats;
import illusion.number.Precision;
import illusion.ssm.Ids4Layer;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import illusion.ssm.S4DLayer;
import illusion.ssm.S4Layer;
import illusion.ssm.SelectiveLayer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Shapes of the convolution construction (Thm 4.2) at its edges: kernel weights beyond 63 bits
 * (a fractional A makes {@code C A^k B} gain f bits per lag) are still exact; an output that cannot
 * vary costs no weighted sum; and a layer without memory reads only the positions it outputs, so a
 * stack of such layers compiled for the last output has the gates of the one-token circuit.
 */
class ConvolutionShapesTest {

  private static CompiledModel compileAndCheck(Model model, int n, Outputs outputs) {
    CompiledModel compiled = ModelCompiler.compile(model, n, outputs);
    CircuitAgreement.Result result =
        CircuitAgreement.check(
            compiled, Layers.sequences(new Random(n), 70, n, model.inputVocabulary()));
    assertTrue(result.agrees(), () -> model + ": " + result);
    return compiled;
  }

  /**
   * a = 129/256 has scale 8, so {@code a^k} has scale 8k: at n = 9 the weights of the earliest
   * lags, scaled to the common denominator of the latest, need more than 63 bits.
   */
  @Test
  void kernelWeightsBeyondSixtyThreeBitsStayExact() {
    Precision p = Precision.of(9, 8);
    for (boolean diagonal : new boolean[] {true, false}) {
      Layer layer =
          diagonal
              ? S4DLayer.builder(p)
                  .a(new long[] {129, -127})
                  .b(new long[][] {{3, -2, 1}, {2, 1, 0}})
                  .c(new long[][] {{5, -3}, {2, 4}})
                  .d(new long[][] {{0, 3, 0}, {1, 0, 0}})
                  .build()
              : S4Layer.builder(p)
                  .a(new long[][] {{129, 3}, {0, -127}})
                  .b(new long[][] {{3, -2, 1}, {2, 1, 0}})
                  .c(new long[][] {{5, -3}, {2, 4}})
                  .d(new long[][] {{0, 3, 0}, {1, 0, 0}})
                  .build();
      Model model = Layers.model(new Random(2), layer);
      CompiledModel compiled = compileAndCheck(model, 9, diagonal ? Outputs.ALL : Outputs.LAST);
      assertTrue(compiled.stats().maxWeightBits() > 63, compiled.stats().toString());
    }
  }

  /** C = 0 and D = 0: the output is 0 at every position, held as a constant without any sum. */
  @Test
  void anOutputThatCannotVaryCostsNoSum() {
    Precision p = Precision.of(8, 2);
    Layer layer =
        S4Layer.builder(p)
            .a(new long[][] {{2}})
            .b(new long[][] {{4, -4}})
            .c(new long[][] {{0}})
            .d(new long[][] {{0, 0}})
            .build();
    Model model =
        Model.builder("silent", 2).add(layer, Readout.builder(new int[] {256}, 2).build()).build();
    CompiledModel compiled = compileAndCheck(model, 6, Outputs.ALL);
    assertEquals(0, compiled.stats().sums());
  }

  private static Layer memoryless(int kind, Precision p, int vocab, Random r) {
    long[][] b = Layers.matrix(r, p, 1, vocab, p.maxRaw());
    long[][] d = Layers.matrix(r, p, 1, vocab, p.maxRaw());
    long one = 1L << p.fractionBits();
    switch (kind) {
      case 0:
        return S4Layer.builder(p).a(new long[][] {{0}}).b(b).c(new long[][] {{one}}).d(d).build();
      case 1:
        return S4DLayer.builder(p).a(new long[] {0}).b(b).c(new long[][] {{one}}).d(d).build();
      case 4:
        // a selective prefix sum that C does not read: only D x_t remains
        return SelectiveLayer.builder(p)
            .base(new long[] {one})
            .exponents(new int[1][vocab])
            .b(b)
            .c(new long[][] {{0}})
            .d(d)
            .build();
      default:
        {
          // an IDS4 counter that C does not read: only D x_t remains (or nothing, when D = 0)
          long[][][] a = new long[vocab][][];
          long[][] count = new long[1][vocab];
          for (int s = 0; s < vocab; s++) {
            a[s] = new long[][] {{one}};
          }
          count[0][0] = one;
          long[][] dd = kind == 2 ? d : new long[1][vocab];
          return Ids4Layer.builder(p).a(a).b(count).c(new long[][] {{0}}).d(dd).build();
        }
    }
  }

  /**
   * With A = 0 (or a state the output does not read: an IDS4 counter, a selective prefix sum) the
   * last output depends on the last token only, through every layer: the circuit for n has exactly the gates and wires of the circuit
   * for one token.
   */
  @Test
  void memorylessStacksReadOnlyTheLastToken() {
    Random r = new Random(8);
    Precision p = Precision.of(4, 1);
    for (int top = 0; top < 5; top++) {
      for (int bottom = 0; bottom < 3; bottom++) {
        Layer first = memoryless(bottom, p, 3, r);
        Layer second = memoryless(top, p, 3, r);
        Model model =
            Model.builder("memoryless", 3)
                .add(first, Readout.tabulate(new int[] {3}, 3, res -> res[0]))
                .add(second, Readout.tabulate(new int[] {2}, 2, res -> res[0]))
                .build();
        CircuitStats one = compileAndCheck(model, 1, Outputs.LAST).stats();
        CompiledModel compiled = compileAndCheck(model, 6, Outputs.LAST);
        CircuitStats six = compiled.stats();
        String where = first + " then " + second;
        assertEquals(one.gates(), six.gates(), where);
        assertEquals(one.wires(), six.wires(), where);
        assertTrue(compiled.projected().gates() <= ModelCompiler.project(model, 1, Outputs.LAST, CompileOptions.defaults()).gates(), where);
      }
    }
  }
}
