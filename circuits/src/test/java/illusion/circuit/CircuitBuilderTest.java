package illusion.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The builder's simplification rules, structural identities and error messages. */
class CircuitBuilderTest {

  @Test
  void literalsComplementWithoutGates() {
    assertEquals(-1, Literals.negate(0));
    assertEquals(7, Literals.node(Literals.negate(7)));
    assertTrue(Literals.isNegated(CircuitBuilder.negate(3)));
    assertEquals(5, CircuitBuilder.negate(CircuitBuilder.negate(5)));
    assertEquals(Literals.negate(4), Literals.of(4, true));
  }

  @Test
  void andOrSimplify() {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    int y = b.input("y");
    int nx = CircuitBuilder.negate(x);
    assertEquals(x, b.and(x));
    assertEquals(nx, b.or(nx));
    assertEquals(x, b.and(x, x));
    assertEquals(b.constant(true), b.and());
    assertEquals(b.constant(false), b.or());
    assertEquals(b.constant(false), b.and(x, nx));
    assertEquals(b.constant(true), b.or(y, x, nx));
    assertEquals(x, b.and(x, b.constant(true)));
    assertEquals(b.constant(false), b.and(x, CircuitBuilder.negate(b.constant(true))));
    assertEquals(b.and(x, y), b.and(y, x));
    assertEquals(b.and(x, CircuitBuilder.negate(y)), b.and(x, b.not(y)));
    assertNotEquals(b.and(x, y), b.or(x, y));
    assertNotEquals(b.and(x, y), b.and(x, CircuitBuilder.negate(y)));
  }

  @Test
  void notAndMajSimplify() {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    int y = b.input("y");
    int z = b.input("z");
    int nx = b.not(x);
    assertEquals(NodeKind.NOT, b.build().kind(nx));
    assertEquals(x, b.not(nx));
    assertEquals(x, b.not(CircuitBuilder.negate(x)));
    assertEquals(b.constant(false), b.not(b.constant(true)));
    assertEquals(y, b.maj(x, CircuitBuilder.negate(x), y));
    assertEquals(z, b.maj(z));
    assertEquals(b.maj(x, y, z), b.maj(z, x, y));
    assertNotEquals(b.maj(x, y, z), b.maj(x, x, y, z));
  }

  @Test
  void sumsShareStorageAndFold() {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    int y = b.input("y");
    int z = b.input("z");
    CircuitBuilder.Sum s = b.sum(new long[] {1, 2}, new int[] {x, y});
    assertEquals(s, b.sum(new long[] {2, 1}, new int[] {y, x}));
    assertEquals(s, b.sum(new long[] {1, 1, 1, 0}, new int[] {x, y, y, z}));
    assertEquals(s, b.extend(s, new long[0], new int[0]));
    CircuitBuilder.Sum t = b.extend(s, new long[] {4}, new int[] {z});
    assertNotEquals(s, t);
    assertEquals(b.constant(true), b.atLeast(s, 0));
    assertEquals(b.constant(false), b.atLeast(s, 4));
    assertEquals(b.constant(true), b.atMost(s, 3));
    assertEquals(b.constant(false), b.atMost(s, BigInteger.ONE.shiftLeft(80).negate()));
    int g = b.atLeast(t, 5);
    assertEquals(g, b.atLeast(t, BigInteger.valueOf(5)));
    // hashing is structural: the same flat sum stored without a base is a different sum
    int flat = b.threshold(new long[] {4, 2, 1}, new int[] {z, y, x}, 5);
    assertNotEquals(g, flat);
    assertEquals(flat, b.threshold(new long[] {1, 2, 4}, new int[] {x, y, z}, 5));
    assertNotEquals(g, b.atMost(t, 5));
    Circuit c = b.output("g", g).build();
    assertEquals(3, c.flatFanIn(g));
    assertEquals(1, c.sumTermCount(t.index()));
    assertEquals(s.index(), c.sumBase(t.index()));
    assertEquals(BigInteger.valueOf(7), c.sumMax(t.index()));
  }

