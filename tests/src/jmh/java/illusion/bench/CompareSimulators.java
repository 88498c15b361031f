package illusion.bench;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitStats;
import illusion.circuit.Simulator;
import illusion.compile.CompiledModel;
import illusion.compile.Outputs;
import illusion.export.VerilogExporter;
import illusion.ssm.Evaluator;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java side of {@code tests/bench/compare.sh}: one compiled circuit run on the same random input
 * vectors by this project's {@link Simulator}, Icarus Verilog and Verilator.
 *
 * <pre>
 * CompareSimulators prepare  DIR WORKLOAD N VECTORS SEED   compile, write circuit.v, circuit_tb.v,
 *                                                          vectors.in (random one-hot sequences)
 * CompareSimulators simulate DIR WORKLOAD N                simulate vectors.in into java.out, timed
 * CompareSimulators check    DIR FILE...                   compare output files line by line
 * </pre>
 *
 * Vector files are {@link illusion.export.TestVectors}' format (one line of 0/1 per vector,
 * character i = input or output i), so the testbench of {@link VerilogExporter} reads and writes
 * the same files. {@code simulate} also checks its labels against the native evaluator, so the
 * three simulators are compared with a circuit known to compute the model.
 */
public final class CompareSimulators {
  private CompareSimulators() {}

