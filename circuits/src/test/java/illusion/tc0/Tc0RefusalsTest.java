package illusion.tc0;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The TC0 constructions check their arguments before adding any gate, each defect refused with one
 * {@link IllegalArgumentException} naming it; the accepted edge cases (empty matrices, the widest
 * output, the "no value" entry -1) build circuits that compute the right function.
 */
class Tc0RefusalsTest {

  private static void assertRefused(Executable call, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void tableLookups() {
    CircuitBuilder b = new CircuitBuilder();
    int[] oneHot = {b.input("a"), b.input("b"), b.input("c")};
    int[] bits = {b.input("x"), b.input("y")};
    assertRefused(() -> TableLookup.oneHotToBits(b, oneHot, new int[] {0, 1, 2}, 32), "output width must be in [0, 31]: 32");
    assertRefused(() -> TableLookup.oneHotToBits(b, oneHot, new int[] {0, 1, 2}, -1), "output width must be in [0, 31]: -1");
    assertRefused(() -> TableLookup.oneHotToBits(b, oneHot, new int[] {0, 4, 2}, 2), "table[1] = 4 outside [0, 4)");
    assertRefused(() -> TableLookup.oneHotToBits(b, oneHot, new int[] {-1, 0, 2}, 2), "table[0] = -1 outside [0, 4)");
    assertRefused(() -> TableLookup.oneHotToBits(b, oneHot, new int[] {0, 1}, 2), "table has 2 rows for 3 one-hot wires");
    assertRefused(() -> TableLookup.oneHotToOneHot(b, oneHot, new int[] {0, 3, 1}, 3), "table[1] = 3 outside [0, 3)");
    assertRefused(() -> TableLookup.oneHotToOneHot(b, oneHot, new int[] {0, 1, 2, 0}, 3), "table has 4 rows for 3 one-hot wires");
    assertRefused(() -> TableLookup.bitsToBits(b, bits, new int[] {0, 1, 2}, 2), "table has 3 rows for 2 input bits (needs 4)");
    assertRefused(() -> TableLookup.bitsToBits(b, new int[25], new int[0], 2), "at most 24 input bits: 25");
    assertRefused(() -> TableLookup.bitsToBits(b, bits, new int[] {0, 1, 2, 4}, 2), "table[3] = 4 outside [0, 4)");
    assertRefused(() -> TableLookup.bitsToBits(b, bits, new int[] {0, 1, 2, 3}, 32), "output width must be in [0, 31]: 32");
    assertRefused(() -> TableLookup.bitsToOneHot(b, bits, new int[] {0, 1, 2}, 3), "table has 3 rows for 2 input bits (needs 4)");
    assertRefused(() -> TableLookup.bitsToOneHot(b, bits, new int[] {0, 1, 2, 3}, 3), "table[3] = 3 outside [0, 3)");
    int[] c = {b.input("p"), b.input("q")};
    assertRefused(() -> TableLookup.pairToOneHot(b, c, c, new int[][] {{0, 1}}, 2), "table has 1 rows for 2 wires");
    assertRefused(() -> TableLookup.pairToOneHot(b, c, c, new int[][] {{0, 1}, {1}}, 2), "table row 1 has 1 entries for 2 wires");
    assertRefused(() -> TableLookup.pairToOneHot(b, c, c, new int[][] {{0, -2}, {1, 1}}, 2), "table[0][1] = -2 outside [-1, 2)");
    assertRefused(() -> TableLookup.pairToOneHot(b, c, c, new int[][] {{0, 1}, {2, 1}}, 2), "table[1][0] = 2 outside [-1, 2)");
    assertRefused(() -> TableLookup.pairToOneHot(b, c, c, new int[][] {{}, {}}, -1), "codomain must be non-negative: -1");
  }

  /**
   * The widest output (31 bits) and the "no value" entry -1 of a pair table are accepted: on every
   * one-hot pair the outputs are the table's entry, computed here by reading the table.
   */
  @Test
  void edgesOfTheTablesCompute() {
    Harness h = new Harness();
    int[] a = h.inputs(2);
    int[] c = h.inputs(2);
    int[][] table = {{1, -1}, {0, 2}};
    int[] pair = TableLookup.pairToOneHot(h.b, a, c, table, 3);
    int[] oneHot = h.inputs(3);
    int[] wide = TableLookup.oneHotToBits(h.b, oneHot, new int[] {Integer.MAX_VALUE, 5, 0}, 31);
    int first = h.outputs(pair);
    h.outputs(wide);
    long[] words = new long[7];
    // lane k: a one-hot in a (k / 2 % 2), c (k % 2); lane k: one-hot x at k % 3
    for (int lane = 0; lane < 12; lane++) {
      words[lane / 2 % 2] |= 1L << lane;
      words[2 + lane % 2] |= 1L << lane;
      words[4 + lane % 3] |= 1L << lane;
    }
    long[] out = h.simulate(words);
    for (int lane = 0; lane < 12; lane++) {
      int v = table[lane / 2 % 2][lane % 2];
      for (int k = 0; k < 3; k++) {
        assertEquals(k == v, Harness.bit(out[first + k], lane), "pair lane " + lane);
      }
      long expected = new long[] {Integer.MAX_VALUE, 5, 0}[lane % 3];
      assertEquals(BigInteger.valueOf(expected), Harness.value(out, first + 3, 31, lane));
    }
  }

  @Test
  void sumsModulo() {
    CircuitBuilder b = new CircuitBuilder();
    int[] x = {b.input("x"), b.input("y")};
    assertRefused(() -> SumModulo.residues(b, new long[] {1, 1}, x, (1 << 20) + 1), "modulus too large for a one-hot vector: 1048577");
    assertRefused(() -> SumModulo.congruent(b, new long[] {1}, x, 3, 0), "1 weights for 2 literals");
    assertRefused(() -> SumModulo.congruent(b, new long[] {1, 1}, x, 0, 0), "modulus must be positive: 0");
    long big = (1L << 30) - 1;
    assertRefused(
        () -> SumModulo.congruent(b, new long[] {big, big}, x, 1L << 30, 0),
        "the reduced sum reaches " + 2 * big + ": too many threshold gates (one per value)");
    CircuitBuilder.Sum sum = b.sum(new long[] {1, 1}, x);
    assertRefused(() -> SumModulo.residues(b, sum, 5, 4, 3), "empty range [5, 4]");
    assertRefused(() -> SumModulo.residues(b, sum, 0, 2, 0), "modulus must be in [1, 2^20]: 0");
    assertRefused(() -> SumModulo.residues(b, sum, 0, 2, (1 << 20) + 1), "modulus must be in [1, 2^20]: 1048577");
    assertRefused(
        () -> SumModulo.residues(b, sum, 0, Integer.MAX_VALUE, 3), "range [0, 2147483647] too large");
    assertEquals(1, SumModulo.residues(b, sum, 2, 2, 1).length);
  }

  /**
   * The one-hot residues of a stored sum known to lie in [min, max] cost at most max - min cuts
   * and modulus more gates, at depth 2 (its documented cost), and are right on every input:
   * compared with the count of true inputs mod K.
   */
  @Test
  void storedSumResiduesAreCheapAndRight() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int trial = 0; trial < 40; trial++) {
      Harness h = new Harness();
      int n = 1 + rnd.nextInt(12);
      int[] x = h.inputs(n);
      long[] ones = new long[n];
      java.util.Arrays.fill(ones, 1);
      int modulus = 1 + rnd.nextInt(6);
      int gatesBefore = h.b.nodeCount();
      int[] residues = SumModulo.residues(h.b, h.b.sum(ones, x), 0, n, modulus);
      int added = h.b.nodeCount() - gatesBefore;
      assertTrue(added <= n + modulus + 2, "gates " + added + " for n = " + n + ", K = " + modulus);
      int first = h.outputs(residues);
      long[] words = Harness.randomWords(rnd, n);
      long[] out = h.simulate(words);
      assertTrue(h.stats().depth() <= 2, "depth " + h.stats().depth());
      for (int lane = 0; lane < 64; lane++) {
        int count = 0;
        for (int i = 0; i < n; i++) {
          count += Harness.bit(words[i], lane) ? 1 : 0;
        }
        for (int k = 0; k < modulus; k++) {
          assertEquals(count % modulus == k, Harness.bit(out[first + k], lane));
        }
      }
    }
  }

  @Test
  void matrixProducts() {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    assertRefused(
        () -> BooleanMatrixProduct.multiply(b, new int[][] {{x, x}, {x}}, new int[][] {{x}, {x}}),
        "row 1 of the left matrix has 1 entries, expected 2");
    assertRefused(
        () -> BooleanMatrixProduct.multiply(b, new int[][] {{x, x}}, new int[][] {{x}, {x, x}}),
        "row 1 of the right matrix has 2 entries, expected 1");
    assertRefused(() -> BooleanMatrixProduct.multiply(b, new int[0], new int[0], -1, 0, 0), "negative dimension");
    assertRefused(() -> BooleanMatrixProduct.multiply(b, new int[0], new int[0], 0, -1, 0), "negative dimension");
    assertRefused(() -> BooleanMatrixProduct.multiply(b, new int[0], new int[0], 0, 0, -1), "negative dimension");
    assertRefused(() -> BooleanMatrixProduct.multiply(b, new int[3], new int[4], 2, 2, 2), "left matrix has 3 entries, expected 2×2");
    assertRefused(() -> BooleanMatrixProduct.multiply(b, new int[4], new int[3], 2, 2, 2), "right matrix has 3 entries, expected 2×2");
    // empty inner dimension: the product is all false, of the outer shape
    int[][] empty = BooleanMatrixProduct.multiply(b, new int[2][0], new int[0][]);
    assertEquals(2, empty.length);
    assertEquals(0, empty[0].length);
    assertArrayEquals(new int[0], BooleanMatrixProduct.multiply(b, new int[0], new int[0], 0, 0, 0));
    int[] zero = BooleanMatrixProduct.multiply(b, new int[0], new int[0], 1, 0, 1);
    assertEquals(b.constant(false), zero[0]);
  }

  @Test
  void additionsAndLowering() {
    CircuitBuilder b = new CircuitBuilder();
    int[] x = {b.input("x"), b.input("y")};
    assertRefused(() -> IteratedAddition.weightedSum(b, new long[] {1}, x), "1 weights for 2 literals");
    assertRefused(() -> IteratedAddition.weightedSum(b, new long[] {1, -1}, x), "weights must be non-negative: -1");
    assertRefused(
        () -> IteratedAddition.columns(b, new int[][] {x}, BigInteger.ONE.negate()), "offset must be non-negative: -1");
    assertRefused(
        () -> CountToBinary.of(b, b.sum(new long[] {1, 1}, x), -1), "maxValue must be non-negative: -1");
    b.output("z", b.and(x));
    Circuit c = b.build();
    assertRefused(() -> LowerWeights.lower(c, 1), "weights can be lowered to 2 bits at least, not 1");
    assertEquals(c.outputCount(), LowerWeights.lower(c, 2).outputCount());
    assertRefused(() -> PrefixNetwork.SKLANSKY.steps(-1), "negative length: -1");
    assertEquals(0, PrefixNetwork.LADNER_FISCHER.steps(0).length);
  }
}
