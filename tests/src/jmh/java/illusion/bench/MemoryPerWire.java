package illusion.bench;

import illusion.circuit.Circuit;
import illusion.circuit.CircuitBuilder;
import illusion.circuit.CircuitStats;
import illusion.compile.CompiledModel;
import illusion.compile.Outputs;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Heap per wire of unit-weight circuits, measured with the garbage collector (used heap after a
 * full collection): the built {@link Circuit} alone, and the {@link CircuitBuilder} holding the
 * same gates (its hash chains and growable arrays included). Workloads: a random fan-in-2 AND/OR
 * network (each gate reading two of the last 1000 nodes), and the compiled {@code ids4} model.
 * Run with a fixed heap, e.g. {@code java -Xms8g -Xmx8g -cp benchmarks.jar
 * illusion.bench.MemoryPerWire}.
 */
public final class MemoryPerWire {
  private MemoryPerWire() {}

  public static void main(String[] args) {
    int gates = args.length > 0 ? Integer.parseInt(args[0]) : 4_000_000;
    long base = usedAfterGc();
    CircuitBuilder b = new CircuitBuilder();
    for (int i = 0; i < 1000; i++) {
      b.input("x" + i);
    }
    SplittableRandom r = new SplittableRandom(1);
    for (int g = 0; g < gates; g++) {
      int count = b.nodeCount();
      int p = count - 1 - r.nextInt(1000);
      int q = count - 1 - r.nextInt(1000);
      if ((g & 1) == 0) {
        b.and(p, CircuitBuilder.negate(q));
      } else {
        b.or(p, q);
      }
    }
    long builderBytes = usedAfterGc() - base;
    Circuit c = b.build();
    b = null;
    long circuitBytes = usedAfterGc() - base;
    long wires = CircuitStats.of(c).wires();
    report("random fan-in-2 AND/OR, builder", builderBytes, wires);
    report("random fan-in-2 AND/OR, circuit", circuitBytes, wires);
    c = null;
    for (int n : new int[] {1024, 4096}) {
      base = usedAfterGc();
      resetPeaks();
      CompiledModel compiled = Workloads.compile("ids4", n, Outputs.ALL);
      long peak = peakHeap() - base;
      long retained = usedAfterGc() - base;
      long w = compiled.stats().wires();
      report("ids4 A5 n=" + n + " ALL, compile peak (heap pools)", peak, w);
      report("ids4 A5 n=" + n + " ALL, compiled model retained", retained, w);
      compiled = null;
    }
  }

  private static void report(String what, long bytes, long wires) {
    System.out.printf(Locale.ROOT, "%-52s %,14d bytes %,12d wires %6.2f bytes/wire%n", what, bytes,
        wires, (double) bytes / wires);
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum over heap pools of their peak usage since the reset (an upper bound of the peak). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
