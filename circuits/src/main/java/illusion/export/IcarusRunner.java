package illusion.export;

import static com.google.common.base.Preconditions.checkArgument;

import illusion.circuit.Circuit;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Simulates a circuit with Icarus Verilog: exports it with {@link VerilogExporter}, compiles module
 * and testbench with {@code iverilog -g2012}, runs the image with {@code vvp} on a vector file and
 * reads the outputs back (formats in {@link TestVectors}). An independent check of the circuit
 * semantics, and the Verilog path of benchmarks.
 *
 * <pre>{@code
 * IcarusRunner icarus = IcarusRunner.find().orElseThrow();
 * boolean[][] outputs = icarus.simulate(circuit, inputs); // row r: outputs for inputs[r]
 * }</pre>
 *
 * A tool that fails or exceeds the timeout raises {@link IllegalStateException} with its exit code
 * and the end of its log.
 */
public final class IcarusRunner {
  /** How long one {@code iverilog} or {@code vvp} run may take unless {@link #withTimeout} says. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private static final int LOG_TAIL_CHARS = 2000;

  private final Path iverilog;
  private final Path vvp;
  private final Duration timeout;

  private IcarusRunner(Path iverilog, Path vvp, Duration timeout) {
    this.iverilog = iverilog;
    this.vvp = vvp;
    this.timeout = timeout;
  }

  /** A runner using {@code iverilog} and {@code vvp} from the {@code PATH}, if both are there. */
  public static Optional<IcarusRunner> find() {
    Optional<Path> iverilog = onPath("iverilog");
    Optional<Path> vvp = onPath("vvp");
    if (iverilog.isEmpty() || vvp.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new IcarusRunner(iverilog.get(), vvp.get(), DEFAULT_TIMEOUT));
  }

  /** A runner using the given executables. */
  public static IcarusRunner at(Path iverilog, Path vvp) {
    checkArgument(Files.isExecutable(iverilog), "not an executable: %s", iverilog);
    checkArgument(Files.isExecutable(vvp), "not an executable: %s", vvp);
    return new IcarusRunner(iverilog, vvp, DEFAULT_TIMEOUT);
  }

  /** This runner with another per-run timeout (positive). */
  public IcarusRunner withTimeout(Duration timeout) {
    checkArgument(
        !timeout.isNegative() && !timeout.isZero(), "timeout must be positive: %s", timeout);
    return new IcarusRunner(iverilog, vvp, timeout);
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Outputs of {@code circuit} for each row of {@code inputs} (one row per vector, one column per
   * input in circuit order), simulated in one {@code vvp} run inside a temporary directory that is
   * deleted afterwards. Row r of the result holds the outputs in circuit order.
   */
  public boolean[][] simulate(Circuit circuit, boolean[][] inputs) throws IOException {
    Path dir = Files.createTempDirectory("illusion-icarus-");
    try {
      return compile(VerilogExporter.of(circuit), dir).run(inputs);
    } finally {
      deleteRecursively(dir);
    }
  }

  /**
   * Writes {@code <module>.v} and {@code <module>_tb.v} into the existing directory {@code dir} and
   * compiles them to {@code <module>.vvp} there ({@code iverilog -g2012}, log in {@code
   * iverilog.log}).
   */
  public Compiled compile(VerilogExporter exporter, Path dir) throws IOException {
    checkArgument(Files.isDirectory(dir), "not a directory: %s", dir);
    String module = exporter.moduleName();
    Path moduleFile = dir.resolve(module + ".v");
    Path testbenchFile = dir.resolve(exporter.testbenchName() + ".v");
    Path image = dir.resolve(module + ".vvp");
    try (Writer w = Files.newBufferedWriter(testbenchFile, StandardCharsets.US_ASCII)) {
      exporter.writeTestbench(w);
    }
    try (Writer w = Files.newBufferedWriter(moduleFile, StandardCharsets.UTF_8)) {
      exporter.writeModule(w);
    }
    List<String> command = new ArrayList<>();
    command.add(iverilog.toString());
    command.add("-g2012");
    command.add("-o");
    command.add(image.toString());
    command.add("-s");
    command.add(exporter.testbenchName());
    command.add(moduleFile.toString());
    command.add(testbenchFile.toString());
    exec(command, dir.resolve("iverilog.log"));
    return new Compiled(exporter, dir, image);
  }

  /** A compiled testbench, ready to run on vector files. */
  public final class Compiled {
    private final VerilogExporter exporter;
    private final Path dir;
    private final Path image;

    private Compiled(VerilogExporter exporter, Path dir, Path image) {
      this.exporter = exporter;
      this.dir = dir;
      this.image = image;
    }

    /** The compiled image ({@code <module>.vvp}). */
    public Path image() {
      return image;
    }

    /**
     * Runs {@code vvp -n <image> +in=<vectorsIn> +out=<vectorsOut>} (log in {@code vvp.log} beside
     * the image) and checks that it wrote one output line per input line.
     */
    public void run(Path vectorsIn, Path vectorsOut) throws IOException {
      List<String> command =
          List.of(
              vvp.toString(),
              "-n",
              image.toString(),
              "+in=" + vectorsIn.toAbsolutePath(),
              "+out=" + vectorsOut.toAbsolutePath());
      exec(command, dir.resolve("vvp.log"));
      long in = countLines(vectorsIn);
      long out = countLines(vectorsOut);
      if (in != out) {
        throw new IllegalStateException(
            "vvp wrote " + out + " output vectors for " + in + " input vectors (" + vectorsIn
                + "): is every line " + exporter.circuit().inputCount() + " characters 0/1?");
      }
    }

    /**
     * Outputs for each row of {@code inputs}, through {@code vectors.in} and {@code vectors.out}
     * in the compile directory.
     */
    public boolean[][] run(boolean[][] inputs) throws IOException {
      Circuit circuit = exporter.circuit();
      Path in = dir.resolve(VerilogExporter.DEFAULT_VECTORS_IN);
      Path out = dir.resolve(VerilogExporter.DEFAULT_VECTORS_OUT);
      TestVectors.write(inputs, circuit.inputCount(), in);
      run(in, out);
      return TestVectors.read(out, circuit.outputCount());
    }
  }

  private void exec(List<String> command, Path log) throws IOException {
    Process p =
        new ProcessBuilder(command)
            .directory(log.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done;
    try {
      done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while running " + command.get(0));
    }
    if (!done) {
      p.destroyForcibly();
      throw new IllegalStateException(
          Path.of(command.get(0)).getFileName() + " timed out after " + timeout + "; log "
              + log);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          Path.of(command.get(0)).getFileName() + " failed (exit " + p.exitValue() + "): "
              + tail(log));
    }
  }

  private static String tail(Path log) throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8).strip();
    return text.length() <= LOG_TAIL_CHARS
        ? text
        : "..." + text.substring(text.length() - LOG_TAIL_CHARS);
  }

  private static long countLines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
      return lines.count();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public String toString() {
    return "IcarusRunner{" + iverilog + ", " + vvp + "}";
  }
}
