package illusion.word;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WordGeneratorTest {

  private static List<String> collect(WordGenerator gen) {
    List<String> rows = new ArrayList<>();
    gen.forEach((seed, in, out) -> rows.add(seed + "|" + Arrays.toString(in) + "|" + Arrays.toString(out)));
    return rows;
  }

  /** The target is the composition of the input's permutations, checked via the representation. */
  private static void checkTarget(FiniteGroup g, int[] input, int[] target) {
    int[][] rep = g.permutationRepresentation();
    int[] state = rep[0].clone();
    for (int t = 0; t < input.length; t++) {
      int[] next = new int[state.length];
      for (int i = 0; i < state.length; i++) {
        next[i] = state[rep[input[t]][i]]; // (s * x)(i) = s(x(i))
      }
      state = next;
      assertArrayEquals(state, rep[target[t]]);
    }
  }

  @Test
  void exhaustiveIsLexicographic() {
    FiniteGroup z3 = Groups.byName("Z3");
    List<String> expected = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        for (int c = 0; c < 3; c++) {
          int[] w = {a, b, c};
          int[] t = {a, (a + b) % 3, (a + b + c) % 3};
          expected.add("9|" + Arrays.toString(w) + "|" + Arrays.toString(t));
        }
      }
    }
    WordGenerator gen = WordGenerator.exhaustive(z3, 3, 9);
    assertEquals(27, gen.rows());
    assertEquals(expected, collect(gen));
  }

  @Test
  void refusals() {
    FiniteGroup a5 = Groups.byName("A5");
    IllegalArgumentException big =
        assertThrows(IllegalArgumentException.class, () -> WordGenerator.exhaustive(a5, 5, 0));
    assertTrue(big.getMessage().contains("60^5 = 777600000"), big.getMessage());
    assertTrue(big.getMessage().contains("10000000"), big.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WordGenerator.exhaustive(a5, 100_000, 0));
    IllegalArgumentException tooMany =
        assertThrows(IllegalArgumentException.class, () -> WordGenerator.sample(a5, 2, 3601, 0));
    assertTrue(tooMany.getMessage().contains("3600"), tooMany.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WordGenerator.sample(a5, 2, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> WordGenerator.sample(a5, 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> WordGenerator.sample(a5, 16, 10_000_001, 0));
    assertThrows(IllegalArgumentException.class, () -> WordGenerator.sample(a5, 1 << 20, 10_000, 0));
  }

  @Test
  void deterministicForTheSeed() {
    FiniteGroup a5 = Groups.byName("A5");
    assertEquals(collect(WordGenerator.sample(a5, 16, 200, 7)), collect(WordGenerator.sample(a5, 16, 200, 7)));
    assertNotEquals(collect(WordGenerator.sample(a5, 16, 200, 7)), collect(WordGenerator.sample(a5, 16, 200, 8)));
    assertEquals(collect(WordGenerator.sample(a5, 2, 3000, 7)), collect(WordGenerator.sample(a5, 2, 3000, 7)));
  }

  /** Drawing all |G|^K words without replacement yields each exactly once. */
  @Test
  void drawingEverythingIsAPermutation() {
    FiniteGroup s3 = Groups.byName("S3");
    Set<String> drawn = new HashSet<>(collect(WordGenerator.sample(s3, 4, 1296, 1)));
    assertEquals(new HashSet<>(collect(WordGenerator.exhaustive(s3, 4, 1))), drawn);
  }

  /**
   * Sampling without replacement: the rows are distinct, there are exactly N of them, and each
   * target is the composition of the input's permutations (dense and sparse regimes alike).
   */
  @Property(tries = 40)
  void samplesAreDistinctAndCorrect(
      @ForAll("groupNames") String name,
      @ForAll @IntRange(min = 1, max = 6) int length,
      @ForAll @IntRange(min = 1, max = 400) int samples,
      @ForAll @LongRange(min = -1000, max = 1000) long seed) {
    FiniteGroup g = Groups.byName(name);
    double total = Math.pow(g.order(), length);
    int n = (int) Math.min(samples, total);
    Set<String> words = new HashSet<>();
    int[] count = {0};
    WordGenerator.sample(g, length, n, seed)
        .forEach(
            (s, in, out) -> {
              assertEquals(seed, s);
              assertTrue(words.add(Arrays.toString(in)), "repeated word");
              checkTarget(g, in, out);
              count[0]++;
            });
    assertEquals(n, count[0]);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> groupNames() {
    return net.jqwik.api.Arbitraries.of("Z2", "Z3", "S3", "A4", "A5", "Z60", "A4_x_Z5", "S3_x_Z4");
  }

  /** Sparse sampling with |G|^K beyond 2^63 uses fingerprints and still yields distinct rows. */
  @Test
  void hugeWordSpace() {
    FiniteGroup a5 = Groups.byName("A5");
    Set<String> words = new HashSet<>();
    WordGenerator.sample(a5, 40, 20_000, 3).forEach((s, in, out) -> words.add(Arrays.toString(in)));
    assertEquals(20_000, words.size());
  }
}
