package illusion.export;

import illusion.circuit.Circuit;
import illusion.circuit.NodeKind;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/**
 * Writes a {@link Circuit} as a Graphviz DOT digraph (through JGraphT's {@link DOTExporter}), for
 * pictures of small circuits.
 *
 * <p>Vertex {@code n<k>} is node k, labelled with the input name, the constant, the kind, or {@code
 * s<j> >= θ} for a THRESHOLD gate over sum j, and {@code -> name} for each output it drives
 * (outputs drawn with a double border, inputs as boxes). Each wire of the flat circuit is an edge
 * from fan-in to gate (see {@link CircuitGraph}): THRESHOLD edges are labelled with their exact
 * weight; complemented literals are dashed with a hollow head and carry {@code negated=true}.
 * Vertices also carry the attributes {@code kind}, {@code input}, {@code outputs}, {@code sum},
 * {@code comparison} and {@code theta}, which Graphviz ignores.
 *
 * <p>A picture of thousands of gates is useless, so circuits above {@link #maxNodes()} nodes or
 * {@link #maxEdges()} wires are refused with {@link IllegalArgumentException}. Instances are
 * immutable.
 */
public final class DotExporter {
  /** The node limit unless {@link #withLimits} says otherwise. */
  public static final int DEFAULT_MAX_NODES = ExportLimits.DEFAULT_MAX_NODES;
  /** The wire limit unless {@link #withLimits} says otherwise. */
  public static final long DEFAULT_MAX_EDGES = ExportLimits.DEFAULT_MAX_EDGES;

  private static final DotExporter DEFAULT = new DotExporter(ExportLimits.DEFAULT);

  private final ExportLimits limits;

  private DotExporter(ExportLimits limits) {
    this.limits = limits;
  }

  /** An exporter with the default limits. */
  public static DotExporter create() {
    return DEFAULT;
  }

  /** This exporter with other limits (both positive). */
  public DotExporter withLimits(int maxNodes, long maxEdges) {
    return new DotExporter(new ExportLimits(maxNodes, maxEdges));
  }

  /** The most nodes a circuit may have. */
  public int maxNodes() {
    return limits.maxNodes();
  }

  /** The most wires (flat fan-ins, see {@code CircuitStats}) a circuit may have. */
  public long maxEdges() {
    return limits.maxEdges();
  }

  /**
   * Writes {@code circuit} to {@code out} (flushed, not closed).
   *
   * @throws IllegalArgumentException naming the size and the limit, before anything is written, if
   *     the circuit exceeds {@link #maxNodes()} or {@link #maxEdges()}
   * @throws IOException if writing fails
   */
  public void write(Circuit circuit, Writer out) throws IOException {
    Objects.requireNonNull(out, "out");
    limits.check(circuit, "DOT");
    Graph<Integer, CircuitGraph.Wire> graph = CircuitGraph.of(circuit);
    String[] outputNames = CircuitGraph.outputNames(circuit);
    DOTExporter<Integer, CircuitGraph.Wire> exporter = new DOTExporter<>(CircuitGraph::id);
    exporter.setGraphIdProvider(() -> "circuit");
    exporter.setVertexAttributeProvider(
        node -> {
          Map<String, Attribute> a = CircuitGraph.vertexAttributes(circuit, node, outputNames);
          NodeKind kind = circuit.kind(node);
          a.put("shape", DefaultAttribute.createAttribute(
              kind == NodeKind.INPUT ? "box" : kind == NodeKind.CONSTANT ? "plaintext" : "ellipse"));
          if (outputNames[node] != null) {
            a.put("peripheries", DefaultAttribute.createAttribute(2));
          }
          return a;
        });
    exporter.setEdgeAttributeProvider(
        wire -> {
          Map<String, Attribute> a = new LinkedHashMap<>();
          if (circuit.kind(graph.getEdgeTarget(wire)) == NodeKind.THRESHOLD) {
            a.put("label", DefaultAttribute.createAttribute(wire.weight.toString()));
          }
          if (wire.negated) {
            a.put("negated", DefaultAttribute.createAttribute(true));
            a.put("style", DefaultAttribute.createAttribute("dashed"));
            a.put("arrowhead", DefaultAttribute.createAttribute("odot"));
          }
          return a;
        });
    CheckedWriter.export(exporter, graph, out);
  }
}
