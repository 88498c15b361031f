package illusion.fuzz;

import illusion.ssm.ModelJson;
import illusion.ssm.RandomModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile command lines for every subcommand: unknown and repeated options, missing and extra
 * values, out-of-range, negative, overflowing and malformed numbers, unknown names, unreadable,
 * binary, endless and missing files, directories, and output paths in missing directories. Each
 * run must keep the {@link Fuzz} contract. Valid values are kept small so that a command line that
 * happens to be valid finishes quickly.
 */
class CliArgumentFuzzProperties {
  private static Path dir;
  private static Path out;
  private static List<String> inputFiles;

  @BeforeContainer
  static void files() throws IOException {
    dir = Files.createTempDirectory("illusion-fuzz-cli");
    out = Files.createDirectory(dir.resolve("out"));
    Path in = Files.createDirectory(dir.resolve("in"));
    Path z3Model = in.resolve("z3.json");
    Files.writeString(z3Model, ModelJson.write(RandomModels.build("s4d-random", 3, 1)));
    Path csv = in.resolve("z3.csv");
    Files.writeString(csv, "seed,input,target\n1,1 2 2,1 0 2\n1,0 0 1,0 0 1\n");
    Path badUtf8 = in.resolve("bad.csv");
    Files.write(badUtf8, new byte[] {'s', 'e', 'e', 'd', ',', (byte) 0xC3, (byte) 0x28, '\n'});
    Path truncated = in.resolve("truncated.json");
    String json = ModelJson.write(RandomModels.build("ids4-random", 3, 2));
    Files.writeString(truncated, json.substring(0, json.length() / 2));
    Path empty = Files.createFile(in.resolve("empty.json"));
    Path binary = in.resolve("binary.csv");
    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);
    Files.write(binary, noise);
    Path longLine = in.resolve("long.csv");
    Files.writeString(longLine, "seed,input,target\n1," + "1 ".repeat(1 << 20) + ",0\n", StandardCharsets.UTF_8);
    inputFiles =
        List.of(
            z3Model.toString(), csv.toString(), badUtf8.toString(), truncated.toString(),
            empty.toString(), binary.toString(), longLine.toString(), in.toString(),
            in.resolve("missing.json").toString(), "/dev/zero", "/dev/urandom", "-", "");
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Every subcommand keeps the contract on hostile command lines. */
  @Property(tries = 400)
  void hostileCommandLines(@ForAll("commandLines") List<String[]> batch) {
    for (String[] args : batch) {
      Fuzz.run(out, args);
    }
  }

  static final String[] COMMANDS = {
    "data", "classify", "evaluate", "primitive", "demo", "depth-table", "verify", "help", "",
    "dat", "DATA", "--help", "--version", "-h", "verify2"
  };

  static final String[] GROUPS = {
    "Z1", "Z2", "Z3", "S3", "A4", "S1", "A1", "z3", " Z3 ", "Z3_x_Z2", "", " ", "S0", "A0", "Z0",
    "Z-3", "S13", "S99999999999", "Z1000001", "Z2147483648", "A4_x_", "_x_Z2", "Z2_x__x_Z2",
    "Q8", "S", "Z", "\u0000", "Ｓ５", "S٣", "Z2_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2"
        + "_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2_x_Z2",
    "S5".repeat(5000)
  };

  static final String[] NUMBERS = {
    "1", "2", "3", "4", "0", "-1", "-2147483648", "2147483647", "2147483648",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809",
    "99999999999999999999999", "", " ", "1.5", "1e3", "0x10", " 3", "3 ", "NaN", "٣", "+2", "--1",
    "1,2", "2,4,...,8", "1,,2", "8,4,...,2", "2,4,...", "...", "1..4"
  };

  static final String[] NAMES = {
    "list", "ids4", "diag-stack", "diag-abelian", "s4-scan", "s4-scan:2", "s4-scan:0",
    "s4-scan:-1", "s4-scan:99999999999", "s4-window:2", "s4-window:x", "s4-random",
    "s4d-random", "selective-random", "ids4-random", "rnn-random", "lstm", "", "exact-count",
    "count-binary", "compare", "equal", "add", "subtract", "iterated-sum", "multiply", "sum-mod",
    "table-lookup", "matrix-product", "prefix-sklansky", "prefix-brent-kung",
    "prefix-ladner-fischer", "lower-weights", "barrington", "solvable", "chess", "swaps",
    "narrative", "s4,s4d", "s4,lstm", "ids4,ids4", "s4", "s4d", "selective", "rnn", ",", "S4"
  };

