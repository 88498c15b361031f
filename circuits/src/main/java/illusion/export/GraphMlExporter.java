package illusion.export;

import illusion.circuit.Circuit;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

/**
 * Writes a {@link Circuit} as a GraphML directed graph (through JGraphT's {@link GraphMLExporter}),
 * for graph editors such as yEd or Gephi.
 *
 * <p>Node {@code n<k>} is circuit node k, with keys {@code kind} ({@code INPUT}, {@code AND}, ...),
 * {@code label}, and where they apply {@code input} (its name), {@code outputs} (the names of the
 * outputs it drives, space-separated), {@code sum}, {@code comparison} ({@code >=} or {@code <=})
 * and {@code theta} (exact decimal). Each wire of the flat circuit is an edge from fan-in to gate
 * (see {@link CircuitGraph}) with keys {@code weight} (exact decimal, a string since weights may
 * exceed any number type; 1 for unit-weight gates) and {@code negated}.
 *
 * <p>Circuits above {@link #maxNodes()} nodes or {@link #maxEdges()} wires are refused with {@link
 * IllegalArgumentException}. Instances are immutable.
 */
public final class GraphMlExporter {
  /** The node limit unless {@link #withLimits} says otherwise. */
  public static final int DEFAULT_MAX_NODES = ExportLimits.DEFAULT_MAX_NODES;
  /** The wire limit unless {@link #withLimits} says otherwise. */
  public static final long DEFAULT_MAX_EDGES = ExportLimits.DEFAULT_MAX_EDGES;

  private static final GraphMlExporter DEFAULT = new GraphMlExporter(ExportLimits.DEFAULT);

  private final ExportLimits limits;

  private GraphMlExporter(ExportLimits limits) {
    this.limits = limits;
  }

  /** An exporter with the default limits. */
  public static GraphMlExporter create() {
    return DEFAULT;
  }

  /** This exporter with other limits (both positive). */
  public GraphMlExporter withLimits(int maxNodes, long maxEdges) {
    return new GraphMlExporter(new ExportLimits(maxNodes, maxEdges));
  }

  /** The most nodes a circuit may have. */
  public int maxNodes() {
    return limits.maxNodes();
  }

  /** The most wires (flat fan-ins) a circuit may have. */
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
    limits.check(circuit, "GraphML");
    Graph<Integer, CircuitGraph.Wire> graph = CircuitGraph.of(circuit);
    String[] outputNames = CircuitGraph.outputNames(circuit);
    GraphMLExporter<Integer, CircuitGraph.Wire> exporter = new GraphMLExporter<>(CircuitGraph::id);
    // JGraphT reserves "weight" for double edge weights, which it is not asked to export here;
    // free the name for the exact string weights.
    exporter.setEdgeWeightAttributeName("jgraphtWeight");
    for (String key : new String[] {"kind", "label", "input", "outputs", "comparison", "theta"}) {
      exporter.registerAttribute(key, AttributeCategory.NODE, AttributeType.STRING);
    }
    exporter.registerAttribute("sum", AttributeCategory.NODE, AttributeType.INT);
    exporter.registerAttribute("weight", AttributeCategory.EDGE, AttributeType.STRING);
    exporter.registerAttribute("negated", AttributeCategory.EDGE, AttributeType.BOOLEAN, "false");
    exporter.setVertexAttributeProvider(
        node -> CircuitGraph.vertexAttributes(circuit, node, outputNames));
    exporter.setEdgeAttributeProvider(
        wire -> {
          Map<String, Attribute> a = new LinkedHashMap<>();
          a.put("weight", DefaultAttribute.createAttribute(wire.weight.toString()));
          if (wire.negated) {
            a.put("negated", DefaultAttribute.createAttribute(true));
          }
          return a;
        });
    CheckedWriter.export(exporter, graph, out);
  }
}