  public static void main(String[] args) throws IOException {
    checkArgument(args.length >= 2, "usage: prepare|simulate|check DIR ...");
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "prepare":
        checkArgument(args.length == 6, "usage: prepare DIR WORKLOAD N VECTORS SEED");
        prepare(dir, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
            Long.parseLong(args[5]));
        break;
      case "simulate":
        checkArgument(args.length == 4, "usage: simulate DIR WORKLOAD N");
        simulate(dir, args[2], Integer.parseInt(args[3]));
        break;
      case "check":
        checkArgument(args.length >= 4, "usage: check DIR FILE FILE...");
        System.exit(check(dir, Arrays.copyOfRange(args, 2, args.length)) ? 0 : 1);
        break;
      default:
        throw new IllegalArgumentException("unknown step " + args[0]);
    }
  }

  private static void prepare(Path dir, String workload, int n, int vectors, long seed)
      throws IOException {
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    CompiledModel compiled = Workloads.compile(workload, n, Outputs.LAST);
    long t1 = System.nanoTime();
    Circuit circuit = compiled.circuit();
    CircuitStats stats = compiled.stats();
    VerilogExporter exporter = VerilogExporter.of(circuit);
    try (Writer w = Files.newBufferedWriter(dir.resolve("circuit.v"), StandardCharsets.UTF_8)) {
      exporter.writeModule(w);
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("circuit_tb.v"), StandardCharsets.UTF_8)) {
      exporter.writeTestbench(w);
    }
    writeStub(exporter, dir.resolve("stub.v"));
    int[][] sequences = Workloads.sequences(compiled.model(), vectors, n, seed);
    int vocab = compiled.model().inputVocabulary();
    try (BufferedWriter w =
        Files.newBufferedWriter(dir.resolve("vectors.in"), StandardCharsets.US_ASCII)) {
      char[] line = new char[circuit.inputCount() + 1];
      line[line.length - 1] = '\n';
      for (int[] seq : sequences) {
        Arrays.fill(line, 0, line.length - 1, '0');
        for (int t = 0; t < n; t++) {
          line[t * vocab + seq[t]] = '1';
        }
        w.write(line);
      }
    }
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("model", workload + " on " + Workloads.group(workload).name());
    info.put("n", n);
    info.put("compile seconds", String.format(Locale.ROOT, "%.3f", (t1 - t0) / 1e9));
    info.put("gates", stats.gates());
    info.put("wires", stats.wires());
    info.put("depth", stats.depth());
    info.put("inputs", circuit.inputCount());
    info.put("outputs", circuit.outputCount());
    info.put("vectors", vectors);
    info.forEach((k, v) -> System.out.println(k + ": " + v));
  }

  private static void simulate(Path dir, String workload, int n) throws IOException {
    long t0 = System.nanoTime();
    CompiledModel compiled = Workloads.compile(workload, n, Outputs.LAST);
    Circuit circuit = compiled.circuit();
    long tCompiled = System.nanoTime();
    int ins = circuit.inputCount();
    int outs = circuit.outputCount();
    // read every vector first, packed 64 per word, so that the timed loop is simulation only
    Batches read = readVectors(dir.resolve("vectors.in"), ins);
    List<long[]> batches = read.words();
    int vectors = read.count();
    long tRead = System.nanoTime();
    Simulator simulator = Simulator.of(circuit);
    long[][] results = new long[batches.size()][];
    long tSetup = System.nanoTime();
    for (int b = 0; b < results.length; b++) {
      results[b] = simulator.simulate(batches.get(b));
    }
    long tSim = System.nanoTime();
    writeVectors(dir.resolve("java.out"), results, vectors, outs);
    long tWrite = System.nanoTime();
    // the same vectors again after two seconds of repeating them, once the JIT has compiled the
    // simulator
    long warmUntil = System.nanoTime() + 2_000_000_000L;
    do {
      for (int b = 0; b < results.length; b++) {
        results[b] = simulator.simulate(batches.get(b));
      }
    } while (System.nanoTime() < warmUntil);
    long tWarm = System.nanoTime();
    for (int b = 0; b < results.length; b++) {
      results[b] = simulator.simulate(batches.get(b));
    }
    long tWarmEnd = System.nanoTime();
    // the circuit's labels against the native evaluator (first 64 vectors)
    int labelsChecked = checkLabels(compiled, batches.get(0), results[0], Math.min(64, vectors));
    long gates = compiled.stats().gates();
    double sim = (tSim - tSetup) / 1e9;
    System.out.printf(Locale.ROOT, "java compile seconds: %.3f%n", (tCompiled - t0) / 1e9);
    System.out.printf(Locale.ROOT, "java read seconds: %.3f%n", (tRead - tCompiled) / 1e9);
    System.out.printf(Locale.ROOT, "java setup seconds: %.4f%n", (tSetup - tRead) / 1e9);
    System.out.printf(Locale.ROOT, "java simulate seconds: %.4f%n", sim);
    System.out.printf(Locale.ROOT, "java simulate warm seconds: %.4f%n", (tWarmEnd - tWarm) / 1e9);
    System.out.printf(Locale.ROOT, "java write seconds: %.3f%n", (tWrite - tSim) / 1e9);
    System.out.printf(Locale.ROOT, "java file-to-file seconds: %.3f%n", (tWrite - tCompiled) / 1e9);
    System.out.printf(Locale.ROOT, "java gate evaluations per second: %.3e%n",
        (double) gates * vectors / sim);
    System.out.printf(Locale.ROOT, "java labels checked against the native evaluator: %d%n",
        labelsChecked);
  }

  /**
   * A module with the circuit's name and ports whose outputs are constant 0: run under the same
   * testbench, it measures what reading and writing the vector files costs a simulator.
   */
  private static void writeStub(VerilogExporter exporter, Path file) throws IOException {
    Circuit c = exporter.circuit();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      w.write("// The ports of module " + exporter.moduleName() + ", outputs tied to 0.\n");
      w.write("module " + exporter.moduleName() + " (");
      for (int i = 0; i < c.inputCount(); i++) {
        w.write("\n  input wire " + exporter.inputPort(i) + ",");
      }
      for (int o = 0; o < c.outputCount(); o++) {
        w.write("\n  output wire " + exporter.outputPort(o) + (o + 1 < c.outputCount() ? "," : ""));
      }
      w.write("\n);\n");
      for (int o = 0; o < c.outputCount(); o++) {
        w.write("  assign " + exporter.outputPort(o) + " = 1'b0;\n");
      }
      w.write("endmodule\n");
    }
  }

  /** Input words, 64 vectors per batch (lane j of batch b = vector 64 b + j), and the count. */
  private record Batches(List<long[]> words, int count) {}

  /** Reads a vector file into input words. */
  private static Batches readVectors(Path file, int width) throws IOException {
    List<long[]> batches = new ArrayList<>();
    int vectors = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      byte[] line = new byte[width + 1];
      while (true) {
        int got = in.readNBytes(line, 0, width + 1);
        if (got == 0) {
          break;
        }
        checkArgument(got == width + 1 && line[width] == '\n',
            "%s:%s: expected %s characters 0/1 and a newline", file, vectors + 1, width);
        int lane = vectors & 63;
        if (lane == 0) {
          batches.add(new long[width]);
        }
        long[] words = batches.get(batches.size() - 1);
        int bad = 0;
        for (int i = 0; i < width; i++) {
          int bit = line[i] - '0';
          bad |= bit;
          words[i] |= (long) bit << lane;
        }
        checkArgument((bad & ~1) == 0, "%s:%s: a character other than 0 and 1", file, vectors + 1);
        vectors++;
      }
    }
    return new Batches(batches, vectors);
  }

  /** Writes one line per vector: character o is output o of that vector's lane. */
  private static void writeVectors(Path file, long[][] results, int vectors, int width)
      throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      byte[] line = new byte[width + 1];
      line[width] = '\n';
      for (int v = 0; v < vectors; v++) {
        long[] res = results[v >>> 6];
        int lane = v & 63;
        for (int o = 0; o < width; o++) {
          line[o] = (byte) ('0' + (res[o] >>> lane & 1));
        }
        out.write(line);
      }
    }
  }

  /** Decodes the label at position n-1 of the first vectors and compares with the evaluator. */
  private static int checkLabels(CompiledModel compiled, long[] in, long[] out, int count) {
    int n = compiled.length();
    int vocab = compiled.model().inputVocabulary();
    Evaluator evaluator = Evaluator.of(compiled.model());
    for (int lane = 0; lane < count; lane++) {
      int[] seq = new int[n];
      for (int t = 0; t < n; t++) {
        int found = -1;
        for (int s = 0; s < vocab; s++) {
          if ((in[t * vocab + s] >>> lane & 1) != 0) {
            found = s;
          }
        }
        checkArgument(found >= 0, "vector %s: position %s has no token", lane, t);
        seq[t] = found;
      }
      int expected = evaluator.labels(seq)[n - 1];
      int labels = compiled.model().labelVocabulary();
      int got = -1;
      for (int k = 0; k < labels; k++) {
        if ((out[compiled.labelIndex(n - 1, k)] >>> lane & 1) != 0) {
          got = got == -1 ? k : -2;
        }
      }
      if (got != expected) {
        throw new IllegalStateException(
            "vector " + lane + ": circuit label " + got + ", native evaluator " + expected);
      }
    }
    return count;
  }

  private static boolean check(Path dir, String[] files) throws IOException {
    List<String> reference = Files.readAllLines(dir.resolve(files[0]), StandardCharsets.US_ASCII);
    boolean agree = true;
    for (int f = 1; f < files.length; f++) {
      List<String> other = Files.readAllLines(dir.resolve(files[f]), StandardCharsets.US_ASCII);
      int mismatch = -1;
      for (int i = 0; i < Math.max(reference.size(), other.size()); i++) {
        if (i >= reference.size() || i >= other.size() || !reference.get(i).equals(other.get(i))) {
          mismatch = i;
          break;
        }
      }
      if (mismatch >= 0) {
        agree = false;
        System.out.printf("%s and %s differ at vector %d (%d and %d lines)%n",
            files[0], files[f], mismatch + 1, reference.size(), other.size());
      } else {
        System.out.printf("%s and %s agree on all %d vectors%n", files[0], files[f],
            reference.size());
      }
    }
    return agree;
  }
}
