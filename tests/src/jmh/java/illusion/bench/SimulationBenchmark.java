package illusion.bench;

import illusion.circuit.Circuit;
import illusion.circuit.Simulator;
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
 * Simulation throughput of compiled circuits, one core, warm: one 64-lane pass of {@link
 * Simulator#simulate} per operation over random one-hot token sequences. Besides passes per second,
 * JMH reports the counters {@code gateEvaluations} (gates of the circuit times 64 lanes, per
 * second), {@code wireEvaluations} (flat wires times 64 lanes: a threshold gate over a shared sum
 * counts its whole fan-in) and {@code vectors} (input vectors per second).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g"})
public class SimulationBenchmark {
  /**
   * {@code ids4} runs on A5; {@code diag-stack} on A4 x Z5 (A5 is not solvable); {@code s4-random}
   * is an S4 convolution kernel over 60 tokens.
   */
  @Param({"ids4", "diag-stack", "s4-random"})
  public String workload;

  @Param({"256", "1024"})
  public int n;

  private Simulator simulator;
  private long[][] batches;
  private int next;
  private long gates;
  private long wires;

  /** Per-iteration counters JMH turns into rates. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counts {
    public long gateEvaluations;
    public long wireEvaluations;
    public long vectors;

    @Setup(Level.Iteration)
    public void clear() {
      gateEvaluations = 0;
      wireEvaluations = 0;
      vectors = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    CompiledModel compiled = Workloads.compile(workload, n, Outputs.LAST);
    Circuit circuit = compiled.circuit();
    gates = compiled.stats().gates();
    wires = compiled.stats().wires();
    simulator = Simulator.of(circuit);
    int[][] sequences = Workloads.sequences(compiled.model(), 8 * 64, n, 42);
    int vocab = compiled.model().inputVocabulary();
    batches = new long[8][];
    for (int b = 0; b < batches.length; b++) {
      batches[b] =
          Workloads.inputWords(sequences, 64 * b, vocab, new long[circuit.inputCount()]);
    }
  }

  @Benchmark
  public long[] simulate(Counts counts) {
    long[] in = batches[next];
    next = (next + 1) & 7;
    counts.gateEvaluations += 64 * gates;
    counts.wireEvaluations += 64 * wires;
    counts.vectors += 64;
    return simulator.simulate(in);
  }
}
