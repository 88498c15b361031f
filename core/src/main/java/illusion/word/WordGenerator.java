package illusion.word;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.group.FiniteGroup;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * Produces the rows of a word-problem dataset over a group G with words of length K, streaming
 * them to a {@link RowSink} (nothing is accumulated):
 *
 * <ul>
 *   <li>{@link #exhaustive}: all |G|^K words in lexicographic order of their indices, refused when
 *       |G|^K exceeds {@link #MAX_ROWS};
 *   <li>{@link #sample}: N distinct words drawn uniformly without replacement with {@link
 *       SplittableRandom} seeded by the given seed, in the order drawn (deterministic for the
 *       seed). When N is at least half of |G|^K the words are the first N entries of a seeded
 *       Fisher–Yates shuffle of all word indices; otherwise words are drawn independently and
 *       repeats are redrawn. Repeats are recognized by the word's index when |G|^K &lt; 2^63 and
 *       otherwise by a 64-bit fingerprint, which still guarantees distinct rows (a fingerprint
 *       collision between different words, probability about N^2 / 2^65, only redraws a word).
 * </ul>
 *
 * Every row's seed column is the generator's seed. The target is the prefix products.
 */
public final class WordGenerator {
  /** The largest number of rows produced. */
  public static final long MAX_ROWS = 10_000_000L;

  /** The largest word length. */
  public static final int MAX_LENGTH = 1 << 20;

  /** The largest dataset, in elements (rows times length). */
  public static final long MAX_ELEMENTS = 1_000_000_000L;

  private final FiniteGroup group;
  private final int length;
  private final long rows;
  private final long seed;
  private final boolean sampled;
  /** |G|^K, or -1 when it does not fit in a long. */
  private final long total;

  private WordGenerator(FiniteGroup group, int length, long rows, long seed, boolean sampled, long total) {
    this.group = group;
    this.length = length;
    this.rows = rows;
    this.seed = seed;
    this.sampled = sampled;
    this.total = total;
  }

  /**
   * All |G|^K words of length {@code length}, lexicographically.
   *
   * @throws IllegalArgumentException if the length is not positive or |G|^K exceeds {@link
   *     #MAX_ROWS}
   */
  public static WordGenerator exhaustive(FiniteGroup group, int length, long seed) {
    checkLength(length);
    BigInteger count = count(group, length);
    checkArgument(
        count != null && count.compareTo(BigInteger.valueOf(MAX_ROWS)) <= 0,
        "all words of length %s over %s are %s^%s = %s rows, above the limit of %s rows",
        length,
        group.name(),
        group.order(),
        length,
        count == null ? "more than 2^4096" : count,
        MAX_ROWS);
    checkSize(count.longValueExact(), length);
    return new WordGenerator(group, length, count.longValueExact(), seed, false, count.longValueExact());
  }

  /**
   * {@code samples} distinct words of length {@code length}, drawn without replacement.
   *
   * @throws IllegalArgumentException if the length or the number of samples is not positive,
   *     {@code samples} exceeds |G|^K, or it exceeds {@link #MAX_ROWS}
   */
  public static WordGenerator sample(FiniteGroup group, int length, long samples, long seed) {
    checkLength(length);
    checkArgument(samples >= 1, "the number of samples must be at least 1, got %s", samples);
    checkArgument(samples <= MAX_ROWS, "%s samples exceed the limit of %s rows", samples, MAX_ROWS);
    checkSize(samples, length);
    BigInteger count = count(group, length);
    checkArgument(
        count == null || count.compareTo(BigInteger.valueOf(samples)) >= 0,
        "cannot draw %s distinct words: there are only %s^%s = %s words of length %s over %s",
        samples,
        group.order(),
        length,
        count,
        length,
        group.name());
    long total = count != null && count.bitLength() < 63 ? count.longValueExact() : -1;
    return new WordGenerator(group, length, samples, seed, true, total);
  }

  private static void checkLength(int length) {
    checkArgument(
        length >= 1 && length <= MAX_LENGTH, "word length %s is outside 1..%s", length, MAX_LENGTH);
  }

  private static void checkSize(long rows, int length) {
    checkArgument(
        rows * length <= MAX_ELEMENTS,
        "%s rows of length %s are %s elements, above the limit of %s",
        rows,
        length,
        rows * length,
        MAX_ELEMENTS);
  }

  /** |G|^K, or null when it exceeds 2^4096. */
  private static BigInteger count(FiniteGroup group, int length) {
    double bits = length * (Math.log(group.order()) / Math.log(2));
    return bits > 4096 ? null : BigInteger.valueOf(group.order()).pow(length);
  }

  public FiniteGroup group() {
    return group;
  }

  /** The word length K. */
  public int length() {
    return length;
  }

  /** The number of rows {@link #forEach} produces. */
  public long rows() {
    return rows;
  }

  public long seed() {
    return seed;
  }

  /** Streams every row to {@code sink}; the arrays passed are reused between rows. */
  public void forEach(RowSink sink) {
    int[] word = new int[length];
    int[] target = new int[length];
    if (!sampled) {
      for (long r = 0; r < rows; r++) {
        decode(r, word);
        PrefixProducts.into(group, word, target);
        sink.accept(seed, word, target);
      }
      return;
    }
    SplittableRandom random = new SplittableRandom(seed);
    if (total >= 0 && rows * 2 >= total) {
      // Dense: partial Fisher–Yates over all word indices (total <= 2 * MAX_ROWS).
      int[] perm = new int[(int) total];
      for (int i = 0; i < perm.length; i++) {
        perm[i] = i;
      }
      for (int i = 0; i < rows; i++) {
        int j = i + random.nextInt(perm.length - i);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        decode(perm[i], word);
        PrefixProducts.into(group, word, target);
        sink.accept(seed, word, target);
      }
      return;
    }
    // Sparse: independent draws, repeats redrawn.
    LongOpenHashSet seen = new LongOpenHashSet((int) Math.min(rows, Integer.MAX_VALUE - 8));
    int n = group.order();
    for (long r = 0; r < rows; ) {
      long key = total >= 0 ? 0 : 0x9E3779B97F4A7C15L;
      for (int t = 0; t < length; t++) {
        word[t] = random.nextInt(n);
        key = total >= 0 ? key * n + word[t] : mix(key + word[t] + 1);
      }
      if (seen.add(key)) {
        PrefixProducts.into(group, word, target);
        sink.accept(seed, word, target);
        r++;
      }
    }
  }

  /** The word with lexicographic index {@code code} (first letter most significant). */
  private void decode(long code, int[] word) {
    int n = group.order();
    for (int t = length - 1; t >= 0; t--) {
      word[t] = (int) (code % n);
      code /= n;
    }
  }

  /** A 64-bit finalizer (Stafford variant 13) chained over the letters. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
