package illusion.bench;

import illusion.compile.CompiledModel;
import illusion.compile.Outputs;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile throughput: {@code ModelCompiler.compile} of a constructed model (model construction
 * excluded, the circuit built and checked by the compiler included), with the counter {@code
 * gates} (gates built per second). The heap is touched when the JVM starts, so that the rate does
 * not include the kernel's first-touch page faults on a fresh heap (a compile allocates 120 to 240
 * bytes per gate, and until every page of the heap has been used once, each new page faults).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class CompileBenchmark {
  @Param({"ids4"})
  public String workload;

  @Param({"256", "1024", "4096"})
  public int n;

  @Param({"LAST", "ALL"})
  public String outputs;

  private long gates;

  /** Per-iteration counter JMH turns into a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counts {
    public long gates;

    @Setup(Level.Iteration)
    public void clear() {
      gates = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    gates = Workloads.compile(workload, n, Outputs.valueOf(outputs)).stats().gates();
  }

  @Benchmark
  public CompiledModel compile(Counts counts) {
    counts.gates += gates;
    return Workloads.compile(workload, n, Outputs.valueOf(outputs));
  }
}
