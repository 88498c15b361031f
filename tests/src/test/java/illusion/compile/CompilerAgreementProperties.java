package illusion.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import illusion.ssm.RandomLayers;
import illusion.ssm.SelectiveLayer;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * The compiled circuit of a layer computes exactly what the layer computes (DESIGN.md
 * "Semantics": exact-then-round, bit for bit): for random layers (shapes, precisions, parameters,
 * exponents and RESETs) with random readouts, and random token sequences of length n ≤ 32, every
 * output bit and label wire at every position of {@code simulate(compile(layer))} equals the
 * native evaluator's.
 */
class CompilerAgreementProperties {
  private static final int MAX_LENGTH = 32;

  /** Thm 4.2: a non-gated S4 layer (any fixed A) is a threshold circuit over its inputs. */
  @Property(tries = 60)
  void s4LayersCompileExactly(@ForAll("s4") Tuple2<LayerSpec, List<int[]>> example) {
    check(example);
  }

  /** Thm 4.2 / Cor 4.3 with a diagonal A (S4D). */
  @Property(tries = 60)
  void s4dLayersCompileExactly(@ForAll("s4d") Tuple2<LayerSpec, List<int[]>> example) {
    check(example);
  }

  /** Thm 4.4 / Cor 4.5: a selective diagonal layer (exponents, RESETs, a in [-1, 1]). */
  @Property(tries = 60)
  void selectiveLayersCompileExactly(
      @ForAll("selective") Tuple2<LayerSpec, List<int[]>> example) {
    check(example);
  }

  /**
   * The same on the project's own random layers ({@link RandomLayers}, all three kinds, with
   * random readouts), for p ≤ 9 (the thermometer has 2^p levels).
   */
  @Property(tries = 60)
  void randomLayersOfTheModelPackageCompileExactly(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LayerKind[] kinds = {LayerKind.S4, LayerKind.S4D, LayerKind.SELECTIVE};
    Layer layer = RandomLayers.layer(kinds[random.nextInt(kinds.length)], random);
    Assume.that(layer.precision().bits() <= 9);
    Model model =
        Model.builder("random", layer.vocabularySize())
            .add(layer, RandomLayers.readout(layer, 1 + random.nextInt(3), random))
            .build();
    int n = 1 + random.nextInt(16);
    int[][] sequences = new int[64][n];
    for (int[] s : sequences) {
      for (int t = 0; t < n; t++) {
        s[t] = random.nextInt(layer.vocabularySize());
      }
    }
    CompiledModel compiled = ModelCompiler.compile(model, n, Outputs.ALL);
    CircuitAgreement.Result result = CircuitAgreement.check(compiled, sequences);
    assertTrue(result.agrees(), () -> "seed " + seed + ", " + layer + ": " + result);
  }

  private static void check(Tuple2<LayerSpec, List<int[]>> example) {
    LayerSpec spec = example.get1();
    int[][] sequences = example.get2().toArray(new int[0][]);
    int n = sequences[0].length;
    CompiledModel compiled = ModelCompiler.compile(spec.model(), n, Outputs.ALL);
    CircuitAgreement.Result result = CircuitAgreement.check(compiled, sequences);
    assertTrue(result.agrees(), result::toString);
    assertTrue(result.comparedWires() > 0, "nothing compared");
  }

  @Provide
  Arbitrary<Tuple2<LayerSpec, List<int[]>>> s4() {
    return examples(LayerKind.S4);
  }

  @Provide
  Arbitrary<Tuple2<LayerSpec, List<int[]>>> s4d() {
    return examples(LayerKind.S4D);
  }

  @Provide
  Arbitrary<Tuple2<LayerSpec, List<int[]>>> selective() {
    return examples(LayerKind.SELECTIVE);
  }

  private static Arbitrary<Tuple2<LayerSpec, List<int[]>>> examples(LayerKind kind) {
    return specs(kind)
        .flatMap(
            spec ->
                Arbitraries.integers()
                    .between(1, MAX_LENGTH)
                    .flatMap(n -> sequences(spec.vocabulary(), n))
                    .map(seqs -> Tuple.of(spec, seqs)));
  }

  private static Arbitrary<List<int[]>> sequences(int vocabulary, int n) {
    return Arbitraries.integers()
        .between(0, vocabulary - 1)
        .array(int[].class)
        .ofSize(n)
        .list()
        .ofMinSize(1)
        .ofMaxSize(48);
  }

  /** Shapes: p in 3..8, f in 0..min(3, p-2) (so 1 is representable), d 1..3, m 1..2, |Σ| 1..4. */
  static Arbitrary<LayerSpec> specs(LayerKind kind) {
    return Combinators.combine(
            Arbitraries.integers().between(3, 8),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(1, 2),
            Arbitraries.integers().between(1, 4))
        .as((p, f, d, m, v) -> new int[] {p, Math.min(f, p - 2), d, m, v})
        .flatMap(shape -> spec(kind, shape[0], shape[1], shape[2], shape[3], shape[4]));
  }

  private static Arbitrary<LayerSpec> spec(LayerKind kind, int p, int f, int d, int m, int v) {
    long min = -(1L << (p - 1));
    long max = (1L << (p - 1)) - 1;
    long one = 1L << f;
    Arbitrary<long[][]> a;
    Arbitrary<int[][]> exponents = Arbitraries.just(null);
    switch (kind) {
      case S4:
        a = matrix(raw(-one, one), d, d);
        break;
      case S4D:
        a = matrix(raw(-one, one), 1, d);
        break;
      default:
        a =
            matrix(
                Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just(one)),
                    Tuple.of(1, Arbitraries.just(-one)),
                    Tuple.of(1, Arbitraries.just(0L)),
                    Tuple.of(3, Arbitraries.longs().between(-one, one))),
                1,
                d);
        exponents =
            Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just(SelectiveLayer.RESET)),
                    Tuple.of(5, Arbitraries.integers().between(0, 3)))
                .array(int[].class)
                .ofSize(v)
                .array(int[][].class)
                .ofSize(d);
        break;
    }
    Arbitrary<int[]> moduli = Arbitraries.integers().between(1, 3).array(int[].class).ofSize(m);
    Arbitrary<Integer> labels = Arbitraries.integers().between(1, 3);
    return Combinators.combine(
            a,
            exponents,
            matrix(raw(min, max), d, v),
            matrix(raw(min, max), m, d),
            matrix(raw(min, max), m, v),
            moduli,
            labels)
        .flatAs(
            (aa, e, bb, cc, dd, mod, lab) -> {
              int size = 1;
              for (int x : mod) {
                size *= x;
              }
              return Arbitraries.integers()
                  .between(0, lab - 1)
                  .array(int[].class)
                  .ofSize(size)
                  .map(table -> new LayerSpec(kind, p, f, aa, e, bb, cc, dd, mod, lab, table));
            });
  }

  /** Raw values in [lo, hi], a quarter of them zero. */
  private static Arbitrary<Long> raw(long lo, long hi) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(0L)), Tuple.of(3, Arbitraries.longs().between(lo, hi)));
  }

  private static Arbitrary<long[][]> matrix(Arbitrary<Long> entries, int rows, int cols) {
    return entries.array(long[].class).ofSize(cols).array(long[][].class).ofSize(rows);
  }
}
