package illusion.ssm;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import illusion.number.Dyadic;
import java.util.ArrayList;
import java.util.List;

/**
 * The native evaluator of a {@link Model}: the recurrence of every layer, exact-then-round
 * (DESIGN.md "Semantics"), the readouts between layers, and the labels.
 *
 * <p>At position t, layer i reads the token readout i-1 produced at position t (the input token
 * for layer 0), updates its state exactly, and rounds its output {@code y_t = sat_p(floor(2^f (C
 * h_t + D x_t)))}; readout i maps {@code y_t} to the next token. States are exact: {@link
 * #exact(Model)} uses {@link Dyadic} arithmetic throughout; {@link #of(Model)} takes, per layer and
 * sequence length, a faster {@link Path} whose results are provably identical. Immutable and
 * thread-safe.
 */
public final class Evaluator {
  /** How a layer's recurrence is computed. */
  public enum Path {
    /** Exact dyadic arithmetic ({@link Dyadic}, BigInteger-backed). */
    EXACT,
    /**
     * Long arithmetic on the state scaled by 2^f: transitions with integer entries, and a bound
     * shows no overflow for the sequence length (RNN layers: sign pre-activations that fit).
     */
    LONG,
    /** Exact BigInteger numerators over one common power of two (linear kinds). */
    SCALED,
    /** Table lookups in the layer's {@link StateAutomaton} (finite reachable state set). */
    FINITE_STATE
  }

  private final Model model;
  private final ImmutableList<LayerProgram> programs;
  private final ImmutableList<ReadoutLookup> lookups;

  private Evaluator(Model model, boolean exactOnly) {
    this.model = checkNotNull(model, "model");
    ImmutableList.Builder<LayerProgram> p = ImmutableList.builder();
    ImmutableList.Builder<ReadoutLookup> r = ImmutableList.builder();
    for (int i = 0; i < model.depth(); i++) {
      p.add(new LayerProgram(model.layer(i), exactOnly));
      r.add(new ReadoutLookup(model.readout(i)));
    }
    this.programs = p.build();
    this.lookups = r.build();
  }

  /** An evaluator using the fastest exact path per layer. */
  public static Evaluator of(Model model) {
    return new Evaluator(model, false);
  }

  /** The reference evaluator: {@link Path#EXACT} for every layer. */
  public static Evaluator exact(Model model) {
    return new Evaluator(model, true);
  }

  /** The rounded outputs of a single layer on {@code tokens}, fast path: {@code [t][c]}, raw. */
  public static long[][] outputs(Layer layer, int[] tokens) {
    return single(layer, tokens, false);
  }

  /** The rounded outputs of a single layer on {@code tokens}, exact path: {@code [t][c]}, raw. */
  public static long[][] exactOutputs(Layer layer, int[] tokens) {
    return single(layer, tokens, true);
  }

  private static long[][] single(Layer layer, int[] tokens, boolean exact) {
    checkTokens(tokens, layer.vocabularySize(), 0);
    LayerProgram.LayerRunner r = new LayerProgram(layer, exact).runner(tokens.length);
    long[][] out = new long[tokens.length][layer.outputDim()];
    for (int t = 0; t < tokens.length; t++) {
      r.step(tokens[t], out[t]);
    }
    return out;
  }

  /** The model evaluated. */
  public Model model() {
    return model;
  }

  /** The path each layer takes on sequences of {@code length} tokens. */
  public List<Path> paths(int length) {
    checkArgument(length >= 0, "negative length %s", length);
    List<Path> paths = new ArrayList<>();
    for (LayerProgram p : programs) {
      paths.add(p.path(length));
    }
    return paths;
  }

  /** Evaluates one sequence and records everything (outputs, tokens, final states). */
  public Trace trace(int[] input) {
    int[] x = input.clone();
    checkTokens(x, model.inputVocabulary(), 0);
    int n = x.length;
    int depth = programs.size();
    LayerProgram.LayerRunner[] runners = runners(n);
    long[][][] outputs = new long[depth][n][];
    int[][] tokens = new int[depth][n];
    for (int t = 0; t < n; t++) {
      int token = x[t];
      for (int i = 0; i < depth; i++) {
        long[] out = new long[model.layer(i).outputDim()];
        runners[i].step(token, out);
        token = lookups.get(i).apply(out);
        outputs[i][t] = out;
        tokens[i][t] = token;
      }
    }
    Dyadic[][] states = new Dyadic[depth][];
    for (int i = 0; i < depth; i++) {
      states[i] = runners[i].state();
    }
    return new Trace(x, outputs, tokens, states);
  }

  /** The labels at every position of {@code input}. */
  public int[] labels(int[] input) {
    checkTokens(input, model.inputVocabulary(), 0);
    return labelsUnchecked(input, buffers());
  }

  /** Evaluates a batch of sequences (labels only) and measures the throughput. */
  public Evaluation run(int[][] inputs) {
    long total = 0;
    for (int s = 0; s < inputs.length; s++) {
      checkTokens(inputs[s], model.inputVocabulary(), s);
      total += inputs[s].length;
    }
    long[][] buffers = buffers();
    int[][] labels = new int[inputs.length][];
    long start = System.nanoTime();
    for (int s = 0; s < inputs.length; s++) {
      labels[s] = labelsUnchecked(inputs[s], buffers);
    }
    long nanos = System.nanoTime() - start;
    return new Evaluation(labels, total, nanos);
  }

  private int[] labelsUnchecked(int[] x, long[][] buffers) {
    int depth = programs.size();
    LayerProgram.LayerRunner[] runners = runners(x.length);
    int[] labels = new int[x.length];
    for (int t = 0; t < x.length; t++) {
      int token = x[t];
      for (int i = 0; i < depth; i++) {
        runners[i].step(token, buffers[i]);
        token = lookups.get(i).apply(buffers[i]);
      }
      labels[t] = token;
    }
    return labels;
  }

  private LayerProgram.LayerRunner[] runners(int length) {
    LayerProgram.LayerRunner[] runners = new LayerProgram.LayerRunner[programs.size()];
    for (int i = 0; i < runners.length; i++) {
      runners[i] = programs.get(i).runner(length);
    }
    return runners;
  }

  private long[][] buffers() {
    long[][] b = new long[programs.size()][];
    for (int i = 0; i < b.length; i++) {
      b[i] = new long[model.layer(i).outputDim()];
    }
    return b;
  }

  private static void checkTokens(int[] tokens, int vocab, int sequence) {
    checkNotNull(tokens, "tokens");
    for (int t = 0; t < tokens.length; t++) {
      if (tokens[t] < 0 || tokens[t] >= vocab) {
        throw new IllegalArgumentException(
            String.format(
                "sequence %d: token %d at position %d is outside the vocabulary [0, %d)",
                sequence, tokens[t], t + 1, vocab));
      }
    }
  }
}
