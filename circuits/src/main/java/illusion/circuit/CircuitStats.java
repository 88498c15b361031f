package illusion.circuit;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.Locale;

/**
 * Size and depth of a {@link Circuit}, counted on the flat circuit (a gate reading a shared sum has
 * all of the sum's flattened terms as its fan-in). Computed by {@link #of}; an immutable value.
 *
 * <ul>
 *   <li>{@code depth}: the longest input-to-output path counted in gates (inputs and constants 0; a
 *       sum is not a gate); the maximum of {@link Levels#of} over output nodes, 0 without outputs;
 *   <li>{@code thresholdDepth}: the same counting only MAJ and THRESHOLD gates (AND, OR and NOT
 *       count 0), see {@link Levels#thresholdLevels};
 *   <li>{@code gates}: every gate (not inputs or constants), reachable from an output or not;
 *   <li>{@code wires}: total flat fan-in over all gates ({@link Circuit#flatFanIn});
 *   <li>{@code maxFanIn}: the largest flat fan-in;
 *   <li>{@code maxWeightBits}: the largest bit length of |weight| over all gates' flat terms (1 for
 *       unit weights, 0 without gates); θ is not counted;
 *   <li>{@code sums} and {@code storedTerms}: the compact storage of weighted sums, for comparison
 *       with {@code wires}.
 * </ul>
 */
public final class CircuitStats {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private final int nodes;
  private final int inputs;
  private final int outputs;
  private final int gates;
  private final int depth;
  private final int thresholdDepth;
  private final long wires;
  private final long maxFanIn;
  private final int maxWeightBits;
  private final int andGates;
  private final int orGates;
  private final int notGates;
  private final int majGates;
  private final int thresholdGates;
  private final int sums;
  private final long storedTerms;

  CircuitStats(
      int nodes,
      int inputs,
      int outputs,
      int depth,
      int thresholdDepth,
      long wires,
      long maxFanIn,
      int maxWeightBits,
      int andGates,
      int orGates,
      int notGates,
      int majGates,
      int thresholdGates,
      int sums,
      long storedTerms) {
    this.nodes = nodes;
    this.inputs = inputs;
    this.outputs = outputs;
    this.gates = andGates + orGates + notGates + majGates + thresholdGates;
    this.depth = depth;
    this.thresholdDepth = thresholdDepth;
    this.wires = wires;
    this.maxFanIn = maxFanIn;
    this.maxWeightBits = maxWeightBits;
    this.andGates = andGates;
    this.orGates = orGates;
    this.notGates = notGates;
    this.majGates = majGates;
    this.thresholdGates = thresholdGates;
    this.sums = sums;
    this.storedTerms = storedTerms;
  }

  /** The statistics of {@code circuit}. Linear in the stored size. */
  public static CircuitStats of(Circuit circuit) {
    return CircuitMetrics.compute(circuit);
  }

  public int nodes() {
    return nodes;
  }

  public int inputs() {
    return inputs;
  }

  public int outputs() {
    return outputs;
  }

  /** Size: the number of gates. */
  public int gates() {
    return gates;
  }

  public int depth() {
    return depth;
  }

  public int thresholdDepth() {
    return thresholdDepth;
  }

  public long wires() {
    return wires;
  }

  public long maxFanIn() {
    return maxFanIn;
  }

  public int maxWeightBits() {
    return maxWeightBits;
  }

  /** The number of gates of {@code kind} (0 for INPUT and CONSTANT, which are not gates). */
  public int gates(NodeKind kind) {
    switch (kind) {
      case AND:
        return andGates;
      case OR:
        return orGates;
      case NOT:
        return notGates;
      case MAJ:
        return majGates;
      case THRESHOLD:
        return thresholdGates;
      default:
        return 0;
    }
  }

  /** The number of stored weighted sums. */
  public int sums() {
    return sums;
  }

  /** The number of stored sum terms (each link of a base chain counted once). */
  public long storedTerms() {
    return storedTerms;
  }

  /** A two-column text table, one metric per line. */
  public String toTable() {
    StringBuilder sb = new StringBuilder();
    row(sb, "nodes", nodes);
    row(sb, "inputs", inputs);
    row(sb, "outputs", outputs);
    row(sb, "gates", gates);
    row(sb, "  and", andGates);
    row(sb, "  or", orGates);
    row(sb, "  not", notGates);
    row(sb, "  maj", majGates);
    row(sb, "  threshold", thresholdGates);
    row(sb, "depth", depth);
    row(sb, "threshold depth", thresholdDepth);
    row(sb, "wires", wires);
    row(sb, "max fan-in", maxFanIn);
    row(sb, "max weight bits", maxWeightBits);
    row(sb, "sums", sums);
    row(sb, "stored terms", storedTerms);
    return sb.toString();
  }

  private static void row(StringBuilder sb, String name, long value) {
    sb.append(String.format(Locale.ROOT, "%-16s %,15d%n", name, value));
  }

  /** The statistics as a JSON object with camelCase field names. */
  public String toJson() {
    return GSON.toJson(this);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CircuitStats)) {
      return false;
    }
    CircuitStats s = (CircuitStats) o;
    return nodes == s.nodes
        && inputs == s.inputs
        && outputs == s.outputs
        && depth == s.depth
        && thresholdDepth == s.thresholdDepth
        && wires == s.wires
        && maxFanIn == s.maxFanIn
        && maxWeightBits == s.maxWeightBits
        && andGates == s.andGates
        && orGates == s.orGates
        && notGates == s.notGates
        && majGates == s.majGates
        && thresholdGates == s.thresholdGates
        && sums == s.sums
        && storedTerms == s.storedTerms;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        nodes, inputs, outputs, depth, thresholdDepth, wires, maxFanIn, maxWeightBits, gates, sums,
        storedTerms);
  }

  @Override
  public String toString() {
    return "CircuitStats{gates="
        + gates
        + ", depth="
        + depth
        + ", thresholdDepth="
        + thresholdDepth
        + ", wires="
        + wires
        + ", maxFanIn="
        + maxFanIn
        + ", maxWeightBits="
        + maxWeightBits
        + "}";
  }
}
