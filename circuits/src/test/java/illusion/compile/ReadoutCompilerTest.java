package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.CircuitBuilder;
import illusion.circuit.Simulator;
import illusion.number.Precision;
import illusion.ssm.Readout;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The readout (the paper's MLP, a table lookup in the circuit) compiled over thermometer outputs:
 * its one-hot token is {@link Readout#apply} of the outputs' values, on every combination of the
 * values; its projected size bounds the gates and wires built; a wrong channel count is refused.
 */
class ReadoutCompilerTest {
  private static final Precision P = Precision.of(5, 0);

  @Test
  void lookupIsTheReadoutAndTheProjectionBoundsIt() {
    Random r = new Random(4);
    for (int trial = 0; trial < 25; trial++) {
      int channels = 1 + r.nextInt(2);
      int[] moduli = new int[channels];
      long[] min = new long[channels];
      long[] max = new long[channels];
      for (int c = 0; c < channels; c++) {
        moduli[c] = 1 + r.nextInt(4);
        min[c] = r.nextInt(9) - 4;
        max[c] = min[c] + r.nextInt(5);
      }
      int labels = 1 + r.nextInt(3);
      long salt = r.nextLong();
      Readout readout =
          Readout.tabulate(moduli, labels, res -> Math.floorMod(java.util.Arrays.hashCode(res) ^ salt, labels));
      CircuitBuilder b = new CircuitBuilder();
      RoundedOutput[] outputs = new RoundedOutput[channels];
      long[] levels = new long[channels];
      for (int c = 0; c < channels; c++) {
        int[] lits = new int[(int) (max[c] - min[c])];
        for (int k = 0; k < lits.length; k++) {
          lits[k] = b.input("y" + c + "_ge" + (min[c] + 1 + k));
        }
        outputs[c] = RoundedOutput.ofThermometer(b, P, min[c], max[c], lits);
        levels[c] = lits.length;
      }
      int before = b.nodeCount();
      int[] oneHot = ReadoutCompiler.compile(b, readout, outputs);
      int built = b.nodeCount() - before;
      SizeEstimate projected = ReadoutCompiler.estimate(readout, levels);
      assertTrue(projected.gates() >= built, projected + " for " + built + " nodes");
      for (int k = 0; k < labels; k++) {
        b.output("label" + k, oneHot[k]);
      }
      Simulator sim = Simulator.of(b.build());
      long wires = illusion.circuit.CircuitStats.of(sim.circuit()).wires();
      assertTrue(projected.wires() >= wires, projected + " for " + wires + " wires");
      long[] y = min.clone();
      while (true) {
        boolean[] in = new boolean[sim.circuit().inputCount()];
        int i = 0;
        for (int c = 0; c < channels; c++) {
          for (long v = min[c] + 1; v <= max[c]; v++) {
            in[i++] = y[c] >= v;
          }
        }
        boolean[] out = sim.evaluate(in);
        int expected = readout.apply(y);
        for (int k = 0; k < labels; k++) {
          assertEquals(k == expected, out[k], readout + " at " + java.util.Arrays.toString(y));
        }
        int c = 0;
        while (c < channels && y[c] == max[c]) {
          y[c] = min[c];
          c++;
        }
        if (c == channels) {
          break;
        }
        y[c]++;
      }
    }
  }

  @Test
  void wrongChannelCountIsRefused() {
    CircuitBuilder b = new CircuitBuilder();
    Readout readout = Readout.tabulate(new int[] {2, 3}, 2, res -> res[0]);
    RoundedOutput one = RoundedOutput.constant(b, P, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReadoutCompiler.compile(b, readout, new RoundedOutput[] {one}));
    assertEquals("readout reads 2 channels, got 1 outputs", e.getMessage());
  }
}
