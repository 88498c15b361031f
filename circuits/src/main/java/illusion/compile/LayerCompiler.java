package illusion.compile;

import illusion.circuit.CircuitBuilder;
import java.util.BitSet;

/**
 * How one layer compiles for one length n: the extension point of {@link ModelCompiler}, one
 * implementation per strategy, made by {@link LayerCompilers#forLayer}. An instance is created for
 * a (layer, n, options) triple; its constructor validates the layer (throwing {@link
 * IllegalArgumentException} with the reason it cannot be compiled) and precomputes what the three
 * methods share (a convolution kernel, a state set), so that {@link #estimate} runs before anything
 * is built.
 *
 * <p>Positions are {@code 0 .. n-1}. Token wires are one-hot: {@code tokens[t][σ]} is the literal
 * "the layer's input token at t is σ", exactly one true per position.
 */
interface LayerCompiler {

  /** The strategy's name as reports show it, e.g. {@code "convolution (Thm 4.2)"}. */
  String strategy();

  /** The positions whose tokens the outputs at {@code outputPositions} depend on. */
  BitSet inputPositions(BitSet outputPositions);

  /**
   * The projected size of {@link #compile} for {@code outputPositions}, with the output stage's
   * thermometers, plus their bit gates when {@code withBits} (the last layer).
   */
  SizeEstimate estimate(BitSet outputPositions, boolean withBits);

  /**
   * An upper bound on the number of thermometer levels of output {@code channel} at position t
   * (the size of the range its rounded value can take, less one), for the readout's projection;
   * -1 when unknown, and then the whole p-bit range is assumed.
   */
  default long levels(int t, int channel) {
    return -1;
  }

  /**
   * Builds the layer: {@code tokens[t]} is non-null for every t in {@link
   * #inputPositions(BitSet) inputPositions(outputPositions)}. Returns {@code out} with {@code
   * out[t][c]} the rounded output channel c at every t in {@code outputPositions} (other rows null),
   * normally made by {@link OutputStage#round}.
   */
  RoundedOutput[][] compile(CircuitBuilder b, int[][] tokens, BitSet outputPositions);
}
