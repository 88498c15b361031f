package illusion.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.CircuitStats;
import illusion.circuit.RandomCircuits;
import illusion.circuit.Simulator;
import java.math.BigInteger;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CircuitJsonProperties {

  /**
   * JSON round trip is exact: for random circuits (big weights, sums with bases, complemented
   * fan-ins, constants, names), reading the written text gives an equal circuit (same numbering,
   * weights, names), the same statistics, the same simulation on random inputs, and the same text
   * when written again.
   */
  @Property(tries = 120)
  void roundTripIsExact(@ForAll long seed) {
    Circuit c = RandomCircuits.generate(seed, 10, 60).circuit();
    String json = CircuitJson.toJson(c);
    Circuit back = CircuitJson.fromJson(json);
    assertEquals(c, back);
    assertEquals(CircuitStats.of(c), CircuitStats.of(back));
    assertEquals(json, CircuitJson.toJson(back));
    SplittableRandom r = new SplittableRandom(seed);
    long[] in = new long[c.inputCount()];
    for (int i = 0; i < in.length; i++) {
      in[i] = r.nextLong();
    }
    assertArrayEquals(Simulator.of(c).simulate(in), Simulator.of(back).simulate(in));
  }

  /** The example in the class documentation parses, and a weight beyond 2^70 survives exactly. */
  @Test
  void documentedExampleParses() {
    String json =
        "{\"format\":\"illusion-circuit\",\"version\":1,\"nodes\":7,\"sums\":2,\n\"items\":[\n"
            + "[\"input\",\"x[0]\"],\n[\"input\",\"x[1]\"],\n"
            + "[\"sum\",null,[[3,0],[-1180591620717411303424,1]]],\n"
            + "[\"const\",true],\n[\"and\",0,-2],\n[\"sum\",0,[[5,3]]],\n"
            + "[\"atLeast\",1,4],\n[\"not\",3],\n[\"atMost\",0,-2]\n],\n"
            + "\"outputs\":[\n[\"y[0]\",4],\n[\"y[1]\",6]\n]}\n";
    Circuit c = CircuitJson.fromJson(json);
    assertEquals(7, c.nodeCount());
    assertEquals(BigInteger.ONE.shiftLeft(70).negate(), c.sumTermWeight(0, 1));
    assertEquals(json, CircuitJson.toJson(c));
  }

  /**
   * Integers of any length are read exactly, as numbers (including some that Gson's strict number
   * scanner rejects) or as decimal strings.
   */
  @Test
  void readsLongIntegersExactly() {
    BigInteger w = new BigInteger("-19361702579765545376153671");
    BigInteger theta = new BigInteger("123456789012345678901234567890");
    Circuit c =
        CircuitJson.fromJson(
            wrap(
                "[\"input\",\"a\"],[\"input\",\"b\"],[\"sum\",null,[["
                    + w
                    + ",0],[\""
                    + theta
                    + "\",1]]],[\"atLeast\",0,"
                    + theta
                    + "]"));
    assertEquals(w, c.sumTermWeight(0, 0));
    assertEquals(theta, c.sumTermWeight(0, 1));
    assertEquals(theta, c.thresholdTheta(2));
  }

  private static String wrap(String items) {
    return "{\"format\":\"illusion-circuit\",\"version\":1,\"items\":[" + items + "],\"outputs\":[]}";
  }

  private static String error(String json) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CircuitJson.fromJson(json));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void rejectsMalformedFilesWithOneLine() {
    assertTrue(error(wrap("[\"input\",\"a\"],[\"and\",0,5]")).contains("forward reference"));
    assertTrue(error(wrap("[\"input\",\"a\"],[\"nand\",0,0]")).contains("unknown item kind \"nand\""));
    assertTrue(
        error(wrap("[\"input\",\"a\"],[\"sum\",null,[[1.5,0]]]")).contains("bad weight 1.5"));
    assertTrue(error(wrap("[\"input\",\"a\"],[\"atLeast\",0,1]")).contains("sum 0 is not defined"));
    assertTrue(error(wrap("[\"input\",\"a\"],[\"input\",\"a\"]")).contains("duplicate name: a"));
    assertTrue(error(wrap("[\"input\",\"a\"")).contains("malformed circuit JSON"));
    assertTrue(error("{\"format\":\"other\",\"version\":1,\"items\":[]}").contains("format"));
    assertTrue(
        error("{\"format\":\"illusion-circuit\",\"version\":2,\"items\":[]}").contains("version 2"));
    assertTrue(
        error("{\"format\":\"illusion-circuit\",\"version\":1,\"items\":[],\"outputs\":[[\"y\",3]]}")
            .contains("undefined node 3"));
    assertTrue(
        error("{\"format\":\"illusion-circuit\",\"version\":1,\"nodes\":2,\"items\":[[\"const\",true]]}")
            .contains("declares 2 nodes but defines 1"));
  }

  /** A hand-written file that is not normalized is normalized by the reader, numbering remapped. */
  @Test
  void readerNormalizesThroughTheBuilder() {
    Circuit c =
        CircuitJson.fromJson(
            wrap("[\"input\",\"a\"],[\"input\",\"b\"],[\"and\",1,0],[\"and\",0,1],[\"or\",3,2]")
                .replace("\"outputs\":[]", "\"outputs\":[[\"y\",4]]"));
    CircuitBuilder b = new CircuitBuilder();
    int a = b.input("a");
    int x = b.input("b");
    Circuit expected = b.output("y", b.and(a, x)).build();
    assertEquals(expected, c);
  }
}
