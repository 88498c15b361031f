package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import illusion.ssm.Model;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RandomCasesTest {

  /** When there are at most 64 words of length n, a batch holds every one of them. */
  @Property(tries = 40)
  void smallWordSpacesAreEnumerated(
      @ForAll @IntRange(min = 1, max = 4) int vocab, @ForAll @IntRange(min = 1, max = 6) int n) {
    Assume.that(Math.pow(vocab, n) <= 64);
    int[][] s = RandomCases.sequences(64, n, vocab, new SplittableRandom(n * 31L + vocab));
    Set<String> words = new HashSet<>();
    for (int[] w : s) {
      assertEquals(n, w.length);
      for (int x : w) {
        assertTrue(x >= 0 && x < vocab);
      }
      words.add(Arrays.toString(w));
    }
    assertEquals((int) Math.pow(vocab, n), words.size());
  }

  /** Every shape gives tokens in the vocabulary. */
  @Property(tries = 100)
  void shapesStayInTheVocabulary(
      @ForAll RandomCases.Shape shape,
      @ForAll @IntRange(min = 1, max = 9) int vocab,
      @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll long seed) {
    int[] w = new int[n];
    RandomCases.fill(w, vocab, shape, new SplittableRandom(seed));
    for (int x : w) {
      assertTrue(x >= 0 && x < vocab, shape + " gave " + x);
    }
  }

  /**
   * Models are valid for the kind asked (builders validate), and taking a layer apart and
   * rebuilding it gives it back.
   */
  @Property(tries = 100)
  void modelsHaveTheKindAndLayerPartsRoundTrip(@ForAll LayerKind kind, @ForAll long seed) {
    Model m = RandomCases.model(kind, 6, new SplittableRandom(seed));
    assertEquals(kind, m.layer(0).kind());
    assertTrue(m.depth() <= 2);
    for (Layer l : m.layers()) {
      assertEquals(l, LayerParts.of(l).build());
      LayerParts parts = LayerParts.of(l);
      if (l.stateDim() > 1) {
        assertEquals(l.stateDim() - 1, parts.withoutState(0).build().stateDim());
      }
      if (l.outputDim() > 1) {
        assertEquals(l.outputDim() - 1, parts.withoutOutput(0).build().outputDim());
      }
      if (l.vocabularySize() > 1) {
        assertEquals(l.vocabularySize() - 1, parts.withoutToken(0).build().vocabularySize());
      }
    }
  }
}
