package illusion.tc0;

import static org.junit.jupiter.api.Assertions.assertEquals;

import illusion.circuit.CircuitStats;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BooleanMatrixProductProperties {

  /**
   * The Boolean matrix product equals the OR-of-ANDs definition on random lanes and costs r·s·t
   * ANDs plus r·t ORs in depth 2 (s ≥ 2, distinct entries).
   */
  @Property(tries = 60)
  void product(
      @ForAll @IntRange(min = 1, max = 6) int r,
      @ForAll @IntRange(min = 2, max = 6) int s,
      @ForAll @IntRange(min = 1, max = 6) int t,
      @ForAll long seed) {
    Harness h = new Harness();
    int[][] a = new int[r][];
    for (int i = 0; i < r; i++) {
      a[i] = h.inputs(s);
    }
    int[][] c = new int[s][];
    for (int k = 0; k < s; k++) {
      c[k] = h.inputs(t);
    }
    int[][] p = BooleanMatrixProduct.multiply(h.b, a, c);
    for (int[] row : p) {
      h.outputs(row);
    }
    long[] in = Harness.randomWords(new SplittableRandom(seed), r * s + s * t);
    long[] out = h.simulate(in);
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < t; j++) {
        long expected = 0;
        for (int k = 0; k < s; k++) {
          expected |= in[i * s + k] & in[r * s + k * t + j];
        }
        assertEquals(expected, out[i * t + j]);
      }
    }
    CircuitStats st = h.stats();
    assertEquals(r * s * t + r * t, st.gates());
    assertEquals(2, st.depth());
  }
}
