package illusion.verify;

import illusion.circuit.Simulator;
import illusion.compile.CompiledModel;
import illusion.compile.Outputs;
import illusion.ssm.Evaluator;
import illusion.ssm.Model;
import illusion.ssm.Trace;

/**
 * Compares a compiled circuit with the native evaluator, sequence by sequence: the last layer's
 * rounded outputs decoded from the circuit's two's complement bits, and the label decoded from its
 * one-hot wires (exactly one wire set), against the native {@link Evaluator}. Sequences are
 * simulated 64 at a time, one per bit lane of a word.
 *
 * <p>Independent of the compiler's own agreement check: it reads the circuit only through the
 * documented wire layout of {@link CompiledModel}.
 */
final class Comparison {
  private Comparison() {}

  /** How a model is compiled; {@code ModelCompiler::compile} with fixed options outside tests. */
  @FunctionalInterface
  interface CircuitCompiler {
    CompiledModel compile(Model model, int n, Outputs outputs);
  }

  /**
   * Per sequence, a description of the first disagreement between {@code compiled} and the native
   * evaluator of {@code model}, or null where they agree. Every sequence has length {@code
   * compiled.length()} and tokens in the model's input vocabulary.
   */
  static String[] disagreements(CompiledModel compiled, Model model, int[][] sequences) {
    int n = compiled.length();
    Evaluator evaluator = Evaluator.of(model);
    Simulator simulator = Simulator.of(compiled.circuit());
    int[] positions = compiled.positions();
    int channels = compiled.channels();
    int bits = compiled.bits();
    int labels = model.labelVocabulary();
    int last = model.depth() - 1;
    long[] words = new long[compiled.circuit().inputCount()];
    String[] result = new String[sequences.length];
    for (int from = 0; from < sequences.length; from += 64) {
      int to = Math.min(sequences.length, from + 64);
      java.util.Arrays.fill(words, 0L);
      for (int s = from; s < to; s++) {
        for (int t = 0; t < n; t++) {
          words[compiled.inputIndex(t, sequences[s][t])] |= 1L << (s - from);
        }
      }
      long[] out = simulator.simulate(words);
      for (int s = from; s < to; s++) {
        int lane = s - from;
        Trace trace = evaluator.trace(sequences[s]);
        long[][] y = trace.outputs(last);
        int[] label = trace.labels();
        positions:
        for (int t : positions) {
          for (int c = 0; c < channels; c++) {
            long value = 0;
            for (int i = 0; i < bits; i++) {
              value |= ((out[compiled.outputBitIndex(t, c, i)] >>> lane) & 1L) << i;
            }
            value = (value << (64 - bits)) >> (64 - bits); // sign-extend p bits
            if (value != y[t][c]) {
              result[s] =
                  String.format(
                      "position %d, output channel %d: native %d, circuit %d (raw)",
                      t, c, y[t][c], value);
              break positions;
            }
          }
          int set = 0;
          int got = -1;
          for (int k = 0; k < labels; k++) {
            if (((out[compiled.labelIndex(t, k)] >>> lane) & 1L) != 0) {
              set++;
              got = k;
            }
          }
          if (set != 1 || got != label[t]) {
            result[s] =
                String.format(
                    "position %d, label: native %d, circuit %s",
                    t, label[t], set == 1 ? Integer.toString(got) : set + " label wires set");
            break;
          }
        }
      }
    }
    return result;
  }
}
