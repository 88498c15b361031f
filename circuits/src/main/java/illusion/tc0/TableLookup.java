package illusion.tc0;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.CircuitBuilder;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Objects;

/**
 * Table lookup: any finite function {@code f : D → V} given by its table, from a one-hot or binary
 * input encoding to a one-hot or binary output encoding (the readout of DESIGN.md "Readout").
 *
 * <ul>
 *   <li>one-hot input (|D| wires, exactly one true; the promise is the caller's): output wire y is
 *       the OR of the inputs mapped to it. Depth 1, at most one OR gate per output wire (none for
 *       an output with fewer than two preimages: it is that input or the constant 0);
 *   <li>binary input (k bits, |D| = 2^k): the minterms needed are k-input AND gates (depth 1);
 *       a binary output bit is the OR of the minterms where it is 1, or the AND of the complemented
 *       minterms where it is 0, whichever is smaller; a one-hot output wire is the OR of its
 *       preimage's minterms. Depth 2, at most {@code 2^k} ANDs plus one gate per output wire;
 *   <li>pairs of one-hot inputs (a binary operation given by its table, e.g. a group's
 *       multiplication): one AND per pair with an image, one OR per output. Depth 2, at most
 *       {@code |A|·|B|} ANDs plus |V| ORs.
 * </ul>
 *
 * Unit weights throughout. Binary values are least significant bit first.
 */
public final class TableLookup {
  /** Not a literal: node ids stay below 2^30. */
  private static final int NOT_BUILT = Integer.MIN_VALUE;

  private TableLookup() {}

  private static int[] newMintermCache(int size) {
    int[] cache = new int[size];
    java.util.Arrays.fill(cache, NOT_BUILT);
    return cache;
  }

  /** The bits (width {@code width}) of {@code table[d]} for the one-hot input {@code d}. */
  public static int[] oneHotToBits(CircuitBuilder b, int[] oneHot, int[] table, int width) {
    checkTable(oneHot, table, 1L << checkWidth(width));
    int[] out = new int[width];
    IntArrayList pre = new IntArrayList();
    for (int j = 0; j < width; j++) {
      pre.clear();
      for (int d = 0; d < table.length; d++) {
        if ((table[d] >>> j & 1) != 0) {
          pre.add(oneHot[d]);
        }
      }
      out[j] = b.or(pre.toIntArray());
    }
    return out;
  }

  /** The one-hot vector (length {@code codomain}) of {@code table[d]} for the one-hot input d. */
  public static int[] oneHotToOneHot(CircuitBuilder b, int[] oneHot, int[] table, int codomain) {
    checkTable(oneHot, table, codomain);
    IntArrayList[] pre = preimages(table, codomain);
    int[] out = new int[codomain];
    for (int v = 0; v < codomain; v++) {
      int[] ds = pre[v].elements();
      int[] lits = new int[pre[v].size()];
      for (int k = 0; k < lits.length; k++) {
        lits[k] = oneHot[ds[k]];
      }
      out[v] = b.or(lits);
    }
    return out;
  }

  /** The bits (width {@code width}) of {@code table[x]} for the binary input x (k bits, 2^k rows). */
  public static int[] bitsToBits(CircuitBuilder b, int[] bits, int[] table, int width) {
    checkBinaryDomain(bits, table);
    checkTable(null, table, 1L << checkWidth(width));
    int[] minterm = newMintermCache(table.length);
    int[] out = new int[width];
    IntArrayList on = new IntArrayList();
    IntArrayList off = new IntArrayList();
    for (int j = 0; j < width; j++) {
      on.clear();
      off.clear();
      for (int d = 0; d < table.length; d++) {
        (((table[d] >>> j) & 1) != 0 ? on : off).add(d);
      }
      if (on.size() <= off.size()) {
        int[] lits = new int[on.size()];
        for (int k = 0; k < lits.length; k++) {
          lits[k] = minterm(b, bits, minterm, on.getInt(k));
        }
        out[j] = b.or(lits);
      } else {
        int[] lits = new int[off.size()];
        for (int k = 0; k < lits.length; k++) {
          lits[k] = CircuitBuilder.negate(minterm(b, bits, minterm, off.getInt(k)));
        }
        out[j] = b.and(lits);
      }
    }
    return out;
  }

