package illusion.export;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.Circuit;

/**
 * The size limits of the drawing exporters ({@link DotExporter}, {@link GraphMlExporter}): a
 * circuit above {@code maxNodes} nodes or {@code maxEdges} wires (flat fan-ins) is refused.
 */
record ExportLimits(int maxNodes, long maxEdges) {
  static final int DEFAULT_MAX_NODES = 5_000;
  static final long DEFAULT_MAX_EDGES = 50_000;
  static final ExportLimits DEFAULT = new ExportLimits(DEFAULT_MAX_NODES, DEFAULT_MAX_EDGES);

  /** Both limits must be positive. */
  ExportLimits {
    checkArgument(maxNodes > 0, "maxNodes must be positive: %s", maxNodes);
    checkArgument(maxEdges > 0, "maxEdges must be positive: %s", maxEdges);
  }

  /**
   * Throws {@link IllegalArgumentException} unless {@code circuit} has at most {@link #maxNodes}
   * nodes and {@link #maxEdges} wires; {@code format} names the output in the message.
   */
  void check(Circuit circuit, String format) {
    checkArgument(
        circuit.nodeCount() <= maxNodes,
        "circuit too large to draw as %s: %s nodes exceed the limit of %s",
        format,
        circuit.nodeCount(),
        maxNodes);
    long edges = CircuitGraph.edgeCount(circuit);
    checkArgument(
        edges <= maxEdges,
        "circuit too large to draw as %s: %s wires exceed the limit of %s",
        format,
        edges,
        maxEdges);
  }
}
