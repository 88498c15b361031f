package illusion.compile;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.CircuitStats;
import illusion.ssm.Model;
import illusion.ssm.Readout;
import illusion.tc0.LowerWeights;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Compiles a {@link Model} for inputs of length n into one threshold {@link Circuit} that agrees
 * bit for bit with the model's exact-then-round semantics (DESIGN.md "Semantics"). Each layer is
 * compiled by the strategy of its kind ({@link LayerCompilers}); each readout becomes a table lookup
 * whose one-hot output feeds the next layer's token wires, at just the positions that layer needs.
 *
 * <p>The size is projected first, and a projection above {@link CompileOptions#wireLimit()} is
 * refused with {@link IllegalArgumentException} before anything is built.
 */
public final class ModelCompiler {
  private ModelCompiler() {}

  /** {@link #compile(Model, int, Outputs, CompileOptions)} with {@link CompileOptions#defaults()}. */
  public static CompiledModel compile(Model model, int n, Outputs outputs) {
    return compile(model, n, outputs, CompileOptions.defaults());
  }

  /**
   * Compiles {@code model} for length {@code n}.
   *
   * @throws IllegalArgumentException if a layer cannot be compiled (with the reason), or the
   *     projected size exceeds the wire limit (with the projection and the limit)
   */
  public static CompiledModel compile(
      Model model, int n, Outputs outputs, CompileOptions options) {
    Plan plan = plan(model, n, outputs, options);
    if (plan.size.storedWires() > options.wireLimit()) {
      throw new IllegalArgumentException(
          String.format(
              "compiling model %s for n = %d would take about %s, above the limit of %,d stored"
                  + " wires (raise the wire limit or the heap)",
              model.name(),
              n,
              plan.size,
              options.wireLimit()));
    }
    return plan.build();
  }

  /**
   * The size {@link #compile} would project for these arguments, without building.
   *
   * @throws IllegalArgumentException if a layer cannot be compiled
   */
  public static SizeEstimate project(Model model, int n, Outputs outputs, CompileOptions options) {
    return plan(model, n, outputs, options).size;
  }

  private static Plan plan(Model model, int n, Outputs outputs, CompileOptions options) {
    checkNotNull(model, "model");
    checkNotNull(outputs, "outputs");
    checkNotNull(options, "options");
    checkArgument(n >= 1, "length n must be at least 1, got %s", n);
    int depth = model.depth();
    LayerCompiler[] layers = new LayerCompiler[depth];
    for (int l = 0; l < depth; l++) {
      try {
        OutputUse use = OutputUse.of(model.readout(l).moduli(), l == depth - 1);
        layers[l] = LayerCompilers.forLayer(model.layer(l), n, options, use);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "model " + model.name() + ", layer " + l + ": " + e.getMessage(), e);
      }
    }
    // needed[l]: the positions at which layer l's outputs (and readout l) are needed
    BitSet[] needed = new BitSet[depth];
    needed[depth - 1] = new BitSet(n);
    if (outputs == Outputs.LAST) {
      needed[depth - 1].set(n - 1);
    } else {
      needed[depth - 1].set(0, n);
    }
    for (int l = depth - 1; l > 0; l--) {
      needed[l - 1] = layers[l].inputPositions(needed[l]);
    }
    SizeEstimate size = SizeEstimate.of(0, 0, (long) n * model.inputVocabulary());
    for (int l = 0; l < depth; l++) {
      boolean last = l == depth - 1;
      size = size.plus(layers[l].estimate(needed[l], last));
      Readout readout = model.readout(l);
      long full = ReadoutCompiler.fullLevels(model.layer(l).precision());
      long[] levels = new long[readout.channels()];
      for (int t = needed[l].nextSetBit(0); t >= 0; t = needed[l].nextSetBit(t + 1)) {
        for (int c = 0; c < levels.length; c++) {
          long k = layers[l].levels(t, c);
          levels[c] = k < 0 ? full : Math.min(k, full);
        }
        size = size.plus(ReadoutCompiler.estimate(readout, levels));
      }
    }
    return new Plan(model, n, outputs, layers, needed, size, options);
  }

  /** The strategies chosen for a model, the positions each layer is needed at, and the size. */
  private static final class Plan {
    final Model model;
    final int n;
    final Outputs outputs;
    final LayerCompiler[] layers;
    final BitSet[] needed;
    final SizeEstimate size;
    final CompileOptions options;

    Plan(
        Model model,
        int n,
        Outputs outputs,
        LayerCompiler[] layers,
        BitSet[] needed,
        SizeEstimate size,
        CompileOptions options) {
      this.model = model;
      this.n = n;
      this.outputs = outputs;
      this.layers = layers;
      this.needed = needed;
      this.size = size;
      this.options = options;
    }

    CompiledModel build() {
      int vocab = model.inputVocabulary();
      long inputs = (long) n * vocab;
      long outputCount =
          (long) needed[model.depth() - 1].cardinality()
              * (model.labelVocabulary() + model.layer(model.depth() - 1).outputDim());
      // sized by the projection, so that the builder's arrays do not grow while it builds
      CircuitBuilder b =
          CircuitBuilder.withExpectedSize(
              size.gates() + inputs + 2, size.storedWires(), inputs + outputCount);
      String[] names = new String[Math.toIntExact(inputs)];
      for (int t = 0, i = 0; t < n; t++) {
        for (int s = 0; s < vocab; s++) {
          names[i++] = CompiledModel.inputName(t, s);
        }
      }
      int[] nodes = b.inputs(names);
      int[][] tokens = new int[n][];
      for (int t = 0; t < n; t++) {
        tokens[t] = Arrays.copyOfRange(nodes, t * vocab, (t + 1) * vocab);
      }
      int depth = model.depth();
      RoundedOutput[][] out = null;
      ImmutableList.Builder<String> strategies = ImmutableList.builder();
      for (int l = 0; l < depth; l++) {
        out = layers[l].compile(b, tokens, needed[l]);
        strategies.add(layers[l].strategy());
        Readout readout = model.readout(l);
        int[][] next = new int[n][];
        for (int t = needed[l].nextSetBit(0); t >= 0; t = needed[l].nextSetBit(t + 1)) {
          next[t] = ReadoutCompiler.compile(b, readout, out[t]);
        }
        tokens = next;
      }
      int[] positions = needed[depth - 1].stream().toArray();
      int channels = model.layer(depth - 1).outputDim();
      int labels = model.labelVocabulary();
      List<String> outputNames = new ArrayList<>();
      IntArrayList outputLiterals = new IntArrayList();
      for (int t : positions) {
        for (int c = 0; c < channels; c++) {
          int[] bits = out[t][c].bits(b);
          for (int i = 0; i < bits.length; i++) {
            outputNames.add(CompiledModel.bitName(t, c, i));
            outputLiterals.add(bits[i]);
          }
        }
        for (int k = 0; k < labels; k++) {
          outputNames.add(CompiledModel.labelName(t, k));
          outputLiterals.add(tokens[t][k]);
        }
      }
      b.outputs(outputNames.toArray(new String[0]), outputLiterals.toIntArray());
      Circuit circuit = b.build();
      CircuitStats before = null;
      if (options.lowerWeights()) {
        before = CircuitStats.of(circuit);
        circuit = LowerWeights.lower(circuit, options.maxWeightBits());
      }
      return new CompiledModel(
          model, n, outputs, circuit, positions, strategies.build(), size, before);
    }
  }
}
