package illusion.verify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import illusion.compile.Outputs;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import illusion.ssm.ModelJson;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A model and a token sequence on which the compiled circuit and the native evaluator disagree,
 * or on which compiling or simulating failed: everything needed to reproduce the failure ({@code
 * illusion verify --model <file> --tokens "<tokens>" --outputs <outputs>}). Immutable.
 */
public final class Counterexample {
  /** What went wrong. */
  public enum Failure {
    /** Circuit and native evaluator disagree on an output bit or the label. */
    MISMATCH,
    /** Compiling or simulating threw where it should have produced a circuit or a refusal. */
    CRASH,
    /** Compiling and simulating took longer than the time limit. */
    TIMEOUT
  }

  private final Model model;
  private final int[] tokens;
  private final Outputs outputs;
  private final Failure failure;
  private final String detail;

  Counterexample(Model model, int[] tokens, Outputs outputs, Failure failure, String detail) {
    this.model = checkNotNull(model, "model");
    checkArgument(tokens.length >= 1, "a counterexample needs at least one token");
    this.tokens = tokens.clone();
    this.outputs = checkNotNull(outputs, "outputs");
    this.failure = checkNotNull(failure, "failure");
    this.detail = checkNotNull(detail, "detail");
  }

  /** The model (its layers and readouts). */
  public Model model() {
    return model;
  }

  /** The input tokens. */
  public int[] tokens() {
    return tokens.clone();
  }

  /** The positions compiled with outputs. */
  public Outputs outputs() {
    return outputs;
  }

  /** The kind of failure. */
  public Failure failure() {
    return failure;
  }

  /**
   * The first disagreement, e.g. {@code "position 2, output channel 0: native -3, circuit 5
   * (raw)"}, or the exception of a crash.
   */
  public String detail() {
    return detail;
  }

  /** The model in the JSON model format ({@link ModelJson#write}). */
  public String modelJson() {
    return ModelJson.write(model);
  }

  /** The tokens separated by single spaces, as {@code --tokens} reads them. */
  public String tokenText() {
    return Arrays.stream(tokens).mapToObj(Integer::toString).collect(Collectors.joining(" "));
  }

  /**
   * The size of the case in one line, e.g. {@code "1 layer (s4, d=1, m=1, |Σ|=2, p=3, f=1), n=3"}
   * (layers separated by {@code "; "}).
   */
  public String size() {
    StringBuilder s = new StringBuilder();
    s.append(model.depth()).append(model.depth() == 1 ? " layer (" : " layers (");
    for (int i = 0; i < model.depth(); i++) {
      Layer l = model.layer(i);
      s.append(i == 0 ? "" : "; ")
          .append(l.kind().id())
          .append(", d=")
          .append(l.stateDim())
          .append(", m=")
          .append(l.outputDim())
          .append(", |Σ|=")
          .append(l.vocabularySize())
          .append(", p=")
          .append(l.precision().bits())
          .append(", f=")
          .append(l.precision().fractionBits());
    }
    return s.append("), n=").append(tokens.length).toString();
  }

  @Override
  public String toString() {
    return failure + " on " + size() + ", tokens [" + tokenText() + "], outputs " + outputs + ": " + detail;
  }
}
