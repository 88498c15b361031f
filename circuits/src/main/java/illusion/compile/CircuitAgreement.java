package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import illusion.circuit.Simulator;
import illusion.ssm.Evaluator;
import illusion.ssm.Model;
import illusion.ssm.Trace;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks a {@link CompiledModel} against the native {@link Evaluator} on a batch of token
 * sequences: the circuit is simulated 64 sequences per word, and every output bit {@code
 * y[t][c][bit]} and every label wire {@code label[t][k]} is compared with the native rounded output
 * and label. This is the bit-for-bit agreement DESIGN.md "Semantics" requires.
 */
public final class CircuitAgreement {
  private CircuitAgreement() {}

  /** The outcome of {@link #check}. Immutable. */
  public static final class Result {
    private final int samples;
    private final int mismatchedSamples;
    private final long mismatchedWires;
    private final long comparedWires;
    private final String firstMismatch;

    private Result(
        int samples,
        int mismatchedSamples,
        long mismatchedWires,
        long comparedWires,
        String firstMismatch) {
      this.samples = samples;
      this.mismatchedSamples = mismatchedSamples;
      this.mismatchedWires = mismatchedWires;
      this.comparedWires = comparedWires;
      this.firstMismatch = firstMismatch;
    }

    /** The number of sequences checked. */
    public int samples() {
      return samples;
    }

    /** The number of sequences on which some output wire disagreed. */
    public int mismatches() {
      return mismatchedSamples;
    }

    /** The number of (sequence, output wire) pairs that disagreed. */
    public long mismatchedWires() {
      return mismatchedWires;
    }

    /** The number of (sequence, output wire) pairs compared. */
    public long comparedWires() {
      return comparedWires;
    }

    /** Whether every wire of every sequence agreed. */
    public boolean agrees() {
      return mismatchedSamples == 0;
    }

    /**
     * The first disagreement, e.g. {@code "sequence 3 (tokens 4 17 0): position 2, channel 1, bit
     * 0: native 1, circuit 0 (native output -3)"}; empty when all agree.
     */
    public Optional<String> firstMismatch() {
      return Optional.ofNullable(firstMismatch);
    }

    @Override
    public String toString() {
      return agrees()
          ? String.format("%,d sequences, %,d wires: all agree", samples, comparedWires)
          : String.format(
              "%,d of %,d sequences disagree (%,d of %,d wires); first: %s",
              mismatchedSamples, samples, mismatchedWires, comparedWires, firstMismatch);
    }
  }

  /**
   * Simulates {@code compiled} on {@code sequences} (each of length {@code compiled.length()},
   * tokens in the model's input vocabulary) and compares with the native evaluator.
   */
  public static Result check(CompiledModel compiled, int[][] sequences) {
    return check(compiled, sequences, null);
  }

  /**
   * Like {@link #check(CompiledModel, int[][])}, with the native side already evaluated: {@code
   * traces[s]} must be {@code Evaluator.of(compiled.model()).trace(sequences[s])} (so that a caller
   * timing the native evaluator does not pay for it twice). Only the circuit is simulated.
   */
  public static Result check(CompiledModel compiled, int[][] sequences, Trace[] traces) {
    checkNotNull(compiled, "compiled");
    checkNotNull(sequences, "sequences");
    checkArgument(
        traces == null || traces.length == sequences.length,
        "%s traces for %s sequences",
        traces == null ? 0 : traces.length,
        sequences.length);
    Model model = compiled.model();
    int n = compiled.length();
    int vocab = model.inputVocabulary();
    for (int s = 0; s < sequences.length; s++) {
      checkArgument(
          sequences[s].length == n,
          "sequence %s has length %s, but the circuit is for n = %s",
          s,
          sequences[s].length,
          n);
      for (int t = 0; t < n; t++) {
        checkArgument(
            sequences[s][t] >= 0 && sequences[s][t] < vocab,
            "sequence %s, position %s: token %s outside [0, %s)",
            s,
            t,
            sequences[s][t],
            vocab);
      }
    }
    Evaluator evaluator = traces == null ? Evaluator.of(model) : null;
    Simulator simulator = Simulator.of(compiled.circuit());
    int[] positions = compiled.positions();
    int channels = compiled.channels();
    int bits = compiled.bits();
    int labels = model.labelVocabulary();
    int lastLayer = model.depth() - 1;
    long[] words = new long[compiled.circuit().inputCount()];
    boolean[] bad = new boolean[sequences.length];
    long badWires = 0;
    long compared = 0;
    String first = null;
    for (int from = 0; from < sequences.length; from += 64) {
      int to = Math.min(sequences.length, from + 64);
      Arrays.fill(words, 0L);
      for (int s = from; s < to; s++) {
        for (int t = 0; t < n; t++) {
          words[compiled.inputIndex(t, sequences[s][t])] |= 1L << (s - from);
        }
      }
      long[] out = simulator.simulate(words);
      for (int s = from; s < to; s++) {
        int lane = s - from;
        Trace trace = traces != null ? traces[s] : evaluator.trace(sequences[s]);
        checkArgument(
            Arrays.equals(trace.input(), sequences[s]), "trace %s is not of sequence %s", s, s);
        long[][] y = trace.outputs(lastLayer);
        int[] label = trace.labels();
        for (int t : positions) {
          for (int c = 0; c < channels; c++) {
            for (int i = 0; i < bits; i++) {
              int expected = (int) (y[t][c] >> i) & 1;
              int got = (int) (out[compiled.outputBitIndex(t, c, i)] >>> lane) & 1;
              compared++;
              if (expected != got) {
                badWires++;
                bad[s] = true;
                if (first == null) {
                  first =
                      String.format(
                          "%s: position %d, channel %d, bit %d: native %d, circuit %d (native"
                              + " output %d)",
                          describe(s, sequences[s]), t, c, i, expected, got, y[t][c]);
                }
              }
            }
          }
          for (int k = 0; k < labels; k++) {
            int expected = label[t] == k ? 1 : 0;
            int got = (int) (out[compiled.labelIndex(t, k)] >>> lane) & 1;
            compared++;
            if (expected != got) {
              badWires++;
              bad[s] = true;
              if (first == null) {
                first =
                    String.format(
                        "%s: position %d, label wire %d: native %d, circuit %d (native label %d)",
                        describe(s, sequences[s]), t, k, expected, got, label[t]);
              }
            }
          }
        }
      }
    }
    int badSamples = 0;
    for (boolean b : bad) {
      badSamples += b ? 1 : 0;
    }
    return new Result(sequences.length, badSamples, badWires, compared, first);
  }

  private static String describe(int index, int[] sequence) {
    StringBuilder s = new StringBuilder("sequence ").append(index).append(" (tokens");
    int shown = Math.min(sequence.length, 32);
    for (int t = 0; t < shown; t++) {
      s.append(' ').append(sequence[t]);
    }
    if (shown < sequence.length) {
      s.append(" ...");
    }
    return s.append(')').toString();
  }
}
