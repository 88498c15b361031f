package illusion.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import illusion.cli.Illusion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Same arguments and seed, same bytes: tables, datasets, reports, demos and circuit exports are
 * identical across runs, in one JVM and across JVMs (no hash order or timing leaks into outputs),
 * once the timing columns are masked: {@code compileMs}, {@code nativeMs}, {@code simulateMs},
 * {@code tokensPerSecond}, {@code seconds}, {@code casesPerSecond}, and their table forms.
 */
class DeterminismTest {
  @TempDir Path dir;

  /** JSON timing fields, CSV / table timing columns, and the verify table's time line. */
  private static final Pattern JSON_TIMING =
      Pattern.compile("\"(compileMs|nativeMs|simulateMs|tokensPerSecond|seconds|casesPerSecond)\": [0-9.eE+-]+");
  private static final Pattern TABLE_TIMING =
      Pattern.compile("(?m)^(tokensPerSecond|time) .*$");

  static String mask(String text, boolean csvTimingColumns) {
    String s = JSON_TIMING.matcher(text).replaceAll("\"$1\": 0");
    s = TABLE_TIMING.matcher(s).replaceAll("$1 <masked>");
    if (csvTimingColumns) { // depth-table: compile, native and simulate times are columns 13-15
      StringBuilder b = new StringBuilder();
      for (String line : s.split("\n", -1)) {
        String[] f = line.split(",", -1);
        if (f.length >= 16) {
          int k = f.length;
          f[k - 4] = f[k - 3] = f[k - 2] = "t";
        }
        b.append(String.join(",", f)).append('\n');
      }
      s = b.toString();
    }
    return s;
  }

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of(List.of("data", "--group", "A5", "--length", "8", "--samples", "500", "--seed", "7", "--out", "OUT/d.csv")),
        Arguments.of(List.of("data", "--group", "S3", "--length", "4", "--seed", "7")),
        Arguments.of(List.of("data", "--group", "A4_x_Z5", "--length", "6", "--samples", "300", "--seed", "2", "--stats", "--format", "json")),
        Arguments.of(List.of("classify", "--group", "A4_x_Z5", "--format", "json")),
        Arguments.of(List.of("evaluate", "--model", "diag-stack", "--group", "A4_x_Z5", "--length", "8", "--samples", "50", "--seed", "3", "--format", "json")),
        Arguments.of(List.of("evaluate", "--model", "rnn-random", "--group", "S3", "--length", "5", "--samples", "40", "--seed", "3")),
        Arguments.of(List.of("depth-table", "--group", "A5", "--models", "ids4,s4-scan,diag-abelian", "--lengths", "2,4", "--samples", "16", "--format", "json")),
        Arguments.of(List.of("depth-table", "--group", "S3", "--models", "ids4-random,selective-random", "--lengths", "2,3", "--samples", "8", "--format", "csv")),
        Arguments.of(List.of("primitive", "matrix-product", "--n", "3", "--export", "graphml", "--out", "OUT/m.graphml")),
        Arguments.of(List.of("primitive", "sum-mod", "--n", "6", "--export", "dot", "--out", "OUT/s.dot")),
        Arguments.of(List.of("primitive", "prefix-brent-kung", "--n", "4", "--export", "json", "--out", "OUT/p.json")),
        Arguments.of(List.of("primitive", "lower-weights", "--n", "5", "--export", "verilog", "--out", "OUT/l.v")),
        Arguments.of(List.of("demo", "solvable", "--seed", "4")),
        Arguments.of(List.of("demo", "swaps", "--seed", "4")),
        Arguments.of(List.of("verify", "--cases", "200", "--seed", "5", "--format", "json")),
        Arguments.of(List.of("verify", "--cases", "200", "--seed", "5")));
  }

  /** One run: stdout and the output file (if any), with timing masked. */
  private List<String> runOnce(List<String> args, String name) throws IOException {
    Path out = Files.createDirectories(dir.resolve(name));
    String[] a = args.stream().map(x -> x.replace("OUT", out.toString())).toArray(String[]::new);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Illusion.run(new PrintWriter(o), new PrintWriter(e), a);
    assertEquals(0, code, String.join(" ", a) + ": " + e);
    boolean csv = args.contains("csv");
    List<String> result = new ArrayList<>();
    result.add(mask(o.toString(), csv));
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.sorted().toList()) {
        result.add(f.getFileName() + ":\n" + mask(Files.readString(f), false));
      }
    }
    return result;
  }

  @ParameterizedTest
  @MethodSource("commands")
  void sameArgumentsSameBytes(List<String> args) throws IOException {
    List<String> first = runOnce(args, "a");
    List<String> second = runOnce(args, "b");
    assertFalse(first.get(0).isEmpty() && first.size() == 1, "no output to compare");
    assertEquals(first, second, String.join(" ", args));
  }

  /** Across JVMs (fresh hash seeds, identity hash codes): depth table and a circuit export. */
  @Test
  void acrossJvms() throws IOException {
    List<List<String>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path d = Files.createDirectories(dir.resolve("jvm" + i));
      ChildJvm.Result table =
          ChildJvm.run(d, List.of("-Xmx512m"), 180, "depth-table", "--group", "S3", "--models", "ids4,diag-stack,rnn-random", "--lengths", "2,4", "--samples", "8", "--format", "csv");
      ChildJvm.Result export =
          ChildJvm.run(d, List.of("-Xmx512m"), 180, "primitive", "table-lookup", "--n", "4", "--export", "dot", "--out", "t.dot");
      assertEquals(0, table.code(), table.err());
      assertEquals(0, export.code(), export.err());
      runs.add(List.of(mask(table.out(), true), Files.readString(d.resolve("t.dot"))));
    }
    assertEquals(runs.get(0), runs.get(1));
  }
}
