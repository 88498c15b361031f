package illusion.ssm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
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
}
