package illusion.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import illusion.ssm.Layer;
import illusion.ssm.LayerKind;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Taking a channel or token out of a layer's parts keeps every other entry where it belongs: entry
 * k of the result is entry k of the original below the removed index and entry k + 1 from it on,
 * in every array the removed index runs along (A's rows and columns, the diagonal, the exponents,
 * IDS4's A(σ), B, C, D), and arrays it does not run along are unchanged.
 */
class LayerPartsTest {

  /** The original index of entry k after index i was removed. */
  private static int from(int k, int i) {
    return k < i ? k : k + 1;
  }

  /** A random layer of the kind with at least two states, outputs and tokens. */
  private static Layer layer(LayerKind kind, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    while (true) {
      Layer l = RandomCases.layer(kind, 2 + r.nextInt(3), r);
      if (l.stateDim() >= 2 && l.outputDim() >= 2) {
        return l;
      }
    }
  }

  private static void assertMatrix(long[][] expected, long[][] actual, String what) {
    assertEquals(expected.length, actual.length, what + " rows");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(java.util.Arrays.toString(expected[i]), java.util.Arrays.toString(actual[i]), what + " row " + i);
    }
  }

  /** {@code m} with row {@code row} and/or column {@code col} removed (-1: none). */
  private static long[][] without(long[][] m, int row, int col) {
    int rows = row < 0 ? m.length : m.length - 1;
    long[][] r = new long[rows][];
    for (int i = 0; i < rows; i++) {
      long[] src = m[row < 0 ? i : from(i, row)];
      int cols = col < 0 ? src.length : src.length - 1;
      r[i] = new long[cols];
      for (int j = 0; j < cols; j++) {
        r[i][j] = src[col < 0 ? j : from(j, col)];
      }
    }
    return r;
  }

  private static long[][] ints(int[][] m) {
    long[][] r = new long[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = java.util.Arrays.stream(m[i]).asLongStream().toArray();
    }
    return r;
  }

  @Property(tries = 40)
  void removingAStateKeepsEveryOtherEntry(@ForAll LayerKind kind, @ForAll long seed) {
    LayerParts p = LayerParts.of(layer(kind, seed));
    int i = Math.floorMod(seed, p.b.length);
    LayerParts q = p.withoutState(i);
    if (p.a != null) {
      assertMatrix(without(p.a, i, i), q.a, "A");
    } else {
      assertNull(q.a);
    }
    if (p.diagonal != null) {
      assertMatrix(without(new long[][] {p.diagonal}, -1, i), new long[][] {q.diagonal}, "diagonal");
    }
    if (p.exponents != null) {
      assertMatrix(without(ints(p.exponents), i, -1), ints(q.exponents), "exponents");
    }
    if (p.perToken != null) {
      assertEquals(p.perToken.length, q.perToken.length);
      for (int s = 0; s < p.perToken.length; s++) {
        assertMatrix(without(p.perToken[s], i, i), q.perToken[s], "A(" + s + ")");
      }
    }
    assertMatrix(without(p.b, i, -1), q.b, "B");
    assertMatrix(without(p.c, -1, i), q.c, "C");
    assertMatrix(p.d, q.d, "D");
    assertEquals(p.build().stateDim() - 1, q.build().stateDim());
  }

  @Property(tries = 40)
  void removingAnOutputOrATokenKeepsEveryOtherEntry(@ForAll LayerKind kind, @ForAll long seed) {
    LayerParts p = LayerParts.of(layer(kind, seed));
    int j = Math.floorMod(seed, p.c.length);
    LayerParts q = p.withoutOutput(j);
    assertMatrix(p.b, q.b, "B");
    assertMatrix(without(p.c, j, -1), q.c, "C");
    assertMatrix(without(p.d, j, -1), q.d, "D");
    int sigma = Math.floorMod(seed >> 8, p.b[0].length);
    LayerParts u = p.withoutToken(sigma);
    assertMatrix(without(p.b, -1, sigma), u.b, "B");
    assertMatrix(p.c, u.c, "C");
    assertMatrix(without(p.d, -1, sigma), u.d, "D");
    if (p.exponents != null) {
      assertMatrix(without(ints(p.exponents), -1, sigma), ints(u.exponents), "exponents");
    }
    if (p.perToken != null) {
      assertEquals(p.perToken.length - 1, u.perToken.length);
      for (int s = 0; s < u.perToken.length; s++) {
        assertMatrix(p.perToken[from(s, sigma)], u.perToken[s], "A(" + s + ")");
      }
    }
  }

  /**
   * The rows of a copy are every raw parameter: A's d rows (or the diagonal's one, or |Σ| d rows of
   * IDS4), then B's d, C's m and D's m rows; writing through them changes the copy only.
   */
  @Property(tries = 40)
  void rowsAreEveryParameterOfTheCopy(@ForAll LayerKind kind, @ForAll long seed) {
    Layer layer = layer(kind, seed);
    int d = layer.stateDim();
    int m = layer.outputDim();
    int aRows =
        switch (kind) {
          case S4, RNN -> d;
          case S4D, SELECTIVE -> 1;
          case IDS4 -> layer.vocabularySize() * d;
        };
    LayerParts copy = LayerParts.of(layer).copyParts();
    java.util.List<long[]> rows = copy.rows();
    assertEquals(aRows + d + 2 * m, rows.size());
    long entries = rows.stream().mapToLong(r -> r.length).sum();
    long expected =
        (long) aRows * d
            + (long) d * layer.vocabularySize()
            + (long) m * d
            + (long) m * layer.vocabularySize();
    assertEquals(expected, entries);
    for (long[] r : rows) {
      java.util.Arrays.fill(r, 0);
    }
    assertEquals(layer, LayerParts.of(layer).build(), "the original is untouched");
    for (long[] r : LayerParts.of(copy.build()).rows()) {
      assertEquals(0, java.util.Arrays.stream(r).filter(x -> x != 0).count());
    }
  }
}
