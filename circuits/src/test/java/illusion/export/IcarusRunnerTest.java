package illusion.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link IcarusRunner} does around the tools, checked with stand-in shell scripts for {@code
 * iverilog} and {@code vvp} (so without Icarus Verilog): the files it writes, the exact commands it
 * runs, how it passes vectors through, and how it reports a tool that fails, hangs or writes too
 * few vectors.
 */
class IcarusRunnerTest {
  @TempDir Path tools;
  @TempDir Path work;

  @BeforeEach
  void needsPosixShell() {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
  }

  /** An executable script {@code name} in the tools directory running {@code body} under sh. */
  private Path script(String name, String body) throws IOException {
    Path p = tools.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n", StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  /** Records its arguments, one per line, in {@code <name>.args} of the tools directory. */
  private String record(String name) {
    return "printf '%s\\n' \"$@\" > '" + tools.resolve(name + ".args") + "'";
  }

  private List<String> recorded(String name) throws IOException {
    return Files.readAllLines(tools.resolve(name + ".args"));
  }

  /** A vvp that copies +in= to +out= (so outputs equal inputs) after recording its arguments. */
  private static final String COPY_VECTORS =
      "for a in \"$@\"; do case \"$a\" in +in=*) in=\"${a#+in=}\";; +out=*) out=\"${a#+out=}\";; esac; done\n"
          + "cp \"$in\" \"$out\"";

  /** Three inputs and three outputs, output i reading input i: vectors pass through unchanged. */
  private static Circuit identity() {
    CircuitBuilder b = new CircuitBuilder();
    for (int i = 0; i < 3; i++) {
      b.output("y" + i, b.input("x" + i));
    }
    return b.build();
  }

  private static final boolean[][] VECTORS = {
    {false, false, true}, {true, false, false}, {true, true, false}, {false, true, true}
  };

  @Test
  void compileWritesBothFilesAndRunsIverilogOnThem() throws IOException {
    IcarusRunner runner = IcarusRunner.at(script("iverilog", record("iverilog")), script("vvp", "exit 0"));
    VerilogExporter exporter = VerilogExporter.of(identity()).withModuleName("m");
    IcarusRunner.Compiled compiled = runner.compile(exporter, work);
    StringWriter module = new StringWriter();
    exporter.writeModule(module);
    StringWriter testbench = new StringWriter();
    exporter.writeTestbench(testbench);
    assertEquals(module.toString(), Files.readString(work.resolve("m.v")));
    assertEquals(testbench.toString(), Files.readString(work.resolve("m_tb.v")));
    assertEquals(work.resolve("m.vvp"), compiled.image());
    assertEquals(
        List.of("-g2012", "-o", work.resolve("m.vvp").toString(), "-s", "m_tb",
            work.resolve("m.v").toString(), work.resolve("m_tb.v").toString()),
        recorded("iverilog"));
  }

  @Test
  void runPassesVectorsThroughVvp() throws IOException {
    IcarusRunner runner =
        IcarusRunner.at(script("iverilog", "exit 0"), script("vvp", record("vvp") + "\n" + COPY_VECTORS));
    IcarusRunner.Compiled compiled = runner.compile(VerilogExporter.of(identity()), work);
    assertArrayEquals(VECTORS, compiled.run(VECTORS));
    Path in = work.resolve(VerilogExporter.DEFAULT_VECTORS_IN);
    Path out = work.resolve(VerilogExporter.DEFAULT_VECTORS_OUT);
    assertEquals(
        List.of("-n", work.resolve("circuit.vvp").toString(), "+in=" + in.toAbsolutePath(),
            "+out=" + out.toAbsolutePath()),
        recorded("vvp"));
  }

  /** simulate compiles and runs in a fresh temporary directory that is gone afterwards. */
  @Test
  void simulateCleansUpItsDirectory() throws IOException {
    Path where = tools.resolve("where");
    IcarusRunner runner =
        IcarusRunner.at(script("iverilog", "exit 0"), script("vvp", "pwd > '" + where + "'\n" + COPY_VECTORS));
    assertArrayEquals(VECTORS, runner.simulate(identity(), VECTORS));
    Path dir = Path.of(Files.readString(where).strip());
    assertTrue(dir.getFileName().toString().startsWith("illusion-icarus-"), dir.toString());
    assertFalse(Files.exists(dir), "left behind: " + dir);
  }

  @Test
  void tooFewOutputVectorsAreReported() throws IOException {
    Path iverilog = script("iverilog", "exit 0");
    IcarusRunner.Compiled oneLine =
        IcarusRunner.at(iverilog, script("vvp", COPY_VECTORS + "\nhead -n 1 \"$in\" > \"$out\""))
            .compile(VerilogExporter.of(identity()), work);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> oneLine.run(VECTORS));
    assertTrue(e.getMessage().startsWith("vvp wrote 1 output vectors for 4 input vectors"), e.getMessage());
    assertTrue(e.getMessage().endsWith("is every line 3 characters 0/1?"), e.getMessage());
    IcarusRunner.Compiled nothing =
        IcarusRunner.at(iverilog, script("vvp2", "exit 0")).compile(VerilogExporter.of(identity()), work);
    Path in = work.resolve("v.in");
    Files.writeString(in, "010\n110\n");
    e = assertThrows(IllegalStateException.class, () -> nothing.run(in, work.resolve("none.out")));
    assertTrue(e.getMessage().startsWith("vvp wrote 0 output vectors for 2 input vectors"), e.getMessage());
  }

