package illusion.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.Literals;
import illusion.circuit.NodeKind;
import illusion.circuit.RandomCircuits;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jgrapht.Graph;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;

/**
 * DOT and GraphML output, parsed back with JGraphT's importers, is the circuit: one vertex per node
 * with its kind, one edge per wire of the flat circuit.
 */
class GraphExportProperties {

  /** What an importer read back: the graph, and every vertex's and edge's attributes. */
  private static final class Imported {
    final Graph<String, DefaultEdge> graph = new DirectedPseudograph<>(DefaultEdge.class);
    final Map<String, Map<String, String>> vertexAttributes = new HashMap<>();
    final Map<DefaultEdge, Map<String, String>> edgeAttributes = new HashMap<>();

    void vertexAttribute(Pair<String, String> key, Attribute value) {
      vertexAttributes
          .computeIfAbsent(key.getFirst(), v -> new HashMap<>())
          .put(key.getSecond(), value.getValue());
    }

    void edgeAttribute(Pair<DefaultEdge, String> key, Attribute value) {
      edgeAttributes
          .computeIfAbsent(key.getFirst(), e -> new HashMap<>())
          .put(key.getSecond(), value.getValue());
    }
  }

  private static Imported readDot(String text) {
    Imported im = new Imported();
    DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
    importer.setVertexFactory(id -> id);
    importer.addVertexAttributeConsumer(im::vertexAttribute);
    importer.addEdgeAttributeConsumer(im::edgeAttribute);
    importer.importGraph(im.graph, new StringReader(text));
    return im;
  }

  private static Imported readGraphMl(String text) {
    Imported im = new Imported();
    GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
    importer.setSchemaValidation(false); // the schema would be fetched over the network
    importer.setVertexFactory(id -> id);
    importer.addVertexAttributeConsumer(im::vertexAttribute);
    importer.addEdgeAttributeConsumer(im::edgeAttribute);
    importer.importGraph(im.graph, new StringReader(text));
    return im;
  }

  /**
   * The wires of the flat circuit as (source, target) → multiplicity, each with its weights in
   * order (a complemented literal as its weight prefixed by "~"), read from the circuit's public
   * API: literals of unit-weight gates, terms along each THRESHOLD gate's sum chain.
   */
  private static Map<String, List<String>> expectedWires(Circuit c) {
    Map<String, List<String>> wires = new TreeMap<>();
    for (int node = 0; node < c.nodeCount(); node++) {
      if (c.kind(node) == NodeKind.THRESHOLD) {
        for (int s = c.thresholdSum(node); s >= 0; s = c.sumBase(s)) {
          for (int t = 0; t < c.sumTermCount(s); t++) {
            wires
                .computeIfAbsent("n" + c.sumTermNode(s, t) + "->n" + node, k -> new ArrayList<>())
                .add(c.sumTermWeight(s, t).toString());
          }
        }
      } else {
        for (int i = 0; i < c.literalCount(node); i++) {
          int l = c.literal(node, i);
          wires
              .computeIfAbsent("n" + Literals.node(l) + "->n" + node, k -> new ArrayList<>())
              .add(Literals.isNegated(l) ? "~1" : "1");
        }
      }
    }
    wires.values().forEach(list -> list.sort(null));
    return wires;
  }

  /** The imported wires in the same form; {@code weightKey} is null when weights are not exported. */
  private static Map<String, List<String>> importedWires(Imported im, Circuit c, boolean dot) {
    Map<String, List<String>> wires = new TreeMap<>();
    for (DefaultEdge e : im.graph.edgeSet()) {
      String source = im.graph.getEdgeSource(e);
      String target = im.graph.getEdgeTarget(e);
      Map<String, String> a = im.edgeAttributes.getOrDefault(e, Map.of());
      String weight;
      if (dot) {
        boolean threshold = c.kind(Integer.parseInt(target.substring(1))) == NodeKind.THRESHOLD;
        weight = threshold ? a.get("label") : "1";
      } else {
        weight = a.get("weight");
      }
      if ("true".equals(a.get("negated"))) {
        weight = "~" + weight;
      }
      wires.computeIfAbsent(source + "->" + target, k -> new ArrayList<>()).add(weight);
    }
    wires.values().forEach(list -> list.sort(null));
    return wires;
  }

