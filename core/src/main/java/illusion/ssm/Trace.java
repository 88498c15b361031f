package illusion.ssm;

import static com.google.common.base.Preconditions.checkElementIndex;

import illusion.number.Dyadic;

/**
 * Everything the native evaluator computed on one input sequence of length n: per layer the
 * rounded outputs at every position (raw p-bit integers), the tokens its readout produced, and the
 * exact final state; the labels are the last readout's tokens. Accessors return copies.
 */
public final class Trace {
  private final int[] input;
  private final long[][][] outputs; // [layer][t][channel]
  private final int[][] tokens; // [layer][t]
  private final Dyadic[][] finalStates; // [layer][i]

  Trace(int[] input, long[][][] outputs, int[][] tokens, Dyadic[][] finalStates) {
    this.input = input;
    this.outputs = outputs;
    this.tokens = tokens;
    this.finalStates = finalStates;
  }

  /** The sequence length n. */
  public int length() {
    return input.length;
  }

  /** The number of layers. */
  public int depth() {
    return outputs.length;
  }

  /** The input tokens. */
  public int[] input() {
    return input.clone();
  }

  /** Layer {@code layer}'s rounded outputs: {@code [t][c]} is {@code y_{t+1}[c]} as a raw value. */
  public long[][] outputs(int layer) {
    checkElementIndex(layer, outputs.length, "layer");
    return Matrices.copy(outputs[layer]);
  }

  /** The tokens readout {@code layer} produced at every position (the next layer's input). */
  public int[] tokens(int layer) {
    checkElementIndex(layer, tokens.length, "layer");
    return tokens[layer].clone();
  }

  /** The labels: the last readout's tokens at every position. */
  public int[] labels() {
    return tokens[tokens.length - 1].clone();
  }

  /** Layer {@code layer}'s exact state {@code h_n} after the whole sequence. */
  public Dyadic[] finalState(int layer) {
    checkElementIndex(layer, finalStates.length, "layer");
    return finalStates[layer].clone();
  }
}
