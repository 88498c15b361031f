package illusion.circuit;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A growable array of exact integers: a {@code long[]} with a sparse {@link BigInteger} side table
 * for the entries a long cannot hold. An entry equal to {@link #BIG} in {@link #raw()} is looked up
 * in the side table (so {@code Long.MIN_VALUE} itself is stored there too).
 */
final class ExactLongs {
  /** Sentinel in {@link #raw()}: the value is in the side table. */
  static final long BIG = Long.MIN_VALUE;

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  private long[] values;
  private int size;
  private final Int2ObjectOpenHashMap<BigInteger> big;

  ExactLongs(int capacity) {
    this.values = new long[Math.max(capacity, 4)];
    this.big = new Int2ObjectOpenHashMap<>();
  }

  private ExactLongs(long[] values, int size, Int2ObjectOpenHashMap<BigInteger> big) {
    this.values = values;
    this.size = size;
    this.big = big;
  }

  int size() {
    return size;
  }

  void add(long v) {
    if (v == BIG) {
      big.put(size, LONG_MIN);
    }
    append(v);
  }

  void add(BigInteger v) {
    if (v.bitLength() < 64) {
      add(v.longValue());
    } else {
      big.put(size, v);
      append(BIG);
    }
  }

  private void append(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.max(8, size + (size >> 1)));
    }
    values[size++] = v;
  }

  /** Whether entry i is held in the long array (the fast path). */
  boolean isLong(int i) {
    return values[i] != BIG;
  }

  /** Entry i, which must satisfy {@link #isLong}. */
  long getLong(int i) {
    return values[i];
  }

  BigInteger get(int i) {
    long v = values[i];
    return v != BIG ? BigInteger.valueOf(v) : big.get(i);
  }

  /** Whether entry i equals {@code v}. */
  boolean equalsAt(int i, long v) {
    return values[i] == v && (v != BIG || big.get(i).equals(LONG_MIN));
  }

  /** Whether entry i equals {@code v}. */
  boolean equalsAt(int i, BigInteger v) {
    return v.bitLength() < 64 ? equalsAt(i, v.longValue()) : values[i] == BIG && big.get(i).equals(v);
  }

  /** Bit length of |entry i| (0 for zero). */
  int absBitLength(int i) {
    long v = values[i];
    if (v != BIG) {
      return 64 - Long.numberOfLeadingZeros(Math.abs(v));
    }
    return big.get(i).abs().bitLength();
  }

  /** The backing array (entries {@code BIG} are in the side table). Do not modify. */
  long[] raw() {
    return values;
  }

  /** Whether any entry needs the side table. */
  boolean hasBig() {
    return !big.isEmpty();
  }

  /** A trimmed copy that is never modified again. */
  ExactLongs frozen() {
    return new ExactLongs(Arrays.copyOf(values, size), size, new Int2ObjectOpenHashMap<>(big));
  }

  boolean contentEquals(ExactLongs o) {
    return size == o.size
        && Arrays.equals(values, 0, size, o.values, 0, size)
        && big.equals(o.big);
  }

  int contentHash() {
    int h = 1;
    for (int i = 0; i < size; i++) {
      h = 31 * h + Long.hashCode(values[i]);
    }
    return 31 * h + big.hashCode();
  }
}