  private static void assertSameCircuit(Circuit c, Imported im, boolean dot) {
    assertEquals(c.nodeCount(), im.graph.vertexSet().size(), "vertices = nodes");
    long wires = 0;
    for (int node = 0; node < c.nodeCount(); node++) {
      wires += c.flatFanIn(node);
      String id = "n" + node;
      assertTrue(im.graph.containsVertex(id), id);
      Map<String, String> a = im.vertexAttributes.get(id);
      assertEquals(c.kind(node).name(), a.get("kind"), id);
      if (c.kind(node) == NodeKind.THRESHOLD) {
        assertEquals(c.thresholdTheta(node), new BigInteger(a.get("theta")), id);
        assertEquals(c.thresholdAtMost(node) ? "<=" : ">=", a.get("comparison"), id);
      }
      if (c.kind(node) == NodeKind.INPUT) {
        assertEquals(c.inputName(c.inputOrdinal(node)), a.get("input"), id);
      }
    }
    assertEquals(wires, im.graph.edgeSet().size(), "edges = wires of the flat circuit");
    assertEquals(expectedWires(c), importedWires(im, c, dot));
    for (int o = 0; o < c.outputCount(); o++) {
      String outputs = im.vertexAttributes.get("n" + c.outputNode(o)).get("outputs");
      assertTrue(List.of(outputs.split(" ")).contains(c.outputName(o)), c.outputName(o));
    }
  }

  /**
   * DOT round trip: for random circuits (all kinds, complemented literals, shared and prefix sums,
   * weights beyond 2^70), the DOT output parsed by JGraphT has one vertex per node with its kind,
   * θ and names, and exactly the flat circuit's wires with their weights and complements.
   */
  @Property(tries = 25)
  void dotParsesBackToTheCircuit(@ForAll long seed) throws IOException {
    Circuit c = RandomCircuits.generate(seed, 8, 40).circuit();
    StringWriter out = new StringWriter();
    DotExporter.create().write(c, out);
    assertSameCircuit(c, readDot(out.toString()), true);
  }

  /** GraphML round trip, as {@link #dotParsesBackToTheCircuit} (edge weights as exact strings). */
  @Property(tries = 25)
  void graphMlParsesBackToTheCircuit(@ForAll long seed) throws IOException {
    Circuit c = RandomCircuits.generate(seed, 8, 40).circuit();
    StringWriter out = new StringWriter();
    GraphMlExporter.create().write(c, out);
    assertSameCircuit(c, readGraphMl(out.toString()), false);
  }

  /**
   * The label the exporters document, rebuilt from the circuit's public API: the input's name,
   * {@code 0} / {@code 1}, {@code s<k> >= θ} or {@code s<k> <= θ}, else the kind; then one line
   * {@code -> name} per output reading the node, in output order.
   */
  private static String expectedLabel(Circuit c, int node) {
    StringBuilder sb = new StringBuilder();
    switch (c.kind(node)) {
      case INPUT -> sb.append(c.inputName(c.inputOrdinal(node)));
      case CONSTANT -> sb.append(c.constantValue(node) ? "1" : "0");
      case THRESHOLD -> sb.append("s" + c.thresholdSum(node))
          .append(c.thresholdAtMost(node) ? " <= " : " >= ")
          .append(c.thresholdTheta(node));
      default -> sb.append(c.kind(node).name());
    }
    for (String name : expectedOutputs(c, node)) {
      sb.append("\n-> ").append(name);
    }
    return sb.toString();
  }

  /** The names of the outputs reading {@code node}, in output order. */
  private static List<String> expectedOutputs(Circuit c, int node) {
    List<String> names = new ArrayList<>();
    for (int o = 0; o < c.outputCount(); o++) {
      if (c.outputNode(o) == node) {
        names.add(c.outputName(o));
      }
    }
    return names;
  }

  /** Both constants, both comparisons, a node read by three outputs, one by none. */
  private static Circuit everyLabel() {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x[0]");
    int y = b.input("y");
    CircuitBuilder.Sum s = b.sum(new long[] {3, -2}, new int[] {x, y});
    int ge = b.atLeast(s, 1);
    b.output("ge", ge).output("ge2", ge).output("le", b.atMost(s, 0));
    b.output("one", b.constant(true)).output("zero", b.constant(false));
    b.output("and", b.and(x, CircuitBuilder.negate(y))).output("ge3", ge);
    b.or(x, y); // read by no output
    return b.build();
  }

