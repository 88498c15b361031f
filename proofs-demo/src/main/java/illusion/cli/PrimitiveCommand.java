package illusion.cli;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import illusion.circuit.Circuit;
import illusion.circuit.CircuitStats;
import illusion.circuit.Simulator;
import illusion.export.CircuitJson;
import illusion.export.DotExporter;
import illusion.export.GraphMlExporter;
import illusion.export.VerilogExporter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code illusion primitive NAME}: builds one TC0 construction (or one per length with {@code
 * --lengths}), reports its size and depth, optionally verifies it against BigInteger arithmetic on
 * seeded random inputs and exports the circuit.
 */
@Command(
    name = "primitive",
    mixinStandardHelpOptions = true,
    description = {
      "Build a TC0 construction and report its depth and size; verify it against exact arithmetic.",
      "NAME is one of the names printed by 'illusion primitive list'.",
      "For two-operand primitives (compare, equal, add, subtract, multiply) n is the operand width;"
          + " for prefix-* --bits is the matrix dimension d."
    })
final class PrimitiveCommand implements Callable<Integer> {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
  private static final int MAX_SAMPLES = 1 << 24;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The construction, or 'list'.")
  String name;

  @Option(names = "--n", paramLabel = "N", description = "Size parameter (default: per primitive).")
  Integer n;

  @Option(names = "--lengths", split = ",", paramLabel = "N,N,...", description = "One row per n.")
  List<Integer> lengths;

  @Option(names = "--bits", paramLabel = "M", description = "Word width / weight bits / matrix dimension.")
  Integer bits;

  @Option(names = "--modulus", paramLabel = "K", description = "Modulus of sum-mod (default 3).")
  Long modulus;

  @Option(names = "--k", paramLabel = "K", description = "exact-count: the count; lower-weights: the target weight bits.")
  Integer k;

  @Option(names = "--verify", paramLabel = "SAMPLES", defaultValue = "0", description = "Random inputs to check.")
  int samples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of random tables, weights and samples.")
  long seed;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, json, csv or markdown.")
  String format;

  @Option(names = "--export", paramLabel = "FORMAT", description = "verilog, dot, graphml or json.")
  String export;

  @Option(names = "--out", paramLabel = "FILE", description = "The export's output file.")
  Path out;

