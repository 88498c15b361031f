package illusion.word;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dataset reader's and the word generator's refusals name the exact problem (position, value,
 * expected value, limit), and what they accept is read exactly. Prefix products in Z5 are sums mod
 * 5, so the expected values below are checked by hand arithmetic.
 */
class DatasetMessagesTest {
  private static final FiniteGroup Z5 = Groups.byName("Z5");

  @TempDir Path dir;

  private static List<DatasetRow> read(String content) {
    List<DatasetRow> rows = new ArrayList<>();
    long n =
        DatasetCsv.read(
            new BufferedReader(new StringReader(content)),
            "d.csv",
            Z5,
            (seed, input, target) -> rows.add(DatasetRow.of(seed, input, target)));
    assertEquals(rows.size(), n);
    return rows;
  }

  private static String refusal(String content) {
    return assertThrows(IllegalArgumentException.class, () -> read(content)).getMessage();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1,1 2,1 4 | d.csv:2: target is not the prefix products of the input in Z5: position 2 has 4, expected 3",
        "1,1 5,1 1 | d.csv:2: input element 5 at position 2 is outside 0..4 (Z5)",
        "1,1 1,1 7 | d.csv:2: target element 7 at position 2 is outside 0..4 (Z5)",
        "1,00000000001,1 | d.csv:2: malformed number '00000000001' in input",
        "1,1,x1 | d.csv:2: malformed number 'x1' in target",
        "1,1 | d.csv:2: expected 3 comma-separated fields (seed,input,target), found 2",
        "1.5,1,1 | d.csv:2: malformed seed '1.5'",
      })
  void rowRefusals(String row, String message) {
    assertEquals(message, refusal("seed,input,target\n" + row + "\n"));
  }

  @Test
  void fileLevelRefusals() {
    assertEquals(
        "d.csv:3: row has length 1, expected 2 as on line 2",
        refusal("seed,input,target\n1,1 2,1 3\n2,1,1\n"));
    assertEquals("d.csv:3: empty line", refusal("seed,input,target\n1,1,1\n\n \n2,1,1\n"));
    String longHeader = "x".repeat(41);
    assertEquals(
        "d.csv:1: expected the header seed,input,target, found '" + "x".repeat(37) + "...'",
        refusal(longHeader + "\n"));
    String header40 = "x".repeat(40);
    assertEquals(
        "d.csv:1: expected the header seed,input,target, found '" + header40 + "'",
        refusal(header40 + "\n"));
  }

  /** Tabs separate like spaces, a byte-order mark and padding around the header are accepted. */
  @Test
  void acceptedVariants() {
    List<DatasetRow> rows = read("\uFEFF seed,input,target \n7,1\t2,1\t3\n8,0000000004 1,4 0\n9, 2 3 , 2 0 \n");
    assertEquals(3, rows.size());
    assertEquals(DatasetRow.of(7, new int[] {1, 2}, new int[] {1, 3}), rows.get(0));
    assertEquals(DatasetRow.of(8, new int[] {4, 1}, new int[] {4, 0}), rows.get(1));
    assertEquals(DatasetRow.of(9, new int[] {2, 3}, new int[] {2, 0}), rows.get(2));
    assertEquals(0, read("seed,input,target\n").size());
  }

  /** Only a bad last line without a line break is reported as a possibly truncated file. */
  @Test
  void truncationIsReportedOnlyForAnUnterminatedLastLine() throws IOException {
    Path file = dir.resolve("d.csv");
    Files.writeString(file, "seed,input,target\n1,1 2,1 3\n1,1 2,1");
    String truncated = assertThrows(IllegalArgumentException.class, () -> DatasetCsv.read(file, Z5)).getMessage();
    assertEquals(
        file + ":3: input has 2 elements but target has 1 (the file seems truncated: its last line has no line break)",
        truncated);
    Files.writeString(file, "seed,input,target\n1,1 2,1 3\n1,1 2,1\n");
    assertEquals(
        file + ":3: input has 2 elements but target has 1",
        assertThrows(IllegalArgumentException.class, () -> DatasetCsv.read(file, Z5)).getMessage());
    Files.writeString(file, "seed,input,target\n1,1 2,1\n1,1 2,1 3");
    assertEquals(
        file + ":2: input has 2 elements but target has 1",
        assertThrows(IllegalArgumentException.class, () -> DatasetCsv.read(file, Z5)).getMessage());
    Files.writeString(file, "seed,input,target\n1,1 2,1 3\n2,4 1,4 0");
    assertEquals(2, DatasetCsv.read(file, Z5, (seed, input, target) -> {}));
  }

  /** Rows built in code are checked like rows read from a file, and print in the file's format. */
  @Test
  void rowsAndDatasets() {
    assertEquals(
        "row 0: element outside 0..4 at position 2",
        assertThrows(
                IllegalArgumentException.class,
                () -> Dataset.of(Z5, List.of(DatasetRow.of(0, new int[] {1, 5}, new int[] {1, 1}))))
            .getMessage());
    assertEquals(
        "row 0: element outside 0..4 at position 1",
        assertThrows(
                IllegalArgumentException.class,
                () -> Dataset.of(Z5, List.of(DatasetRow.of(0, new int[] {1}, new int[] {-1}))))
            .getMessage());
    assertEquals("3,1 2 4,1 3 2", DatasetRow.of(3, new int[] {1, 2, 4}, new int[] {1, 3, 2}).toString());
    assertEquals("3,1,1", DatasetRow.of(3, new int[] {1}, new int[] {1}).toString());
    DatasetRow row = DatasetRow.of(3, new int[] {1, 2}, new int[] {1, 3});
    assertNotEquals(row, DatasetRow.of(4, new int[] {1, 2}, new int[] {1, 3}));
    assertNotEquals(row, DatasetRow.of(3, new int[] {2, 1}, new int[] {1, 3}));
    assertNotEquals(row, DatasetRow.of(3, new int[] {1, 2}, new int[] {1, 4}));
    assertNotEquals(row, "3,1 2,1 3");
    assertEquals(row.hashCode(), DatasetRow.of(3, new int[] {1, 2}, new int[] {1, 3}).hashCode());
    assertEquals(0, Dataset.of(Z5, List.of()).length());
    assertEquals(2, Dataset.of(Z5, List.of(row)).length());
    assertEquals(Z5, Dataset.of(Z5, List.of(row)).group());
  }

  /** Lengths, sample counts and sizes are checked against their limits, both ends inclusive. */
  @Test
  void generatorLimits() {
    FiniteGroup z2 = Groups.byName("Z2");
    assertEquals(
        "word length 0 is outside 1..1048576",
        assertThrows(IllegalArgumentException.class, () -> WordGenerator.exhaustive(z2, 0, 1)).getMessage());
    assertEquals(
        "word length 1048577 is outside 1..1048576",
        assertThrows(IllegalArgumentException.class, () -> WordGenerator.sample(z2, WordGenerator.MAX_LENGTH + 1, 1, 1))
            .getMessage());
    assertEquals(WordGenerator.MAX_LENGTH, WordGenerator.sample(z2, WordGenerator.MAX_LENGTH, 1, 1).length());
    assertEquals(
        "the number of samples must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> WordGenerator.sample(z2, 3, 0, 1)).getMessage());
    assertEquals(
        "10000001 samples exceed the limit of 10000000 rows",
        assertThrows(IllegalArgumentException.class, () -> WordGenerator.sample(Groups.byName("Z60"), 9, 10_000_001, 1))
            .getMessage());
    assertEquals(
        "10000000 rows of length 101 are 1010000000 elements, above the limit of 1000000000",
        assertThrows(IllegalArgumentException.class, () -> WordGenerator.sample(Groups.byName("Z60"), 101, 10_000_000, 1))
            .getMessage());
    assertEquals(10_000_000, WordGenerator.sample(Groups.byName("Z60"), 100, 10_000_000, 1).rows());
    // exactly as many samples as words, and one more
    assertEquals(9, WordGenerator.sample(Groups.byName("Z3"), 2, 9, 1).rows());
    assertEquals(
        "cannot draw 10 distinct words: there are only 3^2 = 9 words of length 2 over Z3",
        assertThrows(IllegalArgumentException.class, () -> WordGenerator.sample(Groups.byName("Z3"), 2, 10, 1))
            .getMessage());
    // word spaces beyond 2^4096 are described, not computed
    assertEquals(5, WordGenerator.sample(Groups.byName("Z1000000"), 300, 5, 1).rows());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> WordGenerator.exhaustive(Groups.byName("Z1000000"), 300, 1))
            .getMessage()
            .contains("are 1000000^300 = more than 2^4096 rows"));
    String twoTo4096 = BigInteger.ONE.shiftLeft(4096).toString();
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> WordGenerator.exhaustive(z2, 4096, 1))
            .getMessage()
            .contains("are 2^4096 = " + twoTo4096 + " rows, above the limit of 10000000 rows"));
    // 10^7 words of length 7: the row limit itself is allowed
    assertEquals(10_000_000, WordGenerator.exhaustive(Groups.byName("Z10"), 7, 1).rows());
    assertEquals(z2, WordGenerator.exhaustive(z2, 3, 5).group());
    assertEquals(5, WordGenerator.exhaustive(z2, 3, 5).seed());
  }

  /** Exhaustive generation lists every word once in lexicographic order, with its prefix products. */
  @Test
  void exhaustiveOrderAndSeed() {
    List<int[]> words = new ArrayList<>();
    WordGenerator.exhaustive(Groups.byName("Z3"), 3, 11)
        .forEach(
            (seed, input, target) -> {
              assertEquals(11, seed);
              assertArrayEquals(PrefixProducts.of(Groups.byName("Z3"), input), target);
              words.add(input.clone());
            });
    assertEquals(27, words.size());
    for (int code = 0; code < 27; code++) {
      assertArrayEquals(new int[] {code / 9, code / 3 % 3, code % 3}, words.get(code));
    }
  }
}
