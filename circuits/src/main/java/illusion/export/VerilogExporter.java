package illusion.export;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.Circuit;
import illusion.circuit.Literals;
import illusion.circuit.NodeKind;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Writes a {@link Circuit} as one synthesizable structural Verilog module, and a testbench that
 * drives it from a file of input vectors (see {@link TestVectors} for the file format).
 *
 * <h2>The module</h2>
 *
 * One scalar port per circuit input ({@code in_<name>}) and output ({@code out_<name>}), in
 * circuit order; names are sanitized deterministically (each run of characters outside {@code
 * [A-Za-z0-9_]} becomes {@code _}, clashes get a suffix {@code _2}, {@code _3}, ...) and a comment
 * at the top maps every port back to its circuit name. Circuit node {@code k} is the wire {@code
 * n<k>}, and weighted sum {@code k} the wire {@code s<k>}:
 *
 * <ul>
 *   <li>AND, OR, NOT are {@code &}, {@code |}, {@code ~} over the (complemented) fan-ins;
 *   <li>MAJ counts its true literals (a literal repeated m times counts m) in an unsigned wire
 *       {@code n<id>_count} just wide enough for its fan-in k, compared with {@code ⌊k/2⌋ + 1};
 *   <li>a weighted sum is emitted once, before the first threshold gate that reads it, as a signed
 *       two's-complement wire; a sum extending a base is {@code s<k> = s<base> + ...} (prefix sums).
 *       All sums of one base chain share one width, wide enough for every sum of the chain, every
 *       weight and every θ compared with them, so no value wraps and the chain needs no
 *       sign-extension. Weights and θ of any size are sized decimal literals ({@code -70'sd5});
 *   <li>a THRESHOLD gate is {@code s<k> >= θ} or {@code s<k> <= θ}, compared signed.
 * </ul>
 *
 * Long fan-ins are split into a tree of partial wires of at most 32 operands ({@code n<k>_1},
 * {@code s<k>_1}, ...), so no expression is huge, and sums are parenthesized as balanced trees, so
 * one changed input re-evaluates O(log fan-in) adders in an event-driven simulator. A net read more
 * than 32 times is read through a tree of buffer copies ({@code n<k>_f1_<j>}, ...), which keeps
 * Icarus Verilog's compile time near linear in the circuit's size. Output is streamed: memory
 * beyond the circuit is a few ints per node and sum. It compiles with {@code iverilog -g2012} and
 * lints cleanly with {@code verilator --lint-only -Wall}.
 *
 * <h2>The testbench</h2>
 *
 * Module {@code <module>_tb} reads input vectors, one per line, from the file named by plusarg
 * {@code +in=<path>} (default {@value #DEFAULT_VECTORS_IN}), applies each for one time step, and
 * writes the outputs, one line per vector, to {@code +out=<path>} (default {@value
 * #DEFAULT_VECTORS_OUT}). Character i of a line (from the left) is input i (output i). Run it with
 * {@code iverilog -g2012 -o sim <module>.v <module>_tb.v && vvp -n sim +in=... +out=...}, or with
 * {@code verilator --binary --timing --top-module <module>_tb ...}.
 *
 * <p>Instances are immutable; the circuit is not copied.
 */
public final class VerilogExporter {
  /** The module name unless {@link #withModuleName} says otherwise. */
  public static final String DEFAULT_MODULE_NAME = "circuit";
  /** The testbench's input vector file when no {@code +in=} plusarg is given. */
  public static final String DEFAULT_VECTORS_IN = "vectors.in";
  /** The testbench's output vector file when no {@code +out=} plusarg is given. */
  public static final String DEFAULT_VECTORS_OUT = "vectors.out";

  /** Operands per assign before an expression is split into partial wires. */
  static final int CHUNK = 32;
  /** Readers per net before the net is copied into a fan-out tree of buffer wires. */
  static final int FANOUT = 32;

  private final Circuit circuit;
  private final String moduleName;
  private final String[] inputPorts;
  private final String[] outputPorts;

  private VerilogExporter(
      Circuit circuit, String moduleName, String[] inputPorts, String[] outputPorts) {
    this.circuit = circuit;
    this.moduleName = moduleName;
    this.inputPorts = inputPorts;
    this.outputPorts = outputPorts;
  }

  /** An exporter for {@code circuit}, module name {@value #DEFAULT_MODULE_NAME}. */
  public static VerilogExporter of(Circuit circuit) {
    Objects.requireNonNull(circuit, "circuit");
    VerilogNames names = new VerilogNames();
    String[] in = new String[circuit.inputCount()];
    for (int i = 0; i < in.length; i++) {
      in[i] = names.claim("in_", circuit.inputName(i));
    }
    String[] out = new String[circuit.outputCount()];
    for (int o = 0; o < out.length; o++) {
      out[o] = names.claim("out_", circuit.outputName(o));
    }
    return new VerilogExporter(circuit, DEFAULT_MODULE_NAME, in, out);
  }

  /**
   * This exporter with another module name: a simple Verilog identifier ({@code
   * [A-Za-z_][A-Za-z0-9_]*}, at most 120 characters) that is not a (System)Verilog keyword.
   */
  public VerilogExporter withModuleName(String moduleName) {
    Objects.requireNonNull(moduleName, "moduleName");
    checkArgument(
        VerilogNames.isIdentifier(moduleName),
        "not a usable Verilog module name (want [A-Za-z_][A-Za-z0-9_]*, no keyword): \"%s\"",
        moduleName);
    return new VerilogExporter(circuit, moduleName, inputPorts, outputPorts);
  }

  /** The circuit exported. */
  public Circuit circuit() {
    return circuit;
  }

  /** The name of the circuit's module. */
  public String moduleName() {
    return moduleName;
  }

  /** The name of the testbench module: {@code moduleName() + "_tb"}. */
  public String testbenchName() {
    return moduleName + "_tb";
  }

  /** The Verilog port of circuit input {@code i}. */
  public String inputPort(int i) {
    return inputPorts[Objects.checkIndex(i, inputPorts.length)];
  }

  /** The Verilog port of circuit output {@code o}. */
  public String outputPort(int o) {
    return outputPorts[Objects.checkIndex(o, outputPorts.length)];
  }

  // ---- the module ----

  /** Writes the module to {@code out} (buffered here; flushed, not closed). */
  public void writeModule(Writer out) throws IOException {
    BufferedWriter w = new BufferedWriter(out, 1 << 16);
    new ModuleWriter(w).write();
    w.flush();
  }

  /** Writes operand {@code i} of an expression. */
  private interface Operand {
    void write(int i) throws IOException;
  }

  /** Writes the module body; one instance per call. */
  private final class ModuleWriter {
    private final Writer w;
    /** Per sum: the shared width of its base chain. */
    private final int[] width;
    private final boolean[] emitted;
    private final IntArrayList pending = new IntArrayList();
    /** Per node and per sum: how often the module reads it, and how often it was read so far. */
    private final int[] reads;
    private final int[] uses;
    private final int[] sumReads;
    private final int[] sumUses;

    ModuleWriter(Writer w) {
      this.w = w;
      this.width = chainWidths(circuit);
      this.emitted = new boolean[circuit.sumCount()];
      this.reads = new int[circuit.nodeCount()];
      this.uses = new int[circuit.nodeCount()];
      this.sumReads = new int[circuit.sumCount()];
      this.sumUses = new int[circuit.sumCount()];
      countReads();
    }

    /**
     * Counts the reads {@link #write} will make of every node and sum: literal fan-ins (one per
     * run of a MAJ multiset), terms of the sums some threshold gate needs, a sum's reads by its
     * threshold gates and extensions, and outputs.
     */
    private void countReads() {
      boolean[] needed = new boolean[circuit.sumCount()];
      for (int node = 0; node < circuit.nodeCount(); node++) {
        switch (circuit.kind(node)) {
          case AND:
          case OR:
          case NOT:
            for (int i = 0; i < circuit.literalCount(node); i++) {
              reads[Literals.node(circuit.literal(node, i))]++;
            }
            break;
          case MAJ:
            IntArrayList runs = majorityRuns(node);
            for (int r = 0; r + 1 < runs.size(); r++) {
              reads[Literals.node(circuit.literal(node, runs.getInt(r)))]++;
            }
            break;
          case THRESHOLD:
            sumReads[circuit.thresholdSum(node)]++;
            for (int t = circuit.thresholdSum(node); t >= 0 && !needed[t]; t = circuit.sumBase(t)) {
              needed[t] = true;
            }
            break;
          default:
            break;
        }
      }
      for (int sum = 0; sum < needed.length; sum++) {
        if (needed[sum]) {
          for (int i = 0; i < circuit.sumTermCount(sum); i++) {
            reads[circuit.sumTermNode(sum, i)]++;
          }
          if (circuit.sumBase(sum) >= 0) {
            sumReads[circuit.sumBase(sum)]++;
          }
        }
      }
      for (int o = 0; o < circuit.outputCount(); o++) {
        reads[circuit.outputNode(o)]++;
      }
    }

    void write() throws IOException {
      writeHeader();
      for (int i = 0; i < inputPorts.length; i++) {
        int node = circuit.inputNode(i);
        fanOutTree("  wire ", inputPorts[i], "n" + node, reads[node]);
      }
      for (int node = 0; node < circuit.nodeCount(); node++) {
        switch (circuit.kind(node)) {
          case INPUT:
          case CONSTANT:
            break; // referenced directly as a port or 1'b0 / 1'b1
          case AND:
            unitGate(node, " & ");
            break;
          case OR:
            unitGate(node, " | ");
            break;
          case NOT:
            w.write("  wire n" + node + " = ~");
            ref(circuit.literal(node, 0));
            w.write(";\n");
            break;
          case MAJ:
            majority(node);
            break;
          case THRESHOLD:
            threshold(node);
            break;
          default:
            throw new AssertionError(circuit.kind(node));
        }
        if (circuit.kind(node).isGate()) {
          fanOutTree("  wire ", "n" + node, "n" + node, reads[node]);
        }
      }
      for (int o = 0; o < outputPorts.length; o++) {
        w.write("  assign " + outputPorts[o] + " = ");
        ref(circuit.outputNode(o));
        w.write(";\n");
      }
      w.write("endmodule\n`default_nettype wire\n");
      for (int node = 0; node < reads.length; node++) {
        // constants are written as literals, never through copies, so their reads are not counted as uses
        if (circuit.kind(node) != NodeKind.CONSTANT && reads[node] > FANOUT && uses[node] != reads[node]) {
          throw new AssertionError("node " + node + " read " + uses[node] + " of " + reads[node]);
        }
      }
    }

    private void writeHeader() throws IOException {
      int gates = 0;
      for (int node = 0; node < circuit.nodeCount(); node++) {
        gates += circuit.kind(node).isGate() ? 1 : 0;
      }
      w.write(
          "// Threshold circuit exported by illusion: "
              + circuit.nodeCount() + " nodes (" + gates + " gates), "
              + circuit.inputCount() + " inputs, " + circuit.outputCount() + " outputs, "
              + circuit.sumCount() + " weighted sums.\n"
              + "// Wire n<k> is circuit node k; wire s<k> is weighted sum k (signed, wide enough"
              + " for its exact range).\n"
              + "// Ports (Verilog <- circuit name):\n");
      for (int i = 0; i < inputPorts.length; i++) {
        w.write("//   " + inputPorts[i] + " <- " + VerilogNames.forComment(circuit.inputName(i))
            + "\n");
      }
      for (int o = 0; o < outputPorts.length; o++) {
        w.write("//   " + outputPorts[o] + " <- " + VerilogNames.forComment(circuit.outputName(o))
            + "\n");
      }
      w.write("`timescale 1ns/1ps\n`default_nettype none\n");
      w.write("// A circuit may hold inputs and gates that no output reads.\n");
      w.write("/* verilator lint_off UNUSED */\n");
      w.write("module " + moduleName + " (");
      int ports = inputPorts.length + outputPorts.length;
      int p = 0;
      for (String in : inputPorts) {
        w.write("\n  input wire " + in + (++p < ports ? "," : ""));
      }
      for (String out : outputPorts) {
        w.write("\n  output wire " + out + (++p < ports ? "," : ""));
      }
      w.write("\n);\n");
    }

    /** AND / OR over literals. */
    private void unitGate(int node, String op) throws IOException {
      tree("  wire ", "n" + node, null, op, false, circuit.literalCount(node),
          i -> literal(circuit.literal(node, i)));
    }

    /**
     * Writes {@code type name = [base op] (operand(0) op ... op operand(k-1));} (k ≥ 1). More than
     * {@link #CHUNK} operands are grouped into partial wires {@code name_1, name_2, ...} of at most
     * CHUNK operands each (sizes differing by at most one), and those again, as a tree. With {@code balanced}, each expression is
     * parenthesized as a balanced binary tree, so that an event-driven simulator re-evaluates
     * O(log k) operators when one operand changes, not O(k).
     */
    private void tree(
        String type, String name, String base, String op, boolean balanced, int k, Operand operand)
        throws IOException {
      int[] nextPartial = {1};
      Operand level = operand;
      int count = k;
      while (count > CHUNK) {
        int groups = (count + CHUNK - 1) / CHUNK;
        String[] partials = new String[groups];
        for (int g = 0; g < groups; g++) {
          partials[g] = name + "_" + nextPartial[0]++;
          w.write(type);
          w.write(partials[g]);
          w.write(" = ");
          // groups of nearly equal size, each at most CHUNK
          expression(op, balanced, level, (int) ((long) g * count / groups),
              (int) ((long) (g + 1) * count / groups));
          w.write(";\n");
        }
        level = i -> w.write(partials[i]);
        count = groups;
      }
      w.write(type);
      w.write(name);
      w.write(" = ");
      if (base != null) {
        w.write(base);
        w.write(op);
        if (count > 1) {
          w.write('(');
        }
      }
      expression(op, balanced, level, 0, count);
      if (base != null && count > 1) {
        w.write(')');
      }
      w.write(";\n");
    }

    /** {@code operand(from) op ... op operand(to-1)}, as a balanced tree if asked. */
    private void expression(String op, boolean balanced, Operand operand, int from, int to)
        throws IOException {
      if (!balanced) {
        for (int i = from; i < to; i++) {
          if (i > from) {
            w.write(op);
          }
          operand.write(i);
        }
        return;
      }
      if (to - from == 1) {
        operand.write(from);
        return;
      }
      int mid = (from + to) >>> 1;
      bracketed(op, operand, from, mid);
      w.write(op);
      bracketed(op, operand, mid, to);
    }

    private void bracketed(String op, Operand operand, int from, int to) throws IOException {
      if (to - from == 1) {
        operand.write(from);
      } else {
        w.write('(');
        expression(op, true, operand, from, to);
        w.write(')');
      }
    }

    /**
     * Strict majority: an unsigned count of the true literals compared with ⌊k/2⌋ + 1. A literal
     * repeated m times (fan-ins are a sorted multiset) is one term worth m.
     */
    private void majority(int node) throws IOException {
      int k = circuit.literalCount(node);
      int bits = 32 - Integer.numberOfLeadingZeros(k);
      IntArrayList runStarts = majorityRuns(node);
      String zero = bits + "'d0";
      String count = "n" + node + "_count";
      tree("  wire [" + (bits - 1) + ":0] ", count, null, " + ", true, runStarts.size() - 1, r -> {
        int from = runStarts.getInt(r);
        String times = bits + "'d" + (runStarts.getInt(r + 1) - from);
        int lit = circuit.literal(node, from);
        w.write('(');
        ref(Literals.node(lit));
        w.write(Literals.isNegated(lit) ? " ? " + zero + " : " + times + ")"
            : " ? " + times + " : " + zero + ")");
      });
      w.write("  wire n" + node + " = " + count + " >= " + bits + "'d" + (k / 2 + 1) + ";\n");
    }

    /** The starts of the runs of equal literals of a MAJ gate, then its literal count. */
    private IntArrayList majorityRuns(int node) {
      int k = circuit.literalCount(node);
      IntArrayList runStarts = new IntArrayList();
      for (int i = 0; i < k; i++) {
        if (i == 0 || circuit.literal(node, i) != circuit.literal(node, i - 1)) {
          runStarts.add(i);
        }
      }
      runStarts.add(k);
      return runStarts;
    }

    private void threshold(int node) throws IOException {
      int sum = circuit.thresholdSum(node);
      emitSum(sum);
      w.write("  wire n" + node + " = " + sumRef(sum)
          + (circuit.thresholdAtMost(node) ? " <= " : " >= "));
      w.write(signedLiteral(width[sum], circuit.thresholdTheta(node)));
      w.write(";\n");
    }

    /** Emits {@code sum} and the not yet emitted sums of its base chain, bases first. */
    private void emitSum(int sum) throws IOException {
      pending.clear();
      for (int s = sum; s >= 0 && !emitted[s]; s = circuit.sumBase(s)) {
        pending.add(s);
      }
      for (int j = pending.size() - 1; j >= 0; j--) {
        int s = pending.getInt(j);
        writeSum(s);
        fanOutTree("  wire signed [" + (width[s] - 1) + ":0] ", "s" + s, "s" + s, sumReads[s]);
        emitted[s] = true;
      }
    }

    private void writeSum(int sum) throws IOException {
      int bits = width[sum];
      String type = "  wire signed [" + (bits - 1) + ":0] ";
      String zero = bits + "'sd0";
      int base = circuit.sumBase(sum);
      int k = circuit.sumTermCount(sum);
      String name = "s" + sum;
      String prev = base >= 0 ? sumRef(base) : null;
      if (k == 0) {
        w.write(type + name + " = " + (prev == null ? zero : prev) + ";\n");
        return;
      }
      boolean longs = circuit.sumFitsLong(sum);
      tree(type, name, prev, " + ", true, k, i -> {
        w.write('(');
        ref(circuit.sumTermNode(sum, i));
        w.write(" ? ");
        w.write(
            longs
                ? signedLiteral(bits, circuit.sumTermWeightLong(sum, i))
                : signedLiteral(bits, circuit.sumTermWeight(sum, i)));
        w.write(" : ");
        w.write(zero);
        w.write(')');
      });
    }

    private void literal(int lit) throws IOException {
      if (Literals.isNegated(lit)) {
        w.write('~');
      }
      ref(Literals.node(lit));
    }

    /**
     * Copies {@code source}, read {@code reads} times, into a tree of buffer wires so that no net
     * has more than {@link #FANOUT} readers: leaves {@code <copy>_f1_<j>}, each read at most
     * FANOUT times, copy level l+1 ({@code <copy>_f<l+1>_<j>}), and so on; the top level reads
     * {@code source}. Icarus Verilog compiles a net with many readers in time quadratic in their
     * number; the copies cost one wire per FANOUT reads, and Verilator removes them.
     */
    private void fanOutTree(String type, String source, String copy, int reads) throws IOException {
      if (reads <= FANOUT) {
        return;
      }
      IntArrayList copies = new IntArrayList(); // copies.getInt(l - 1): copies at level l
      int c = reads;
      do {
        c = (c + FANOUT - 1) / FANOUT;
        copies.add(c);
      } while (c > FANOUT);
      int top = copies.size();
      for (int l = top; l >= 1; l--) {
        for (int j = 0; j < copies.getInt(l - 1); j++) {
          w.write(type);
          w.write(copy + "_f" + l + "_" + j + " = ");
          w.write(l == top ? source : copy + "_f" + (l + 1) + "_" + j / FANOUT);
          w.write(";\n");
        }
      }
    }

    /** The wire to read for one more read of {@code sum}. */
    private String sumRef(int sum) {
      return sumReads[sum] <= FANOUT ? "s" + sum : "s" + sum + "_f1_" + sumUses[sum]++ / FANOUT;
    }

    /** The expression for one more read of a node: a constant, its port or wire, or a copy. */
    private void ref(int node) throws IOException {
      NodeKind kind = circuit.kind(node);
      if (kind != NodeKind.CONSTANT && reads[node] > FANOUT) {
        w.write('n');
        w.write(Integer.toString(node));
        w.write("_f1_");
        w.write(Integer.toString(uses[node]++ / FANOUT));
        return;
      }
      if (kind == NodeKind.INPUT) {
        w.write(inputPorts[circuit.inputOrdinal(node)]);
      } else if (kind == NodeKind.CONSTANT) {
        w.write(circuit.constantValue(node) ? "1'b1" : "1'b0");
      } else {
        w.write('n');
        w.write(Integer.toString(node));
      }
    }
  }

  /**
   * The width of every sum: per base chain, the most two's-complement bits any sum of the chain,
   * any of its weights or any θ compared with one of its sums needs (at least 2).
   */
  static int[] chainWidths(Circuit circuit) {
    int n = circuit.sumCount();
    int[] root = new int[n];
    int[] rootWidth = new int[n];
    for (int s = 0; s < n; s++) {
      int base = circuit.sumBase(s);
      root[s] = base < 0 ? s : root[base];
      // |weights| and partial sums are bounded by max(|sumMin|, sumMax) of the chain's sums
      int bits = Math.max(bits(circuit.sumMin(s)), bits(circuit.sumMax(s)));
      rootWidth[root[s]] = Math.max(rootWidth[root[s]], Math.max(2, bits));
    }
    for (int node = 0; node < circuit.nodeCount(); node++) {
      if (circuit.kind(node) == NodeKind.THRESHOLD) {
        int r = root[circuit.thresholdSum(node)];
        rootWidth[r] = Math.max(rootWidth[r], bits(circuit.thresholdTheta(node)));
      }
    }
    int[] width = new int[n];
    for (int s = 0; s < n; s++) {
      width[s] = rootWidth[root[s]];
    }
    return width;
  }

  /** Two's-complement bits that hold both v and -v. */
  private static int bits(BigInteger v) {
    return v.abs().bitLength() + 1;
  }

  /** A sized signed decimal literal: {@code 70'sd5}, {@code -70'sd5}. */
  static String signedLiteral(int bits, BigInteger value) {
    return (value.signum() < 0 ? "-" : "") + bits + "'sd" + value.abs();
  }

  static String signedLiteral(int bits, long value) {
    if (value == Long.MIN_VALUE) {
      return signedLiteral(bits, BigInteger.valueOf(value));
    }
    return (value < 0 ? "-" : "") + bits + "'sd" + Math.abs(value);
  }

  // ---- the testbench ----

  /**
   * Writes the testbench module {@link #testbenchName()} to {@code out} (buffered here; flushed,
   * not closed). It instantiates {@link #moduleName()}; compile both together.
   *
   * @throws IllegalArgumentException if the circuit has no inputs or no outputs (a vector line
   *     would be empty)
   */
  public void writeTestbench(Writer out) throws IOException {
    int ins = inputPorts.length;
    int outs = outputPorts.length;
    checkArgument(ins > 0, "cannot write a testbench: the circuit has no inputs");
    checkArgument(outs > 0, "cannot write a testbench: the circuit has no outputs");
    BufferedWriter w = new BufferedWriter(out, 1 << 16);
    w.write(
        "// Testbench for module " + moduleName + ": reads input vectors, one per line (character"
            + " i from the left is\n"
            + "// input i), from +in=<path> (default " + DEFAULT_VECTORS_IN + "); writes the"
            + " outputs, one line per vector\n"
            + "// (character i is output i), to +out=<path> (default " + DEFAULT_VECTORS_OUT
            + ").\n"
            + "`timescale 1ns/1ps\n"
            + "module " + testbenchName() + ";\n"
            + "  reg [" + (ins - 1) + ":0] vec;\n"
            + "  reg [" + (ins - 1) + ":0] next_vec;\n"
            + "  wire [" + (outs - 1) + ":0] res;\n"
            + "  " + moduleName + " dut (");
    for (int i = 0; i < ins; i++) {
      w.write("\n    ." + inputPorts[i] + "(vec[" + (ins - 1 - i) + "]),");
    }
    for (int o = 0; o < outs; o++) {
      w.write("\n    ." + outputPorts[o] + "(res[" + (outs - 1 - o) + "])"
          + (o + 1 < outs ? "," : ""));
    }
    w.write(
        "\n  );\n"
            + "  string in_path;\n"
            + "  string out_path;\n"
            + "  integer fin;\n"
            + "  integer fout;\n"
            + "  integer status;\n"
            + "  initial begin\n"
            + "    if (!$value$plusargs(\"in=%s\", in_path)) in_path = \"" + DEFAULT_VECTORS_IN
            + "\";\n"
            + "    if (!$value$plusargs(\"out=%s\", out_path)) out_path = \"" + DEFAULT_VECTORS_OUT
            + "\";\n"
            + "    fin = $fopen(in_path, \"r\");\n"
            + "    if (fin == 0) $fatal(1, \"cannot read input vectors %0s\", in_path);\n"
            + "    fout = $fopen(out_path, \"w\");\n"
            + "    if (fout == 0) $fatal(1, \"cannot write output vectors %0s\", out_path);\n"
            + "    status = $fscanf(fin, \"%b\\n\", next_vec);\n"
            + "    while (status == 1) begin\n"
            + "      vec = next_vec; // a plain assignment, so every simulator sees the change\n"
            + "      #1;\n"
            + "      $fdisplay(fout, \"%b\", res);\n"
            + "      status = $fscanf(fin, \"%b\\n\", next_vec);\n"
            + "    end\n"
            + "    $fclose(fin);\n"
            + "    $fclose(fout);\n"
            + "    $finish;\n"
            + "  end\n"
            + "endmodule\n");
    w.flush();
  }
}
