package illusion.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A circuit answers for each node and sum what was built into it, refuses questions that do not
 * apply to a node's kind, is equal to a circuit built the same way and to no other, and its
 * statistics print one metric per line.
 */
class CircuitAccessorsTest {

  /** x AND y, NOT x, a threshold over a sum with one large weight, a chained sum, a constant. */
  private static Circuit sample(long bigWeight, String lastOutput) {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    int y = b.input("y");
    int z = b.input("z");
    CircuitBuilder.Sum s = b.sum(new long[] {3, -2}, new int[] {x, y});
    CircuitBuilder.Sum t = b.extend(s, new BigInteger[] {BigInteger.valueOf(bigWeight)}, new int[] {z});
    b.output("and", b.and(x, y));
    b.output("not", b.not(x));
    b.output("ge", b.atLeast(s, 2));
    b.output("le", b.atMost(t, 1));
    b.output(lastOutput, b.constant(true));
    return b.build();
  }

  @Test
  void nodesAndSumsAnswerWhatWasBuilt() {
    Circuit c = sample(5, "one");
    assertEquals(List.of("x", "y", "z"), c.inputNames());
    assertEquals(List.of("and", "not", "ge", "le", "one"), c.outputNames());
    assertEquals(1, c.indexOfInput("y"));
    assertEquals(-1, c.indexOfInput("and"));
    assertEquals(2, c.indexOfOutput("ge"));
    assertEquals(-1, c.indexOfOutput("x"));
    assertEquals(-1, c.indexOfOutput("nothing"));
    for (int i = 0; i < 3; i++) {
      assertEquals(i, c.inputOrdinal(c.inputNode(i)));
      assertEquals(NodeKind.INPUT, c.kind(c.inputNode(i)));
      assertEquals(0, c.literalCount(c.inputNode(i)));
      assertEquals(0, c.flatFanIn(c.inputNode(i)));
    }
    int and = c.outputNode(0);
    assertEquals(NodeKind.AND, c.kind(and));
    assertEquals(2, c.literalCount(and));
    assertArrayEquals(new int[] {c.inputNode(0), c.inputNode(1)}, c.literals(and));
    int one = c.outputNode(4);
    assertEquals(NodeKind.CONSTANT, c.kind(one));
    assertTrue(c.constantValue(one));
    assertEquals(
        "node " + and + " is not a constant",
        assertThrows(IllegalArgumentException.class, () -> c.constantValue(and)).getMessage());
    assertEquals(
        "node " + and + " is not a THRESHOLD gate",
        assertThrows(IllegalArgumentException.class, () -> c.thresholdSum(and)).getMessage());
    assertEquals(
        "node " + and + " is not an input",
        assertThrows(IllegalArgumentException.class, () -> c.inputOrdinal(and)).getMessage());

    int ge = c.outputNode(2);
    int le = c.outputNode(3);
    assertEquals(NodeKind.THRESHOLD, c.kind(ge));
    assertEquals(0, c.literalCount(ge), "a threshold's fan-in is its sum");
    assertEquals(2, c.flatFanIn(ge));
    assertEquals(3, c.flatFanIn(le), "the chained sum counts its base's terms");
    assertEquals(BigInteger.TWO, c.thresholdTheta(ge));
    assertFalse(c.thresholdAtMost(ge));
    assertTrue(c.thresholdAtMost(le));
    int base = c.thresholdSum(ge);
    int chained = c.thresholdSum(le);
    assertEquals(base, c.sumBase(chained));
    assertEquals(1, c.sumTermCount(chained));
    assertEquals(2, c.sumTermCount(base));
    assertEquals(3, c.sumFlatTermCount(chained));
    assertEquals(c.inputNode(2), c.sumTermNode(chained, 0));
    assertEquals(5, c.sumTermWeightLong(chained, 0));
    long[] weights = {c.sumTermWeightLong(base, 0), c.sumTermWeightLong(base, 1)};
    java.util.Arrays.sort(weights);
    assertArrayEquals(new long[] {-2, 3}, weights);
    assertEquals(BigInteger.valueOf(-2), c.sumMin(base));
    assertEquals(BigInteger.valueOf(3), c.sumMax(base));
    assertEquals(BigInteger.valueOf(8), c.sumMax(chained));
    assertTrue(c.sumFitsLong(chained));
    assertEquals("Circuit{nodes=" + c.nodeCount() + ", inputs=3, outputs=5, sums=2}", c.toString());
  }

