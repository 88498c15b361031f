package illusion.demo;

import static com.google.common.base.Preconditions.checkArgument;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Parses a list of sequence lengths: comma-separated positive integers, where {@code ...} continues
 * the two preceding numbers up to the next one, geometrically when the second is a multiple of the
 * first ({@code 2,4,...,1024} doubles) and arithmetically otherwise ({@code 3,5,...,11}); {@code
 * a..b} is shorthand for the doubling {@code a,2a,...,b}. The result is strictly increasing.
 */
public final class Lengths {
  /** The longest sequence length accepted. */
  public static final int MAX_LENGTH = 1 << 20;

  private Lengths() {}

  /**
   * The lengths {@code text} denotes, ascending and distinct.
   *
   * @throws IllegalArgumentException naming the offending item if the text is malformed, a length
   *     is not in {@code [1, MAX_LENGTH]}, an ellipsis cannot reach its end, or the list is not
   *     strictly increasing
   */
  public static int[] parse(String text) {
    String s = text.strip();
    checkArgument(!s.isEmpty(), "no lengths given");
    int dots = s.indexOf("..");
    if (dots > 0 && !s.contains(",") && !s.contains("...")) {
      int a = number(s.substring(0, dots), text);
      int b = number(s.substring(dots + 2), text);
      return doubling(a, b, text);
    }
    String[] items = s.split(",", -1);
    IntArrayList out = new IntArrayList();
    for (int i = 0; i < items.length; i++) {
      String item = items[i].strip();
      if (!item.equals("...")) {
        out.add(number(item, text));
        continue;
      }
      checkArgument(
          out.size() >= 2 && i + 1 < items.length && !items[i + 1].strip().equals("..."),
          "lengths '%s': '...' needs two numbers before it and one after it",
          text);
      int a = out.getInt(out.size() - 2);
      int b = out.getInt(out.size() - 1);
      int end = number(items[i + 1].strip(), text);
      checkArgument(b > a, "lengths '%s': '...' continues an increasing list, not %s, %s", text, a, b);
      boolean geometric = b % a == 0;
      long x = b;
      while (true) {
        x = geometric ? x * (b / a) : x + (b - a);
        if (x >= end) {
          break;
        }
        out.add((int) x);
      }
      checkArgument(
          x == end,
          "lengths '%s': %s, %s, ... does not reach %s (it goes %s by %s)",
          text,
          a,
          b,
          end,
          geometric ? "times" : "plus",
          geometric ? b / a : b - a);
    }
    int[] lengths = out.toIntArray();
    for (int i = 1; i < lengths.length; i++) {
      checkArgument(
          lengths[i] > lengths[i - 1],
          "lengths '%s' must be strictly increasing: %s follows %s",
          text,
          lengths[i],
          lengths[i - 1]);
    }
    return lengths;
  }

  /** {@code a, 2a, 4a, ..., b}; b must be a times a power of two. */
  public static int[] doubling(int a, int b, String text) {
    checkArgument(a >= 1 && b >= a, "lengths '%s': expected a..b with 1 <= a <= b", text);
    IntArrayList out = new IntArrayList();
    long x = a;
    for (; x < b; x *= 2) {
      out.add((int) x);
    }
    checkArgument(x == b, "lengths '%s': %s is not %s times a power of two", text, b, a);
    out.add(b);
    return out.toIntArray();
  }

  private static int number(String item, String text) {
    int n;
    try {
      n = Integer.parseInt(item.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "lengths '" + text + "': '" + item.strip() + "' is not a number");
    }
    checkArgument(
        n >= 1 && n <= MAX_LENGTH,
        "lengths '%s': %s is outside [1, %s]",
        text,
        n,
        MAX_LENGTH);
    return n;
  }

  /** The lengths as the comma list {@link #parse} reads back. */
  public static String format(int[] lengths) {
    return Arrays.toString(lengths).replaceAll("[\\[\\] ]", "");
  }
}
