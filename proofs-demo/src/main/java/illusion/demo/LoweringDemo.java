package illusion.demo;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitStats;
import illusion.circuit.NodeKind;
import illusion.circuit.Simulator;
import illusion.compile.CircuitAgreement;
import illusion.compile.CompiledModel;
import illusion.compile.ModelCompiler;
import illusion.compile.Outputs;
import illusion.ssm.Model;
import illusion.ssm.RandomModels;
import illusion.tc0.LowerWeights;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@code illusion demo lowering}: the compiled S4 kernel's weights are exact, so they grow with n
 * (Thm 4.2's circuits have large weights); TC0 proper wants polynomial weights, and the lowering of
 * {@link LowerWeights} replaces a large-weight threshold gate by a constant-depth circuit of
 * small-weight gates. The demo takes the widest gate of a compiled {@code s4-random} layer, lowers
 * it, and checks by simulation that both compute the same function.
 */
final class LoweringDemo implements Demo {
  static final int DEFAULT_LENGTH = 8;
  /** Two lengths at least, so that the growth of the weights shows. */
  static final int MIN_LENGTH = 2;
  static final int MAX_LENGTH = 12;

  /** The weight bound of the lowering: 2 bits, weights in {-3 .. 3}. */
  static final int MAX_WEIGHT_BITS = 2;

  /** The S4 layer reads a binary alphabet, so the gate has 2n inputs. */
  static final int VOCABULARY = 2;

  /** Gates with at most this many inputs are checked on every assignment. */
  static final int EXHAUSTIVE_INPUTS = 16;

  /** Random assignments checked otherwise. */
  static final int RANDOM_ASSIGNMENTS = 1 << 16;

  @Override
  public String name() {
    return "lowering";
  }

  @Override
  public String summary() {
    return "an S4 kernel's widest threshold gate lowered to small weights";
  }

  @Override
  public Set<DemoOptions.Option> accepts() {
    return Set.of(DemoOptions.Option.LENGTH);
  }

  @Override
  public DemoReport run(DemoOptions options, Progress progress) {
    int n = options.length(DEFAULT_LENGTH, MIN_LENGTH, MAX_LENGTH);
    Model model = RandomModels.build("s4-random", VOCABULARY, options.seed());
    DemoReport.Builder report = DemoReport.builder("Lowering a large-weight threshold gate");
    report.paragraph(
        "A non-gated S4 layer is a convolution: y_t = round(sum_j K_(t-j) x_j + D x_t) with the"
            + " kernel K_k = C A^k B (Thm 4.2). The compiler computes K exactly, and since A has"
            + " 8 fraction bits, A^k has 8k: the weights of the threshold gates grow with n. TC0"
            + " proper asks for weights polynomial in the circuit size; the lowering rewrites a"
            + " gate [sum w_i x_i >= theta] into a constant-depth circuit of gates with weights of"
            + " at most "
            + MAX_WEIGHT_BITS
            + " bits (block save of the weight columns into two binary numbers, then a"
            + " carry-checked comparison; Hofmeister, Hohberg and Koehling 1991). A weight of 2 or"
            + " 3 is an input repeated, so every gate is a majority of its (repeated) inputs and"
            + " constants.");
    report.paragraph(
        "The layer: RandomModels' s4-random (seed "
            + options.seed()
            + ": d = 8, 16-bit fixed point with 8 fraction bits) over a binary alphabet, compiled"
            + " for n = "
            + n
            + " with the label at the last position.");

    // Weight growth with n.
    DemoReport.TableBuilder growth =
        DemoReport.Table.builder()
            .numberColumn("n")
            .numberColumn("gates")
            .numberColumn("depth")
            .numberColumn("max weight bits");
    int previousBits = -1;
    boolean growing = true;
    CompiledModel compiled = null;
    for (int m = 1; m <= n; m = m == n ? n + 1 : Math.min(n, 2 * m)) {
      progress.step("compiling s4-random for n = " + m);
      CompiledModel c = ModelCompiler.compile(model, m, Outputs.LAST);
      CircuitStats s = c.stats();
      growth.row(m, s.gates(), s.depth(), s.maxWeightBits());
      growing &= s.maxWeightBits() > previousBits;
      previousBits = s.maxWeightBits();
      compiled = c;
    }
    report.heading("The compiled kernel's weights grow with n");
    report.table(growth);
    report.check(
        growing,
        "the largest weight of the compiled circuit grows with n ("
            + previousBits
            + " bits at n = "
            + n
            + ")");
    int[][] words = allWords(n);
    CircuitAgreement.Result agreement = CircuitAgreement.check(compiled, words);
    report.check(
        agreement.agrees(),
        "the compiled circuit for n = "
            + n
            + " agrees bit for bit with the native evaluator on all "
            + words.length
            + " binary words ("
            + agreement.mismatches()
            + " disagree)");

    // The widest gate, alone.
    Circuit full = compiled.circuit();
    int node = GateExtraction.widestGate(full);
    Circuit gate = GateExtraction.extract(full, node);
    progress.step("lowering a gate with " + gate.inputCount() + " inputs");
    Circuit lowered = LowerWeights.lower(gate, MAX_WEIGHT_BITS);
    CircuitStats before = CircuitStats.of(gate);
    CircuitStats after = CircuitStats.of(lowered);
    report.heading("The widest gate, before and after");
    report.paragraph(
        "The gate with the widest weights reads the "
            + gate.inputCount()
            + " input wires x[t][s] (token s at position t) and fires when the sum is "
            + (full.thresholdAtMost(node) ? "at most" : "at least")
            + " theta = "
            + full.thresholdTheta(node)
            + ". Its weights:");
    DemoReport.TableBuilder weights =
        DemoReport.Table.builder().column("input").numberColumn("weight").numberColumn("bits");
    int sum = full.thresholdSum(node);
    Map<String, BigInteger> byInput = new TreeMap<>();
    for (int s = sum; s >= 0; s = full.sumBase(s)) {
      for (int j = 0; j < full.sumTermCount(s); j++) {
        int in = full.sumTermNode(s, j);
        String name =
            full.kind(in) == NodeKind.INPUT ? full.inputName(full.inputOrdinal(in)) : "node" + in;
        byInput.merge(name, full.sumTermWeight(s, j), BigInteger::add);
      }
    }
    for (int i = 0; i < gate.inputCount(); i++) {
      BigInteger w = byInput.get(gate.inputName(i));
      weights.row(gate.inputName(i), w, w.abs().bitLength());
    }
    report.table(weights);
    report.table(
        DemoReport.Table.builder()
            .column("")
            .numberColumn("depth")
            .numberColumn("thr. depth")
            .numberColumn("gates")
            .numberColumn("AND/OR")
            .numberColumn("threshold")
            .numberColumn("wires")
            .numberColumn("weight bits")
            .row(
                "before",
                before.depth(),
                before.thresholdDepth(),
                before.gates(),
                andOr(before),
                before.gates(NodeKind.THRESHOLD) + before.gates(NodeKind.MAJ),
                before.wires(),
                before.maxWeightBits())
            .row(
                "after",
                after.depth(),
                after.thresholdDepth(),
                after.gates(),
                andOr(after),
                after.gates(NodeKind.THRESHOLD) + after.gates(NodeKind.MAJ),
                after.wires(),
                after.maxWeightBits()));
    report.check(
        before.maxWeightBits() > MAX_WEIGHT_BITS && after.maxWeightBits() <= MAX_WEIGHT_BITS,
        "lowering takes the largest weight from "
            + before.maxWeightBits()
            + " bits to "
            + after.maxWeightBits()
            + " (at most "
            + MAX_WEIGHT_BITS
            + ")");

    // Same function.
    long[] ones = new long[2];
    long checked = sameFunction(gate, lowered, options.seed(), ones);
    boolean exhaustive = gate.inputCount() <= EXHAUSTIVE_INPUTS;
    report.paragraph(
        "Both circuits are simulated on "
            + (exhaustive ? "every one of the " : "")
            + checked
            + (exhaustive
                ? " assignments of the gate's inputs"
                : " random assignments of the gate's inputs (seed " + options.seed() + ")")
            + "; the gate fires on "
            + ones[0]
            + " of them.");
    report.check(
        ones[1] == 0,
        "the lowered circuit computes the same function as the gate on "
            + (exhaustive ? "all " : "")
            + checked
            + " assignments ("
            + ones[1]
            + " differ)");
    report.check(
        ones[0] > 0 && ones[0] < checked,
        "the gate is not constant on them (fires on " + ones[0] + " of " + checked + ")");
    return report.build();
  }

  private static long andOr(CircuitStats s) {
    return s.gates(NodeKind.AND) + s.gates(NodeKind.OR) + s.gates(NodeKind.NOT);
  }

  /** Every word of length n over {0, 1}. */
  private static int[][] allWords(int n) {
    int[][] words = new int[1 << n][n];
    for (int w = 0; w < words.length; w++) {
      for (int t = 0; t < n; t++) {
        words[w][t] = w >>> t & 1;
      }
    }
    return words;
  }

  /**
   * Simulates both one-output circuits (same inputs in the same order), 64 assignments per pass:
   * every assignment when there are at most {@link #EXHAUSTIVE_INPUTS} inputs, else {@link
   * #RANDOM_ASSIGNMENTS} random ones. Returns the number checked; {@code counts[0]} gets how often
   * {@code a} fires, {@code counts[1]} how often the two differ.
   */
  static long sameFunction(Circuit a, Circuit b, long seed, long[] counts) {
    int k = a.inputCount();
    Simulator sa = Simulator.of(a);
    Simulator sb = Simulator.of(b);
    long total = k <= EXHAUSTIVE_INPUTS ? 1L << k : RANDOM_ASSIGNMENTS;
    SplittableRandom random = new SplittableRandom(seed);
    long[] words = new long[k];
    for (long from = 0; from < total; from += 64) {
      int lanes = (int) Math.min(64, total - from);
      long mask = lanes == 64 ? -1L : (1L << lanes) - 1;
      for (int i = 0; i < k; i++) {
        if (k <= EXHAUSTIVE_INPUTS) {
          long w = 0;
          for (int l = 0; l < lanes; l++) {
            w |= ((from + l) >>> i & 1) << l;
          }
          words[i] = w;
        } else {
          words[i] = random.nextLong();
        }
      }
      long ya = sa.simulate(words)[0] & mask;
      long yb = sb.simulate(words)[0] & mask;
      counts[0] += Long.bitCount(ya);
      counts[1] += Long.bitCount(ya ^ yb);
    }
    return total;
  }
}
