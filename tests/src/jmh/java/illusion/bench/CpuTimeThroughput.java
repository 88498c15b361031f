package illusion.bench;

import illusion.circuit.Circuit;
import illusion.circuit.Simulator;
import illusion.compile.CompiledModel;
import illusion.compile.Outputs;
import illusion.ssm.Evaluator;
import illusion.ssm.Model;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The JMH workloads timed by the benchmark thread's CPU time as well as by the wall clock, for a
 * machine shared with other work, where wall-clock rates fall with the load: each measurement
 * repeats an operation for slices of 200 ms of CPU time (after 2 s of warm-up) and reports the
 * median rate over the slices by CPU time and by wall time, with the load average. GROUP ({@code
 * simulate}, {@code compile} or {@code evaluate}; all three by default) runs one group alone, as
 * JMH runs each benchmark in a JVM of its own: code the JIT compiled for one group's profile (e.g.
 * the builder, compiling {@code diag-stack}'s thresholds for the simulations) can slow another.
 *
 * <pre>CpuTimeThroughput [SECONDS_PER_CASE [GROUP]]</pre>
 */
public final class CpuTimeThroughput {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final long SLICE_NANOS = 200_000_000L;

  private CpuTimeThroughput() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 6;
    String group = args.length > 1 ? args[1] : "all";
    if (!List.of("all", "simulate", "compile", "evaluate").contains(group)) {
      throw new IllegalArgumentException(
          "unknown group '" + group + "': expected simulate, compile or evaluate");
    }
    System.out.printf(Locale.ROOT, "%-44s %16s %16s  %s%n", "case", "per CPU second",
        "per wall second", "load (1 min)");
    if (group.equals("all") || group.equals("simulate")) {
      simulate(seconds);
    }
    if (group.equals("all") || group.equals("compile")) {
      compile(seconds);
    }
    if (group.equals("all") || group.equals("evaluate")) {
      evaluate(seconds);
    }
  }

  private static void simulate(double seconds) {
    for (String workload : new String[] {"ids4", "diag-stack", "s4-random"}) {
      for (int n : new int[] {256, 1024}) {
        CompiledModel compiled = Workloads.compile(workload, n, Outputs.LAST);
        Circuit circuit = compiled.circuit();
        Simulator simulator = Simulator.of(circuit);
        int[][] sequences = Workloads.sequences(compiled.model(), 8 * 64, n, 42);
        long[][] batches = new long[8][];
        for (int b = 0; b < 8; b++) {
          batches[b] = Workloads.inputWords(sequences, 64 * b,
              compiled.model().inputVocabulary(), new long[circuit.inputCount()]);
        }
        long gates = compiled.stats().gates();
        int[] next = {0};
        measure("simulate " + workload + " n=" + n + " gate evals", seconds, () -> {
          simulator.simulate(batches[next[0]++ & 7]);
          return 64 * gates;
        });
      }
    }
  }

  private static void compile(double seconds) {
    for (int n : new int[] {256, 1024, 4096}) {
      for (Outputs outputs : Outputs.values()) {
        long gates = Workloads.compile("ids4", n, outputs).stats().gates();
        Model model = Workloads.model("ids4", n);
        measure("compile ids4 n=" + n + " " + outputs + " gates", seconds, () -> {
          Workloads.compileOn(model, n, outputs);
          return gates;
        });
      }
    }
  }

  private static void evaluate(double seconds) {
    for (String workload : new String[] {"ids4", "diag-stack", "s4-random"}) {
      Model model = Workloads.model(workload, 1024);
      Evaluator evaluator = Evaluator.of(model);
      int[][] sequences = Workloads.sequences(model, 16, 1024, 7);
      int[] next = {0};
      measure("evaluate " + workload + " n=1024 tokens", seconds, () -> {
        evaluator.labels(sequences[next[0]++ & 15]);
        return 1024;
      });
    }
  }

  /** Runs {@code op} (returning the units it did) and prints the median rates. */
  private static void measure(String name, double seconds, LongSupplier op) {
    long warmEnd = System.nanoTime() + 2_000_000_000L;
    while (System.nanoTime() < warmEnd) {
      op.getAsLong();
    }
    List<Double> cpuRates = new ArrayList<>();
    List<Double> wallRates = new ArrayList<>();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    do {
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      long units = 0;
      long cpu;
      do {
        units += op.getAsLong();
        cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
      } while (cpu < SLICE_NANOS);
      long wall = System.nanoTime() - wall0;
      cpuRates.add(units / (cpu / 1e9));
      wallRates.add(units / (wall / 1e9));
    } while (System.nanoTime() < end || cpuRates.size() < 5);
    System.out.printf(Locale.ROOT, "%-44s %16.3e %16.3e  %s%n", name, median(cpuRates),
        median(wallRates),
        String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int k = s.size();
    return k % 2 == 1 ? s.get(k / 2) : (s.get(k / 2 - 1) + s.get(k / 2)) / 2;
  }
}
