package illusion.compile;

import illusion.ssm.SelectiveLayer;

/** Input-dependent diagonal layers (Thm 4.4, Cor 4.5). */
final class SelectiveCompiler {
  private SelectiveCompiler() {}

  static LayerCompiler of(SelectiveLayer layer, int n) {
    throw new IllegalArgumentException("the selective strategy is not implemented yet");
  }
}
