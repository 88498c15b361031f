package illusion.circuit;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable threshold circuit: one network of inputs, constants and threshold gates, with named
 * inputs and outputs. Build one with {@link CircuitBuilder}.
 *
 * <h2>Nodes</h2>
 *
 * Nodes are the ints {@code 0 .. nodeCount()-1} in topological order: every fan-in of a node has a
 * smaller id. {@link #kind} tells what a node is (see {@link NodeKind}). Unit-weight gates ({@code
 * AND}, {@code OR}, {@code MAJ}) have literal fan-ins ({@link #literalCount}, {@link #literal}; a
 * literal is a node or its complement, see {@link Literals}); a {@code NOT} gate has one positive
 * literal. Inputs are numbered {@code 0 .. inputCount()-1} in increasing node order.
 *
 * <h2>Weighted sums</h2>
 *
 * A general {@link NodeKind#THRESHOLD THRESHOLD} gate compares a stored weighted sum with an integer
 * θ, as {@code [s ≥ θ]} or {@code [s ≤ θ]} ({@link #thresholdAtMost}). A sum is not a node and not a
 * gate: it is an optional base sum plus a list of terms {@code (weight, node)}, so that prefix sums
 * {@code s_t = s_{t-1} + (terms of position t)} cost storage proportional to their own terms. Sums
 * are numbered {@code 0 .. sumCount()-1}, a base always has a smaller number than the sums that
 * extend it, and all term nodes of a sum precede every threshold gate reading it. Many threshold
 * gates may read one sum. Weights and thresholds are integers of any size.
 *
 * <h2>Flat counting</h2>
 *
 * Metrics ({@link CircuitStats}) count the flat circuit: a threshold gate reading sum s has fan-in
 * {@link #sumFlatTermCount(int) sumFlatTermCount(s)}, the number of terms stored along s's base
 * chain (a node appearing in two links of the chain counts twice; within one link the builder merges
 * equal nodes).
 *
 * <h2>Storage</h2>
 *
 * Primitive arrays in CSR form: one byte of kind and one int offset per node, one int per
 * unit-weight fan-in (a complemented fan-in is the complemented index); weights only for sum terms
 * (a long each, {@code BigInteger} side table for the rest). A circuit of fan-in-2 gates takes about
 * 7 bytes per wire.
 *
 * <p>Instances are immutable and thread-safe; {@link #equals} compares structure and names.
 */
public final class Circuit {
  // Internal kind codes (package-private: the simulator and metrics switch on them).
  static final byte K_INPUT = 0;
  static final byte K_CONST0 = 1;
  static final byte K_CONST1 = 2;
  static final byte K_AND = 3;
  static final byte K_OR = 4;
  static final byte K_NOT = 5;
  static final byte K_MAJ = 6;
  static final byte K_THRESHOLD = 7;

  private static final NodeKind[] KINDS = {
    NodeKind.INPUT,
    NodeKind.CONSTANT,
    NodeKind.CONSTANT,
    NodeKind.AND,
    NodeKind.OR,
    NodeKind.NOT,
    NodeKind.MAJ,
    NodeKind.THRESHOLD
  };

  final byte[] kinds;
  /** CSR offsets into {@link #data}, length nodeCount + 1. */
  final int[] starts;
  /** Fan-in literals (AND, OR, NOT, MAJ) or one threshold-table index (THRESHOLD). */
  final int[] data;

  final int[] inputNodes;
  final String[] inputNames;
  final int[] outputNodes;
  final String[] outputNames;

  final int[] sumBase;
  /** CSR offsets into the term arrays, length sumCount + 1. */
  final int[] sumStarts;
  final int[] termNodes;
  final ExactLongs termWeights;
  final ExactLongs sumMin;
  final ExactLongs sumMax;
  final long[] sumFlatTerms;

  final int[] thresholdSums;
  final ExactLongs thresholdThetas;
  final boolean[] thresholdAtMost;

  private final Object2IntOpenHashMap<String> inputIndex;
  private final Object2IntOpenHashMap<String> outputIndex;

  Circuit(
      byte[] kinds,
      int[] starts,
      int[] data,
      int[] inputNodes,
      String[] inputNames,
      int[] outputNodes,
      String[] outputNames,
      int[] sumBase,
      int[] sumStarts,
      int[] termNodes,
      ExactLongs termWeights,
      ExactLongs sumMin,
      ExactLongs sumMax,
      long[] sumFlatTerms,
      int[] thresholdSums,
      ExactLongs thresholdThetas,
      boolean[] thresholdAtMost) {
    this.kinds = kinds;
    this.starts = starts;
    this.data = data;
    this.inputNodes = inputNodes;
    this.inputNames = inputNames;
    this.outputNodes = outputNodes;
    this.outputNames = outputNames;
    this.sumBase = sumBase;
    this.sumStarts = sumStarts;
    this.termNodes = termNodes;
    this.termWeights = termWeights;
    this.sumMin = sumMin;
    this.sumMax = sumMax;
    this.sumFlatTerms = sumFlatTerms;
    this.thresholdSums = thresholdSums;
    this.thresholdThetas = thresholdThetas;
    this.thresholdAtMost = thresholdAtMost;
    this.inputIndex = indexOf(inputNames);
    this.outputIndex = indexOf(outputNames);
  }

  private static Object2IntOpenHashMap<String> indexOf(String[] names) {
    Object2IntOpenHashMap<String> m = new Object2IntOpenHashMap<>(names.length);
    m.defaultReturnValue(-1);
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], i);
    }
    return m;
  }

  // ---- nodes ----

  /** The number of nodes (inputs, constants and gates). */
  public int nodeCount() {
    return kinds.length;
  }

  /** The kind of {@code node}. */
  public NodeKind kind(int node) {
    return KINDS[kinds[Objects.checkIndex(node, kinds.length)]];
  }

  /** The value of a {@link NodeKind#CONSTANT} node. */
  public boolean constantValue(int node) {
    byte k = kinds[Objects.checkIndex(node, kinds.length)];
    checkArgument(k == K_CONST0 || k == K_CONST1, "node %s is not a constant", node);
    return k == K_CONST1;
  }

  /**
   * The number of stored literal fan-ins: k for AND, OR and MAJ, 1 for NOT, 0 for inputs, constants
   * and THRESHOLD gates (whose fan-in is their sum; see {@link #flatFanIn}).
   */
  public int literalCount(int node) {
    Objects.checkIndex(node, kinds.length);
    return kinds[node] == K_THRESHOLD ? 0 : starts[node + 1] - starts[node];
  }

  /**
   * Fan-in {@code i} of an AND, OR, NOT or MAJ gate as a literal (see {@link Literals}); literals
   * are sorted by node, a positive literal before its complement. A NOT gate's literal is positive.
   */
  public int literal(int node, int i) {
    Objects.checkIndex(i, literalCount(node));
    return data[starts[node] + i];
  }

  /** All literal fan-ins of {@code node} (see {@link #literal}), as a fresh array. */
  public int[] literals(int node) {
    return Arrays.copyOfRange(data, starts[node], starts[node] + literalCount(node));
  }

  /**
   * The fan-in of {@code node} in the flat circuit: the literal count for unit-weight gates, the
   * flat term count of the sum for THRESHOLD gates, 0 for inputs and constants.
   */
  public long flatFanIn(int node) {
    Objects.checkIndex(node, kinds.length);
    if (kinds[node] == K_THRESHOLD) {
      return sumFlatTerms[thresholdSums[data[starts[node]]]];
    }
    return starts[node + 1] - starts[node];
  }

  // ---- threshold gates ----

  private int thresholdIndex(int node) {
    Objects.checkIndex(node, kinds.length);
    checkArgument(kinds[node] == K_THRESHOLD, "node %s is not a THRESHOLD gate", node);
    return data[starts[node]];
  }

  /** The sum a THRESHOLD gate compares. */
  public int thresholdSum(int node) {
    return thresholdSums[thresholdIndex(node)];
  }

  /** The θ a THRESHOLD gate compares its sum with. */
  public BigInteger thresholdTheta(int node) {
    return thresholdThetas.get(thresholdIndex(node));
  }

  /** Whether a THRESHOLD gate is {@code [s ≤ θ]} (true) or {@code [s ≥ θ]} (false). */
  public boolean thresholdAtMost(int node) {
    return thresholdAtMost[thresholdIndex(node)];
  }

  // ---- sums ----

  /** The number of stored weighted sums. */
  public int sumCount() {
    return sumBase.length;
  }

  /** The base sum {@code sum} extends, or -1 when it has none. */
  public int sumBase(int sum) {
    return sumBase[Objects.checkIndex(sum, sumBase.length)];
  }

  /** The number of terms {@code sum} stores itself (not counting its base). */
  public int sumTermCount(int sum) {
    Objects.checkIndex(sum, sumBase.length);
    return sumStarts[sum + 1] - sumStarts[sum];
  }

  /** The node of term {@code i} of {@code sum}; terms are sorted by node, nodes distinct. */
  public int sumTermNode(int sum, int i) {
    Objects.checkIndex(i, sumTermCount(sum));
    return termNodes[sumStarts[sum] + i];
  }

  /** The (non-zero) weight of term {@code i} of {@code sum}. */
  public BigInteger sumTermWeight(int sum, int i) {
    Objects.checkIndex(i, sumTermCount(sum));
    return termWeights.get(sumStarts[sum] + i);
  }

  /**
   * The weight of term {@code i} of {@code sum} as a long.
   *
   * @throws ArithmeticException if it does not fit (see {@link #sumTermWeight})
   */
  public long sumTermWeightLong(int sum, int i) {
    Objects.checkIndex(i, sumTermCount(sum));
    int t = sumStarts[sum] + i;
    return termWeights.isLong(t) ? termWeights.getLong(t) : termWeights.get(t).longValueExact();
  }

  /** The number of terms of {@code sum} flattened along its base chain. */
  public long sumFlatTermCount(int sum) {
    return sumFlatTerms[Objects.checkIndex(sum, sumBase.length)];
  }

  /** The least value {@code sum} can take (the sum of its negative flat weights). */
  public BigInteger sumMin(int sum) {
    return sumMin.get(Objects.checkIndex(sum, sumBase.length));
  }

  /** The greatest value {@code sum} can take (the sum of its positive flat weights). */
  public BigInteger sumMax(int sum) {
    return sumMax.get(Objects.checkIndex(sum, sumBase.length));
  }

  /** Whether every value of {@code sum} (and every partial sum of its terms) fits in a long. */
  public boolean sumFitsLong(int sum) {
    Objects.checkIndex(sum, sumBase.length);
    return sumMin.isLong(sum) && sumMax.isLong(sum);
  }

  // ---- inputs and outputs ----

  /** The number of inputs. */
  public int inputCount() {
    return inputNodes.length;
  }

  /** The node of input {@code i}. */
  public int inputNode(int i) {
    return inputNodes[Objects.checkIndex(i, inputNodes.length)];
  }

  /** The name of input {@code i}. */
  public String inputName(int i) {
    return inputNames[Objects.checkIndex(i, inputNames.length)];
  }

  /** All input names in input order. */
  public ImmutableList<String> inputNames() {
    return ImmutableList.copyOf(inputNames);
  }

  /** The index of the input named {@code name}, or -1. */
  public int indexOfInput(String name) {
    return inputIndex.getInt(name);
  }

  /** The input index of an {@link NodeKind#INPUT} node. */
  public int inputOrdinal(int node) {
    int i = Arrays.binarySearch(inputNodes, node);
    checkArgument(i >= 0, "node %s is not an input", node);
    return i;
  }

  /** The number of outputs. */
  public int outputCount() {
    return outputNodes.length;
  }

  /** The node output {@code i} reads (any node: a gate, an input or a constant). */
  public int outputNode(int i) {
    return outputNodes[Objects.checkIndex(i, outputNodes.length)];
  }

  /** The name of output {@code i}. */
  public String outputName(int i) {
    return outputNames[Objects.checkIndex(i, outputNames.length)];
  }

  /** All output names in output order. */
  public ImmutableList<String> outputNames() {
    return ImmutableList.copyOf(outputNames);
  }

  /** The index of the output named {@code name}, or -1. */
  public int indexOfOutput(String name) {
    return outputIndex.getInt(name);
  }

  // ---- value semantics ----

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Circuit)) {
      return false;
    }
    Circuit c = (Circuit) o;
    return Arrays.equals(kinds, c.kinds)
        && Arrays.equals(starts, c.starts)
        && Arrays.equals(data, c.data)
        && Arrays.equals(inputNodes, c.inputNodes)
        && Arrays.equals(inputNames, c.inputNames)
        && Arrays.equals(outputNodes, c.outputNodes)
        && Arrays.equals(outputNames, c.outputNames)
        && Arrays.equals(sumBase, c.sumBase)
        && Arrays.equals(sumStarts, c.sumStarts)
        && Arrays.equals(termNodes, c.termNodes)
        && termWeights.contentEquals(c.termWeights)
        && Arrays.equals(thresholdSums, c.thresholdSums)
        && thresholdThetas.contentEquals(c.thresholdThetas)
        && Arrays.equals(thresholdAtMost, c.thresholdAtMost);
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(kinds);
    h = 31 * h + Arrays.hashCode(data);
    h = 31 * h + Arrays.hashCode(outputNodes);
    h = 31 * h + Arrays.hashCode(termNodes);
    h = 31 * h + termWeights.contentHash();
    return 31 * h + thresholdThetas.contentHash();
  }

  /** A one-line summary: node, input, output, gate and sum counts. */
  @Override
  public String toString() {
    return "Circuit{nodes="
        + nodeCount()
        + ", inputs="
        + inputCount()
        + ", outputs="
        + outputCount()
        + ", sums="
        + sumCount()
        + "}";
  }
}
