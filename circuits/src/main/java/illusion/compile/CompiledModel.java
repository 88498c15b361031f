package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import illusion.circuit.Circuit;
import illusion.circuit.CircuitStats;
import illusion.circuit.Simulator;
import illusion.ssm.Model;
import java.util.Arrays;
import java.util.Optional;

/**
 * A {@link Model} compiled by {@link ModelCompiler} for inputs of length n: the {@link Circuit} and
 * the maps from the model's terms to the circuit's inputs and outputs.
 *
 * <ul>
 *   <li>Inputs: {@code x[t][σ]} for {@code t < n}, {@code σ < model.inputVocabulary()}, one-hot per
 *       position; input index {@code t |Σ| + σ} ({@link #inputIndex}).
 *   <li>Outputs, at each position t of {@link #positions()} in increasing order: the last layer's
 *       rounded output channel c as p-bit two's complement {@code y[t][c][bit]} (bit 0 least
 *       significant), then the label one-hot {@code label[t][k]} ({@link #outputBitIndex}, {@link
 *       #labelIndex}).
 * </ul>
 *
 * <p>Immutable.
 */
public final class CompiledModel {
  private final Model model;
  private final int length;
  private final Outputs outputs;
  private final Circuit circuit;
  private final int[] positions;
  private final int[] positionSlot; // t -> index into positions, or -1
  private final int channels;
  private final int bits;
  private final ImmutableList<String> strategies;
  private final SizeEstimate projected;
  private final CircuitStats beforeLowering;
  private final Supplier<CircuitStats> stats;

  CompiledModel(
      Model model,
      int length,
      Outputs outputs,
      Circuit circuit,
      int[] positions,
      ImmutableList<String> strategies,
      SizeEstimate projected,
      CircuitStats beforeLowering) {
    this.model = model;
    this.length = length;
    this.outputs = outputs;
    this.circuit = circuit;
    this.positions = positions.clone();
    this.positionSlot = new int[length];
    Arrays.fill(positionSlot, -1);
    for (int i = 0; i < positions.length; i++) {
      positionSlot[positions[i]] = i;
    }
    this.channels = model.layer(model.depth() - 1).outputDim();
    this.bits = model.layer(model.depth() - 1).precision().bits();
    this.strategies = strategies;
    this.projected = projected;
    this.beforeLowering = beforeLowering;
    this.stats = Suppliers.memoize(() -> CircuitStats.of(circuit));
  }

  /** The compiled model. */
  public Model model() {
    return model;
  }

  /** The input length n the circuit is for. */
  public int length() {
    return length;
  }

  /** Which positions have outputs. */
  public Outputs outputs() {
    return outputs;
  }

  /** The circuit. */
  public Circuit circuit() {
    return circuit;
  }

  /** The positions with outputs, increasing: {@code n-1} alone for LAST, all for ALL. */
  public int[] positions() {
    return positions.clone();
  }

  /** The number of output channels of the last layer. */
  public int channels() {
    return channels;
  }

  /** The number p of bits per output channel (the last layer's precision). */
  public int bits() {
    return bits;
  }

  /** The strategy that compiled each layer, bottom first, e.g. {@code "convolution (Thm 4.2)"}. */
  public ImmutableList<String> strategies() {
    return strategies;
  }

  /** The size projected before building. */
  public SizeEstimate projected() {
    return projected;
  }

  /** The metrics of {@link #circuit()} (computed on first use). */
  public CircuitStats stats() {
    return stats.get();
  }

  /**
   * The metrics of the circuit before weight lowering, when {@link CompileOptions#lowerWeights()}
   * was on (compare {@link CircuitStats#maxWeightBits()} with {@link #stats()}'s); else empty.
   */
  public Optional<CircuitStats> statsBeforeLowering() {
    return Optional.ofNullable(beforeLowering);
  }

  /** The circuit input index of {@code x[t][σ]}. */
  public int inputIndex(int t, int sigma) {
    checkArgument(t >= 0 && t < length, "position %s outside [0, %s)", t, length);
    int v = model.inputVocabulary();
    checkArgument(sigma >= 0 && sigma < v, "token %s outside [0, %s)", sigma, v);
    return t * v + sigma;
  }

  /** The circuit output index of {@code y[t][channel][bit]}. */
  public int outputBitIndex(int t, int channel, int bit) {
    checkArgument(channel >= 0 && channel < channels, "channel %s outside [0, %s)", channel, channels);
    checkArgument(bit >= 0 && bit < bits, "bit %s outside [0, %s)", bit, bits);
    return slotBase(t) + channel * bits + bit;
  }

  /** The circuit output index of {@code label[t][k]}. */
  public int labelIndex(int t, int k) {
    int labels = model.labelVocabulary();
    checkArgument(k >= 0 && k < labels, "label %s outside [0, %s)", k, labels);
    return slotBase(t) + channels * bits + k;
  }

  private int slotBase(int t) {
    checkArgument(
        t >= 0 && t < length && positionSlot[t] >= 0,
        "position %s has no outputs (outputs: %s)",
        t,
        outputs == Outputs.LAST ? "position " + (length - 1) + " only" : "all positions");
    return positionSlot[t] * (channels * bits + model.labelVocabulary());
  }

  /**
   * Runs the circuit on {@code sequences} (each of length n, 64 per simulation pass) and reads the
   * labels: {@code result[s][i]} is the label at position {@code positions()[i]} of sequence s, or
   * -1 if the label wires are not one-hot there (which a correct circuit never produces).
   */
  public int[][] labels(int[][] sequences) {
    checkArgument(sequences != null, "sequences");
    Simulator simulator = Simulator.of(circuit);
    int vocab = model.inputVocabulary();
    int labels = model.labelVocabulary();
    int[][] result = new int[sequences.length][positions.length];
    long[] words = new long[circuit.inputCount()];
    for (int from = 0; from < sequences.length; from += 64) {
      int to = Math.min(sequences.length, from + 64);
      Arrays.fill(words, 0L);
      for (int s = from; s < to; s++) {
        checkArgument(
            sequences[s].length == length,
            "sequence %s has length %s, but the circuit is for n = %s",
            s,
            sequences[s].length,
            length);
        for (int t = 0; t < length; t++) {
          int token = sequences[s][t];
          checkArgument(
              token >= 0 && token < vocab,
              "sequence %s, position %s: token %s outside [0, %s)",
              s,
              t,
              token,
              vocab);
          words[t * vocab + token] |= 1L << (s - from);
        }
      }
      long[] out = simulator.simulate(words);
      for (int s = from; s < to; s++) {
        for (int i = 0; i < positions.length; i++) {
          int found = -1;
          for (int k = 0; k < labels; k++) {
            if ((out[labelIndex(positions[i], k)] >>> (s - from) & 1L) != 0) {
              found = found == -1 ? k : -2;
            }
          }
          result[s][i] = Math.max(found, -1);
        }
      }
    }
    return result;
  }

  static String inputName(int t, int sigma) {
    return "x[" + t + "][" + sigma + "]";
  }

  static String bitName(int t, int channel, int bit) {
    return "y[" + t + "][" + channel + "][" + bit + "]";
  }

  static String labelName(int t, int k) {
    return "label[" + t + "][" + k + "]";
  }

  @Override
  public String toString() {
    return "model "
        + model.name()
        + " compiled for n = "
        + length
        + " ("
        + outputs
        + "): "
        + circuit
        + ", strategies "
        + strategies;
  }
}
