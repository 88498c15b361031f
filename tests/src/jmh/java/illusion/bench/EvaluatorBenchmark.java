package illusion.bench;

import illusion.ssm.Evaluator;
import illusion.ssm.Model;
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
 * The native evaluator ({@link Evaluator#of}, the fastest exact path per layer): labels of one
 * random sequence of length n per operation, with the counter {@code tokens} (tokens per second).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class EvaluatorBenchmark {
  /** {@code ids4} on A5, {@code diag-stack} on A4 x Z5, {@code s4-random}: one random S4 layer. */
  @Param({"ids4", "diag-stack", "s4-random"})
  public String workload;

  @Param({"1024"})
  public int n;

  private Evaluator evaluator;
  private int[][] sequences;
  private int next;

  /** Per-iteration counter JMH turns into a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counts {
    public long tokens;

    @Setup(Level.Iteration)
    public void clear() {
      tokens = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    Model model = Workloads.model(workload, n);
    evaluator = Evaluator.of(model);
    sequences = Workloads.sequences(model, 16, n, 7);
  }

  @Benchmark
  public int[] labels(Counts counts) {
    int[] seq = sequences[next];
    next = (next + 1) & 15;
    counts.tokens += seq.length;
    return evaluator.labels(seq);
  }
}
