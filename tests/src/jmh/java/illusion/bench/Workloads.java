package illusion.bench;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.compile.CompileOptions;
import illusion.compile.CompiledModel;
import illusion.compile.ModelCompiler;
import illusion.compile.Outputs;
import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Model;
import illusion.ssm.RandomModels;
import java.util.SplittableRandom;

/**
 * The models the benchmarks run, by one name each, and random token sequences for them.
 *
 * <ul>
 *   <li>{@code ids4}: the IDS4 layer over A5's action on 5 points (finite-state prefix, AND/OR);
 *   <li>{@code diag-stack}: the derived-series counter layers over A4 x Z5 (threshold gates;
 *       {@code diag-stack} does not exist for A5, which is not solvable);
 *   <li>{@code s4-random}: {@code RandomModels}' random S4 layer over 60 tokens, seed 1
 *       (a convolution kernel: thermometers over one shared weighted sum).
 * </ul>
 */
final class Workloads {
  /** The seed of {@code s4-random}. */
  static final long S4_SEED = 1;

  private Workloads() {}

  /** The group a workload runs on: A5, except A4 x Z5 for {@code diag-stack}. */
  static FiniteGroup group(String workload) {
    return Groups.byName(workload.equals("diag-stack") ? "A4_x_Z5" : "A5");
  }

  /** The model of a workload, with counters sized for length n. */
  static Model model(String workload, int n) {
    switch (workload) {
      case "ids4":
      case "diag-stack":
        return ConstructedModels.build(workload, group(workload), n);
      case "s4-random":
        return RandomModels.build("s4-random", 60, S4_SEED);
      default:
        throw new IllegalArgumentException(
            "unknown workload '" + workload + "': expected ids4, diag-stack or s4-random");
    }
  }

  /**
   * The model compiled for length n, outputs at the last position; the wire limit is lifted to
   * what the heap allows (a benchmark JVM runs with a large heap).
   */
  static CompiledModel compile(String workload, int n, Outputs outputs) {
    return compileOn(model(workload, n), n, outputs);
  }

  /** {@code model} compiled for length n, with the wire limit lifted as for {@link #compile}. */
  static CompiledModel compileOn(Model model, int n, Outputs outputs) {
    CompileOptions options =
        CompileOptions.builder().wireLimit(Runtime.getRuntime().maxMemory() / 32).build();
    return ModelCompiler.compile(model, n, outputs, options);
  }

  /** {@code count} random sequences of length n over the workload's vocabulary. */
  static int[][] sequences(Model model, int count, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int v = model.inputVocabulary();
    int[][] seqs = new int[count][n];
    for (int s = 0; s < count; s++) {
      for (int t = 0; t < n; t++) {
        seqs[s][t] = r.nextInt(v);
      }
    }
    return seqs;
  }

  /**
   * The circuit input words of 64 sequences (lane j = sequence {@code from + j}; missing
   * sequences leave their lanes 0): input {@code t |Σ| + σ} is the one-hot wire x[t][σ].
   */
  static long[] inputWords(int[][] sequences, int from, int vocabulary, long[] words) {
    java.util.Arrays.fill(words, 0L);
    int to = Math.min(sequences.length, from + 64);
    for (int s = from; s < to; s++) {
      int[] seq = sequences[s];
      checkArgument(seq.length * vocabulary == words.length, "sequence %s has the wrong length", s);
      long bit = 1L << (s - from);
      for (int t = 0; t < seq.length; t++) {
        words[t * vocabulary + seq[t]] |= bit;
      }
    }
    return words;
  }
}