  /** The one-hot vector (length {@code codomain}) of {@code table[x]} for the binary input x. */
  public static int[] bitsToOneHot(CircuitBuilder b, int[] bits, int[] table, int codomain) {
    checkBinaryDomain(bits, table);
    checkTable(null, table, codomain);
    IntArrayList[] pre = preimages(table, codomain);
    int[] minterm = newMintermCache(table.length);
    int[] out = new int[codomain];
    for (int v = 0; v < codomain; v++) {
      int[] lits = new int[pre[v].size()];
      for (int k = 0; k < lits.length; k++) {
        lits[k] = minterm(b, bits, minterm, pre[v].getInt(k));
      }
      out[v] = b.or(lits);
    }
    return out;
  }

  /**
   * The one-hot vector of {@code table[a][c]} for one-hot inputs a and c ({@code table[a][c] ∈ [0,
   * codomain)}, or −1 for a pair that never occurs).
   */
  public static int[] pairToOneHot(
      CircuitBuilder b, int[] a, int[] c, int[][] table, int codomain) {
    Objects.requireNonNull(b, "builder");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(c, "c");
    checkArgument(table.length == a.length, "table has %s rows for %s wires", table.length, a.length);
    checkArgument(codomain >= 0, "codomain must be non-negative: %s", codomain);
    IntArrayList[] pre = new IntArrayList[codomain];
    for (int v = 0; v < codomain; v++) {
      pre[v] = new IntArrayList();
    }
    for (int i = 0; i < a.length; i++) {
      checkArgument(
          table[i].length == c.length, "table row %s has %s entries for %s wires", i, table[i].length, c.length);
      for (int j = 0; j < c.length; j++) {
        int v = table[i][j];
        checkArgument(v >= -1 && v < codomain, "table[%s][%s] = %s outside [-1, %s)", i, j, v, codomain);
        if (v >= 0) {
          pre[v].add(b.and(a[i], c[j]));
        }
      }
    }
    int[] out = new int[codomain];
    for (int v = 0; v < codomain; v++) {
      out[v] = b.or(pre[v].toIntArray());
    }
    return out;
  }

  private static int minterm(CircuitBuilder b, int[] bits, int[] cache, int d) {
    if (cache[d] == NOT_BUILT) {
      int[] lits = new int[bits.length];
      for (int j = 0; j < bits.length; j++) {
        lits[j] = ((d >>> j) & 1) != 0 ? bits[j] : CircuitBuilder.negate(bits[j]);
      }
      cache[d] = b.and(lits);
    }
    return cache[d];
  }

  private static IntArrayList[] preimages(int[] table, int codomain) {
    IntArrayList[] pre = new IntArrayList[codomain];
    for (int v = 0; v < codomain; v++) {
      pre[v] = new IntArrayList();
    }
    for (int d = 0; d < table.length; d++) {
      pre[table[d]].add(d);
    }
    return pre;
  }

  private static int checkWidth(int width) {
    checkArgument(width >= 0 && width <= 31, "output width must be in [0, 31]: %s", width);
    return width;
  }

  private static void checkBinaryDomain(int[] bits, int[] table) {
    Objects.requireNonNull(bits, "bits");
    checkArgument(bits.length <= 24, "at most 24 input bits: %s", bits.length);
    checkArgument(
        Objects.requireNonNull(table, "table").length == 1 << bits.length,
        "table has %s rows for %s input bits (needs %s)",
        table.length,
        bits.length,
        1 << bits.length);
  }

  private static void checkTable(int[] oneHot, int[] table, long codomain) {
    Objects.requireNonNull(table, "table");
    if (oneHot != null) {
      checkArgument(
          oneHot.length == table.length,
          "table has %s rows for %s one-hot wires",
          table.length,
          oneHot.length);
    }
    for (int d = 0; d < table.length; d++) {
      checkArgument(
          table[d] >= 0 && table[d] < codomain, "table[%s] = %s outside [0, %s)", d, table[d], codomain);
    }
  }
}