  /**
   * Every DOT vertex carries the documented label (kind, name or comparison, then the outputs
   * reading it), the outputs attribute lists exactly those outputs in order, inputs are boxes,
   * constants plain text and gates ellipses, and exactly the nodes read by outputs get a double
   * periphery; the graph is named {@code circuit}.
   */
  @Property(tries = 15)
  void dotLabelsShapesAndOutputsDescribeEveryNode(@ForAll long seed) throws IOException {
    Circuit c = seed % 5 == 0 ? everyLabel() : RandomCircuits.generate(seed, 6, 30).circuit();
    StringWriter out = new StringWriter();
    DotExporter.create().write(c, out);
    assertTrue(out.toString().matches("(?s)(strict )?digraph circuit \\{.*"), out.toString());
    Imported im = readDot(out.toString());
    for (int node = 0; node < c.nodeCount(); node++) {
      Map<String, String> a = im.vertexAttributes.get("n" + node);
      NodeKind kind = c.kind(node);
      assertEquals(expectedLabel(c, node), a.get("label"), "n" + node);
      List<String> outputs = expectedOutputs(c, node);
      assertEquals(outputs.isEmpty() ? null : String.join(" ", outputs), a.get("outputs"));
      assertEquals(outputs.isEmpty() ? null : "2", a.get("peripheries"), "n" + node);
      String shape = kind == NodeKind.INPUT ? "box" : kind == NodeKind.CONSTANT ? "plaintext" : "ellipse";
      assertEquals(shape, a.get("shape"), "n" + node);
    }
  }

  /**
   * GraphML carries the same labels and outputs, the sum a THRESHOLD gate compares (declared as
   * an int attribute).
   */
  @Property(tries = 15)
  void graphMlLabelsSumsAndOutputsDescribeEveryNode(@ForAll long seed) throws IOException {
    Circuit c = seed % 5 == 0 ? everyLabel() : RandomCircuits.generate(seed, 6, 30).circuit();
    StringWriter out = new StringWriter();
    GraphMlExporter.create().write(c, out);
    String text = out.toString();
    assertTrue(text.matches("(?s).*<key [^>]*attr.name=\"sum\" attr.type=\"int\".*")
        || text.matches("(?s).*<key [^>]*attr.type=\"int\"[^>]*attr.name=\"sum\".*"), text);
    Imported im = readGraphMl(text);
    for (int node = 0; node < c.nodeCount(); node++) {
      Map<String, String> a = im.vertexAttributes.get("n" + node);
      assertEquals(expectedLabel(c, node), a.get("label"), "n" + node);
      List<String> outputs = expectedOutputs(c, node);
      assertEquals(outputs.isEmpty() ? null : String.join(" ", outputs), a.get("outputs"));
      String sum = c.kind(node) == NodeKind.THRESHOLD ? Integer.toString(c.thresholdSum(node)) : null;
      assertEquals(sum, a.get("sum"), "n" + node);
    }
  }

  /** A chain of {@code gates} AND gates, each over a new input: 2 * gates + 1 nodes, 2 * gates wires. */
  private static Circuit andChain(int gates) {
    CircuitBuilder b = new CircuitBuilder();
    int x = b.input("x");
    for (int i = 0; i < gates; i++) {
      x = b.and(b.input("y" + i), x);
    }
    return b.output("z", x).build();
  }

  /** A writer that fails the test if anything is written. */
  private static Writer untouchable() {
    return new Writer() {
      @Override
      public void write(char[] buf, int off, int len) {
        throw new AssertionError("nothing may be written for a refused circuit");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  @Test
  void refusesCircuitsAboveTheNodeLimitBeforeWriting() {
    Circuit c = andChain(2600); // 2600 AND gates + 2601 inputs = 5201 nodes
    assertTrue(c.nodeCount() > DotExporter.DEFAULT_MAX_NODES);
    IllegalArgumentException dot =
        assertThrows(IllegalArgumentException.class, () -> DotExporter.create().write(c, untouchable()));
    assertTrue(dot.getMessage().contains(c.nodeCount() + " nodes"), dot.getMessage());
    assertTrue(dot.getMessage().contains("limit of " + DotExporter.DEFAULT_MAX_NODES), dot.getMessage());
    IllegalArgumentException graphMl =
        assertThrows(
            IllegalArgumentException.class, () -> GraphMlExporter.create().write(c, untouchable()));
    assertTrue(graphMl.getMessage().contains(c.nodeCount() + " nodes"), graphMl.getMessage());
  }

  @Test
  void limitsAreInclusiveAndConfigurable() throws IOException {
    Circuit c = andChain(10); // 21 nodes, 20 wires
    assertEquals(21, c.nodeCount());
    StringWriter out = new StringWriter();
    DotExporter.create().withLimits(21, 20).write(c, out);
    assertEquals(21, readDot(out.toString()).graph.vertexSet().size());
    IllegalArgumentException nodes =
        assertThrows(
            IllegalArgumentException.class,
            () -> DotExporter.create().withLimits(20, 100).write(c, untouchable()));
    assertTrue(nodes.getMessage().contains("21 nodes exceed the limit of 20"), nodes.getMessage());
    IllegalArgumentException wires =
        assertThrows(
            IllegalArgumentException.class,
            () -> GraphMlExporter.create().withLimits(100, 19).write(c, untouchable()));
    assertTrue(wires.getMessage().contains("20 wires exceed the limit of 19"), wires.getMessage());
  }
}
