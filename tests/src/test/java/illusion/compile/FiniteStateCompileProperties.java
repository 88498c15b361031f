package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.circuit.CircuitStats;
import illusion.circuit.Simulator;
import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.number.Precision;
import illusion.ssm.ConstructedModels;
import illusion.ssm.Evaluator;
import illusion.ssm.Ids4Layer;
import illusion.ssm.Layer;
import illusion.ssm.Model;
import illusion.ssm.RandomLayers;
import illusion.ssm.RnnLayer;
import illusion.tc0.PrefixNetwork;
import illusion.word.DatasetCsv;
import illusion.word.DatasetRow;
import illusion.word.WordGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The finite-state strategy end to end (Thm 5.1, 5.2): IDS4 layers over permutation and
 * transformation matrices and RNN-SSM layers compile to circuits whose every output bit, at every
 * position, equals the exact native evaluator's; {@code ids4} solves the word problem exactly on
 * the paper's data and on generated words; its depth grows by one constant per doubling of n; and
 * a layer whose states grow without bound is refused.
 */
class FiniteStateCompileProperties {

  /**
   * Thm 5.2: an IDS4 layer whose transitions are point maps with {@code B(σ) = (A(σ) - I) v}, split
   * into several channels, compiles (any prefix network) to a circuit equal bit for bit to {@link
   * Evaluator#exactOutputs} at every position.
   */
  @Property(tries = 30)
  void ids4PointMapLayersAgreeWithTheExactEvaluator(
      @ForAll @IntRange(min = 1, max = 3) int blocks,
      @ForAll @IntRange(min = 1, max = 4) int blockSize,
      @ForAll @IntRange(min = 1, max = 5) int vocab,
      @ForAll @IntRange(min = 1, max = 32) int n,
      @ForAll boolean permutationsOnly,
      @ForAll PrefixNetwork network,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Ids4Layer layer = pointMapLayer(rnd, blocks, blockSize, vocab, permutationsOnly);
    checkEveryOutputBit(layer, n, CompileOptions.builder().prefixNetwork(network).build(), rnd);
  }

  /** Thm 5.1: every RNN-SSM layer is finite-state; small ones compile and agree bit for bit. */
  @Property(tries = 30)
  void rnnLayersAgreeWithTheExactEvaluator(
      @ForAll @IntRange(min = 1, max = 3) int d,
      @ForAll @IntRange(min = 1, max = 4) int vocab,
      @ForAll @IntRange(min = 1, max = 32) int n,
      @ForAll PrefixNetwork network,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Precision p = Precision.of(8, 4);
    int m = 1 + rnd.nextInt(2);
    RnnLayer layer =
        RnnLayer.builder(p)
            .a(matrix(rnd, d, d, p))
            .b(matrix(rnd, d, vocab, p))
            .c(matrix(rnd, m, d, p))
            .d(rnd.nextBoolean() ? matrix(rnd, m, vocab, p) : null)
            .build();
    checkEveryOutputBit(layer, n, CompileOptions.builder().prefixNetwork(network).build(), rnd);
  }

  /**
   * Random IDS4 layers of every sort (dense, permutations, transformations): those that compile
   * agree bit for bit; the others are refused for too many states or too large a circuit.
   */
  @Property(tries = 25)
  void randomIds4LayersAgreeOrAreRefused(
      @ForAll @IntRange(min = 1, max = 16) int n, @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Layer layer = RandomLayers.layer(illusion.ssm.LayerKind.IDS4, rnd);
    CompileOptions options = CompileOptions.builder().maxStates(64).build();
    try {
      checkEveryOutputBit(layer, n, options, rnd);
    } catch (IllegalArgumentException e) {
      assertTrue(
          e.getMessage().contains("grow without bound") || e.getMessage().contains("above the limit"),
          e.getMessage());
    }
  }

