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

  private static String doc(String fields) {
    return "{\"format\":\"illusion-circuit\",\"version\":1," + fields + "}";
  }

  /**
   * Each documented refusal, with the message naming the problem and where it is: the item's index,
   * the kind, the limit a count or reference breaks (exactly at the number of defined nodes or sums
   * is already undefined), and the first line of the JSON library's own complaint.
   */
  @Test
  void refusalsNameTheProblemAndWhere() {
    String a = "[\"input\",\"a\"]";
    assertTrue(error(wrap(a + ",[\"nand\",0,0]")).startsWith("circuit JSON item $.items[1]: unknown"));
    assertTrue(error(wrap(a + ",[\"not\",1]")).contains("literal 1 refers to node 1, which is not"
        + " defined yet (forward reference); 1 nodes defined"));
    assertTrue(error(wrap(a + ",[\"not\",0,0]")).contains("$.items[1]: too many values for \"not\""));
    assertTrue(error(wrap(a + ",[\"and\",\"x\"]")).contains("expected a node number, found STRING"));
    assertTrue(error(wrap(a + ",[\"sum\",null,[[1,0,2]]]")).contains("a sum term is [weight, node]"));
    assertTrue(error(wrap(a + ",[\"sum\",null,[[true,0]]]"))
        .contains("bad weight: expected an integer, found BOOLEAN"));
    assertTrue(error(wrap(a + ",[\"sum\",null,[[1,0]]],[\"atLeast\",0,[1]]"))
        .contains("bad θ: expected an integer, found BEGIN_ARRAY"));
    // integers are read leniently, and the reader is strict again afterwards
    assertTrue(error(wrap(a + ",[\"sum\",null,[[1,0]]],[input,\"b\"]"))
        .startsWith("malformed circuit JSON at $.items[2][0]: "));
    assertTrue(error(wrap(a) + " []").startsWith("malformed circuit JSON at $: "));
    // a library message of one line is kept whole
    assertTrue(error("{\"format\":\"illusion-circuit\",\"version\":1,\"items\":[[\"input\",\"a\"")
        .startsWith("malformed circuit JSON at $.items[0][2]: End of input at line 1"));
    assertTrue(error(wrap(a + ",[\"input\" \"b\"]")).matches(
        "malformed circuit JSON at \\$\\.items\\[1\\]\\[1\\]: \\S.*"));
    assertEquals("unknown key \"foo\" in circuit JSON at $.foo", error(doc("\"foo\":1,\"items\":[]")));
    assertEquals(
        "not a circuit JSON file: \"format\" is missing, expected \"illusion-circuit\"",
        error("{\"version\":1,\"items\":[]}"));
    assertEquals("circuit JSON has no \"items\"", error(doc("\"outputs\":[]")));
    assertEquals("circuit JSON declares 0 nodes but defines 1", error(doc("\"nodes\":0,\"items\":[" + a + "]")));
    assertEquals("circuit JSON declares 0 sums but defines 1",
        error(doc("\"sums\":0,\"items\":[" + a + ",[\"sum\",null,[[1,0]]]]")));
    assertEquals("circuit JSON declares 2 sums but defines 1",
        error(doc("\"sums\":2,\"items\":[" + a + ",[\"sum\",null,[[1,0]]]]")));
    for (int ref : new int[] {1, -1}) {
      assertEquals("output at $.outputs[0] refers to undefined node " + ref,
          error(doc("\"items\":[" + a + "],\"outputs\":[[\"y\"," + ref + "]]")));
    }
    // the counts at their exact values are accepted
    Circuit ok = CircuitJson.fromJson(
        doc("\"nodes\":2,\"sums\":1,\"items\":[" + a + ",[\"sum\",null,[[1,0]]],[\"atMost\",0,\"0\"]],"
            + "\"outputs\":[[\"y\",1]]"));
    assertEquals(2, ok.nodeCount());
    assertEquals(1, ok.sumCount());
  }

  /**
   * Names with quotes and backslashes survive a round trip, and the text is JSON any parser reads
   * (Gson's tree parser finds the names unchanged).
   */
  @Test
  void namesWithQuotesAndBackslashesAreEscaped() {
    CircuitBuilder b = new CircuitBuilder();
    String[] names = {"a\"b", "c\\d", "\"\\\"", "e\u00e9\u4e2d"};
    int[] in = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      in[i] = b.input(names[i]);
    }
    Circuit c = b.output("y\"\\", b.and(in)).build();
    String json = CircuitJson.toJson(c);
    assertEquals(c, CircuitJson.fromJson(json));
    com.google.gson.JsonArray items =
        com.google.gson.JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("items");
    for (int i = 0; i < names.length; i++) {
      assertEquals(names[i], items.get(i).getAsJsonArray().get(1).getAsString());
    }
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
