package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import illusion.ssm.S4DLayer;
import illusion.ssm.S4Layer;
import illusion.ssm.SelectiveLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thm 4.2 / Cor 4.3 (S4, S4D) and Thm 4.4 / Cor 4.5 (selective diagonal): these layers compile to
 * circuits of constant depth. The depth, measured by {@link illusion.circuit.CircuitStats} on the
 * compiled circuit, is the same for every n in {8, 16, ..., 256}. The layers are random with wide
 * parameters, so that every output ranges over the whole p-bit range at every n (a narrow range
 * could fold a bit gate into a literal and change the depth for reasons unrelated to n).
 */
class ConstantDepthTest {
  private static final int[] LENGTHS = {8, 16, 32, 64, 128, 256};

  static Stream<Arguments> layers() {
    List<Arguments> cases = new ArrayList<>();
    Random r = new Random(2024);
    for (LayerKind kind : new LayerKind[] {LayerKind.S4, LayerKind.S4D, LayerKind.SELECTIVE}) {
      for (int i = 0; i < 2; i++) {
        cases.add(Arguments.of(kind + " #" + i, wideLayer(kind, r)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void depthDoesNotGrowWithLength(String name, Layer layer) {
    Model model =
        Model.builder(name, layer.vocabularySize())
            .add(layer, Readout.tabulate(moduli(layer.outputDim()), 2, r -> r[0] & 1))
            .build();
    int first = -1;
    for (int n : LENGTHS) {
      CompiledModel compiled = ModelCompiler.compile(model, n, Outputs.LAST);
      int depth = compiled.stats().depth();
      if (first < 0) {
        first = depth;
        assertTrue(depth >= 3, layer + ": depth " + depth + " at n = " + n);
      }
      assertEquals(first, depth, layer + ": depth at n = " + n + " vs n = " + LENGTHS[0]);
    }
  }

  private static int[] moduli(int channels) {
    int[] m = new int[channels];
    java.util.Arrays.fill(m, 2);
    return m;
  }

  /** p = 6, f = 1; B, C and D take large values so outputs span [-32, 31] at every n ≥ 8. */
  private static Layer wideLayer(LayerKind kind, Random r) {
    Precision p = Precision.of(6, 1);
    int d = 2;
    int m = 2;
    int vocab = 3;
    long[][] b = new long[d][vocab];
    long[][] c = new long[m][d];
    long[][] dd = new long[m][vocab];
    for (int i = 0; i < d; i++) {
      for (int s = 0; s < vocab; s++) {
        b[i][s] = (s % 2 == 0 ? 1 : -1) * (16 + r.nextInt(16));
      }
    }
    for (int o = 0; o < m; o++) {
      for (int i = 0; i < d; i++) {
        c[o][i] = 16 + r.nextInt(16);
      }
      for (int s = 0; s < vocab; s++) {
        dd[o][s] = r.nextInt(64) - 32;
      }
    }
    switch (kind) {
      case S4:
        {
          long[][] a = new long[d][d];
          for (long[] row : a) {
            for (int j = 0; j < d; j++) {
              row[j] = r.nextInt(3) - 1;
            }
          }
          return S4Layer.builder(p).a(a).b(b).c(c).d(dd).build();
        }
      case S4D:
        return S4DLayer.builder(p).a(new long[] {1, -1}).b(b).c(c).d(dd).build();
      default:
        {
          int[][] e = new int[d][vocab];
          for (int[] row : e) {
            for (int s = 0; s < vocab; s++) {
              row[s] = s == 2 ? SelectiveLayer.RESET : r.nextInt(3);
            }
          }
          return SelectiveLayer.builder(p)
              .base(new long[] {1, -2})
              .exponents(e)
              .b(b)
              .c(c)
              .d(dd)
              .build();
        }
    }
  }
}