  /** Weights beyond a long are kept exactly and reported as not fitting. */
  @Test
  void bigWeights() {
    BigInteger huge = BigInteger.ONE.shiftLeft(70);
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    CircuitBuilder.Sum s = b.sum(new BigInteger[] {huge}, new int[] {x});
    b.output("y", b.atLeast(s, huge));
    Circuit c = b.build();
    int sum = c.thresholdSum(c.outputNode(0));
    assertEquals(huge, c.sumTermWeight(sum, 0));
    assertThrows(ArithmeticException.class, () -> c.sumTermWeightLong(sum, 0));
    assertFalse(c.sumFitsLong(sum));
    assertEquals(huge, c.sumMax(sum));
    assertEquals(BigInteger.ZERO, c.sumMin(sum));
    assertEquals(huge, c.thresholdTheta(c.outputNode(0)));
  }

  @Test
  void equalityIsStructural() {
    Circuit c = sample(5, "one");
    assertEquals(c, sample(5, "one"));
    assertEquals(c.hashCode(), sample(5, "one").hashCode());
    assertNotEquals(c, sample(6, "one"));
    assertNotEquals(c, sample(1L << 40, "one"));
    assertNotEquals(c, sample(5, "true"));
    assertNotEquals(c, "circuit");
    assertEquals(sample(1L << 40, "one"), sample(1L << 40, "one"));
    CircuitStats stats = CircuitStats.of(c);
    assertEquals(stats, CircuitStats.of(sample(5, "one")));
    assertEquals(stats.hashCode(), CircuitStats.of(sample(5, "one")).hashCode());
    assertNotEquals(stats, CircuitStats.of(sample(1L << 40, "one")), "max weight bits differ");
    assertNotEquals(stats, "stats");
  }

  /** The table has one line per metric, name then value, in the documented order. */
  @Test
  void statisticsTable() {
    CircuitStats s = CircuitStats.of(sample(5, "one"));
    String[] lines = s.toTable().split("\\R");
    String[] names = {
      "nodes", "inputs", "outputs", "gates", "  and", "  or", "  not", "  maj", "  threshold", "depth",
      "threshold depth", "wires", "max fan-in", "max weight bits", "sums", "stored terms"
    };
    long[] values = {
      s.nodes(), s.inputs(), s.outputs(), s.gates(), s.gates(NodeKind.AND), s.gates(NodeKind.OR),
      s.gates(NodeKind.NOT), s.gates(NodeKind.MAJ), s.gates(NodeKind.THRESHOLD), s.depth(),
      s.thresholdDepth(), s.wires(), s.maxFanIn(), s.maxWeightBits(), s.sums(), s.storedTerms()
    };
    assertEquals(names.length, lines.length, s.toTable());
    for (int i = 0; i < names.length; i++) {
      assertEquals(names[i], lines[i].substring(0, 16).stripTrailing(), lines[i]);
      assertEquals(values[i], Long.parseLong(lines[i].substring(16).strip().replace(",", "")), lines[i]);
    }
    assertEquals(3, s.inputs());
    assertEquals(5, s.outputs());
    assertEquals(2, s.sums());
    assertEquals(3, s.storedTerms());
    assertEquals(s.gates(), s.gates(NodeKind.AND) + s.gates(NodeKind.OR) + s.gates(NodeKind.NOT) + s.gates(NodeKind.MAJ) + s.gates(NodeKind.THRESHOLD));
    assertEquals(0, s.gates(NodeKind.INPUT));
    assertEquals(
        "CircuitStats{gates=" + s.gates() + ", depth=" + s.depth() + ", thresholdDepth=" + s.thresholdDepth()
            + ", wires=" + s.wires() + ", maxFanIn=" + s.maxFanIn() + ", maxWeightBits=" + s.maxWeightBits() + "}",
        s.toString());
  }
}
