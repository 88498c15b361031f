package illusion.circuit;

import java.util.Arrays;

/**
 * The names of a circuit's inputs and outputs, indexed for lookup: an open-addressing table of
 * {@code long} slots (the name's 32-bit hash beside its entry number), so that probing and growing
 * compare hashes and touch a name's characters only when the hashes are equal. Entry e has a code:
 * input i is i, output o is {@code ~o}.
 */
final class NameIndex {
  /** What {@link #code} returns for an absent name. */
  static final int ABSENT = Integer.MIN_VALUE;

  private long[] slots;
  private String[] names;
  private int[] codes;
  private int size;

  /** An empty index with room for {@code expected} names (at least 1) before it grows. */
  NameIndex(int expected) {
    this.slots = new long[Integer.highestOneBit(Math.max(16, expected)) << 2];
    this.names = new String[Math.max(16, expected)];
    this.codes = new int[names.length];
  }

  private NameIndex(long[] slots, String[] names, int[] codes, int size) {
    this.slots = slots;
    this.names = names;
    this.codes = codes;
    this.size = size;
  }

  /** A copy that later additions to this index do not change. */
  NameIndex copy() {
    return new NameIndex(
        slots.clone(), Arrays.copyOf(names, size), Arrays.copyOf(codes, size), size);
  }

  /** The code of {@code name}, or {@link #ABSENT}. */
  int code(String name) {
    if (name == null) {
      return ABSENT;
    }
    int h = hash(name);
    int mask = slots.length - 1;
    for (int pos = h & mask; slots[pos] != 0; pos = (pos + 1) & mask) {
      long slot = slots[pos];
      if ((int) (slot >>> 32) == h) {
        int e = (int) slot - 1;
        if (names[e].equals(name)) {
          return codes[e];
        }
      }
    }
    return ABSENT;
  }

  /** Adds {@code name} with {@code code} unless present; returns whether it was added. */
  boolean add(String name, int code) {
    int h = hash(name);
    int mask = slots.length - 1;
    int pos = h & mask;
    for (long slot; (slot = slots[pos]) != 0; pos = (pos + 1) & mask) {
      if ((int) (slot >>> 32) == h && names[(int) slot - 1].equals(name)) {
        return false;
      }
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, 2 * size);
      codes = Arrays.copyOf(codes, 2 * size);
    }
    names[size] = name;
    codes[size] = code;
    slots[pos] = ((long) h << 32) | ++size;
    if (2 * size > slots.length) {
      grow();
    }
    return true;
  }

  /**
   * Adds {@code batch[i]} with code {@code firstCode + i * step} for every i, unless a name of the
   * batch is present or occurs twice in it: then adds none and returns the index of such a name,
   * else -1.
   * A large batch visits the table in slot order (names bucketed by their home slot), so that it
   * touches each line of the table about once rather than one random line per name.
   */
  int addAll(String[] batch, int firstCode, int step) {
    int k = batch.length;
    while (2L * (size + k) > slots.length) {
      grow();
    }
    if (size + k > names.length) {
      names = Arrays.copyOf(names, Math.max(size + k, 2 * size));
      codes = Arrays.copyOf(codes, names.length);
    }
    int[] hashes = new int[k];
    for (int i = 0; i < k; i++) {
      hashes[i] = hash(batch[i]);
      names[size + i] = batch[i];
      codes[size + i] = firstCode + i * step;
    }
    int[] order = slotOrder(hashes);
    int mask = slots.length - 1;
    int[] placed = new int[k];
    for (int j = 0; j < k; j++) {
      int i = order[j];
      int h = hashes[i];
      int pos = h & mask;
      for (long slot; (slot = slots[pos]) != 0; pos = (pos + 1) & mask) {
        if ((int) (slot >>> 32) == h && names[(int) slot - 1].equals(batch[i])) {
          for (int q = 0; q < j; q++) { // filling only empty slots left the others in place
            slots[placed[q]] = 0;
          }
          Arrays.fill(names, size, size + k, null);
          return i;
        }
      }
      slots[pos] = ((long) h << 32) | (size + i + 1);
      placed[j] = pos;
    }
    size += k;
    return -1;
  }

  /** The indices of {@code hashes} counting-sorted into buckets of consecutive home slots. */
  private int[] slotOrder(int[] hashes) {
    int k = hashes.length;
    int slotBits = Integer.numberOfTrailingZeros(slots.length);
    int bucketBits = Math.min(slotBits, 32 - Integer.numberOfLeadingZeros(k));
    int shift = slotBits - bucketBits;
    int mask = slots.length - 1;
    int[] starts = new int[(1 << bucketBits) + 1];
    for (int h : hashes) {
      starts[((h & mask) >>> shift) + 1]++;
    }
    for (int b = 0; b < 1 << bucketBits; b++) {
      starts[b + 1] += starts[b];
    }
    int[] order = new int[k];
    for (int i = 0; i < k; i++) {
      order[starts[(hashes[i] & mask) >>> shift]++] = i;
    }
    return order;
  }

  private void grow() {
    long[] t = new long[2 * slots.length];
    int mask = t.length - 1;
    for (long slot : slots) {
      if (slot != 0) {
        int pos = (int) (slot >>> 32) & mask;
        while (t[pos] != 0) {
          pos = (pos + 1) & mask;
        }
        t[pos] = slot;
      }
    }
    slots = t;
  }

  private static int hash(String name) {
    int h = name.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