  @Test
  void complementedOutputsAndSumTermsBecomeNotGates() {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    Circuit c =
        b.output("y", CircuitBuilder.negate(x))
            .output("z", b.atLeast(b.sum(new long[] {1}, new int[] {CircuitBuilder.negate(x)}), 1))
            .build();
    int notX = c.outputNode(0);
    assertEquals(NodeKind.NOT, c.kind(notX));
    assertEquals(notX, c.sumTermNode(0, 0));
  }

  @Test
  void rejectsInvalidCalls() {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> b.and(x, 5))
            .getMessage()
            .contains("refers to node 5"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> b.input("x"))
            .getMessage()
            .contains("duplicate name: x"));
    assertThrows(IllegalArgumentException.class, () -> b.output("x", x));
    assertThrows(IllegalArgumentException.class, () -> b.input(""));
    assertThrows(IllegalArgumentException.class, () -> b.input("a b"));
    assertThrows(IllegalArgumentException.class, () -> b.maj());
    assertThrows(IllegalArgumentException.class, () -> b.sum(new long[] {1, 2}, new int[] {x}));
    CircuitBuilder other = new CircuitBuilder();
    CircuitBuilder.Sum foreign = other.sum(new long[] {1}, new int[] {other.input("q")});
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> b.atLeast(foreign, 1))
            .getMessage()
            .contains("another builder"));
  }

  /** The JSON form of the statistics carries every accessor's value under its camelCase name. */
  @Test
  void statsJsonAndTableCarryTheValues() {
    Circuit c = RandomCircuits.generate(42, 6, 40).circuit();
    CircuitStats s = CircuitStats.of(c);
    JsonObject o = JsonParser.parseString(s.toJson()).getAsJsonObject();
    assertEquals(s.gates(), o.get("gates").getAsInt());
    assertEquals(s.depth(), o.get("depth").getAsInt());
    assertEquals(s.thresholdDepth(), o.get("thresholdDepth").getAsInt());
    assertEquals(s.wires(), o.get("wires").getAsLong());
    assertEquals(s.maxFanIn(), o.get("maxFanIn").getAsLong());
    assertEquals(s.maxWeightBits(), o.get("maxWeightBits").getAsInt());
    assertEquals(s.gates(NodeKind.THRESHOLD), o.get("thresholdGates").getAsInt());
    assertTrue(s.toTable().contains(String.format(java.util.Locale.ROOT, "%,d", s.wires())));
  }

  /**
   * Names index both ways through growth of the name table: every input and output is found by
   * its name, names of the other side and unknown names are not, a duplicate of either side is
   * refused, and names added after {@link CircuitBuilder#build} do not reach the built circuit.
   */
  @Test
  void namesAreIndexedBothWays() {
    CircuitBuilder b = new CircuitBuilder();
    int count = 3000;
    for (int i = 0; i < count; i++) {
      b.input("x[" + i + "]");
    }
    for (int o = 0; o < count; o++) {
      b.output("y[" + o + "]", o % 2 == 0 ? o : CircuitBuilder.negate(o));
    }
    Circuit c = b.build();
    b.input("late");
    for (int i = 0; i < count; i++) {
      assertEquals(i, c.indexOfInput("x[" + i + "]"));
      assertEquals(i, c.indexOfOutput("y[" + i + "]"));
      assertEquals(-1, c.indexOfOutput("x[" + i + "]"));
      assertEquals(-1, c.indexOfInput("y[" + i + "]"));
      assertEquals("x[" + i + "]", c.inputName(i));
    }
    assertEquals(-1, c.indexOfInput("late"));
    assertEquals(-1, c.indexOfInput("x[" + count + "]"));
    assertEquals(count, b.build().indexOfInput("late"));
    assertThrows(IllegalArgumentException.class, () -> b.input("y[7]"));
    assertThrows(IllegalArgumentException.class, () -> b.output("x[7]", 0));
    assertThrows(IllegalArgumentException.class, () -> b.input("x[2999]"));
  }

  @Test
  void negativeSizeHintIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CircuitBuilder.withExpectedSize(10, -1, 0));
    assertTrue(e.getMessage().contains("negative expected size"), e.getMessage());
  }
}
