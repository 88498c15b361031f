package illusion.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ReadoutTest {

  /**
   * The documented representation: index = Σ_c floorMod(y_c, m_c) Π_{c'<c} m_c' (computed here on
   * BigInteger), residues inverts it, and a tabulated function is looked up at that index.
   */
  @Property(tries = 200)
  void indexIsMixedRadixOfResidues(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int m = 1 + rnd.nextInt(4);
    int[] moduli = new int[m];
    for (int c = 0; c < m; c++) {
      moduli[c] = 1 + rnd.nextInt(9);
    }
    int vocab = 1 + rnd.nextInt(5);
    long salt = rnd.nextLong();
    Readout r = Readout.tabulate(moduli, vocab, res -> (int) Math.floorMod(java.util.Arrays.hashCode(res) ^ salt, (long) vocab));
    long[] y = new long[m];
    for (int c = 0; c < m; c++) {
      y[c] = rnd.nextLong();
    }
    BigInteger index = BigInteger.ZERO;
    BigInteger weight = BigInteger.ONE;
    int[] residues = new int[m];
    for (int c = 0; c < m; c++) {
      BigInteger mc = BigInteger.valueOf(moduli[c]);
      BigInteger rc = BigInteger.valueOf(y[c]).mod(mc); // mod is non-negative
      residues[c] = rc.intValueExact();
      index = index.add(rc.multiply(weight));
      weight = weight.multiply(mc);
    }
    assertEquals(index.longValueExact(), r.index(y));
    assertArrayEquals(residues, r.residues(r.index(y)));
    assertEquals((int) Math.floorMod(java.util.Arrays.hashCode(residues) ^ salt, (long) vocab), r.apply(y));
    assertEquals(weight.longValueExact(), r.indexSpace());
  }

  @Test
  void defaultAndEntries() {
    Readout r = Readout.builder(new int[] {8, 1}, 3).defaultToken(2).put(new int[] {4, 0}, 1).put(new int[] {5, 0}, 2).build();
    assertEquals(1, r.entryCount()); // the entry equal to the default is dropped
    assertEquals(1, r.apply(new long[] {12, 99}));
    assertEquals(1, r.apply(new long[] {-4, -7}));
    assertEquals(2, r.apply(new long[] {0, 0}));
    assertEquals(r, Readout.builder(new int[] {8, 1}, 3).defaultToken(2).put(new int[] {4, 0}, 1).build());
  }

  @Test
  void rejectsBadTables() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Readout.builder(new int[] {0}, 2))
        .getMessage().contains("every modulus must be >= 1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Readout.builder(new int[] {1 << 30, 1 << 30, 1 << 30}, 2))
        .getMessage().contains("product below 2^63"));
    Readout.Builder b = Readout.builder(new int[] {4}, 2).put(new int[] {1}, 1);
    assertEquals("readout index 1 is given twice", assertThrows(IllegalArgumentException.class, () -> b.put(new int[] {1}, 0)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.put(new int[] {1, 0}, 0)).getMessage().contains("one per channel"));
  }

  /**
   * tabulate calls f once per residue tuple in increasing mixed-radix index order (channel 0
   * least significant), keeps every value, and makes the most frequent token the default, the
   * smallest one on ties; all counted here from the tuples enumerated independently.
   */
  @Property(tries = 200)
  void tabulateKeepsEveryValueAndTheMostFrequentDefault(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] moduli = new int[1 + rnd.nextInt(3)];
    long space = 1;
    for (int c = 0; c < moduli.length; c++) {
      moduli[c] = 1 + rnd.nextInt(5);
      space *= moduli[c];
    }
    int vocab = 1 + rnd.nextInt(4);
    long salt = rnd.nextLong();
    List<int[]> calls = new ArrayList<>();
    Readout r =
        Readout.tabulate(
            moduli,
            vocab,
            res -> {
              calls.add(res.clone());
              res[0] = -1; // f owns its array
              return (int) Math.floorMod(Arrays.hashCode(calls.get(calls.size() - 1)) ^ salt, (long) vocab) / 2;
            });
    assertEquals(space, calls.size());
    int[] counts = new int[vocab];
    for (int i = 0; i < space; i++) {
      int[] expected = new int[moduli.length];
      long rest = i;
      for (int c = 0; c < moduli.length; c++) {
        expected[c] = (int) (rest % moduli[c]);
        rest /= moduli[c];
      }
      assertArrayEquals(expected, calls.get(i), "call " + i);
      int token = (int) Math.floorMod(Arrays.hashCode(expected) ^ salt, (long) vocab) / 2;
      assertEquals(token, r.token(i));
      counts[token]++;
    }
    int best = 0;
    for (int t = 0; t < vocab; t++) {
      if (counts[t] > counts[best]) {
        best = t;
      }
    }
    assertEquals(best, r.defaultToken());
    assertEquals(space - counts[best], r.entryCount());
  }

  /** Ties between token counts go to the smallest token. */
  @Test
  void tabulateBreaksTiesTowardTheSmallestToken() {
    assertEquals(0, Readout.tabulate(new int[] {4}, 3, res -> res[0] % 2).defaultToken());
    assertEquals(1, Readout.tabulate(new int[] {4}, 3, res -> 1 + res[0] % 2).defaultToken());
    assertEquals(2, Readout.tabulate(new int[] {5}, 3, res -> res[0] < 2 ? 1 : 2).defaultToken());
  }

  @Test
  void tabulateRefusals() {
    String big =
        assertThrows(IllegalArgumentException.class, () -> Readout.tabulate(new int[] {4097, 1024}, 2, res -> 0))
            .getMessage();
    assertTrue(big.contains("4195328 residue tuples is too large to tabulate (at most 4194304)"), big);
    assertEquals(4194304, Readout.tabulate(new int[] {2048, 2048}, 2, res -> 0).indexSpace());
    String token =
        assertThrows(IllegalArgumentException.class, () -> Readout.tabulate(new int[] {3}, 2, res -> res[0]))
            .getMessage();
    assertEquals("readout token 2 for residues [2] is outside [0, 2)", token);
    assertThrows(IllegalArgumentException.class, () -> Readout.tabulate(new int[] {3}, 2, res -> -1));
  }

  /**
   * The evaluator's lookup (a dense array over small index spaces, the sparse table over large
   * ones) answers exactly as the readout, whatever the default token.
   */
  @Property(tries = 100)
  void lookupAgreesWithTheReadout(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    boolean large = rnd.nextBoolean();
    int[] moduli = large ? new int[] {1 << 12, 1, 1 << 11} : new int[] {1 + rnd.nextInt(6), 1, 1 + rnd.nextInt(6)};
    Readout.Builder b = Readout.builder(moduli, 4).defaultToken(1 + rnd.nextInt(3));
    long space = (long) moduli[0] * moduli[2];
    for (int k = 0; k < 5; k++) {
      long index = rnd.nextLong(space);
      try {
        b.putIndex(index, rnd.nextInt(4));
      } catch (IllegalArgumentException twice) {
        // the same index drawn again
      }
    }
    Readout r = b.build();
    ReadoutLookup lookup = new ReadoutLookup(r);
    for (int k = 0; k < 200; k++) {
      long[] out = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
      if (k < r.entryCount()) {
        int[] res = r.residues(r.entryIndices()[k]);
        out = new long[] {res[0], rnd.nextLong(), res[2]};
      }
      assertEquals(r.apply(out), lookup.apply(out));
    }
  }
}
