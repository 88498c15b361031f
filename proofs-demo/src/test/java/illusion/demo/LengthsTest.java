package illusion.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Parsing of length lists: ellipses expand to the progression their first two numbers start. */
class LengthsTest {

  /** "a,2a,...,a*2^k" and "a..a*2^k" are the doubling sequence, computed independently. */
  @Property(tries = 60)
  void ellipsisAfterADoublingDoubles(
      @ForAll @IntRange(min = 1, max = 50) int a, @ForAll @IntRange(min = 2, max = 12) int k) {
    int[] expected = IntStream.rangeClosed(0, k).map(e -> a << e).toArray();
    assertArrayEquals(expected, Lengths.parse(a + "," + 2 * a + ",...," + (a << k)));
    assertArrayEquals(expected, Lengths.parse(a + ".." + (a << k)));
    assertArrayEquals(expected, Lengths.parse(Lengths.format(expected)));
  }

  /** A step that is not a ratio continues arithmetically. */
  @Property(tries = 60)
  void ellipsisAfterANonMultipleAddsTheStep(
      @ForAll @IntRange(min = 2, max = 50) int a,
      @ForAll @IntRange(min = 1, max = 20) int step,
      @ForAll @IntRange(min = 2, max = 30) int count) {
    Assume.that((a + step) % a != 0 && count > 2); // else geometric, or no room for "..."
    int[] expected = IntStream.range(0, count).map(i -> a + i * step).toArray();
    String text = a + "," + (a + step) + ",...," + expected[count - 1];
    assertArrayEquals(expected, Lengths.parse(text));
  }

  @Test
  void rejectsMalformedLists() {
    for (String bad : new String[] {"", "0", "8,4", "2,x", "2,4,...", "1,2,...,10", "3..10", "2,2"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Lengths.parse(bad), bad);
      assertTrue(e.getMessage().contains("length"), e.getMessage());
    }
  }
}