  /** Counts of verify cases: valid ones stay small (a valid huge count is a long run, not a bug). */
  static final String[] CASES = {"1", "2", "64", "100", "0", "-1", "", "x", "1e3", "10000000000000", "+3"};

  static final String[] WORDS = {
    "table", "json", "csv", "markdown", "text", "xml", "", "all", "last", "first", "verilog",
    "dot", "graphml", "brent-kung", "sklansky", "ladner-fischer", "kogge-stone", "0 1 2", "0,1",
    "1 3", "x", "-1", "(x1 & !x2) | x3", "((((x1", "x1 &", "x99999999999", "!".repeat(100_000) + "x1",
    "(".repeat(50_000) + "x1" + ")".repeat(50_000), "x1 & x2 & x3 & x4 & x5 & x6 & x7 & x8 & x9"
  };

  static final String[] OPTIONS = {
    "--group", "--length", "--samples", "--seed", "--out", "--stats", "--format", "--model",
    "--data", "--model-seed", "--n", "--lengths", "--bits", "--modulus", "--k", "--verify",
    "--export", "--formula", "--models", "--outputs", "--prefix", "--max-states", "--plot",
    "--cases", "--kinds", "--max-length", "--threads", "--timeout", "--no-shrink", "--tokens",
    "--counterexample", "--help", "--version", "--bogus", "-x", "--group=Z3", "--length=-1"
  };

  @Provide
  Arbitrary<List<String[]>> commandLines() {
    return Fuzz.batches(CliArgumentFuzzProperties::commandLine);
  }

  private static String pick(Random r, String[] pool) {
    return pool[r.nextInt(pool.length)];
  }

  /** A value for {@code option}: mostly from its own pool, sometimes from any pool. */
  private static String value(Random r, String option) {
    if (r.nextInt(10) == 0 && !option.equals("--cases")) {
      return pick(r, new String[][] {GROUPS, NUMBERS, NAMES, WORDS, OPTIONS}[r.nextInt(5)]);
    }
    switch (option) {
      case "--group":
        return pick(r, GROUPS);
      case "--cases":
        return pick(r, CASES);
      case "--length": case "--samples": case "--seed": case "--model-seed": case "--n":
      case "--lengths": case "--bits": case "--modulus": case "--k": case "--verify":
      case "--max-states": case "--max-length": case "--threads": case "--timeout":
        return pick(r, NUMBERS);
      case "--model": case "--data":
        return r.nextBoolean() ? pick(r, inputFiles.toArray(new String[0])) : pick(r, NAMES);
      case "--out": case "--plot": case "--counterexample":
        return pick(r, new String[] {
          out.resolve("o.csv").toString(), out.resolve("p.svg").toString(), out.resolve("p.png").toString(),
          out.resolve("c.json").toString(), out.resolve("no/such/dir/o.csv").toString(), out.toString(),
          out.resolve("p.txt").toString(), ""});
      case "--models": case "--kinds":
        return pick(r, NAMES);
      default:
        return pick(r, WORDS);
    }
  }

  static String[] commandLine(Random r) {
    List<String> args = new ArrayList<>();
    String command = r.nextInt(20) == 0 ? pick(r, COMMANDS) : pick(r, new String[] {
      "data", "classify", "evaluate", "primitive", "demo", "depth-table", "verify"});
    args.add(command);
    if (command.equals("primitive") || command.equals("demo")) {
      if (r.nextInt(8) != 0) {
        args.add(pick(r, NAMES));
      }
    }
    if (command.equals("depth-table")) { // the defaults are a long experiment: bound it
      args.add("--lengths");
      args.add(r.nextBoolean() ? pick(r, new String[] {"2", "1,2", "3", "2,4"}) : pick(r, NUMBERS));
      if (r.nextInt(5) != 0) {
        Collections.addAll(args, "--group", "Z2", "--models", "diag-abelian,ids4", "--samples", "2");
      }
    }
    if (command.equals("verify")) { // the default is 100,000 cases
      args.add("--cases");
      args.add(pick(r, CASES));
    }
    int options = r.nextInt(6);
    for (int i = 0; i < options; i++) {
      String option = pick(r, OPTIONS);
      args.add(option);
      boolean flag = option.equals("--stats") || option.equals("--no-shrink") || option.contains("=")
          || option.equals("--help") || option.equals("--version");
      if (!flag && r.nextInt(12) != 0) {
        args.add(value(r, option));
      }
    }
    if (r.nextInt(15) == 0) {
      args.add(pick(r, WORDS)); // a stray positional argument
    }
    return args.toArray(new String[0]);
  }
}
