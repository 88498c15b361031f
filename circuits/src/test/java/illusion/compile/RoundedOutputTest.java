package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import illusion.circuit.CircuitBuilder;
import illusion.circuit.Simulator;
import illusion.number.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A rounded output's contract at its edges: malformed ranges, level counts and residue requests
 * are refused with what is wrong; its description names its range and how it is held; all residues
 * at once are {@code floorMod(y, m)} (checked by simulation on every value of the range); and a
 * residue that is a single level or a constant costs no gate.
 */
class RoundedOutputTest {
  private static final Precision P = Precision.of(6, 1);

  private static void assertRefused(Executable call, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  private static RoundedOutput thermometer(CircuitBuilder b, long min, long max) {
    int[] levels = new int[(int) (max - min)];
    for (int k = 0; k < levels.length; k++) {
      levels[k] = b.input("y" + min + "_" + max + "_ge" + (min + 1 + k));
    }
    return RoundedOutput.ofThermometer(b, P, min, max, levels);
  }

  @Test
  void malformedOutputsAreRefused() {
    CircuitBuilder b = new CircuitBuilder();
    assertRefused(() -> RoundedOutput.ofThermometer(b, P, 0, 32, new int[32]), "output range [0, 32] is not within " + P);
    assertRefused(() -> RoundedOutput.ofThermometer(b, P, -33, 0, new int[33]), "output range [-33, 0] is not within " + P);
    assertRefused(() -> RoundedOutput.ofThermometer(b, P, 2, 1, new int[0]), "output range [2, 1] is not within " + P);
    assertRefused(() -> RoundedOutput.ofThermometer(b, P, 0, 3, new int[2]), "a thermometer over [0, 3] needs 3 levels, got 2");
    assertRefused(() -> RoundedOutput.ofThermometer(b, P, 0, 3, new int[4]), "a thermometer over [0, 3] needs 3 levels, got 4");
    assertRefused(() -> RoundedOutput.ofResidues(b, P, 0, 3, new int[0]), "a residue vector needs a modulus of at least 1");
    assertRefused(() -> RoundedOutput.ofResidues(b, P, 0, 40, new int[2]), "output range [0, 40] is not within " + P);
    RoundedOutput edge = thermometer(b, -32, 31); // the whole 6-bit range is allowed
    assertEquals(63, edge.levelCount());
    RoundedOutput y = thermometer(b, 1, 4);
    assertRefused(() -> y.residue(b, 3, 3), "residue 3 mod 3");
    assertRefused(() -> y.residue(b, 3, -1), "residue -1 mod 3");
    assertRefused(() -> y.residue(b, 0, 0), "residue 0 mod 0");
    assertRefused(() -> y.residues(b, 0), "modulus 0");
    assertEquals(1, y.residues(b, 1).length);
  }

  @Test
  void descriptionNamesTheRangeAndTheForm() {
    CircuitBuilder b = new CircuitBuilder();
    RoundedOutput y = thermometer(b, -2, 5);
    assertEquals(-2, y.min());
    assertEquals(5, y.max());
    assertEquals(7, y.levelCount());
    assertEquals(P, y.precision());
    assertEquals("rounded output in [-2, 5] (7 levels)", y.toString());
    RoundedOutput held = RoundedOutput.ofResidues(b, P, 0, 9, b.inputs("r0", "r1", "r2"));
    assertEquals(0, held.levelCount());
    assertEquals(9, held.max());
    assertEquals("rounded output in [0, 9] held modulo 3", held.toString());
    assertEquals("rounded output in [4, 4] (0 levels)", RoundedOutput.constant(b, P, 4).toString());
  }

  /** {@code residues(b, m)[r] = [floorMod(y, m) = r]} for every y of the range, every m. */
  @Test
  void allResiduesAtOnceAreTheResiduesOfEveryValue() {
    for (long min = -5; min <= 3; min += 4) {
      for (long max = min; max <= min + 7; max += 3) {
        for (int m = 1; m <= 5; m++) {
          CircuitBuilder b = new CircuitBuilder();
          RoundedOutput y = thermometer(b, min, max);
          int[] residues = y.residues(b, m);
          assertEquals(m, residues.length);
          for (int r = 0; r < m; r++) {
            b.output("r" + r, residues[r]);
          }
          Simulator sim = Simulator.of(b.build());
          for (long v = min; v <= max; v++) {
            boolean[] in = new boolean[(int) (max - min)];
            for (int k = 0; k < in.length; k++) {
              in[k] = v >= min + 1 + k;
            }
            boolean[] out = sim.evaluate(in);
            for (int r = 0; r < m; r++) {
              assertEquals(Math.floorMod(v, m) == r, out[r], v + " mod " + m + " = " + r + "?");
            }
          }
        }
      }
    }
  }

  /**
   * Over a range of two values the residue mod 2 is the one level or its complement, and over a
   * single value every residue is a constant: no gate either way.
   */
  @Test
  void singleLevelsAndConstantsCostNoGate() {
    CircuitBuilder b = new CircuitBuilder();
    RoundedOutput y = thermometer(b, 2, 3);
    RoundedOutput c = RoundedOutput.constant(b, P, 4);
    int nodes = b.nodeCount();
    int ge3 = y.atLeast(3);
    assertEquals(ge3, y.residue(b, 2, 1));
    assertEquals(~ge3, y.residue(b, 2, 0));
    int[] pair = y.residues(b, 2);
    assertEquals(~ge3, pair[0]);
    assertEquals(ge3, pair[1]);
    int[] constant = c.residues(b, 3);
    assertEquals(c.atLeast(0), constant[1]);
    assertEquals(~c.atLeast(0), constant[0]);
    assertEquals(~c.atLeast(0), c.residue(b, 3, 2));
    assertEquals(nodes, b.nodeCount());
  }
}
