package illusion.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestVectorsTest {

  @Test
  void writeThenReadIsTheIdentity() throws IOException {
    SplittableRandom r = new SplittableRandom(5);
    boolean[][] rows = new boolean[50][13];
    for (boolean[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        row[i] = r.nextBoolean();
      }
    }
    StringWriter out = new StringWriter();
    TestVectors.write(rows, 13, out);
    String text = out.toString();
    assertEquals(50 * 14, text.length(), "13 characters and a newline per vector");
    // character i of line r is bit i of row r
    assertEquals(rows[3][0] ? '1' : '0', text.charAt(3 * 14));
    assertEquals(rows[3][12] ? '1' : '0', text.charAt(3 * 14 + 12));
    assertArrayEquals(rows, TestVectors.read(new BufferedReader(new StringReader(text)), 13, "t"));
  }

  @Test
  void malformedLinesNameFileAndLine() {
    IllegalArgumentException length =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestVectors.read(new BufferedReader(new StringReader("010\n01\n")), 3, "v.out"));
    assertTrue(length.getMessage().startsWith("v.out:2: expected 3 characters"), length.getMessage());
    IllegalArgumentException character =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestVectors.read(new BufferedReader(new StringReader("0x0\n")), 3, "v.out"));
    assertTrue(character.getMessage().startsWith("v.out:1: character 2 is 'x'"), character.getMessage());
  }

  @Test
  void writeChecksWidths() {
    IllegalArgumentException ex =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestVectors.write(new boolean[][] {{true}, {true, false}}, 1, new StringWriter()));
    assertTrue(ex.getMessage().contains("vector 1 has 2 bits, expected 1"), ex.getMessage());
  }
}