  /**
   * A failing tool is reported with its name, exit code and log: whole up to 2000 characters,
   * otherwise its last 2000 after "...".
   */
  @Test
  void failuresReportExitCodeAndTheEndOfTheLog() throws IOException {
    Path log = tools.resolve("log.txt");
    Path failing = script("iverilog", "cat '" + log + "'\nexit 3");
    IcarusRunner runner = IcarusRunner.at(failing, script("vvp", "exit 0"));
    VerilogExporter exporter = VerilogExporter.of(identity());
    String whole = "e".repeat(1999) + "!";
    Files.writeString(log, whole + "\n");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner.compile(exporter, work));
    assertEquals("iverilog failed (exit 3): " + whole, e.getMessage());
    String longer = "b" + whole;
    Files.writeString(log, longer);
    e = assertThrows(IllegalStateException.class, () -> runner.compile(exporter, work));
    assertEquals("iverilog failed (exit 3): ..." + whole, e.getMessage());
  }

  @Test
  void aToolPastTheTimeoutIsStopped() throws IOException {
    IcarusRunner runner =
        IcarusRunner.at(script("iverilog", "sleep 20"), script("vvp", "exit 0"))
            .withTimeout(Duration.ofMillis(300));
    long start = System.nanoTime();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> runner.compile(VerilogExporter.of(identity()), work));
    assertTrue(System.nanoTime() - start < 15_000_000_000L, "not stopped at the timeout");
    assertEquals("iverilog timed out after PT0.3S; log " + work.resolve("iverilog.log"), e.getMessage());
  }

  @Test
  void argumentChecks() throws IOException {
    Path tool = script("iverilog", "exit 0");
    Path plain = tools.resolve("plain");
    Files.writeString(plain, "not a program");
    assertEquals("not an executable: " + plain,
        assertThrows(IllegalArgumentException.class, () -> IcarusRunner.at(plain, tool)).getMessage());
    assertEquals("not an executable: " + plain,
        assertThrows(IllegalArgumentException.class, () -> IcarusRunner.at(tool, plain)).getMessage());
    IcarusRunner runner = IcarusRunner.at(tool, tool);
    assertEquals("IcarusRunner{" + tool + ", " + tool + "}", runner.toString());
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1)}) {
      assertEquals("timeout must be positive: " + bad,
          assertThrows(IllegalArgumentException.class, () -> runner.withTimeout(bad)).getMessage());
    }
    assertEquals(runner.toString(), runner.withTimeout(Duration.ofNanos(1)).toString());
    assertEquals("not a directory: " + plain,
        assertThrows(IllegalArgumentException.class,
            () -> runner.compile(VerilogExporter.of(identity()), plain)).getMessage());
  }

  /**
   * find uses the first {@code iverilog} and the first {@code vvp} that are executable regular
   * files in a {@code PATH} directory, and is empty unless both exist (the PATH scanned here).
   */
  @Test
  void findTakesTheFirstExecutablesOnThePath() {
    Optional<Path> iverilog = firstOnPath("iverilog");
    Optional<Path> vvp = firstOnPath("vvp");
    Optional<IcarusRunner> found = IcarusRunner.find();
    assertEquals(iverilog.isPresent() && vvp.isPresent(), found.isPresent());
    found.ifPresent(
        r -> assertEquals("IcarusRunner{" + iverilog.get() + ", " + vvp.get() + "}", r.toString()));
  }

  private static Optional<Path> firstOnPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path p = Path.of(dir, tool);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }
}
