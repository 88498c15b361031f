package illusion.demo;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random S5 words for properties. */
final class S5Words {
  private S5Words() {}

  static Arbitrary<int[]> words(int maxLength) {
    return Arbitraries.integers()
        .between(0, Transpositions.S5.order() - 1)
        .array(int[].class)
        .ofMinSize(1)
        .ofMaxSize(maxLength);
  }
}
