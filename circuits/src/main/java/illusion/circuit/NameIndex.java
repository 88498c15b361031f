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
