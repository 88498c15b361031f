package illusion.circuit;

import java.util.Objects;

/** Computes {@link CircuitStats} in one pass over the nodes plus one over the sums. */
final class CircuitMetrics {
  private CircuitMetrics() {}

  static CircuitStats compute(Circuit c) {
    Objects.requireNonNull(c, "circuit");
    int[] level = Levels.of(c);
    int[] tlevel = Levels.thresholdLevels(c);
    int depth = 0;
    int thresholdDepth = 0;
    for (int o : c.outputNodes) {
      depth = Math.max(depth, level[o]);
      thresholdDepth = Math.max(thresholdDepth, tlevel[o]);
    }
    // max |weight| bits along each sum's base chain (bases have smaller numbers)
    int sums = c.sumCount();
    int[] sumBits = new int[sums];
    for (int s = 0; s < sums; s++) {
      int b = c.sumBase[s] >= 0 ? sumBits[c.sumBase[s]] : 0;
      for (int j = c.sumStarts[s]; j < c.sumStarts[s + 1]; j++) {
        b = Math.max(b, c.termWeights.absBitLength(j));
      }
      sumBits[s] = b;
    }
    int[] perKind = new int[8];
    long wires = 0;
    long maxFanIn = 0;
    int maxWeightBits = 0;
    for (int i = 0; i < c.kinds.length; i++) {
      byte k = c.kinds[i];
      perKind[k]++;
      if (k == Circuit.K_INPUT || k == Circuit.K_CONST0 || k == Circuit.K_CONST1) {
        continue;
      }
      long fanIn;
      if (k == Circuit.K_THRESHOLD) {
        int s = c.thresholdSums[c.data[c.starts[i]]];
        fanIn = c.sumFlatTerms[s];
        maxWeightBits = Math.max(maxWeightBits, sumBits[s]);
      } else {
        fanIn = c.starts[i + 1] - c.starts[i];
        maxWeightBits = Math.max(maxWeightBits, 1);
      }
      wires += fanIn;
      maxFanIn = Math.max(maxFanIn, fanIn);
    }
    return new CircuitStats(
        c.nodeCount(),
        c.inputCount(),
        c.outputCount(),
        depth,
        thresholdDepth,
        wires,
        maxFanIn,
        maxWeightBits,
        perKind[Circuit.K_AND],
        perKind[Circuit.K_OR],
        perKind[Circuit.K_NOT],
        perKind[Circuit.K_MAJ],
        perKind[Circuit.K_THRESHOLD],
        sums,
        c.termNodes.length);
  }
}
