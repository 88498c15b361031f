package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import illusion.circuit.CircuitBuilder;
import illusion.circuit.Simulator;
import illusion.number.Precision;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RoundedOutputProperties {

  /**
   * A thermometer code over {@code [min, max]} determines y, so the bit and residue gates built
   * above it give exactly the p-bit two's complement bits of y and {@code floorMod(y, m)}, for
   * every width up to 63 bits and ranges anywhere in the p-bit range (DESIGN.md "Semantics": the
   * circuit's output bits are the rounded output's). Building takes time in the range, not in 2^p.
   */
  @Property(tries = 200)
  void bitsAndResiduesOfEveryValueInTheRange(
      @ForAll @IntRange(min = 2, max = 63) int bits,
      @ForAll @IntRange(min = 0, max = 12) int width,
      @ForAll long anchor,
      @ForAll @IntRange(min = 1, max = 7) int modulus) {
    Precision p = Precision.of(bits, 0);
    long span = Math.min(width, p.maxRaw() - p.minRaw());
    long room = p.maxRaw() - p.minRaw() - span; // the lowest min can be moved up, at most 2^63 - 1
    long min = p.minRaw() + (room == Long.MAX_VALUE ? anchor & Long.MAX_VALUE : Math.floorMod(anchor, room + 1));
    long max = min + span;
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          CircuitBuilder b = new CircuitBuilder();
          int[] levels = new int[(int) span];
          for (int k = 0; k < levels.length; k++) {
            levels[k] = b.input("ge" + (min + 1 + k));
          }
          RoundedOutput y = RoundedOutput.ofThermometer(b, p, min, max, levels);
          int[] outBits = y.bits(b);
          for (int i = 0; i < bits; i++) {
            b.output("bit" + i, outBits[i]);
          }
          for (int r = 0; r < modulus; r++) {
            b.output("mod" + r, y.residue(b, modulus, r));
          }
          Simulator sim = Simulator.of(b.build());
          for (long v = min; v <= max; v++) {
            boolean[] in = new boolean[levels.length];
            for (int k = 0; k < in.length; k++) {
              in[k] = v >= min + 1 + k;
            }
            boolean[] out = sim.evaluate(in);
            for (int i = 0; i < bits; i++) {
              assertEquals(((v >> i) & 1) == 1, out[i], "bit " + i + " of " + v + " at " + p);
            }
            for (int r = 0; r < modulus; r++) {
              assertEquals(Math.floorMod(v, modulus) == r, out[bits + r], v + " mod " + modulus);
            }
          }
        });
  }
}
