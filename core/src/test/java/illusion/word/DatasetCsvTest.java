package illusion.word;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.group.FiniteGroup;
import illusion.group.Groups;
import illusion.testing.PaperData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class DatasetCsvTest {
  @TempDir Path dir;

  /** The reader accepts every row of the paper's files (it checks each target against A5). */
  @Test
  void readsThePaperData() throws IOException {
    FiniteGroup a5 = Groups.byName("A5");
    Dataset small = DatasetCsv.read(PaperData.file("A5=8.csv"), a5);
    assertEquals(100, small.size());
    assertEquals(8, small.length());
    Dataset large = DatasetCsv.read(PaperData.file("A5=16.csv"), a5);
    assertEquals(10_000, large.size());
    assertEquals(16, large.length());
    assertEquals(623164, large.rows().get(0).seed());
    // Writing reproduces the file byte for byte.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DatasetCsv.write(large, out);
    assertEquals(Files.readString(PaperData.file("A5=16.csv")), out.toString(StandardCharsets.UTF_8));
  }

  /** Round trip: write then read gives the same rows. */
  @Test
  void roundTrip() throws IOException {
    FiniteGroup g = Groups.byName("S3_x_Z4");
    Dataset d = Dataset.generate(WordGenerator.sample(g, 7, 500, 42));
    Path file = dir.resolve("d.csv");
    try (var out = Files.newOutputStream(file)) {
      DatasetCsv.write(d, out);
    }
    Dataset back = DatasetCsv.read(file, g);
    assertEquals(d.rows(), back.rows());
    assertEquals(500, back.size());
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        arguments("seed,input,target\n1,0 1,0 2\n", ":2: ", "prefix products"),
        arguments("seed,input,target\n1,0 60,0 1\n", ":2: ", "outside 0..59"),
        arguments("seed,input,target\n1,0 1 2\n", ":2: ", "3 comma-separated fields"),
        arguments("seed,input,target\n1,0 1,0 1,5\n", ":2: ", "3 comma-separated fields"),
        arguments("seed,input,target\n1,0 1,0\n", ":2: ", "2 elements but target has 1"),
        arguments("seed,input,target\n1,0 1,0 1\n2,0,0\n", ":3: ", "length 1, expected 2"),
        arguments("seed,input,target\n1,0 x,0 1\n", ":2: ", "malformed number 'x'"),
        arguments("seed,input,target\n1,0 -1,0 1\n", ":2: ", "malformed number '-1'"),
        arguments("seed,input,target\nq,0 1,0 1\n", ":2: ", "malformed seed"),
        arguments("seed,input,target\n1,0 1,0 1\n\n1,0 1,0 1\n", ":3: ", "empty line"),
        arguments("seed,in,target\n", ":1: ", "expected the header"),
        arguments("", ": ", "empty file"),
        arguments("seed,input,target\n1,,\n", ":2: ", "empty input"),
        arguments("seed,input,target\n1,0 5 7 9,0 5 3", ":2: ", "truncated"));
  }

  /** Reader errors are one line naming the file and line. */
  @ParameterizedTest
  @MethodSource("badFiles")
  void errorsNameFileAndLine(String content, String where, String what) throws IOException {
    Path file = dir.resolve("d.csv");
    Files.writeString(file, content);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatasetCsv.read(file, Groups.byName("A5")));
    assertTrue(e.getMessage().startsWith(file + where), e.getMessage());
    assertTrue(e.getMessage().contains(what), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void missingFile() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DatasetCsv.read(dir.resolve("none.csv"), Groups.byName("A5")));
    assertTrue(e.getMessage().contains("none.csv"));
  }

  @Test
  void trailingBlankLinesAreAccepted() throws IOException {
    Path file = dir.resolve("d.csv");
    Files.writeString(file, "seed,input,target\n3,1 2,1 0\n\n");
    Dataset d = DatasetCsv.read(file, Groups.byName("Z3"));
    assertEquals(List.of(DatasetRow.of(3, new int[] {1, 2}, new int[] {1, 0})), d.rows());
  }

  @Test
  void datasetChecksRows() {
    FiniteGroup z3 = Groups.byName("Z3");
    assertThrows(
        IllegalArgumentException.class,
        () -> Dataset.of(z3, List.of(DatasetRow.of(0, new int[] {1}, new int[] {2}))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Dataset.of(
                z3,
                List.of(
                    DatasetRow.of(0, new int[] {1}, new int[] {1}),
                    DatasetRow.of(0, new int[] {1, 1}, new int[] {1, 2}))));
    assertThrows(IllegalArgumentException.class, () -> DatasetRow.of(0, new int[] {1}, new int[0]));
    assertArrayEquals(new int[] {1, 0, 1}, PrefixProducts.of(z3, new int[] {1, 2, 1}));
  }
}