  /** {@code ids4} on the first 200 rows of the paper's A5 data (n = 16): exact and no mismatch. */
  @Test
  void ids4IsExactOnThePaperData() throws Exception {
    FiniteGroup a5 = Groups.byName("A5");
    List<DatasetRow> rows = DatasetCsv.read(paperData("A5=16.csv"), a5).rows().subList(0, 200);
    int[][] words = new int[rows.size()][];
    int[][] targets = new int[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      words[i] = rows.get(i).input();
      targets[i] = rows.get(i).target();
    }
    checkExact(ConstructedModels.build("ids4", a5, 16), words, targets);
  }

  /** {@code ids4} on generated words over S5, A4 x Z5 and Z60 (n = 40): exact, no mismatch. */
  @Test
  void ids4IsExactOnGeneratedWords() {
    for (String name : new String[] {"S5", "A4_x_Z5", "Z60"}) {
      FiniteGroup g = Groups.byName(name);
      List<int[]> words = new ArrayList<>();
      List<int[]> targets = new ArrayList<>();
      WordGenerator.sample(g, 40, 100, 7)
          .forEach(
              (s, input, target) -> {
                words.add(input.clone());
                targets.add(target.clone());
              });
      checkExact(
          ConstructedModels.build("ids4", g, 40),
          words.toArray(new int[0][]),
          targets.toArray(new int[0][]));
    }
  }

  /**
   * Thm 5.2's Θ(log n): the depth of {@code ids4} (last output) grows by the same positive constant
   * at every doubling of n, for each prefix network; the constant is the combine's depth times the
   * growth of the network's levels.
   */
  @Test
  void ids4DepthGrowsByAConstantPerDoubling() {
    FiniteGroup a5 = Groups.byName("A5");
    Model model = ConstructedModels.build("ids4", a5, 2);
    for (PrefixNetwork network : PrefixNetwork.values()) {
      CompileOptions options = CompileOptions.builder().prefixNetwork(network).build();
      List<Integer> depths = new ArrayList<>();
      for (int n = 4; n <= 512; n *= 2) {
        depths.add(CircuitStats.of(ModelCompiler.compile(model, n, Outputs.LAST, options).circuit()).depth());
      }
      int step = depths.get(1) - depths.get(0);
      assertTrue(step > 0 && step <= 4, network + ": " + depths);
      for (int i = 1; i < depths.size(); i++) {
        assertEquals(step, depths.get(i) - depths.get(i - 1), network + ": " + depths);
      }
    }
  }

