package illusion.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import illusion.testing.PaperData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the element order and composition convention against the paper's own data: every row's
 * target is the prefix products s_t = s_{t-1} * x_t of its input in A5 (DESIGN.md, "Datasets").
 * The CSV is parsed here independently of {@code illusion.word}.
 */
class PaperConventionTest {

  @ParameterizedTest
  @ValueSource(strings = {"A5=8.csv", "A5=16.csv"})
  void everyRowIsThePrefixProductOfItsInput(String file) throws IOException {
    FiniteGroup a5 = Groups.byName("A5");
    List<String> lines = Files.readAllLines(PaperData.file(file));
    assertEquals("seed,input,target", lines.get(0));
    int rows = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split(",");
      int[] input = Arrays.stream(cols[1].split(" ")).mapToInt(Integer::parseInt).toArray();
      int[] target = Arrays.stream(cols[2].split(" ")).mapToInt(Integer::parseInt).toArray();
      int[] expected = new int[input.length];
      int s = a5.identity();
      for (int t = 0; t < input.length; t++) {
        s = a5.multiply(s, input[t]);
        expected[t] = s;
      }
      assertArrayEquals(expected, target, () -> file + " row " + line);
      rows++;
    }
    assertEquals(file.equals("A5=8.csv") ? 100 : 10_000, rows);
  }
}
