package illusion.compile;

import illusion.ssm.Layer;
import illusion.ssm.S4DLayer;
import illusion.ssm.S4Layer;
import illusion.ssm.SelectiveLayer;

/** Chooses the {@link LayerCompiler} strategy for a layer (DESIGN.md "Layer kinds"). */
final class LayerCompilers {
  private LayerCompilers() {}

  /**
   * The strategy for {@code layer} at length {@code n}, whose outputs are read as {@code use} says.
   *
   * @throws IllegalArgumentException if the layer cannot be compiled, with the reason
   */
  static LayerCompiler forLayer(Layer layer, int n, CompileOptions options, OutputUse use) {
    switch (layer.kind()) {
      case S4:
        return ConvolutionCompiler.of((S4Layer) layer, n);
      case S4D:
        return ConvolutionCompiler.of((S4DLayer) layer, n);
      case SELECTIVE:
        return SelectiveCompiler.of((SelectiveLayer) layer, n, use);
      case IDS4:
      case RNN:
        return FiniteStateCompiler.of(layer, n, options);
      default:
        throw new IllegalArgumentException("cannot compile a " + layer.kind() + " layer");
    }
  }
}
