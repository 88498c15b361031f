package illusion.bench;

import illusion.circuit.CircuitStats;
import illusion.compile.CompiledModel;
import illusion.compile.Outputs;
import illusion.group.Groups;
import illusion.ssm.ConstructedModels;
import java.util.Locale;

/**
 * Times what a depth table over n = 8, 16, ..., N costs: for each n, compile the model (outputs at
 * the last position) and measure the circuit ({@link CircuitStats}: depth, size, wires), in one
 * JVM, as {@code illusion depth-table} does.
 *
 * <pre>DepthTableTiming MODEL GROUP MAX_N [LAST|ALL]</pre>
 */
public final class DepthTableTiming {
  private DepthTableTiming() {}

  public static void main(String[] args) {
    String model = args[0];
    String group = args[1];
    int maxN = Integer.parseInt(args[2]);
    Outputs outputs = args.length > 3 ? Outputs.valueOf(args[3]) : Outputs.LAST;
    long start = System.nanoTime();
    System.out.printf("%6s %10s %16s %6s %9s%n", "n", "gates", "wires", "depth", "seconds");
    for (int n = 8; n <= maxN; n *= 2) {
      long t0 = System.nanoTime();
      String cell;
      try {
        CompiledModel compiled =
            Workloads.compileOn(ConstructedModels.build(model, Groups.byName(group), n), n, outputs);
        CircuitStats s = compiled.stats();
        cell = String.format(Locale.ROOT, "%10d %16d %6d", s.gates(), s.wires(), s.depth());
      } catch (IllegalArgumentException e) {
        cell = "refused: " + e.getMessage();
      }
      System.out.printf(Locale.ROOT, "%6d %s %9.3f%n", n, cell, (System.nanoTime() - t0) / 1e9);
    }
    System.out.printf(Locale.ROOT, "total seconds: %.3f%n", (System.nanoTime() - start) / 1e9);
  }
}
