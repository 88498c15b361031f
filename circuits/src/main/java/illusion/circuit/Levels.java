package illusion.circuit;

import java.util.Arrays;
import java.util.Objects;

/**
 * Depth of every node of a {@link Circuit}: a view for algorithms that need levels (layered
 * exporters, depth reports). Inputs and constants have level 0; a gate has level 1 + the maximum
 * level of its fan-ins (for a THRESHOLD gate: of the flat terms of its sum, along the base chain; a
 * sum is not a gate). {@link #thresholdLevels} counts only MAJ and THRESHOLD gates (AND, OR and NOT
 * add 0), the depth measure of TC0 constructions that treat unit-weight logic as free.
 */
public final class Levels {
  private Levels() {}

  /** Level of each node, counting every gate; indexed by node. */
  public static int[] of(Circuit circuit) {
    return compute(circuit, false);
  }

  /** Level of each node counting only MAJ and THRESHOLD gates; indexed by node. */
  public static int[] thresholdLevels(Circuit circuit) {
    return compute(circuit, true);
  }

  private static int[] compute(Circuit c, boolean thresholdOnly) {
    Objects.requireNonNull(c, "circuit");
    byte[] ks = c.kinds;
    int[] st = c.starts;
    int[] d = c.data;
    int n = ks.length;
    int[] level = new int[n];
    int[] sumLevel = new int[c.sumCount()];
    Arrays.fill(sumLevel, -1);
    int[] chain = new int[16];
    for (int i = 0; i < n; i++) {
      byte k = ks[i];
      if (k == Circuit.K_INPUT || k == Circuit.K_CONST0 || k == Circuit.K_CONST1) {
        continue;
      }
      int in;
      if (k == Circuit.K_THRESHOLD) {
        int s = c.thresholdSums[d[st[i]]];
        if (sumLevel[s] < 0) {
          int depth = 0;
          for (int t = s; t >= 0 && sumLevel[t] < 0; t = c.sumBase[t]) {
            if (depth == chain.length) {
              chain = Arrays.copyOf(chain, depth * 2);
            }
            chain[depth++] = t;
          }
          while (depth > 0) {
            int t = chain[--depth];
            int m = c.sumBase[t] >= 0 ? sumLevel[c.sumBase[t]] : 0;
            for (int j = c.sumStarts[t]; j < c.sumStarts[t + 1]; j++) {
              m = Math.max(m, level[c.termNodes[j]]);
            }
            sumLevel[t] = m;
          }
        }
        in = sumLevel[s];
      } else {
        in = 0;
        for (int j = st[i]; j < st[i + 1]; j++) {
          int l = d[j];
          in = Math.max(in, level[l ^ (l >> 31)]);
        }
      }
      boolean counts = !thresholdOnly || k == Circuit.K_MAJ || k == Circuit.K_THRESHOLD;
      level[i] = counts ? in + 1 : in;
    }
    return level;
  }
}