  /** A layer with A = 2I has unboundedly many states: refused with the reason, before building. */
  @Test
  void refusesALayerWhoseStatesGrowWithoutBound() {
    Precision p = Precision.of(8, 2);
    long two = 2L << p.fractionBits();
    Ids4Layer layer =
        Ids4Layer.builder(p)
            .a(new long[][][] {{{two}}, {{two}}})
            .b(new long[][] {{1L << p.fractionBits(), 0}})
            .c(new long[][] {{1}})
            .build();
    Model model =
        Model.builder("doubling", 2)
            .add(layer, RandomLayers.readout(layer, 2, new SplittableRandom(1)))
            .build();
    CompileOptions options = CompileOptions.builder().maxStates(100).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelCompiler.compile(model, 64, Outputs.LAST, options));
    assertTrue(
        e.getMessage().contains("states grow without bound (more than 100 reachable within n = 64"),
        e.getMessage());
  }

  // ---- helpers ----

  /**
   * Compiles a one-layer model for n with outputs at every position and compares each output bit
   * with {@link Evaluator#exactOutputs} on 64 random sequences.
   */
  private static void checkEveryOutputBit(
      Layer layer, int n, CompileOptions options, SplittableRandom rnd) {
    int vocab = layer.vocabularySize();
    Model model =
        Model.builder("layer", vocab).add(layer, RandomLayers.readout(layer, 3, rnd)).build();
    CompiledModel compiled =
        ModelCompiler.compile(model, n, Outputs.ALL, options);
    int[][] words = new int[64][n];
    long[] in = new long[compiled.circuit().inputCount()];
    for (int lane = 0; lane < 64; lane++) {
      for (int t = 0; t < n; t++) {
        words[lane][t] = rnd.nextInt(vocab);
        in[compiled.inputIndex(t, words[lane][t])] |= 1L << lane;
      }
    }
    long[] out = Simulator.of(compiled.circuit()).simulate(in);
    int bits = layer.precision().bits();
    for (int lane = 0; lane < 64; lane++) {
      long[][] y = Evaluator.exactOutputs(layer, words[lane]);
      for (int t = 0; t < n; t++) {
        for (int c = 0; c < layer.outputDim(); c++) {
          for (int i = 0; i < bits; i++) {
            long got = (out[compiled.outputBitIndex(t, c, i)] >>> lane) & 1;
            assertEquals((y[t][c] >> i) & 1, got, "lane " + lane + " t " + t + " c " + c + " bit " + i);
          }
        }
      }
    }
    assertTrue(CircuitAgreement.check(compiled, words).agrees());
  }

  /** The circuit's labels equal the targets at every position, and the circuit equals native. */
  private static void checkExact(Model model, int[][] words, int[][] targets) {
    int n = words[0].length;
    CompiledModel compiled = ModelCompiler.compile(model, n, Outputs.ALL);
    CircuitAgreement.Result agreement = CircuitAgreement.check(compiled, words);
    assertEquals(0, agreement.mismatches(), agreement.toString());
    Simulator sim = Simulator.of(compiled.circuit());
    int labels = model.labelVocabulary();
    for (int from = 0; from < words.length; from += 64) {
      long[] in = new long[compiled.circuit().inputCount()];
      int to = Math.min(words.length, from + 64);
      for (int s = from; s < to; s++) {
        for (int t = 0; t < n; t++) {
          in[compiled.inputIndex(t, words[s][t])] |= 1L << (s - from);
        }
      }
      long[] out = sim.simulate(in);
      for (int s = from; s < to; s++) {
        for (int t = 0; t < n; t++) {
          for (int k = 0; k < labels; k++) {
            long bit = (out[compiled.labelIndex(t, k)] >>> (s - from)) & 1;
            assertEquals(targets[s][t] == k ? 1 : 0, bit, "word " + s + " position " + t);
          }
        }
      }
    }
  }

  static Ids4Layer pointMapLayer(
      SplittableRandom rnd, int blocks, int blockSize, int vocab, boolean permutationsOnly) {
    Precision p = Precision.of(8, 2);
    int d = blocks * blockSize;
    long one = 1L << p.fractionBits();
    long[] v = new long[d];
    for (int i = 0; i < d; i++) {
      v[i] = rnd.nextInt(-3, 4);
    }
    long[][][] a = new long[vocab][d][d];
    long[][] b = new long[d][vocab];
    for (int s = 0; s < vocab; s++) {
      for (int blk = 0; blk < blocks; blk++) {
        int[] map = permutationsOnly ? permutation(rnd, blockSize) : new int[blockSize];
        if (!permutationsOnly) {
          for (int i = 0; i < blockSize; i++) {
            map[i] = rnd.nextInt(blockSize);
          }
        }
        for (int i = 0; i < blockSize; i++) {
          int row = blk * blockSize + i;
          int col = blk * blockSize + map[i];
          a[s][row][col] = one;
          b[row][s] = v[col] - v[row];
        }
      }
    }
    int m = 1 + rnd.nextInt(3);
    return Ids4Layer.builder(p)
        .a(a)
        .b(b)
        .c(matrix(rnd, m, d, p))
        .d(rnd.nextBoolean() ? matrix(rnd, m, vocab, p) : null)
        .build();
  }

  private static int[] permutation(SplittableRandom rnd, int k) {
    int[] p = new int[k];
    for (int i = 0; i < k; i++) {
      p[i] = i;
    }
    for (int i = k - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static long[][] matrix(SplittableRandom rnd, int rows, int cols, Precision p) {
    long[][] m = new long[rows][cols];
    for (long[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = rnd.nextInt(4) == 0 ? 0 : rnd.nextLong(p.minRaw(), p.maxRaw() + 1);
      }
    }
    return m;
  }

  /** {@code shared/paper-data/<file>} beside an ancestor of the working directory. */
  private static Path paperData(String file) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("paper-data");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve(file);
      }
    }
    throw new IllegalStateException("shared/paper-data not found above " + Path.of("").toAbsolutePath());
  }
}
