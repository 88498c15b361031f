package illusion.ssm;

import illusion.number.Precision;

/**
 * One SSM layer of the paper's Def. 2.1 over one-hot token inputs: state {@code h_t} of dimension
 * d with {@code h_0 = 0}, input token {@code x_t} from a vocabulary of size |Σ|, and m output
 * channels
 *
 * <pre>
 *   h_t = A_t h_{t-1} + B x_t       (kind-specific, see the implementations)
 *   y_t = sat_p(floor(2^f (C h_t + D x_t)))    (raw p-bit integers)
 * </pre>
 *
 * <p>All parameters are fixed point at the layer's {@link #precision()} and are stored as raw
 * integers (value = raw / 2^f); the accessors return fresh copies. The state is kept exactly and
 * only the output is rounded (DESIGN.md "Semantics"). A one-hot {@code x_t = e_σ} selects column σ
 * of B and of D.
 *
 * <p>Implementations are immutable value types built by their {@code builder(Precision)}, which
 * validates shapes and ranges.
 */
public sealed interface Layer permits S4Layer, S4DLayer, SelectiveLayer, Ids4Layer, RnnLayer {

  /** The kind, which determines the recurrence and the class. */
  LayerKind kind();

  /** The fixed-point format of every parameter and of the output. */
  Precision precision();

  /** The state dimension d. */
  int stateDim();

  /** The number m of output channels. */
  int outputDim();

  /** The input vocabulary size |Σ|. */
  int vocabularySize();

  /** B as raw values, d x |Σ|: column σ is added to the state on token σ. */
  long[][] rawB();

  /** C as raw values, m x d. */
  long[][] rawC();

  /** D as raw values, m x |Σ|: column σ is added to the output on token σ. */
  long[][] rawD();
}
