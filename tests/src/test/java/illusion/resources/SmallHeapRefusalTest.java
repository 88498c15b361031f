package illusion.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import illusion.number.Precision;
import illusion.ssm.Model;
import illusion.ssm.ModelJson;
import illusion.ssm.RandomModels;
import illusion.ssm.Readout;
import illusion.ssm.S4Layer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Requests whose projected size does not fit are refused before any work starts, with the
 * estimate and the limit, in a JVM with a small heap (-Xmx256m): one line on stderr, exit code 2,
 * no OutOfMemoryError, no output file.
 */
class SmallHeapRefusalTest {
  @TempDir Path dir;

  static Stream<Arguments> oversized() {
    return Stream.of(
        // |G|^K words: 60^6 rows
        Arguments.of(List.of("data", "--group", "A5", "--length", "6", "--seed", "1", "--out", "all.csv"),
            List.of("46656000000", "10000000")),
        // an exact convolution kernel larger than a 256 MB heap holds (fractional transitions)
        Arguments.of(List.of("verify", "--model", "s4.json", "--length", "60000", "--cases", "1"),
            List.of("needs about", "MB this heap allows")),
        // a circuit whose projected wires exceed what a 256 MB heap holds (integer transitions)
        Arguments.of(List.of("verify", "--model", "sum.json", "--length", "60000", "--cases", "1"),
            List.of("stored wires", "above the limit of")),
        // a group above the order limit
        Arguments.of(List.of("classify", "--group", "S12"), List.of("479001600", "1000000")),
        // a random model replayed on more tokens than the check allows
        Arguments.of(List.of("verify", "--model", "s4.json", "--length", "65536", "--cases", "100000"),
            List.of("67108864")));
  }

  @ParameterizedTest
  @MethodSource("oversized")
  void refusedUpFrontInASmallHeap(List<String> args, List<String> mentions) throws Exception {
    Path s4 = dir.resolve("s4.json");
    Files.writeString(s4, ModelJson.write(RandomModels.build("s4-random", 3, 1)));
    Path sum = dir.resolve("sum.json");
    Precision p = Precision.of(16, 0);
    S4Layer prefixSum =
        S4Layer.builder(p).a(new long[][] {{1}}).b(new long[][] {{1, 2, 3}}).c(new long[][] {{1}}).build();
    Model m = Model.builder("sum", 3).add(prefixSum, Readout.builder(new int[] {2}, 2).build()).build();
    Files.writeString(sum, ModelJson.write(m));
    ChildJvm.Result r = ChildJvm.run(dir, List.of("-Xmx256m"), 120, args.toArray(new String[0]));
    assertEquals(2, r.code(), r.err() + r.out());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("illusion: ") && r.err().strip().lines().count() == 1, r.err());
    assertFalse(r.err().contains("OutOfMemoryError") || r.err().contains("out of memory"), r.err());
    for (String mention : mentions) {
      assertTrue(r.err().replace(",", "").contains(mention.replace(",", "")), () -> "expected '" + mention + "' in: " + r.err());
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(s4, sum), files.sorted().toList());
    }
  }
}
