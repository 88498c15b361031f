package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.FiniteGroup;
import illusion.word.PrefixProducts;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Prop 3.3's swap programs and coin stories: faithful encodings of S5 words. */
class TextReductionProperties {
  private static final FiniteGroup S5 = Transpositions.S5;

  /** parse(generate(w)) == w for swap programs. */
  @Property(tries = 200)
  void swapProgramsRoundTrip(@ForAll("words") int[] word) {
    assertArrayEquals(word, SwapProgram.parse(SwapProgram.generate(word)));
  }

  /** Executing the program leaves x[q] = s_t(q) after step t (the prefix product, one-line). */
  @Property(tries = 200)
  void swapProgramTrackerFollowsThePrefixProducts(@ForAll("words") int[] word) {
    int[][] states = SwapProgram.track(SwapProgram.generate(word));
    int[] prefix = PrefixProducts.of(S5, word);
    assertEquals(word.length, states.length);
    for (int t = 0; t < word.length; t++) {
      assertArrayEquals(S5.permutationRepresentation()[prefix[t]], states[t]);
    }
  }

  /** parse(generate(w, seed)) == w for coin stories, whatever wordings the seed picks. */
  @Property(tries = 200)
  void storiesRoundTrip(@ForAll("words") int[] word, @ForAll long seed) {
    assertArrayEquals(word, CoinStory.parse(CoinStory.generate(word, seed)));
  }

  /** After sentence t, person q holds the coin person s_t(q) started with. */
  @Property(tries = 200)
  void storyTrackerFollowsThePrefixProducts(@ForAll("words") int[] word, @ForAll long seed) {
    int[][] states = CoinStory.track(CoinStory.generate(word, seed));
    int[] prefix = PrefixProducts.of(S5, word);
    for (int t = 0; t < word.length; t++) {
      assertArrayEquals(S5.permutationRepresentation()[prefix[t]], states[t]);
    }
  }

  @Provide
  Arbitrary<int[]> words() {
    return S5Words.words(12);
  }

  @Test
  void swapProgramText() {
    int x = S5.parse("(1 4)(2 3)");
    assertEquals(
        "x = [0, 1, 2, 3, 4]\n# step 1\nx[0], x[3] = x[3], x[0]\nx[1], x[2] = x[2], x[1]\n"
            + "# step 2\nprint(x)\n",
        SwapProgram.generate(new int[] {x, S5.identity()}));
  }

  @Test
  void malformedSwapProgramsNameTheLine() {
    String[] bad = {
      "x = [0, 1, 2]\nprint(x)\n",
      "x = [0, 1, 2, 3, 4]\n# step 1\nx[0], x[3] = x[0], x[3]\nprint(x)\n",
      "x = [0, 1, 2, 3, 4]\n# step 1\nx[0], x[7] = x[7], x[0]\nprint(x)\n",
      "x = [0, 1, 2, 3, 4]\nx[0], x[1] = x[1], x[0]\nprint(x)\n",
      "x = [0, 1, 2, 3, 4]\n# step 2\nprint(x)\n",
      "x = [0, 1, 2, 3, 4]\n# step 1\nx.sort()\nprint(x)\n",
      "x = [0, 1, 2, 3, 4]\n# step 1\n",
    };
    for (String program : bad) {
      String message =
          assertThrows(IllegalArgumentException.class, () -> SwapProgram.parse(program))
              .getMessage();
      assertTrue(message.matches("swap program line [0-9]+: .*"), message);
    }
  }

  @Test
  void malformedStoriesAreRefused() {
    String good = CoinStory.generate(new int[] {S5.parse("(1 2)")}, 1);
    assertArrayEquals(new int[] {S5.parse("(1 2)")}, CoinStory.parse(good));
    String[] bad = {
      good.replace("Alice holds", "Alicia holds"),
      good.replace(CoinStory.QUESTION, "Who has it?"),
      good.replace("Bob", "Zoe"),
      CoinStory.INTRO + " Alice and Alice trade coins. " + CoinStory.QUESTION,
      CoinStory.INTRO + " Alice and Bob trade coins " + CoinStory.QUESTION,
    };
    for (String story : bad) {
      assertThrows(IllegalArgumentException.class, () -> CoinStory.parse(story), story);
    }
  }
}
