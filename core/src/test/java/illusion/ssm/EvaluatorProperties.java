package illusion.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EvaluatorProperties {

  private static int[] tokens(SplittableRandom rnd, int vocab, int maxLength) {
    int[] x = new int[rnd.nextInt(maxLength + 1)];
    for (int t = 0; t < x.length; t++) {
      x[t] = rnd.nextInt(vocab);
    }
    return x;
  }

  /**
   * Semantics (DESIGN.md; the paper's Def. A.1–A.3): the exact evaluator's rounded outputs and
   * final state equal Def. 2.1 evaluated per kind on BigInteger fractions.
   */
  @Property(tries = 150)
  void exactEvaluatorFollowsTheDefinition(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Layer layer = RandomLayers.layer(rnd);
    int[] x = tokens(rnd, layer.vocabularySize(), 12);
    Reference ref = Reference.run(layer, x);
    assertArrayEquals(ref.outputs, Evaluator.exactOutputs(layer, x), layer.toString());
    if (x.length > 0) {
      Model model = Model.builder("m", layer.vocabularySize())
          .add(layer, RandomLayers.readout(layer, 3, rnd)).build();
      assertArrayEquals(ref.finalState, Reference.of(Evaluator.exact(model).trace(x).finalState(0)));
    }
  }

  /** The fast paths (long arithmetic, finite-state tables) give exactly the exact path's outputs. */
  @Property(tries = 200)
  void fastPathsEqualExactPath(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Layer layer = RandomLayers.layer(rnd);
    int[] x = tokens(rnd, layer.vocabularySize(), 40);
    assertArrayEquals(Evaluator.exactOutputs(layer, x), Evaluator.outputs(layer, x), layer.toString());
  }

  /** Same for whole random models: outputs, tokens between layers, labels and final states. */
  @Property(tries = 60)
  void fastModelEqualsExactModel(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Model model = RandomLayers.model(1 + rnd.nextInt(4), 1 + rnd.nextInt(4), 1 + rnd.nextInt(3), rnd);
    int[] x = tokens(rnd, model.inputVocabulary(), 30);
    Trace fast = Evaluator.of(model).trace(x);
    Trace exact = Evaluator.exact(model).trace(x);
    for (int i = 0; i < model.depth(); i++) {
      assertArrayEquals(exact.outputs(i), fast.outputs(i));
      assertArrayEquals(exact.tokens(i), fast.tokens(i));
      assertArrayEquals(exact.finalState(i), fast.finalState(i));
    }
    assertArrayEquals(exact.labels(), Evaluator.of(model).labels(x));
    assertArrayEquals(exact.labels(), Evaluator.of(model).run(new int[][] {x}).labels(0));
  }

  /**
   * Thm 4.2's convolutional form: for S4 and S4D, h_t = Σ_j A^{t-j} B x_j with the exactly computed
   * kernel gives the recurrence's outputs and final state.
   */
  @Property(tries = 150)
  void recurrentEqualsConvolutional(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Layer layer = RandomLayers.layer(rnd.nextBoolean() ? LayerKind.S4 : LayerKind.S4D, rnd);
    int[] x = tokens(rnd, layer.vocabularySize(), 16);
    assertArrayEquals(Evaluator.exactOutputs(layer, x), Convolution.outputs(layer, x));
    Model model = Model.builder("m", layer.vocabularySize())
        .add(layer, RandomLayers.readout(layer, 2, rnd)).build();
    assertArrayEquals(Evaluator.exact(model).trace(x).finalState(0), Convolution.state(layer, x));
  }

  /** Every path is taken by some random layers, so the properties above compare all of them. */
  @Test
  void randomLayersExerciseEveryPath() {
    Set<Evaluator.Path> seen = EnumSet.noneOf(Evaluator.Path.class);
    Set<LayerKind> longKinds = EnumSet.noneOf(LayerKind.class);
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 300; i++) {
      Layer layer = RandomLayers.layer(rnd);
      Model model = Model.builder("m", layer.vocabularySize())
          .add(layer, RandomLayers.readout(layer, 2, rnd)).build();
      Evaluator.Path path = Evaluator.of(model).paths(40).get(0);
      seen.add(path);
      if (path == Evaluator.Path.LONG) {
        longKinds.add(layer.kind());
      }
    }
    assertEquals(EnumSet.complementOf(EnumSet.of(Evaluator.Path.EXACT)), seen);
    assertTrue(longKinds.containsAll(EnumSet.of(LayerKind.S4, LayerKind.S4D, LayerKind.SELECTIVE)), longKinds.toString());
  }

  /**
   * The long path is taken only while its overflow bound holds: an integer transition of norm 2
   * runs on longs for short sequences and falls back to exact arithmetic for long ones, with
   * identical outputs either way.
   */
  @Test
  void longPathFallsBackBeyondItsBound() {
    illusion.number.Precision p = illusion.number.Precision.of(8, 0);
    Layer layer = S4DLayer.builder(p).a(new long[] {2}).b(new long[][] {{1, -1}}).c(new long[][] {{1}}).build();
    Model model = Model.builder("doubling", 2).add(layer, Readout.builder(new int[] {2}, 2).build()).build();
    assertEquals(Evaluator.Path.LONG, Evaluator.of(model).paths(20).get(0));
    assertEquals(Evaluator.Path.SCALED, Evaluator.of(model).paths(100).get(0));
    int[] x = new int[100];
    for (int t = 0; t < x.length; t++) {
      x[t] = t % 3 == 0 ? 1 : 0;
    }
    assertArrayEquals(Reference.run(layer, x).outputs, Evaluator.outputs(layer, x));
  }
}
