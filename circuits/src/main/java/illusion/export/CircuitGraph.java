package illusion.export;

import illusion.circuit.Circuit;
import illusion.circuit.Literals;
import illusion.circuit.NodeKind;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;

/**
 * A circuit as a JGraphT graph for drawing: vertex k is node k, and each wire of the flat circuit
 * is an edge from a fan-in to its gate. A THRESHOLD gate gets one edge per term along its sum's base
 * chain (so shared and prefix sums are drawn flat, and the edge count is the circuit's wire count);
 * a MAJ gate one edge per literal of its multiset. Shared by the DOT and GraphML exporters, which
 * refuse circuits too large to be worth drawing.
 */
final class CircuitGraph {
  /** A wire: its weight (1 for unit-weight gates) and whether the fan-in is complemented. */
  static final class Wire {
    final BigInteger weight;
    final boolean negated;

    Wire(BigInteger weight, boolean negated) {
      this.weight = weight;
      this.negated = negated;
    }
  }

  private CircuitGraph() {}

  /** The number of wires of the flat circuit (the sum of all flat fan-ins). */
  static long edgeCount(Circuit circuit) {
    long edges = 0;
    for (int node = 0; node < circuit.nodeCount(); node++) {
      edges += circuit.flatFanIn(node);
    }
    return edges;
  }

  /** The graph of {@code circuit}; check its size ({@link ExportLimits#check}) first. */
  static Graph<Integer, Wire> of(Circuit circuit) {
    Graph<Integer, Wire> g = new DirectedPseudograph<>(Wire.class);
    for (int node = 0; node < circuit.nodeCount(); node++) {
      g.addVertex(node);
    }
    for (int node = 0; node < circuit.nodeCount(); node++) {
      NodeKind kind = circuit.kind(node);
      if (kind == NodeKind.THRESHOLD) {
        for (int s = circuit.thresholdSum(node); s >= 0; s = circuit.sumBase(s)) {
          for (int t = 0; t < circuit.sumTermCount(s); t++) {
            g.addEdge(
                circuit.sumTermNode(s, t), node, new Wire(circuit.sumTermWeight(s, t), false));
          }
        }
      } else {
        for (int i = 0; i < circuit.literalCount(node); i++) {
          int lit = circuit.literal(node, i);
          g.addEdge(Literals.node(lit), node, new Wire(BigInteger.ONE, Literals.isNegated(lit)));
        }
      }
    }
    return g;
  }

  /** The vertex id in both formats: {@code n<k>}. */
  static String id(int node) {
    return "n" + node;
  }

  /**
   * A short label: the input's name, {@code 0} / {@code 1}, the kind for unit-weight gates, {@code
   * s<k> >= θ} for THRESHOLD gates; output names follow as {@code -> name}, one line each.
   */
  static String label(Circuit circuit, int node, String[] outputNames) {
    StringBuilder sb = new StringBuilder();
    switch (circuit.kind(node)) {
      case INPUT:
        sb.append(circuit.inputName(circuit.inputOrdinal(node)));
        break;
      case CONSTANT:
        sb.append(circuit.constantValue(node) ? '1' : '0');
        break;
      case THRESHOLD:
        sb.append('s').append(circuit.thresholdSum(node))
            .append(circuit.thresholdAtMost(node) ? " <= " : " >= ")
            .append(circuit.thresholdTheta(node));
        break;
      default:
        sb.append(circuit.kind(node));
    }
    if (outputNames[node] != null) {
      for (String name : outputNames[node].split(" ")) {
        sb.append("\n-> ").append(name);
      }
    }
    return sb.toString();
  }

  /**
   * Per node, the names of the outputs reading it, space-separated (names contain no whitespace),
   * or null.
   */
  static String[] outputNames(Circuit circuit) {
    String[] names = new String[circuit.nodeCount()];
    for (int o = 0; o < circuit.outputCount(); o++) {
      int node = circuit.outputNode(o);
      names[node] =
          names[node] == null ? circuit.outputName(o) : names[node] + " " + circuit.outputName(o);
    }
    return names;
  }

  /**
   * The attributes both formats carry: {@code kind}, {@code label}, and where they apply {@code
   * input} (the input's name), {@code outputs} (space-separated output names), {@code sum}, {@code
   * comparison} ({@code >=} or {@code <=}) and {@code theta} (exact decimal).
   */
  static Map<String, Attribute> vertexAttributes(Circuit circuit, int node, String[] outputNames) {
    Map<String, Attribute> a = new LinkedHashMap<>();
    NodeKind kind = circuit.kind(node);
    a.put("kind", DefaultAttribute.createAttribute(kind.name()));
    a.put("label", DefaultAttribute.createAttribute(label(circuit, node, outputNames)));
    if (kind == NodeKind.INPUT) {
      a.put("input",
          DefaultAttribute.createAttribute(circuit.inputName(circuit.inputOrdinal(node))));
    }
    if (outputNames[node] != null) {
      a.put("outputs", DefaultAttribute.createAttribute(outputNames[node]));
    }
    if (kind == NodeKind.THRESHOLD) {
      a.put("sum", DefaultAttribute.createAttribute(circuit.thresholdSum(node)));
      a.put("comparison",
          DefaultAttribute.createAttribute(circuit.thresholdAtMost(node) ? "<=" : ">="));
      a.put("theta", DefaultAttribute.createAttribute(circuit.thresholdTheta(node).toString()));
    }
    return a;
  }
}
