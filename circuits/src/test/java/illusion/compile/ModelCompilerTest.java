package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitStats;
import illusion.number.Precision;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ModelCompilerTest {

  private static Model smallModel(long seed) {
    Random r = new Random(seed);
    return Layers.model(r, Layers.s4(r, Precision.of(5, 1), 2, 2, 3));
  }

  @Test
  void namesAndIndicesFollowTheContract() {
    Model model = smallModel(1);
    CompiledModel compiled = ModelCompiler.compile(model, 4, Outputs.ALL);
    Circuit c = compiled.circuit();
    assertArrayEquals(new int[] {0, 1, 2, 3}, compiled.positions());
    assertEquals(4 * 3, c.inputCount());
    for (int t = 0; t < 4; t++) {
      for (int s = 0; s < 3; s++) {
        assertEquals("x[" + t + "][" + s + "]", c.inputName(compiled.inputIndex(t, s)));
      }
      for (int ch = 0; ch < compiled.channels(); ch++) {
        for (int i = 0; i < compiled.bits(); i++) {
          assertEquals(
              "y[" + t + "][" + ch + "][" + i + "]", c.outputName(compiled.outputBitIndex(t, ch, i)));
        }
      }
      for (int k = 0; k < model.labelVocabulary(); k++) {
        assertEquals("label[" + t + "][" + k + "]", c.outputName(compiled.labelIndex(t, k)));
      }
    }
    int per = compiled.channels() * compiled.bits() + model.labelVocabulary();
    assertEquals(4 * per, c.outputCount());
  }

  @Test
  void lastHasOutputsAtTheLastPositionOnly() {
    CompiledModel compiled = ModelCompiler.compile(smallModel(2), 5, Outputs.LAST);
    assertArrayEquals(new int[] {4}, compiled.positions());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> compiled.outputBitIndex(3, 0, 0));
    assertTrue(e.getMessage().contains("position 3 has no outputs"), e.getMessage());
  }

  @Test
  void refusesAboveTheWireLimitBeforeBuilding() {
    Model model = smallModel(3);
    CompileOptions tight = CompileOptions.builder().wireLimit(10).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelCompiler.compile(model, 16, Outputs.ALL, tight));
    assertTrue(e.getMessage().contains("above the limit of 10 stored wires"), e.getMessage());
    assertTrue(e.getMessage().contains("n = 16"), e.getMessage());
  }

  @Test
  void rejectsBadLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelCompiler.compile(smallModel(4), 0, Outputs.LAST));
    assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
  }

  @Test
  void theDefaultLimitLetsTenMillionWiresThroughInAFourGigabyteHeap() {
    assertTrue(4L * 1024 * 1024 * 1024 / CompileOptions.BYTES_PER_STORED_WIRE >= 10_000_000L);
  }

  /** The projection made before building bounds the built circuit's gates and flat wires. */
  @Property(tries = 40)
  void projectionBoundsTheBuiltSize(@ForAll long seed) {
    Random r = new Random(seed);
    Precision p = Precision.of(3 + r.nextInt(5), r.nextInt(2));
    int kind = r.nextInt(3);
    Layer layer =
        kind == 0
            ? Layers.s4(r, p, 1 + r.nextInt(3), 1 + r.nextInt(2), 1 + r.nextInt(4))
            : kind == 1
                ? Layers.s4d(r, p, 1 + r.nextInt(3), 1 + r.nextInt(2), 1 + r.nextInt(4))
                : Layers.selective(r, p, 1 + r.nextInt(3), 1 + r.nextInt(2), 1 + r.nextInt(4), 2);
    Model model = Layers.model(r, layer);
    int n = 1 + r.nextInt(12);
    Outputs outputs = r.nextBoolean() ? Outputs.ALL : Outputs.LAST;
    CompiledModel compiled = ModelCompiler.compile(model, n, outputs);
    CircuitStats stats = compiled.stats();
    SizeEstimate projected = compiled.projected();
    assertTrue(projected.gates() >= stats.gates(), () -> layer + ": " + projected + " vs " + stats);
    assertTrue(projected.wires() >= stats.wires(), () -> layer + ": " + projected + " vs " + stats);
  }
}