  /** One row of the report; Gson writes the fields in this order. */
  record Row(
      String primitive,
      int n,
      int bits,
      int depth,
      int thresholdDepth,
      int gates,
      long wires,
      long maxFanIn,
      int maxWeightBits,
      int samples,
      int mismatches) {}

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    String fmt = format.toLowerCase(Locale.ROOT);
    checkArgument(
        List.of("table", "json", "csv", "markdown").contains(fmt),
        "unknown format: %s (table, json, csv or markdown)",
        format);
    if (name.equals("list")) {
      list(w, fmt);
      return Cli.OK;
    }
    Primitive p = Primitive.byId(name);
    checkArgument(samples >= 0 && samples <= MAX_SAMPLES, "--verify must be in [0, %s], not %s", MAX_SAMPLES, samples);
    checkArgument(n == null || lengths == null, "give either --n or --lengths, not both");
    checkArgument(bits == null || p.usesBits(), "--bits does not apply to %s (n is its size)", p.id);
    checkArgument(modulus == null || p == Primitive.SUM_MOD, "--modulus applies only to sum-mod");
    checkArgument(
        k == null || p == Primitive.EXACT_COUNT || p == Primitive.LOWER_WEIGHTS,
        "--k applies only to exact-count and lower-weights");
    checkArgument((export == null) == (out == null), "--export and --out go together");
    checkArgument(export == null || lengths == null, "--export needs one size: use --n, not --lengths");
    String exportFormat = export == null ? null : export.toLowerCase(Locale.ROOT);
    checkArgument(
        exportFormat == null || List.of("verilog", "dot", "graphml", "json").contains(exportFormat),
        "unknown export format: %s (verilog, dot, graphml or json)",
        export);
    List<Integer> sizes = lengths != null ? lengths : List.of(n != null ? n : p.defaultN);
    checkArgument(!sizes.isEmpty(), "--lengths is empty");
    List<Primitive.Params> params = new ArrayList<>();
    for (Integer size : sizes) {
      checkArgument(size != null, "--lengths has an empty entry");
      Primitive.Params pp =
          new Primitive.Params(
              size, bits != null ? bits : Math.max(1, p.defaultBits), modulus != null ? modulus : 3, k, seed);
      p.check(pp); // every size is checked before anything is built or printed
      params.add(pp);
    }
    List<Row> rows = new ArrayList<>();
    Circuit last = null;
    for (Primitive.Params pp : params) {
      Primitive.Instance inst = p.build(pp);
      last = inst.circuit;
      int mismatches = verify(inst, samples, pp.seed);
      CircuitStats st = CircuitStats.of(inst.circuit);
      rows.add(
          new Row(
              p.id,
              pp.n,
              p.reportedBits(pp),
              st.depth(),
              st.thresholdDepth(),
              st.gates(),
              st.wires(),
              st.maxFanIn(),
              st.maxWeightBits(),
              samples,
              mismatches));
    }
    if (exportFormat != null) {
      export(last, exportFormat, p);
    }
    print(w, fmt, rows);
    return exitCode(rows);
  }

  /** {@link Cli#CHECK_FAILED} when any row has a mismatch, else {@link Cli#OK}. */
  static int exitCode(List<Row> rows) {
    return rows.stream().anyMatch(r -> r.mismatches() > 0) ? Cli.CHECK_FAILED : Cli.OK;
  }

  /** Simulates {@code samples} seeded random inputs; returns the number that disagree. */
  static int verify(Primitive.Instance inst, int samples, long seed) {
    if (samples == 0) {
      return 0;
    }
    Simulator sim = Simulator.of(inst.circuit);
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] in = new long[inst.circuit.inputCount()];
    int mismatches = 0;
    for (int done = 0; done < samples; done += 64) {
      for (int i = 0; i < in.length; i++) {
        in[i] = rnd.nextLong();
      }
      long[] got = sim.simulate(in);
      long[] expected = inst.expected(in);
      long lanes = samples - done >= 64 ? -1L : (1L << (samples - done)) - 1;
      long bad = 0;
      for (int o = 0; o < got.length; o++) {
        bad |= got[o] ^ expected[o];
      }
      mismatches += Long.bitCount(bad & lanes);
    }
    return mismatches;
  }

  private void export(Circuit c, String fmt, Primitive p) {
    Cli.writeAtomically(
        out,
        os -> {
          try {
            Writer wr = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            switch (fmt) {
              case "json":
                CircuitJson.write(c, wr);
                break;
              case "dot":
                DotExporter.create().write(c, wr);
                break;
              case "graphml":
                GraphMlExporter.create().write(c, wr);
                break;
              default:
                VerilogExporter.of(c).withModuleName(p.id.replace('-', '_')).writeModule(wr);
            }
            wr.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static final String[] HEADER = {
    "primitive", "n", "bits", "depth", "thresholdDepth", "gates", "wires", "maxFanIn",
    "maxWeightBits", "samples", "mismatches"
  };

  private static String[] cells(Row r) {
    return new String[] {
      r.primitive(),
      Integer.toString(r.n()),
      Integer.toString(r.bits()),
      Integer.toString(r.depth()),
      Integer.toString(r.thresholdDepth()),
      Integer.toString(r.gates()),
      Long.toString(r.wires()),
      Long.toString(r.maxFanIn()),
      Integer.toString(r.maxWeightBits()),
      Integer.toString(r.samples()),
      Integer.toString(r.mismatches())
    };
  }

  private static void print(PrintWriter w, String fmt, List<Row> rows) {
    List<String[]> body = new ArrayList<>();
    for (Row r : rows) {
      body.add(cells(r));
    }
    switch (fmt) {
      case "json":
        w.println(GSON.toJson(rows));
        break;
      case "csv":
        w.println(String.join(",", HEADER));
        for (String[] c : body) {
          w.println(String.join(",", c));
        }
        break;
      default:
        Tables.print(w, fmt.equals("markdown"), HEADER, body);
    }
    w.flush();
  }

  private static void list(PrintWriter w, String fmt) {
    String[] header = {"name", "description"};
    List<String[]> body = new ArrayList<>();
    for (Primitive p : Primitive.values()) {
      body.add(new String[] {p.id, p.description});
    }
    switch (fmt) {
      case "json":
        List<java.util.Map<String, String>> items = new ArrayList<>();
        for (String[] c : body) {
          java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
          m.put("name", c[0]);
          m.put("description", c[1]);
          items.add(m);
        }
        w.println(GSON.toJson(items));
        break;
      case "csv":
        w.println("name,description");
        for (String[] c : body) {
          w.println(c[0] + ",\"" + c[1].replace("\"", "\"\"") + "\"");
        }
        break;
      default:
        Tables.print(w, fmt.equals("markdown"), header, body);
    }
    w.flush();
  }
}
